#include <gtest/gtest.h>

#include "model/json.hpp"
#include "store/store.hpp"
#include "support/store_engines.hpp"

namespace recolte::store {
namespace {

model::Offer makeOffer(const std::string& sourceId, const std::string& name, int64_t unitPriceCents,
                       std::vector<std::string> labels, const std::string& dep, const std::string& from = "",
                       const std::string& to = "") {
    model::Offer o;
    o.id = "id-" + sourceId;
    o.source = "s1";
    o.source_id = sourceId;
    o.producer = {"p-" + dep, "", "Ferme " + dep};
    o.departement = dep;
    o.name = name;
    o.product_type = "vegetable";
    o.labels = std::move(labels);
    o.price.amount = sdk::Decimal::fromRaw(unitPriceCents * 100);
    o.price.unit = "kg";
    o.unit_price = {sdk::Decimal::fromRaw(unitPriceCents * 100), model::BaseUnit::Kg};
    o.available_from = from;
    o.available_to = to;
    o.updated_at = "2026-11-26T10:00:00Z";
    return o;
}

class StoreTest : public ::testing::TestWithParam<testing::StoreEngine> {
protected:
    void SetUp() override {
        RECOLTE_REQUIRE_STORE(location_);
        store_ = openStore(location_.options());
        auto w = store_->beginSync("s1", "2026-11-26T10:00:00Z");
        const std::vector<model::Offer> offers{
            makeOffer("a", "Pommes de terre", 160, {"BIO"}, "09"),
            makeOffer("b", "Pêches", 420, {}, "11", "2026-06-01", "2026-08-31"),
            makeOffer("c", "Pommes Reinette", 210, {"HVE"}, "09", "2026-09-15", ""),
            makeOffer("d", "Épinards", 380, {"BIO", "HVE"}, "31"),
        };
        for (const auto& o : offers) w->putOffer(o, model::toJson(o), contentHash(model::toJson(o)), true);
        model::SyncRun run;
        run.source = "s1";
        run.connector = "csv";
        run.outcome = "ok";
        w->commit(run, "bm", false);
    }

    std::vector<std::string> ids(const OfferQuery& q) {
        std::vector<std::string> out;
        for (const auto& doc : store_->offers(q).items) {
            auto pos = doc.find("\"source_id\":\"");
            out.push_back(doc.substr(pos + 13, 1));
        }
        return out;
    }

