// Syncs whose connector runs in a `recolte sync-worker` child (the real binary): the same counts and
// records as in-process, the connector's own errors passed through, and a worker that crashes,
// hangs, leaks or corrupts its pipe stopped with a French reason, its partial records rolled back.
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <future>
#include <thread>

#include "config/config.hpp"
#include "registry/plugin_registry.hpp"
#include "store/store.hpp"
#include "support/temp_dir.hpp"
#include "sync/sync_engine.hpp"

namespace recolte::sync {
namespace {

const std::string kBrokenPlugin = std::string(RECOLTE_TEST_BAD_PLUGIN_DIR) + "/../broken-plugins/libtest_broken.so";

class IsolatedSyncTest : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(registry_.loadFile(std::string(RECOLTE_TEST_BAD_PLUGIN_DIR) + "/libtest_good.so").ok());
        ASSERT_TRUE(registry_.loadFile(kBrokenPlugin).ok()) << kBrokenPlugin;
        store::StoreOptions options;
        options.sqlite_path = dir_.file("hub.db");
        store_ = store::openStore(options);
        std::filesystem::create_directories(dir_.path() / "broken");
    }

    // Writes a config with one source (YAML flow map body) and `hub` as its sync: map; the worker
    // reads the same file.
    config::SourceConfig source(const std::string& body, const std::string& hub = "{}") {
        const std::string path = dir_.write("recolte.yaml", "store: {sqlite: x.db}\nsync: " + hub +
                                                                "\nsources:\n  - {name: t, " + body + "}\n");
        auto r = config::loadConfig(path);
        EXPECT_TRUE(r.errors.empty()) << (r.errors.empty() ? "" : r.errors[0]);
        hubLimits_ = r.config.sync_defaults;
        return r.config.sources.at(0);
    }

    model::SyncRun sync(const config::SourceConfig& src, bool isolated = true) {
        SyncEngine engine(*store_, registry_);
        if (isolated) engine.isolate(WorkerCommand{RECOLTE_TEST_BINARY, dir_.file("recolte.yaml")}, hubLimits_);
        return engine.syncSource(src);
    }

    model::SyncRun broken(const std::string& mode, const std::string& limits = "") {
        dir_.write("broken/mode", mode + "\n");
        return sync(source("connector: test_broken, path: broken, count: 4" + limits));
    }

    testing::TempDir dir_;
    registry::PluginRegistry registry_;
    std::unique_ptr<store::Store> store_;
    sdk::ConfigValue hubLimits_;
};

TEST_F(IsolatedSyncTest, SameCountsAndRecordsAsInProcess) {
    auto run = sync(source("connector: test_good, path: p, count: 6, needs: 2, invoices: 2, invoice_statuses: 1"));
    ASSERT_EQ(run.outcome, "ok") << run.error;
    EXPECT_EQ(run.counts.read, 11);
    EXPECT_EQ(run.counts.accepted, 11);
    EXPECT_EQ(run.counts.added, 10);
    EXPECT_EQ(store_->offerCount(), 6);
    // The same read in-process finds nothing changed: the records came through the pipe unchanged.
    auto inline_ = sync(source("connector: test_good, path: p, count: 6, needs: 2, invoices: 2, invoice_statuses: 1"), false);
    ASSERT_EQ(inline_.outcome, "ok") << inline_.error;
    EXPECT_EQ(inline_.counts.unchanged, 10);
    EXPECT_EQ(inline_.counts.changed, 0);
}

TEST_F(IsolatedSyncTest, TheConnectorsOwnErrorComesBackWithItsKind) {
    ASSERT_EQ(sync(source("connector: test_good, path: p, count: 3")).outcome, "ok");
    auto run = sync(source("connector: test_good, path: p, count: 10, fail_after: 7"));
    EXPECT_EQ(run.outcome, "failed");
    EXPECT_NE(run.error.find("system error: simulated failure after 7 offers"), std::string::npos) << run.error;
    EXPECT_EQ(store_->offerCount(), 3);
}

