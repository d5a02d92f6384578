// What every command sets up from a config: logging, plugins, store. Failures are printed as
// clear messages and turned into exit codes by the caller.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "config/config.hpp"
#include "registry/plugin_registry.hpp"
#include "store/store.hpp"

namespace recolte::app {

// Exit codes (sysexits): 0 ok, 1 a sync failed, 64 usage, 65 bad data/config, 70 internal.
constexpr int kExitOk = 0;
constexpr int kExitSyncFailed = 1;
constexpr int kExitUsage = 64;
constexpr int kExitConfig = 78;
constexpr int kExitSoftware = 70;

void setupLogging(const std::string& level);

// build/bin/recolte -> build/lib/recolte/plugins
std::string defaultPluginDir();

// Loads plugins from `dir` (or the default) and prints each failure to stderr as a warning.
void loadPlugins(registry::PluginRegistry& registry, const std::string& dir, bool quiet = false);

struct Runtime {
    config::Config config;
    registry::PluginRegistry registry;
    std::unique_ptr<store::Store> store;
};

// Loads and checks the config, loads plugins, opens the store when asked. Prints every problem
// to stderr and returns nullptr on failure.
std::unique_ptr<Runtime> openRuntime(const std::string& configPath, bool withStore, int portOverride = -1);

}  // namespace recolte::app
