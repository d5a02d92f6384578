// What the HTTP handlers may see: the store (read side), the configured sources, and counters.
// Never a connector: publishers read the store.
#pragma once

#include <atomic>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "config/config.hpp"

namespace recolte::store { class Store; }
namespace recolte::api { class Authenticator; class AuthThrottle; }

namespace recolte::api {

struct ConfiguredSource {
    std::string name;
    std::string connector;
    int64_t every_seconds = 0;
    // Its connector reads only invoices (choruspro): its rejects quote invoices, so they are
    // finance data too, served to a finance token only.
    bool finance = false;
    // Where it reads: a local folder takes uploads (PUT .../files/{name}); empty for a URL or a file.
    std::string folder;
    // The connector's `pattern` option for this source ("" = it has none): an upload must match it.
    std::string file_pattern;
};

// What asking for a sync did (the scheduler's answer, seen from the API).
enum class SyncQueued { Queued, QueuedBehindRunning, AlreadyQueued };

class Metrics {
public:
    void countRequest(const std::string& route, int status);
    void countSync(const std::string& outcome);
    std::string render() const;  // Prometheus text format

private:
    mutable std::mutex mutex_;
    std::map<std::pair<std::string, int>, uint64_t> requests_;
    std::map<std::string, uint64_t> syncs_;
};

struct ApiContext {
    store::Store& store;
    std::vector<ConfiguredSource> sources;
    Metrics& metrics;
    // The finance routes' tokens; null = no token configured, so every finance route answers 401.
    const Authenticator* auth = nullptr;
    int64_t invoices_local_km = 0;  // config invoices.local_km (the spend summary's "local")
    config::HttpLimits limits;      // config http: body, header and URI limits
    // Failed tokens per client address; null = no slow-down.
    AuthThrottle* throttle = nullptr;
    // Queues a sync of a configured source (admin routes); null = no scheduler (answers 503).
    std::function<SyncQueued(const std::string& source)> queueSync;
};

}  // namespace recolte::api
