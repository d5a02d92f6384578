// Loads connector plugins. Each library is probed first (dlopen RTLD_NOW, then the exported ABI
// probe) and only then handed to Poco's ClassLoader; a plugin that fails is reported and skipped.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "recolte/sdk/abi.hpp"
#include "recolte/sdk/connector.hpp"
#include "recolte/sdk/expected.hpp"

namespace recolte::registry {

struct PluginInfo {
    std::string path;
    std::string name;
    std::string version;
    std::string sdk_version;
    std::string compiler_id;
    unsigned abi_version = 0;
};

struct LoadFailure {
    std::string path;
    std::string reason;
};

class PluginRegistry {
public:
    // `hostAbi` is the SDK ABI this hub provides; the acceptance kit passes another one to prove
    // that a plugin built against a different ABI is refused.
    explicit PluginRegistry(unsigned hostAbi = RECOLTE_SDK_ABI_VERSION);
    ~PluginRegistry();
    PluginRegistry(const PluginRegistry&) = delete;
    PluginRegistry& operator=(const PluginRegistry&) = delete;

    // Loads every lib*.so of the folder in name order; failures are recorded, the rest load.
    void loadDirectory(const std::string& dir);
    // Loads one plugin; returns the connector name or why it was refused.
    sdk::Expected<std::string> loadFile(const std::string& path);

    const std::vector<LoadFailure>& failures() const { return failures_; }
    std::vector<std::string> names() const;  // sorted
    const PluginInfo* info(const std::string& name) const;
    const sdk::ConnectorDescription* description(const std::string& name) const;
    // A new connector instance; nullptr when no such connector is loaded.
    std::unique_ptr<sdk::Connector> create(const std::string& name) const;

private:
    struct Entry;
    std::map<std::string, std::unique_ptr<Entry>> entries_;
    std::vector<LoadFailure> failures_;
    unsigned hostAbi_;
};

}  // namespace recolte::registry
