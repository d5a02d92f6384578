#include "sync/scheduler.hpp"

#include <spdlog/spdlog.h>

namespace recolte::sync {

void Scheduler::start() {
    if (thread_.joinable()) return;
    stopping_ = false;
    thread_ = std::thread([this] { loop(); });
}

void Scheduler::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    engine_.cancel();  // a read in a worker is killed rather than waited for (up to its time limit)
    if (thread_.joinable()) thread_.join();
}

Scheduler::Request Scheduler::requestSync(const std::string& source) {
    size_t index = 0;
    while (index < sources_.size() && sources_[index].name != source) ++index;
    if (index == sources_.size()) return Request::UnknownSource;
    {
        std::lock_guard lock(mutex_);
        for (size_t waiting : requested_)
            if (waiting == index) return Request::AlreadyQueued;
        requested_.push_back(index);
        if (running_ != index) {
            wake_.notify_all();
            return Request::Queued;
        }
    }
    return Request::QueuedBehindRunning;
}

void Scheduler::loop() {
    using Clock = std::chrono::steady_clock;
    std::vector<Clock::time_point> due(sources_.size(), Clock::now());
    std::vector<bool> active(sources_.size(), true);
    while (true) {
        size_t next = sources_.size();
        for (size_t i = 0; i < sources_.size(); ++i)
            if (active[i] && (next == sources_.size() || due[i] < due[next])) next = i;
        {
            std::unique_lock lock(mutex_);
            const auto woken = [this] { return stopping_ || !requested_.empty(); };
            if (next == sources_.size()) wake_.wait(lock, woken);
            else wake_.wait_until(lock, due[next], woken);
            if (stopping_) return;
            if (!requested_.empty()) {
                next = requested_.front();
                requested_.pop_front();
            }
            running_ = next;
        }
        const auto& src = sources_[next];
        model::SyncRun run = engine_.syncSource(src);
        {
            std::lock_guard lock(mutex_);
            running_ = kNone;
        }
        if (onRun_) onRun_(run);
        if (src.every_seconds > 0)
            due[next] = Clock::now() + std::chrono::seconds(src.every_seconds);
        else
            active[next] = false;
    }
}

}  // namespace recolte::sync