TEST_F(IsolatedSyncTest, ACrashFailsTheSyncAndKeepsThePreviousCatalogue) {
    ASSERT_EQ(broken("ok").outcome, "ok");
    ASSERT_EQ(store_->offerCount(), 4);
    auto run = sync(source("connector: test_broken, path: broken, count: 9"));  // mode still ok: 9 offers
    ASSERT_EQ(run.outcome, "ok") << run.error;
    ASSERT_EQ(store_->offerCount(), 9);
    dir_.write("broken/mode", "crash\n");
    run = sync(source("connector: test_broken, path: broken, count: 2"));
    EXPECT_EQ(run.outcome, "failed");
    // Under ASan (no memory limit there) the sanitizer catches the SIGSEGV, reports it and aborts.
    const char* expected = memoryLimitEnforced() ? "le connecteur s'est arrêté : signal 11 (SIGSEGV)"
                                                 : "le connecteur s'est arrêté : signal 6 (SIGABRT)";
    EXPECT_NE(run.error.find(expected), std::string::npos) << run.error;
    EXPECT_EQ(store_->offerCount(), 9);  // the 2 offers it sent before crashing were rolled back
}

TEST_F(IsolatedSyncTest, AnAbortIsNamed) {
    auto run = broken("abort");
    EXPECT_EQ(run.outcome, "failed");
    EXPECT_NE(run.error.find("signal 6 (SIGABRT)"), std::string::npos) << run.error;
    EXPECT_EQ(store_->offerCount(), 0);
}

TEST_F(IsolatedSyncTest, AHangIsKilledAtTheTimeLimit) {
    const auto t0 = std::chrono::steady_clock::now();
    auto run = broken("hang", ", time_limit: 2s");
    const auto took = std::chrono::steady_clock::now() - t0;
    EXPECT_EQ(run.outcome, "failed");
    EXPECT_NE(run.error.find("limite de temps de 2 s dépassée"), std::string::npos) << run.error;
    EXPECT_LT(took, std::chrono::seconds(60));  // killed, not waited for (a bound, not a timing target)
    EXPECT_EQ(store_->offerCount(), 0);
}

TEST_F(IsolatedSyncTest, CancelKillsAReadInProgress) {
    dir_.write("broken/mode", "hang\n");
    const auto src = source("connector: test_broken, path: broken, time_limit: 10m");
    SyncEngine engine(*store_, registry_);
    engine.isolate(WorkerCommand{RECOLTE_TEST_BINARY, dir_.file("recolte.yaml")}, hubLimits_);
    auto running = std::async(std::launch::async, [&] { return engine.syncSource(src); });
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    engine.cancel();
    ASSERT_EQ(running.wait_for(std::chrono::seconds(60)), std::future_status::ready);  // not the 10 min limit
    auto run = running.get();
    EXPECT_EQ(run.outcome, "failed");
    EXPECT_NE(run.error.find("lecture interrompue : arrêt du service"), std::string::npos) << run.error;
}

TEST_F(IsolatedSyncTest, AHubWideTimeLimitAppliesAndASourceOverridesIt) {
    dir_.write("broken/mode", "hang\n");
    auto run = sync(source("connector: test_broken, path: broken", "{time_limit: 1s}"));
    EXPECT_NE(run.error.find("limite de temps de 1 s dépassée"), std::string::npos) << run.error;
    run = sync(source("connector: test_broken, path: broken, time_limit: 2s", "{time_limit: 1s}"));
    EXPECT_NE(run.error.find("limite de temps de 2 s dépassée"), std::string::npos) << run.error;
}

TEST_F(IsolatedSyncTest, ALeakIsStoppedAtTheMemoryLimit) {
    if (!memoryLimitEnforced()) GTEST_SKIP() << "sanitizer build: no memory limit";
    auto run = broken("leak", ", memory_limit: 256MiB");
    EXPECT_EQ(run.outcome, "failed");
    EXPECT_NE(run.error.find("limite mémoire de 256 Mio"), std::string::npos) << run.error;
    EXPECT_EQ(store_->offerCount(), 0);
}

