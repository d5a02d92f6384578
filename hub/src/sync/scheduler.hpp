// Runs every source's sync at start, then each on its own `every`, one sync at a time (the store
// has one writer). stop() interrupts the wait, and kills a read running in a worker process
// (an inline one is waited for).
#pragma once

#include <chrono>
#include <condition_variable>
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

private:
    void loop();

    SyncEngine& engine_;
    std::vector<config::SourceConfig> sources_;
    OnRun onRun_;
    std::thread thread_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
};

}  // namespace recolte::sync
