#include "registry/plugin_registry.hpp"

#include <dlfcn.h>

#include <Poco/ClassLoader.h>
#include <Poco/Exception.h>

#include <algorithm>
#include <filesystem>

#include "recolte/sdk/abi.hpp"

namespace recolte::registry {

// One ClassLoader per plugin: every plugin exports its class under the same name, "Connector".
struct PluginRegistry::Entry {
    PluginInfo info;
    void* handle = nullptr;  // our RTLD_NOW handle: keeps symbols bound for the process lifetime
    Poco::ClassLoader<sdk::Connector> loader;
    std::unique_ptr<sdk::Connector> prototype;  // for describe()
    sdk::ConnectorDescription description;
};

PluginRegistry::PluginRegistry(unsigned hostAbi) : hostAbi_(hostAbi) {}

PluginRegistry::~PluginRegistry() {
    for (auto& [name, entry] : entries_) {
        entry->prototype.reset();  // objects first, then the code they live in
        try {
            entry->loader.unloadLibrary(entry->info.path);
        } catch (const Poco::Exception&) {
        }
        if (entry->handle) dlclose(entry->handle);
    }
}

namespace {

std::string safe(const char* s) { return s ? std::string(s) : std::string("(null)"); }

}  // namespace

sdk::Expected<std::string> PluginRegistry::loadFile(const std::string& path) {
    auto fail = [&](const std::string& reason) -> sdk::Expected<std::string> {
        failures_.push_back({path, reason});
        return sdk::systemError(reason, path);
    };
    // Bind every symbol now: a missing one is a clear refusal here, not a crash at first call.
    void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!handle) return fail(std::string("cannot load: ") + safe(dlerror()));
    auto probeFn = reinterpret_cast<RecolteProbeFunction>(dlsym(handle, RECOLTE_PROBE_SYMBOL));
    if (!probeFn) {
        dlclose(handle);
        return fail("not a Récolte connector: no exported " RECOLTE_PROBE_SYMBOL "() (was it built with RECOLTE_CONNECTOR?)");
    }
    const RecolteConnectorProbe* probe = probeFn();
    if (!probe) {
        dlclose(handle);
        return fail(RECOLTE_PROBE_SYMBOL "() returned nothing");
    }
    PluginInfo info{path, safe(probe->connector_name), safe(probe->connector_version), safe(probe->sdk_version),
                    safe(probe->compiler_id), probe->abi_version};
    if (probe->abi_version != hostAbi_) {
        dlclose(handle);
        return fail("ABI mismatch: connector \"" + info.name + "\" " + info.version + " was built against SDK ABI " +
                    std::to_string(info.abi_version) + " (SDK " + info.sdk_version + ", " + info.compiler_id +
                    "), this hub provides SDK ABI " + std::to_string(hostAbi_) + " (SDK " +
                    RECOLTE_SDK_VERSION + ", " + RECOLTE_COMPILER_ID + "); rebuild the connector against this hub");
    }
    if (info.compiler_id != RECOLTE_COMPILER_ID) {
        dlclose(handle);
        return fail("compiler mismatch: connector \"" + info.name + "\" was built with " + info.compiler_id +
                    ", this hub with " RECOLTE_COMPILER_ID "; C++ plugins must use the same compiler");
    }
    if (entries_.count(info.name)) {
        dlclose(handle);
        return fail("a connector named \"" + info.name + "\" is already loaded from " + entries_[info.name]->info.path);
    }
    auto entry = std::make_unique<Entry>();
    entry->info = info;
    entry->handle = handle;
    try {
        entry->loader.loadLibrary(path);
        if (!entry->loader.canCreate("Connector")) throw Poco::NotFoundException("no class \"Connector\" in its manifest");
        entry->prototype.reset(entry->loader.create("Connector"));
        entry->description = entry->prototype->describe();
    } catch (const Poco::Exception& e) {
        entry->prototype.reset();
        try {
            entry->loader.unloadLibrary(path);
        } catch (const Poco::Exception&) {
        }
        dlclose(handle);
        return fail("Poco ClassLoader refused it: " + e.displayText());
    }
    if (entry->description.name != info.name) {
        std::string described = entry->description.name;
        entry->prototype.reset();
        entry->loader.unloadLibrary(path);
        dlclose(handle);
        return fail("the probe says \"" + info.name + "\" but describe() says \"" + described + "\"");
    }
    std::string name = info.name;
    entries_.emplace(name, std::move(entry));
    return name;
}

void PluginRegistry::loadDirectory(const std::string& dir) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
        failures_.push_back({dir, "plugin folder not found"});
        return;
    }
    std::vector<std::string> files;
    for (const auto& e : fs::directory_iterator(dir, ec)) {
        const std::string fname = e.path().filename().string();
        if (e.is_regular_file() && fname.rfind("lib", 0) == 0 && e.path().extension() == ".so")
            files.push_back(e.path().string());
    }
    std::sort(files.begin(), files.end());
    for (const auto& f : files) (void)loadFile(fs::absolute(f).string());
}

std::vector<std::string> PluginRegistry::names() const {
    std::vector<std::string> out;
    for (const auto& [name, e] : entries_) out.push_back(name);
    return out;
}

const PluginInfo* PluginRegistry::info(const std::string& name) const {
    auto it = entries_.find(name);
    return it == entries_.end() ? nullptr : &it->second->info;
}

const sdk::ConnectorDescription* PluginRegistry::description(const std::string& name) const {
    auto it = entries_.find(name);
    return it == entries_.end() ? nullptr : &it->second->description;
}

std::unique_ptr<sdk::Connector> PluginRegistry::create(const std::string& name) const {
    auto it = entries_.find(name);
    if (it == entries_.end()) return nullptr;
    return std::unique_ptr<sdk::Connector>(it->second->loader.create("Connector"));
}

}  // namespace recolte::registry
