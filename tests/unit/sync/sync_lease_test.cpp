// A source that another hub instance is syncing (PostgreSQL: its lease is held) is skipped, not
// failed: outcome "skipped", a French reason, nothing recorded, and the next round syncs it.
#include <gtest/gtest.h>

#include "config/config.hpp"
#include "registry/plugin_registry.hpp"
#include "store/store.hpp"
#include "support/store_engines.hpp"
#include "support/temp_dir.hpp"
#include "sync/sync_engine.hpp"

namespace recolte::sync {
namespace {

class SyncLeaseTest : public ::testing::Test {
protected:
    void SetUp() override {
        RECOLTE_REQUIRE_STORE(location_);
        ASSERT_TRUE(registry_.loadFile(std::string(RECOLTE_TEST_BAD_PLUGIN_DIR) + "/libtest_good.so").ok());
        store_ = store::openStore(location_.options());
        other_ = store::openStore(location_.options());  // a second instance on the same database
    }

    config::SourceConfig source() {
        auto r = config::loadConfigFromString(
            "store: {sqlite: x.db}\nsources:\n  - {name: t, connector: test_good, path: p, count: 3}\n",
            dir_.file("c.yaml"));
        EXPECT_TRUE(r.errors.empty());
        return r.config.sources.at(0);
    }

    testing::TempDir dir_;
    registry::PluginRegistry registry_;
    testing::StoreLocation location_{testing::StoreEngine::PostgreSQL};
    std::unique_ptr<store::Store> store_, other_;
};

TEST_F(SyncLeaseTest, ASourceAnotherInstanceIsSyncingIsSkippedNotFailed) {
    SyncEngine engine(*store_, registry_);
    {
        auto held = other_->beginSync("t", "2026-11-26T10:00:00Z");
        const auto run = engine.syncSource(source());
        EXPECT_EQ(run.outcome, "skipped");
        EXPECT_NE(run.error.find("une autre instance synchronise"), std::string::npos) << run.error;
        EXPECT_TRUE(store_->sources().empty()) << "a skipped round is not recorded";
        EXPECT_EQ(store_->offerCount(), 0);
    }  // the other instance's sync ends (rolled back)
    const auto next = engine.syncSource(source());
    ASSERT_EQ(next.outcome, "ok") << next.error;
    EXPECT_EQ(next.counts.added, 3);
    ASSERT_EQ(store_->sources().size(), 1u);
    EXPECT_EQ(store_->sources()[0].last_run->outcome, "ok");
}

}  // namespace
}  // namespace recolte::sync
