// The host side of sdk::Transport for local files and folders. (HTTP comes with the platform
// connectors.)
#pragma once

#include <cstdint>

#include "recolte/sdk/transport.hpp"

namespace recolte::sync {

class FileTransport : public sdk::Transport {
public:
    explicit FileTransport(uint64_t maxBytes = 2ull << 30) : maxBytes_(maxBytes) {}
    sdk::Expected<std::vector<std::string>> list(const std::string& location, const std::string& pattern) override;
    sdk::Expected<sdk::Blob> fetch(const std::string& location, const sdk::FetchOptions& options = {}) override;

private:
    uint64_t maxBytes_;
};

}  // namespace recolte::sync