TEST_F(IsolatedSyncTest, BytesWrittenOntoTheFramePipeAreRefused) {
    auto run = broken("corrupt", ", time_limit: 20s");
    EXPECT_EQ(run.outcome, "failed");
    EXPECT_NE(run.error.find("réponse illisible du processus de lecture"), std::string::npos) << run.error;
    EXPECT_EQ(run.error.find("limite de temps"), std::string::npos) << run.error;  // stopped at once, not at the limit
    EXPECT_EQ(store_->offerCount(), 0);
}

TEST_F(IsolatedSyncTest, PrintedGarbageDoesNotCorruptTheRecords) {
    auto run = broken("garbage");
    ASSERT_EQ(run.outcome, "ok") << run.error;
    EXPECT_EQ(run.counts.read, run.counts.accepted + run.counts.rejected);
    EXPECT_EQ(run.counts.read, 4 + 3 + 1 + 1);  // 4 good offers, 3 nonsense ones, a need, a reject
    EXPECT_EQ(store_->offerCount(), 4);
}

TEST_F(IsolatedSyncTest, InlineRunsInTheDaemon) {
    // In-process, the worker's mode file is read by this process: "ok" is safe to run here.
    auto run = broken("ok", ", isolation: inline");
    ASSERT_EQ(run.outcome, "ok") << run.error;
    EXPECT_EQ(store_->offerCount(), 4);
}

TEST(RunLimits, DefaultsHubValuesAndOverrides) {
    auto none = runLimitsFrom({}, {});
    ASSERT_TRUE(none.ok());
    EXPECT_TRUE(none->isolated);
    EXPECT_EQ(none->time_limit, std::chrono::minutes(30));
    EXPECT_EQ(none->memory_limit, 2ull << 30);
    EXPECT_EQ(parseByteSize("512MiB"), 512ull << 20);
    EXPECT_EQ(parseByteSize("3G"), 3ull << 30);
    EXPECT_EQ(parseByteSize("1048576"), 1ull << 20);
    EXPECT_FALSE(parseByteSize("12 parsecs"));
    EXPECT_FALSE(parseByteSize("MiB"));
    EXPECT_EQ(mebibytesFr(256ull << 20), "256 Mio");
}

TEST_F(IsolatedSyncTest, BadLimitsAreConfigErrorsNamingTheKey) {
    auto r = config::loadConfigFromString("store: {sqlite: x.db}\nsync: {memory_limit: 4KiB}\n", dir_.file("c.yaml"));
    ASSERT_EQ(r.errors.size(), 1u);
    EXPECT_NE(r.errors[0].find("sync.memory_limit: expected at least 32MiB"), std::string::npos) << r.errors[0];
    r = config::loadConfigFromString("store: {sqlite: x.db}\nsync: {isolation: chroot}\n", dir_.file("c.yaml"));
    ASSERT_EQ(r.errors.size(), 1u);
    EXPECT_NE(r.errors[0].find("isolation"), std::string::npos) << r.errors[0];
    r = config::loadConfigFromString("store: {sqlite: x.db}\nsync: {time_limt: 1s}\n", dir_.file("c.yaml"));
    ASSERT_EQ(r.errors.size(), 1u);
    EXPECT_NE(r.errors[0].find("valid options are: isolation, memory_limit, time_limit"), std::string::npos) << r.errors[0];
    r = config::loadConfigFromString(
        "store: {sqlite: x.db}\nsources:\n  - {name: t, connector: test_good, path: p, time_limit: 0s}\n", dir_.file("c.yaml"));
    ASSERT_TRUE(r.errors.empty());
    auto errors = config::checkSources(r.config, registry_);
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_NE(errors[0].find("c.yaml:3: sources[0].time_limit: expected a duration from 1s to 7d"), std::string::npos) << errors[0];
}

}  // namespace
}  // namespace recolte::sync
