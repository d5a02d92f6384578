#include <gtest/gtest.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "config/config.hpp"
#include "registry/plugin_registry.hpp"
#include "store/store.hpp"
#include "support/temp_dir.hpp"
#include "sync/scheduler.hpp"

namespace recolte::sync {
namespace {

using namespace std::chrono_literals;

// Two sources of the test connector, synced once at start (no `every`), and the runs in order.
class SchedulerTest : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(registry_.loadFile(std::string(RECOLTE_TEST_BAD_PLUGIN_DIR) + "/libtest_good.so").ok());
        store::StoreOptions options;
        options.sqlite_path = dir_.file("hub.db");
        store_ = store::openStore(options);
        auto r = config::loadConfigFromString("store: {sqlite: x.db}\nsources:\n"
                                              "  - {name: premiere, connector: test_good, path: p, count: 2}\n"
                                              "  - {name: seconde, connector: test_good, path: p, count: 3}\n",
                                              dir_.file("c.yaml"));
        ASSERT_TRUE(r.errors.empty());
        sources_ = r.config.sources;
    }

    Scheduler::OnRun record() {
        return [this](const model::SyncRun& run) {
            std::lock_guard lock(mutex_);
            runs_.push_back(run.source);
            changed_.notify_all();
        };
    }

    // The sources synced so far, once there are at least `n` (or after 30 s).
    std::vector<std::string> waitForRuns(size_t n) {
        std::unique_lock lock(mutex_);
        changed_.wait_for(lock, 30s, [&] { return runs_.size() >= n; });
        return runs_;
    }

    std::vector<std::string> runsNow() {
        std::lock_guard lock(mutex_);
        return runs_;
    }

    testing::TempDir dir_;
    registry::PluginRegistry registry_;
    std::unique_ptr<store::Store> store_;
    std::vector<config::SourceConfig> sources_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::vector<std::string> runs_;
};

TEST_F(SchedulerTest, ARequestedSyncGoesFirstAndTwoRequestsMakeOneRun) {
    SyncEngine engine(*store_, registry_);
    Scheduler scheduler(engine, sources_, record());
    EXPECT_EQ(scheduler.requestSync("seconde"), Scheduler::Request::Queued);
    EXPECT_EQ(scheduler.requestSync("seconde"), Scheduler::Request::AlreadyQueued) << "not started yet: merged";
    EXPECT_EQ(scheduler.requestSync("inconnue"), Scheduler::Request::UnknownSource);
    scheduler.start();
    // The requested run first; it stands for the source's run at start, then the other source's.
    EXPECT_EQ(waitForRuns(2), (std::vector<std::string>{"seconde", "premiere"}));
    std::this_thread::sleep_for(300ms);
    EXPECT_EQ(runsNow(), (std::vector<std::string>{"seconde", "premiere"})) << "the merged request ran once";
    scheduler.stop();
}

TEST_F(SchedulerTest, ARequestWakesAnIdleScheduler) {
    SyncEngine engine(*store_, registry_);
    Scheduler scheduler(engine, sources_, record());
    scheduler.start();
    ASSERT_EQ(waitForRuns(2).size(), 2u);  // the runs at start; nothing else is due, ever
    EXPECT_EQ(scheduler.requestSync("premiere"), Scheduler::Request::Queued);
    EXPECT_EQ(waitForRuns(3), (std::vector<std::string>{"premiere", "seconde", "premiere"}));
    scheduler.stop();
}

}  // namespace
}  // namespace recolte::sync
