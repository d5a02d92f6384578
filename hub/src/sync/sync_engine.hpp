// One sync of one source: run the connector, normalize what it emits, diff against the store and
// commit records, bookmark, run summary and rejects in one transaction. A connector error or a
// crash of the store leaves the previous catalogue as it was.
#pragma once

#include <atomic>
#include <functional>
#include <optional>
#include <string>
#include <utility>

#include "config/config.hpp"
#include "model/catalog.hpp"
#include "recolte/sdk/transport.hpp"
#include "sync/isolated_run.hpp"
#include "sync/transport_options.hpp"

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

// Each sync builds its source's transport (sync/source_transport.hpp) from the source's host
// options: files and folders, or http(s) with that source's timeout, retries and credentials.
class SyncEngine {
public:
    // `lookupEnv` resolves bearer_token_env / api_key_env when a source syncs.
    SyncEngine(store::Store& store, const registry::PluginRegistry& registry, EnvLookup lookupEnv = processEnv)
        : store_(store), registry_(registry), lookupEnv_(std::move(lookupEnv)) {}

    // From now on each read runs in a child process started with `command` (isolated_run.hpp),
    // within the limits of the config's `sync:` map (`hubLimits`) and the source's own keys, unless
    // the source says `isolation: inline`. Without this call every read runs in this process.
    void isolate(WorkerCommand command, sdk::ConfigValue hubLimits) {
        worker_ = std::move(command);
        hubLimits_ = std::move(hubLimits);
    }

    // Stops the read running in a worker, if any, and every later one (the daemon is stopping):
    // the sync fails and its transaction is rolled back. Callable from any thread.
    void cancel() { cancel_ = true; }

    // Never throws: failures come back as a run with outcome "failed" and its error.
    model::SyncRun syncSource(const config::SourceConfig& source, const ProgressCallback& progress = {});

private:
    std::optional<WorkerCommand> worker_;
    std::atomic<bool> cancel_{false};
    sdk::ConfigValue hubLimits_;
    store::Store& store_;
    const registry::PluginRegistry& registry_;
    EnvLookup lookupEnv_;
};

}  // namespace recolte::sync