    testing::StoreLocation location_{GetParam()};  // before the store: dropped after it
    std::unique_ptr<Store> store_;
};

TEST_P(StoreTest, SearchIsAccentAndCaseInsensitiveAndNeedsEveryWord) {
    OfferQuery q;
    q.q = "PECHES";
    EXPECT_EQ(ids(q), std::vector<std::string>{"b"});
    q.q = "epinard";
    EXPECT_EQ(ids(q), std::vector<std::string>{"d"});
    q.q = "pommes reinette";
    EXPECT_EQ(ids(q), std::vector<std::string>{"c"});
    q.q = "100%_";  // LIKE wildcards are literal
    EXPECT_TRUE(ids(q).empty());
}

TEST_P(StoreTest, FiltersCombine) {
    OfferQuery q;
    q.label = "BIO";
    EXPECT_EQ(ids(q), (std::vector<std::string>{"d", "a"}));  // by name: Épinards < Pommes
    q.departement = "09";
    EXPECT_EQ(ids(q), std::vector<std::string>{"a"});
    OfferQuery avail;
    avail.available_on = "2026-07-14";  // peaches in season, apples not yet
    avail.sort = "unit_price";
    EXPECT_EQ(ids(avail), (std::vector<std::string>{"a", "d", "b"}));
    avail.available_on = "2026-10-01";
    EXPECT_EQ(ids(avail), (std::vector<std::string>{"a", "c", "d"}));
}

TEST_P(StoreTest, SortsAndPages) {
    OfferQuery q;
    q.sort = "unit_price";
    q.limit = 2;
    auto page = store_->offers(q);
    EXPECT_EQ(page.total, 4);
    EXPECT_EQ(ids(q), (std::vector<std::string>{"a", "c"}));
    q.offset = 2;
    EXPECT_EQ(ids(q), (std::vector<std::string>{"d", "b"}));
    q.offset = 10;
    EXPECT_TRUE(store_->offers(q).items.empty());
    EXPECT_EQ(store_->offers(q).total, 4);
}

TEST_P(StoreTest, OfferByIdAndBookmark) {
    ASSERT_TRUE(store_->offer("id-a").has_value());
    EXPECT_FALSE(store_->offer("nope").has_value());
    EXPECT_EQ(store_->bookmark("s1"), "bm");
    EXPECT_EQ(store_->bookmark("other"), "");
}

TEST_P(StoreTest, AnUncommittedSyncIsRolledBack) {
    {
        auto w = store_->beginSync("s1", "2026-11-26T11:00:00Z");
        w->removeOffer("id-a");
        auto o = makeOffer("z", "Navets", 100, {}, "09");
        w->putOffer(o, model::toJson(o), "h", true);
        // destroyed without commit, as when the connector fails
    }
    EXPECT_EQ(store_->offerCount(), 4);
    EXPECT_TRUE(store_->offer("id-a").has_value());
    EXPECT_FALSE(store_->offer("id-z").has_value());
}

TEST_P(StoreTest, ReopeningKeepsDataAndDoesNotMigrateTwice) {
    store_.reset();
    auto again = openStore(location_.options());
    EXPECT_EQ(again->offerCount(), 4);
}

TEST_P(StoreTest, WindowPreferredDepartementAndExclusion) {
    OfferQuery q;
    q.window_from = "2026-05-01";  // peaches (June-August) overlap May-June; apples (from September) do not
    q.window_to = "2026-06-15";
    q.prefer_departement = "31";
    q.exclude_ids = {"id-a"};
    EXPECT_EQ(ids(q), (std::vector<std::string>{"d", "b"}));  // 31 first, then by name
}

TEST_P(StoreTest, RecentChangesNewestFirstAndFiltered) {
    {
        auto w = store_->beginSync("s1", "2026-11-27T10:00:00Z");
        ChangeEntry added;
        added.kind = "offer";
        added.record_id = "id-a";
        added.name = "Pommes de terre";
        added.new_price_raw = 16000;
        added.product_type = "vegetable";
        added.departement = "09";
        w->logChange(Change::Added, added);
        ChangeEntry repriced = added;
        repriced.old_price_raw = 16000;
        repriced.new_price_raw = 17500;
        w->logChange(Change::PriceChanged, repriced);
        ChangeEntry other = added;
        other.record_id = "id-d";
        other.departement = "31";
        w->logChange(Change::Added, other);
        model::SyncRun run;
        run.source = "s1";
        run.connector = "csv";
        run.outcome = "ok";
        w->commit(run, "bm2", false);
    }
    ChangeQuery history;
    history.record_id = "id-a";
    auto h = store_->recentChanges(history);
    ASSERT_EQ(h.size(), 2u);
    EXPECT_EQ(h[0].change, "price_changed");
    EXPECT_EQ(h[0].old_price_raw, 16000);
    EXPECT_EQ(h[0].new_price_raw, 17500);
    EXPECT_EQ(h[1].change, "added");
    ChangeQuery ariege;
    ariege.departement = "09";
    ariege.product_type = "vegetable";
    EXPECT_EQ(store_->recentChanges(ariege).size(), 2u);
    ChangeQuery limited;
    limited.limit = 1;
    ASSERT_EQ(store_->recentChanges(limited).size(), 1u);
    EXPECT_EQ(store_->recentChanges(limited)[0].record_id, "id-d");
}

TEST(SqliteStore, AnUnwritablePathIsAClearError) {
    try {
        StoreOptions options;
        options.sqlite_path = "/proc/no/such/place/hub.db";
        openStore(options);
        FAIL() << "expected an error";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("cannot open the SQLite store /proc/no/such/place/hub.db"), std::string::npos)
            << e.what();
    }
}

// No server is needed: port 1 on loopback refuses at once.
TEST(PostgresqlStore, AnUnreachableServerIsAClearErrorWithoutThePassword) {
    StoreOptions options;
    options.postgresql = "host=127.0.0.1 port=1 dbname=catalogue user=recolte";
    options.postgresql_password = "s3cret-value";
    try {
        openStore(options);
        FAIL() << "expected an error";
    } catch (const std::runtime_error& e) {
        const std::string message = e.what();
        EXPECT_NE(message.find("cannot connect to the PostgreSQL store (host=127.0.0.1 port=1 dbname=catalogue"),
                  std::string::npos)
            << message;
        EXPECT_EQ(message.find("s3cret-value"), std::string::npos) << message;
    }
}

INSTANTIATE_TEST_SUITE_P(Engines, StoreTest, ::testing::ValuesIn(testing::storeEngines()), testing::storeEngineName);

}  // namespace
}  // namespace recolte::store
