// What the HTTP side is told about the configured sources (api::ConfiguredSource), and the bridge
// from the admin routes to the scheduler.
#pragma once

#include <string>
#include <vector>

#include "api/api_context.hpp"
#include "config/config.hpp"
#include "registry/plugin_registry.hpp"
#include "sync/scheduler.hpp"

namespace recolte::app {

// Each configured source with its finance flag (a connector that reads only invoices), its folder
// (a `path:` that is a directory: it takes uploads) and its `pattern` option when its connector has one.
std::vector<api::ConfiguredSource> servedSources(const config::Config& config, const registry::PluginRegistry& registry);

// Asks the scheduler for a sync of a configured source (the name is known to the API).
api::SyncQueued queueSync(sync::Scheduler& scheduler, const std::string& source);

}  // namespace recolte::app
