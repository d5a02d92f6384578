// Several hub instances on one PostgreSQL database: migrations run once however many start at
// once, a source is synced by one instance at a time (SourceBusy for the others, released by
// commit, rollback or a dead connection), and syncs of different sources that share a producer
// wait for each other instead of failing or losing a listing.
#include <gtest/gtest.h>

#include <future>
#include <thread>
#include <vector>

#include "model/json.hpp"
#include "store/migrations.hpp"
#include "store/store.hpp"
#include "support/store_engines.hpp"

namespace recolte::store {
namespace {

model::SyncRun okRun(const std::string& source) {
    model::SyncRun run;
    run.source = source;
    run.connector = "csv";
    run.outcome = "ok";
    return run;
}

model::Producer listing(const std::string& id, const std::string& name, const std::string& city) {
    model::Producer p;
    p.id = id;
    p.siret = "";
    p.name = name;
    p.address.city = city;
    p.address.departement = "09";
    return p;
}

ChangeEntry added(const std::string& id) {
    ChangeEntry c;
    c.kind = "offer";
    c.record_id = id;
    c.name = id;
    return c;
}

class PostgresqlInstancesTest : public ::testing::Test {
protected:
    void SetUp() override { RECOLTE_REQUIRE_STORE(location_); }

    testing::StoreLocation location_{testing::StoreEngine::PostgreSQL};
};

TEST_F(PostgresqlInstancesTest, ManyInstancesStartingAtOnceMigrateOnce) {
    constexpr int kInstances = 8;
    std::promise<void> go;
    std::shared_future<void> start = go.get_future().share();
    std::vector<std::future<std::string>> opened;
    for (int i = 0; i < kInstances; ++i)
        opened.push_back(std::async(std::launch::async, [&, start] {
            start.wait();
            try {
                auto store = openStore(location_.options());
                return std::to_string(store->offerCount());
            } catch (const std::exception& e) {
                return std::string("error: ") + e.what();
            }
        }));
    go.set_value();
    for (auto& f : opened) EXPECT_EQ(f.get(), "0");
    EXPECT_EQ(location_.query("SELECT COUNT(*) FROM schema_migrations"), std::to_string(migrations().size()));
    EXPECT_EQ(location_.query("SELECT COUNT(DISTINCT version) FROM schema_migrations"),
              std::to_string(migrations().size()));
    // offers, needs, producers, producer_listings, changes, sync_runs, rejects, source_state,
    // invoices, invoice_statuses, schema_migrations
    EXPECT_EQ(location_.query("SELECT COUNT(*) FROM pg_tables WHERE schemaname = 'public'"), "11");
}

TEST_F(PostgresqlInstancesTest, ASourceIsSyncedByOneInstanceAtATime) {
    auto first = openStore(location_.options());
    auto second = openStore(location_.options());
    auto writer = first->beginSync("s1", "2026-11-26T10:00:00Z");
    try {
        second->beginSync("s1", "2026-11-26T10:00:01Z");
        FAIL() << "expected SourceBusy";
    } catch (const SourceBusy& e) {
        EXPECT_EQ(e.source(), "s1");
    }
    // Another source is free meanwhile.
    EXPECT_NO_THROW(second->beginSync("s2", "2026-11-26T10:00:02Z")->commit(okRun("s2"), "", false));
    writer->commit(okRun("s1"), "bm1", false);
    // Released by the commit: the second instance takes it and sees the first's bookmark.
    auto next = second->beginSync("s1", "2026-11-26T10:00:03Z");
    EXPECT_EQ(second->bookmark("s1"), "bm1");
    next.reset();  // a rollback releases it too
    EXPECT_NO_THROW(first->beginSync("s1", "2026-11-26T10:00:04Z"));
}

TEST_F(PostgresqlInstancesTest, AnInstanceThatDiesReleasesItsSource) {
    auto first = openStore(location_.options());
    auto second = openStore(location_.options());
    auto writer = first->beginSync("s1", "2026-11-26T10:00:00Z");
    EXPECT_THROW(second->beginSync("s1", "2026-11-26T10:00:01Z"), SourceBusy);
    // As if the instance was killed: the server ends its connection in the middle of the sync.
    EXPECT_EQ(location_.query("SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity"
                              " WHERE datname = current_database() AND state = 'idle in transaction'"),
              "1");
    std::unique_ptr<SyncWriter> taken;
    for (int attempt = 0; attempt < 100 && !taken; ++attempt) {  // the server ends the backend asynchronously
        try {
            taken = second->beginSync("s1", "2026-11-26T10:00:02Z");
        } catch (const SourceBusy&) {
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
    }
    ASSERT_TRUE(taken) << "the source stayed busy after its holder's connection ended";
    EXPECT_NO_THROW(writer.reset());  // the dead writer rolls back without throwing
    taken->commit(okRun("s1"), "bm2", false);
    EXPECT_EQ(second->bookmark("s1"), "bm2");
}

TEST_F(PostgresqlInstancesTest, TwoSourcesSharingAProducerSyncAtOnce) {
    auto first = openStore(location_.options());
    auto second = openStore(location_.options());
    auto a = first->beginSync("a", "2026-11-26T10:00:00Z");
    a->logChange(Change::Added, added("from-a"));
    a->putProducerListings({listing("p1", "Ferme du Pic", "")});
    // The second sync writes the same producer while the first is still open: it waits for the
    // first's commit, then merges both listings.
    auto b = std::async(std::launch::async, [&] {
        auto w = second->beginSync("b", "2026-11-26T10:00:01Z");
        w->putProducerListings({listing("p1", "", "Foix")});
        w->logChange(Change::Added, added("from-b"));
        w->commit(okRun("b"), "", false);
    });
    EXPECT_EQ(b.wait_for(std::chrono::milliseconds(200)), std::future_status::timeout) << "b did not wait for a";
    a->commit(okRun("a"), "", false);
    ASSERT_NO_THROW(b.get());
    const auto doc = first->producer("p1");
    ASSERT_TRUE(doc.has_value());
    EXPECT_NE(doc->find("\"sources\":[\"a\",\"b\"]"), std::string::npos) << *doc;
    EXPECT_NE(doc->find("Ferme du Pic"), std::string::npos) << *doc;
    EXPECT_NE(doc->find("Foix"), std::string::npos) << *doc;
    // The change log's sequence follows the commits.
    const auto changes = second->changes(0, 10);
    ASSERT_EQ(changes.size(), 2u);
    EXPECT_EQ(changes[0].record_id, "from-a");
    EXPECT_EQ(changes[1].record_id, "from-b");
    EXPECT_LT(changes[0].seq, changes[1].seq);
}

}  // namespace
}  // namespace recolte::store
