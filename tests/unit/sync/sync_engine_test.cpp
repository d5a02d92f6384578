#include <gtest/gtest.h>

#include "config/config.hpp"
#include "registry/plugin_registry.hpp"
#include "store/store.hpp"
#include "support/http_test_server.hpp"
#include "support/temp_dir.hpp"
#include "sync/sync_engine.hpp"

namespace recolte::sync {
namespace {

class SyncEngineTest : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(registry_.loadFile(std::string(RECOLTE_TEST_BAD_PLUGIN_DIR) + "/libtest_good.so").ok());
        store::StoreOptions options;
        options.sqlite_path = dir_.file("hub.db");
        store_ = store::openStore(options);
    }

    // A source of the test connector with the given options (YAML flow map body).
    config::SourceConfig source(const std::string& options) {
        auto r = config::loadConfigFromString(
            "store: {sqlite: x.db}\nsources:\n  - {name: t, connector: test_good, path: p, " + options + "}\n",
            dir_.file("c.yaml"));
        EXPECT_TRUE(r.errors.empty());
        return r.config.sources.at(0);
    }

    model::SyncRun sync(const std::string& options) {
        SyncEngine engine(*store_, registry_);
        return engine.syncSource(source(options));
    }

    std::vector<std::string> allOffers() {
        store::OfferQuery q;
        q.limit = 1000;
        return store_->offers(q).items;
    }

    testing::TempDir dir_;
    registry::PluginRegistry registry_;
    std::unique_ptr<store::Store> store_;
};

TEST_F(SyncEngineTest, FirstSyncAddsSecondSeesNothingChanged) {
    auto first = sync("count: 4");
    ASSERT_EQ(first.outcome, "ok") << first.error;
    EXPECT_EQ(first.counts.read, 4);
    EXPECT_EQ(first.counts.accepted, 4);
    EXPECT_EQ(first.counts.added, 4);
    auto second = sync("count: 4");
    ASSERT_EQ(second.outcome, "ok");
    EXPECT_EQ(second.counts.added, 0);
    EXPECT_EQ(second.counts.changed, 0);
    EXPECT_EQ(second.counts.unchanged, 4);
    EXPECT_EQ(store_->offerCount(), 4);
    EXPECT_EQ(store_->changes(0, 100).size(), 4u);  // only the first sync's additions
}

TEST_F(SyncEngineTest, RecordsThatDisappearAreRemovedAndLogged) {
    ASSERT_EQ(sync("count: 5").outcome, "ok");
    auto run = sync("count: 3");
    ASSERT_EQ(run.outcome, "ok");
    EXPECT_EQ(run.counts.removed, 2);
    EXPECT_EQ(run.counts.unchanged, 3);
    EXPECT_EQ(store_->offerCount(), 3);
    int removed = 0;
    for (const auto& c : store_->changes(0, 100)) removed += c.change == "removed";
    EXPECT_EQ(removed, 2);
}

TEST_F(SyncEngineTest, AFailureHalfWayLeavesThePreviousCatalogueWhole) {
    ASSERT_EQ(sync("count: 5").outcome, "ok");
    const auto before = allOffers();
    const auto changesBefore = store_->changes(0, 1000).size();
    // 10 offers, the connector fails after 7: more added and changed rows were written, then rolled back.
    auto run = sync("count: 10, fail_after: 7");
    EXPECT_EQ(run.outcome, "failed");
    EXPECT_NE(run.error.find("simulated failure after 7 offers"), std::string::npos) << run.error;
    EXPECT_EQ(run.counts.read, 7);
    EXPECT_EQ(allOffers(), before);
    EXPECT_EQ(store_->changes(0, 1000).size(), changesBefore);
    auto states = store_->sources();
    ASSERT_EQ(states.size(), 1u);
    ASSERT_TRUE(states[0].last_run.has_value());
    EXPECT_EQ(states[0].last_run->outcome, "failed");
    EXPECT_EQ(states[0].bookmark, "count=5");  // the bookmark of the last good sync stays
}

TEST_F(SyncEngineTest, AnInvalidOptionFailsTheSyncWithAConfigError) {
    // Bypass the config checker: the engine validates again.
    auto src = source("count: 2");
    src.raw.map.emplace_back("bogus", sdk::ConfigValue{sdk::ConfigValue::Kind::Scalar, "1", {}, {}, 9, "sources[0].bogus"});
    SyncEngine engine(*store_, registry_);
    auto run = engine.syncSource(src);
    EXPECT_EQ(run.outcome, "failed");
    EXPECT_NE(run.error.find("unknown option \"bogus\""), std::string::npos) << run.error;
}

TEST_F(SyncEngineTest, ProducersAreStoredAndListTheirSource) {
    ASSERT_EQ(sync("count: 2").outcome, "ok");
    store::ProducerQuery q;
    auto page = store_->producers(q);
    ASSERT_EQ(page.total, 1);
    EXPECT_NE(page.items[0].find("\"sources\":[\"t\"]"), std::string::npos) << page.items[0];
    EXPECT_NE(page.items[0].find("\"departement\":\"09\""), std::string::npos) << page.items[0];
}

