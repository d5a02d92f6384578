// One sync of one source: run the connector, normalize what it emits, diff against the store and
// commit records, bookmark, run summary and rejects in one transaction. A connector error or a
// crash of the store leaves the previous catalogue as it was.
#pragma once

#include <functional>
#include <string>

#include "config/config.hpp"
#include "model/catalog.hpp"
#include "recolte/sdk/transport.hpp"

namespace recolte::registry { class PluginRegistry; }
namespace recolte::store { class Store; }

namespace recolte::sync {

struct Progress {
    std::string source;
    int64_t records = 0;  // read so far (records + rejects)
    uint64_t done = 0;    // in the connector's unit (bytes...)
    uint64_t total = 0;   // 0 = unknown
};
using ProgressCallback = std::function<void(const Progress&)>;

class SyncEngine {
public:
    SyncEngine(store::Store& store, const registry::PluginRegistry& registry, sdk::Transport& transport)
        : store_(store), registry_(registry), transport_(transport) {}

    // Never throws: failures come back as a run with outcome "failed" and its error.
    model::SyncRun syncSource(const config::SourceConfig& source, const ProgressCallback& progress = {});

private:
    store::Store& store_;
    const registry::PluginRegistry& registry_;
    sdk::Transport& transport_;
};

}  // namespace recolte::sync
