// Runs one source's connector in a child process, `recolte sync-worker` (app/sync_worker.cpp),
// and feeds what it streams back (sync/worker_protocol.hpp) to the daemon's sink, inside the
// daemon's open store transaction. The child runs in its own process group with RLIMIT_DATA set;
// past its time limit the whole group is killed. A crash, a kill, a limit or garbage on the pipe
// comes back as an error with a French reason; the caller then rolls the transaction back.
#pragma once

#include <atomic>
#include <string>

#include "recolte/sdk/connector.hpp"
#include "sync/run_limits.hpp"

namespace recolte::sync {

// What the daemon starts: its own binary (/proc/self/exe) with the config it was started with.
struct WorkerCommand {
    std::string executable;
    std::string config_path;
};

// The current executable and `configPath`.
WorkerCommand selfWorkerCommand(const std::string& configPath);

struct WorkerJob {
    std::string source;       // the source's name in the config
    std::string plugin_path;  // the library that provides its connector
    std::string bookmark;     // handed to the worker on its stdin
    RunLimits limits;
    // When it turns true (the daemon stops), the worker is killed within a second.
    const std::atomic<bool>* cancel = nullptr;
};

// False in sanitizer builds, which set no memory limit (their runtime reserves terabytes).
bool memoryLimitEnforced();

sdk::Expected<sdk::ReadResult> runInWorker(const WorkerCommand& command, const WorkerJob& job, sdk::RecordSink& sink,
                                           sdk::Log& log);

}  // namespace recolte::sync
