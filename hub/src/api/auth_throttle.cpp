#include "api/auth_throttle.hpp"

#include <algorithm>

namespace recolte::api {

namespace {

// Whole seconds, rounded up, so that a client retrying after Retry-After is never early.
int64_t ceilSeconds(AuthThrottle::Clock::duration d) {
    if (d <= AuthThrottle::Clock::duration::zero()) return 0;
    const auto s = std::chrono::duration_cast<std::chrono::seconds>(d);
    return s.count() + (s < d ? 1 : 0);
}

}  // namespace

int64_t AuthThrottle::waitSeconds(const std::string& address) {
    std::lock_guard lock(mutex_);
    auto it = entries_.find(address);
    if (it == entries_.end()) return 0;
    return ceilSeconds(it->second.blocked_until - now_());
}

int64_t AuthThrottle::failure(const std::string& address) {
    std::lock_guard lock(mutex_);
    const auto now = now_();
    auto it = entries_.find(address);
    if (it != entries_.end() && now - it->second.last_failure >= settings_.forget_after) {
        entries_.erase(it);
        it = entries_.end();
    }
    if (it == entries_.end()) {
        makeRoom(now);
        it = entries_.emplace(address, Entry{}).first;
    }
    Entry& e = it->second;
    ++e.failures;
    e.last_failure = now;
    const int64_t beyond = e.failures - settings_.free_failures;  // 1 = the first failure past the free ones
    if (beyond <= 0) return 0;
    // 2^(beyond-1) seconds, capped; the shift is bounded so it cannot overflow.
    const int64_t cap = std::max<int64_t>(1, settings_.max_delay.count());
    const int64_t delay = beyond > 40 ? cap : std::min<int64_t>(cap, int64_t{1} << (beyond - 1));
    e.blocked_until = now + std::chrono::seconds(delay);
    return delay;
}

void AuthThrottle::success(const std::string& address) {
    std::lock_guard lock(mutex_);
    entries_.erase(address);
}

size_t AuthThrottle::size() const {
    std::lock_guard lock(mutex_);
    return entries_.size();
}

void AuthThrottle::makeRoom(Clock::time_point now) {
    if (entries_.size() < settings_.max_addresses) return;
    for (auto it = entries_.begin(); it != entries_.end();)
        it = now - it->second.last_failure >= settings_.forget_after ? entries_.erase(it) : std::next(it);
    while (!entries_.empty() && entries_.size() >= settings_.max_addresses) {
        auto oldest = std::min_element(entries_.begin(), entries_.end(), [](const auto& a, const auto& b) {
            return a.second.last_failure < b.second.last_failure;
        });
        entries_.erase(oldest);
    }
}

}  // namespace recolte::api
