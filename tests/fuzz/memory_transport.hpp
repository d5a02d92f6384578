// A Transport that serves one in-memory blob: the fuzzer's input, as if it were the file named
// `name` (its extension is what connectors match folders on).
#pragma once

#include <string>
#include <vector>

#include "recolte/sdk/transport.hpp"

namespace recolte::fuzz {

class MemoryTransport : public sdk::Transport {
public:
    MemoryTransport(std::string name, std::string bytes) : name_(std::move(name)), bytes_(std::move(bytes)) {}

    sdk::Expected<std::vector<std::string>> list(const std::string&, const std::string&) override {
        return std::vector<std::string>{name_};
    }
    sdk::Expected<sdk::Blob> fetch(const std::string& location, const sdk::FetchOptions& options) override {
        if (location != name_) return sdk::dataError("no such file in the fuzz input", location);
        if (options.max_bytes && bytes_.size() > options.max_bytes) return sdk::dataError("too large", location);
        sdk::Blob b;
        b.name = name_;
        b.bytes = bytes_;
        return b;
    }

private:
    std::string name_;
    std::string bytes_;
};

}  // namespace recolte::fuzz
