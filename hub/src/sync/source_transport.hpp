// The transport one source's connector gets: http(s) URLs go to HttpTransport, file and folder
// paths to FileTransport, both built from the source's host options (timeout, retries, max_bytes,
// credentials).
#pragma once

#include "recolte/sdk/transport.hpp"
#include "sync/file_transport.hpp"
#include "sync/http_transport.hpp"
#include "sync/transport_options.hpp"

namespace recolte::sync {

class SourceTransport : public sdk::Transport {
public:
    // `log` (may be null) gets the HTTP fetch lines; it must outlive the transport.
    SourceTransport(const TransportSettings& settings, sdk::Log* log);

    sdk::Expected<std::vector<std::string>> list(const std::string& location, const std::string& pattern) override;
    sdk::Expected<sdk::Blob> fetch(const std::string& location, const sdk::FetchOptions& options = {}) override;

private:
    FileTransport file_;
    HttpTransport http_;
};

}  // namespace recolte::sync
