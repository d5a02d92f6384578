// Slows down guessing of bearer tokens: after `free_failures` unknown tokens from one client
// address, that address must wait before its next try, twice as long after each further failure
// (1 s, 2 s, 4 s... up to `max_delay`), and is answered 429 with Retry-After meanwhile. Nothing
// sleeps: the server's threads are few, so a waiting client costs one map lookup. A known token
// clears its own address only. The table holds at most `max_addresses` entries; when full, entries
// forgotten by time go first, then the one idle longest.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <unordered_map>

namespace recolte::api {

class AuthThrottle {
public:
    using Clock = std::chrono::steady_clock;
    struct Settings {
        int64_t free_failures = 10;
        std::chrono::seconds max_delay{900};
        // An address with no failure for this long starts again from zero.
        std::chrono::seconds forget_after{3600};
        size_t max_addresses = 10000;
    };

    explicit AuthThrottle(Settings settings, std::function<Clock::time_point()> now = Clock::now)
        : settings_(settings), now_(std::move(now)) {}

    // Seconds `address` must still wait before presenting a token (0 = it may try now).
    int64_t waitSeconds(const std::string& address);
    // An unknown token from `address`; returns the seconds it must now wait (0 while still free).
    int64_t failure(const std::string& address);
    // A known token from `address`: its failures are forgotten.
    void success(const std::string& address);

    size_t size() const;

private:
    struct Entry {
        int64_t failures = 0;
        Clock::time_point last_failure;
        Clock::time_point blocked_until;
    };
    void makeRoom(Clock::time_point now);

    Settings settings_;
    std::function<Clock::time_point()> now_;
    mutable std::mutex mutex_;
    std::unordered_map<std::string, Entry> entries_;
};

}  // namespace recolte::api
