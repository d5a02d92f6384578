#include "sync/source_transport.hpp"

namespace recolte::sync {

SourceTransport::SourceTransport(const TransportSettings& settings, sdk::Log* log)
    : file_(settings.max_bytes), http_(settings, log) {}

sdk::Expected<std::vector<std::string>> SourceTransport::list(const std::string& location, const std::string& pattern) {
    return isHttpUrl(location) ? http_.list(location, pattern) : file_.list(location, pattern);
}

sdk::Expected<sdk::Blob> SourceTransport::fetch(const std::string& location, const sdk::FetchOptions& options) {
    return isHttpUrl(location) ? http_.fetch(location, options) : file_.fetch(location, options);
}

}  // namespace recolte::sync
