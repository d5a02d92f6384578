// Runs every source's sync at start, then each on its own `every`, one sync at a time (the store
// has one writer). stop() interrupts the wait, and kills a read running in a worker process
// (an inline one is waited for). requestSync() asks for one more run of a source as soon as the
// current one (if any) ends: requested runs go before scheduled ones, in the order asked, and
// count as the source's run (its next one is `every` after it).
#pragma once

#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "config/config.hpp"
#include "sync/sync_engine.hpp"

namespace recolte::sync {

class Scheduler {
public:
    using OnRun = std::function<void(const model::SyncRun&)>;
    Scheduler(SyncEngine& engine, std::vector<config::SourceConfig> sources, OnRun onRun = {})
        : engine_(engine), sources_(std::move(sources)), onRun_(std::move(onRun)) {}
    ~Scheduler() { stop(); }

    void start();
    void stop();

    enum class Request {
        Queued,               // will start as soon as the scheduler is free
        QueuedBehindRunning,  // this source is syncing now: one more run follows, which sees later changes
        AlreadyQueued,        // a run asked earlier has not started yet: it will see this change too
        UnknownSource,
    };
    Request requestSync(const std::string& source);

private:
    void loop();

    SyncEngine& engine_;
    std::vector<config::SourceConfig> sources_;
    OnRun onRun_;
    std::thread thread_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    std::deque<size_t> requested_;         // indexes into sources_, guarded by mutex_
    static constexpr size_t kNone = static_cast<size_t>(-1);
    size_t running_ = kNone;  // the source syncing now, guarded by mutex_
};

}  // namespace recolte::sync
