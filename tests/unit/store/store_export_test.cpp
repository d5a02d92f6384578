// The store's export side: eachOffer/eachProducer hand over every match (no paging) in the
// query's order, in batches larger and smaller than the internal one; the change log query can
// leave some kinds of change out (the Atom feed).
#include <gtest/gtest.h>

#include "model/json.hpp"
#include "store/store.hpp"
#include "support/store_engines.hpp"

namespace recolte::store {
namespace {

model::Offer offer(int i, const std::string& dep) {
    model::Offer o;
    char name[32];
    std::snprintf(name, sizeof name, "Produit %04d", i);
    o.id = "id-" + std::to_string(i);
    o.source = "s1";
    o.source_id = std::to_string(i);
    o.producer = {"p-" + dep, "", "Ferme " + dep};
    o.departement = dep;
    o.name = name;
    o.product_type = "vegetable";
    o.price.amount = sdk::Decimal::fromRaw((2000 - i) * 100);
    o.price.unit = "kg";
    o.unit_price = {o.price.amount, model::BaseUnit::Kg};
    o.updated_at = "2026-11-26T10:00:00Z";
    return o;
}

class StoreExportTest : public ::testing::TestWithParam<testing::StoreEngine> {
protected:
    void SetUp() override {
        RECOLTE_REQUIRE_STORE(location_);
        store_ = openStore(location_.options());
        auto w = store_->beginSync("s1", "2026-11-26T10:00:00Z");
        // 1234 offers: more than two internal batches, and not a multiple of one.
        for (int i = 0; i < kCount; ++i) {
            const auto o = offer(i, i % 3 == 0 ? "09" : "31");
            const std::string doc = model::toJson(o);
            w->putOffer(o, doc, contentHash(doc), true);
            ChangeEntry c;
            c.kind = "offer";
            c.record_id = o.id;
            c.name = o.name;
            c.departement = o.departement;
            w->logChange(i % 2 ? Change::Changed : Change::Added, c);
        }
        model::SyncRun run;
        run.source = "s1";
        run.connector = "csv";
        run.outcome = "ok";
        w->commit(run, "", false);
    }

    static std::string name(const std::string& doc) {
        const auto pos = doc.find("\"name\":\"");
        return doc.substr(pos + 8, 12);
    }

    static constexpr int kCount = 1234;
    testing::StoreLocation location_{GetParam()};  // before the store: dropped after it
    std::unique_ptr<Store> store_;
};

TEST_P(StoreExportTest, EachOfferGivesEveryMatchInOrderIgnoringPaging) {
    OfferQuery q;
    q.limit = 10;  // ignored
    q.offset = 5;
    std::vector<std::string> names;
    store_->eachOffer(q, [&](const std::string& doc) { names.push_back(name(doc)); });
    ASSERT_EQ(names.size(), static_cast<size_t>(kCount));
    EXPECT_EQ(names.front(), "Produit 0000");
    EXPECT_EQ(names.back(), "Produit 1233");
    EXPECT_TRUE(std::is_sorted(names.begin(), names.end()));

    q.departement = "09";
    q.sort = "unit_price";  // price falls as i grows
    names.clear();
    store_->eachOffer(q, [&](const std::string& doc) { names.push_back(name(doc)); });
    EXPECT_EQ(static_cast<int64_t>(names.size()), store_->offers(q).total);
    EXPECT_EQ(names.front(), "Produit 1233");
    EXPECT_EQ(names.back(), "Produit 0000");
}

TEST_P(StoreExportTest, EachProducerFollowsTheFilters) {
    std::vector<model::Producer> producers(2);
    producers[0].id = "p-a";
    producers[0].name = "Ferme A";
    producers[0].address.departement = "09";
    producers[1].id = "p-b";
    producers[1].name = "Ferme B";
    producers[1].address.departement = "31";
    auto w = store_->beginSync("s2", "2026-11-26T11:00:00Z");
    w->putProducerListings(producers);
    model::SyncRun run;
    run.source = "s2";
    run.connector = "csv";
    run.outcome = "ok";
    w->commit(run, "", false);

    ProducerQuery q;
    std::vector<std::string> ids;
    store_->eachProducer(q, [&](const std::string& doc) { ids.push_back(doc.substr(doc.find("\"id\":\"") + 6, 3)); });
    EXPECT_EQ(ids, (std::vector<std::string>{"p-a", "p-b"}));
    q.departement = "31";
    ids.clear();
    store_->eachProducer(q, [&](const std::string& doc) { ids.push_back(doc.substr(doc.find("\"id\":\"") + 6, 3)); });
    EXPECT_EQ(ids, std::vector<std::string>{"p-b"});
}

TEST_P(StoreExportTest, RecentChangesCanLeaveAKindOfChangeOut) {
    ChangeQuery q;
    q.limit = 10;
    q.exclude_changes = {"changed"};
    const auto changes = store_->recentChanges(q);
    ASSERT_EQ(changes.size(), 10u);
    for (const auto& c : changes) EXPECT_EQ(c.change, "added");
    EXPECT_GT(changes.front().seq, changes.back().seq);  // newest first
    q.exclude_changes.clear();
    q.limit = 2;
    const auto all = store_->recentChanges(q);
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[0].change, "changed");  // the last logged, i = 1233
}

INSTANTIATE_TEST_SUITE_P(Engines, StoreExportTest, ::testing::ValuesIn(testing::storeEngines()), testing::storeEngineName);

}  // namespace
}  // namespace recolte::store