TEST_F(SyncEngineTest, NeedsAreStoredDiffedAndFiltered) {
    auto run = sync("count: 1, needs: 3");
    ASSERT_EQ(run.outcome, "ok") << run.error;
    EXPECT_EQ(run.counts.read, 4);
    EXPECT_EQ(run.counts.added, 4);
    store::NeedQuery all;
    EXPECT_EQ(store_->needs(all).total, 3);
    store::NeedQuery open;
    open.open_on = "2026-12-15";  // N1's deadline (12-01) has passed, N2 is closed
    auto page = store_->needs(open);
    ASSERT_EQ(page.total, 1);
    EXPECT_NE(page.items[0].find("\"source_id\":\"N0\""), std::string::npos) << page.items[0];
    store::NeedQuery closed;
    closed.status = "closed";
    page = store_->needs(closed);
    ASSERT_EQ(page.total, 1);
    EXPECT_NE(page.items[0].find("\"status_reason\":\"sans suite\""), std::string::npos) << page.items[0];
    store::NeedQuery dep;
    dep.departement = "31";
    EXPECT_EQ(store_->needs(dep).total, 1);
    auto second = sync("count: 1, needs: 2");
    EXPECT_EQ(second.counts.removed, 1);
    EXPECT_EQ(second.counts.unchanged, 3);
    EXPECT_EQ(store_->needs(all).total, 2);
}

TEST_F(SyncEngineTest, AnInvalidHostOptionFailsTheSyncWithAConfigError) {
    auto src = source("count: 2");
    src.raw.map.emplace_back("retries", sdk::ConfigValue{sdk::ConfigValue::Kind::Scalar, "99", {}, {}, 9, "sources[0].retries"});
    SyncEngine engine(*store_, registry_);
    auto run = engine.syncSource(src);
    EXPECT_EQ(run.outcome, "failed");
    EXPECT_NE(run.error.find("line 9: sources[0].retries: expected 0 to 10 retries, got 99"), std::string::npos) << run.error;
}

// The engine gives each source a transport built from its host options: a csv source read from a
// URL, with a bearer token taken from the environment the engine is given.
class UrlSourceTest : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(registry_.loadFile(std::string(RECOLTE_TEST_PLUGIN_DIR) + "/libcsv.so").ok());
        store::StoreOptions options;
        options.sqlite_path = dir_.file("hub.db");
        store_ = store::openStore(options);
        server_.route("/prix.csv", [](const testing::HttpTestServer::Request& req) {
            if (req.header("Authorization") != "Bearer s3cret-jeton") return testing::HttpTestServer::Response{401, "non"};
            return testing::HttpTestServer::Response{200, "produit;prix;unité\nPommes;2,50;kg\nPoires;3,10;kg\n"};
        });
    }

    config::SourceConfig source(const std::string& options) {
        auto r = config::loadConfigFromString("store: {sqlite: x.db}\nsources:\n  - {name: web, connector: csv, url: \"" +
                                                  server_.url("/prix.csv") + "\", " + options + "}\n",
                                              dir_.file("c.yaml"));
        EXPECT_TRUE(r.errors.empty());
        return r.config.sources.at(0);
    }

    testing::TempDir dir_;
    testing::HttpTestServer server_;
    registry::PluginRegistry registry_;
    std::unique_ptr<store::Store> store_;
};

TEST_F(UrlSourceTest, ACsvSourceIsFetchedOverHttpWithItsCredentials) {
    SyncEngine engine(*store_, registry_, [](const std::string& name) -> std::optional<std::string> {
        if (name == "PRIX_TOKEN") return "s3cret-jeton";
        return std::nullopt;
    });
    auto run = engine.syncSource(source("bearer_token_env: PRIX_TOKEN, timeout: 5s, retries: 0, producer_name: Ferme du Couserans"));
    ASSERT_EQ(run.outcome, "ok") << run.error;
    EXPECT_EQ(run.counts.rejected, 0);
    EXPECT_EQ(run.counts.added, 2);
    EXPECT_EQ(server_.requestCount("/prix.csv"), 1);
}

TEST_F(UrlSourceTest, AnUnsetVariableFailsTheSyncBeforeAnyRequest) {
    SyncEngine engine(*store_, registry_, [](const std::string&) { return std::optional<std::string>(); });
    auto run = engine.syncSource(source("bearer_token_env: PRIX_TOKEN"));
    EXPECT_EQ(run.outcome, "failed");
    EXPECT_NE(run.error.find("sources[0].bearer_token_env: the environment variable PRIX_TOKEN is not set"),
              std::string::npos)
        << run.error;
    EXPECT_EQ(server_.requestCount("/prix.csv"), 0);
}

TEST_F(UrlSourceTest, ARefusedTokenIsAConfigErrorWithoutRetry) {
    SyncEngine engine(*store_, registry_, [](const std::string&) { return std::optional<std::string>("mauvais"); });
    auto run = engine.syncSource(source("bearer_token_env: PRIX_TOKEN, retries: 3"));
    EXPECT_EQ(run.outcome, "failed");
    EXPECT_NE(run.error.find("config error: " + server_.url("/prix.csv") + ": le serveur a répondu HTTP 401"),
              std::string::npos)
        << run.error;
    EXPECT_EQ(run.error.find("mauvais"), std::string::npos) << run.error;
    EXPECT_EQ(server_.requestCount("/prix.csv"), 1);
}

}  // namespace
}  // namespace recolte::sync
