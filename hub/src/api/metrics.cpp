#include <sstream>

#include "api/api_context.hpp"

namespace recolte::api {

void Metrics::countRequest(const std::string& route, int status) {
    std::lock_guard lock(mutex_);
    ++requests_[{route, status}];
}

void Metrics::countSync(const std::string& outcome) {
    std::lock_guard lock(mutex_);
    ++syncs_[outcome];
}

std::string Metrics::render() const {
    std::lock_guard lock(mutex_);
    std::ostringstream out;
    out << "# HELP recolte_http_requests_total HTTP requests served, by route and status.\n"
        << "# TYPE recolte_http_requests_total counter\n";
    for (const auto& [key, n] : requests_)
        out << "recolte_http_requests_total{route=\"" << key.first << "\",status=\"" << key.second << "\"} " << n << "\n";
    out << "# HELP recolte_sync_runs_total Source syncs run by this process, by outcome.\n"
        << "# TYPE recolte_sync_runs_total counter\n";
    for (const auto& [outcome, n] : syncs_) out << "recolte_sync_runs_total{outcome=\"" << outcome << "\"} " << n << "\n";
    return out.str();
}

}  // namespace recolte::api
