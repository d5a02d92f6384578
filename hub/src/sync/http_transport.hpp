// The host side of sdk::Transport for http:// and https:// URLs (Poco HTTPClientSession /
// HTTPSClientSession): timeout, bounded retries with exponential backoff on transient failures,
// conditional GET, a size limit, redirects, and an optional bearer token or API-key header.
// Errors are sdk::Error values naming the URL; secrets never appear in an error or a log line.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "recolte/sdk/transport.hpp"
#include "sync/transport_options.hpp"

namespace recolte::sync {

class HttpTransport : public sdk::Transport {
public:
    // `log` (may be null) receives one debug line per request and a warning per retry.
    explicit HttpTransport(TransportSettings settings, sdk::Log* log = nullptr);

    // A URL is one document: list() returns it as given.
    sdk::Expected<std::vector<std::string>> list(const std::string& location, const std::string& pattern) override;
    sdk::Expected<sdk::Blob> fetch(const std::string& location, const sdk::FetchOptions& options = {}) override;

private:
    struct Attempt;
    Attempt attempt(const std::string& url, const sdk::FetchOptions& options);
    sdk::Error scrub(sdk::Error e) const;
    void debug(const std::string& msg) const;
    void warn(const std::string& msg) const;

    TransportSettings settings_;
    sdk::Log* log_;
};

bool isHttpUrl(const std::string& location);

// The URL as it may be shown: without user:password@.
std::string displayUrl(const std::string& url);

// Whether a redirect from `from` to `to` may be followed: http(s) only, and never from https down
// to http. Empty when allowed, else the reason (in French, for the sync error).
std::string redirectRefusal(const std::string& from, const std::string& to);

// Seconds to wait from a Retry-After value (delta-seconds or an HTTP date); nullopt when unreadable.
std::optional<int64_t> parseRetryAfter(const std::string& value);

}  // namespace recolte::sync
