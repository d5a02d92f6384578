// What the HTTP handlers may see: the store (read side), the configured sources, and counters.
// Never a connector: publishers read the store.
#pragma once

#include <atomic>
#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace recolte::store { class Store; }
namespace recolte::api { class Authenticator; }

namespace recolte::api {

struct ConfiguredSource {
    std::string name;
    std::string connector;
    int64_t every_seconds = 0;
    // Its connector reads only invoices (choruspro): its rejects quote invoices, so they are
    // finance data too, served to a finance token only.
    bool finance = false;
};

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
};

}  // namespace recolte::api
