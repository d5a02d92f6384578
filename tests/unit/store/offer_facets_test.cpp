// The catalogue's filter choices (Store::offerFacets) and the unit filter the offer page uses to
// compare only unit prices in the same unit.
#include <gtest/gtest.h>

#include <map>

#include "model/json.hpp"
#include "store/store.hpp"
#include "support/store_engines.hpp"

namespace recolte::store {
namespace {

model::Offer offer(const std::string& sourceId, const std::string& producer, const std::string& type,
                   std::vector<std::string> labels, const std::string& dep, model::BaseUnit unit) {
    model::Offer o;
    o.id = "id-" + sourceId;
    o.source = "s1";
    o.source_id = sourceId;
    o.producer = {producer, "", "Ferme " + producer};
    o.departement = dep;
    o.name = "Produit " + sourceId;
    o.product_type = type;
    o.labels = std::move(labels);
    o.price.amount = sdk::Decimal::fromInt(2);
    o.price.unit = unit == model::BaseUnit::Kg ? "kg" : "pièce";
    o.unit_price = {sdk::Decimal::fromInt(2), unit};
    o.updated_at = "2026-11-26T10:00:00Z";
    return o;
}

model::Producer producer(const std::string& id, const std::string& dep) {
    model::Producer p;
    p.id = id;
    p.name = "Ferme " + id;
    p.address.departement = dep;
    return p;
}

std::map<std::string, int64_t> counts(const std::vector<FacetValue>& facet) {
    std::map<std::string, int64_t> out;
    for (const auto& f : facet) out[f.value] = f.count;
    return out;
}

class OfferFacetsTest : public ::testing::TestWithParam<testing::StoreEngine> {
protected:
    void SetUp() override {
        RECOLTE_REQUIRE_STORE(location_);
        store_ = openStore(location_.options());
        auto w = store_->beginSync("s1", "2026-11-26T10:00:00Z");
        const std::vector<model::Offer> offers{
            offer("a", "p1", "vegetable", {"BIO"}, "09", model::BaseUnit::Kg),
            offer("b", "p1", "vegetable", {"BIO", "HVE"}, "09", model::BaseUnit::Piece),
            offer("c", "p2", "fruit", {}, "31", model::BaseUnit::Kg),
            offer("d", "p3", "", {"HVE"}, "", model::BaseUnit::Kg),
        };
        for (const auto& o : offers) w->putOffer(o, model::toJson(o), contentHash(model::toJson(o)), true);
        w->putProducerListings({producer("p1", "09"), producer("p2", "31"), producer("p4", "11")});
        model::SyncRun run;
        run.source = "s1";
        run.connector = "csv";
        run.outcome = "ok";
        w->commit(run, "bm", false);
    }

    testing::StoreLocation location_{GetParam()};  // before the store: dropped after it
    std::unique_ptr<Store> store_;
};

TEST_P(OfferFacetsTest, CountsEachValuePresentAndLeavesUnknownOnesOut) {
    const OfferFacets f = store_->offerFacets();
    EXPECT_EQ(counts(f.product_types), (std::map<std::string, int64_t>{{"fruit", 1}, {"vegetable", 2}}));
    EXPECT_EQ(counts(f.labels), (std::map<std::string, int64_t>{{"BIO", 2}, {"HVE", 2}}));
    EXPECT_EQ(counts(f.departements), (std::map<std::string, int64_t>{{"09", 2}, {"31", 1}}));
    EXPECT_EQ(counts(f.sources), (std::map<std::string, int64_t>{{"s1", 4}}));
    EXPECT_EQ(counts(f.producers), (std::map<std::string, int64_t>{{"p1", 2}, {"p2", 1}, {"p3", 1}}));
    EXPECT_EQ(counts(f.producer_departements), (std::map<std::string, int64_t>{{"09", 1}, {"11", 1}, {"31", 1}}));
    EXPECT_TRUE(f.need_departements.empty());
    for (const auto& p : f.producers) {
        // Names come from the producers table; an offer whose producer has no listing keeps "".
        EXPECT_EQ(p.name, p.value == "p3" ? "" : "Ferme " + p.value) << p.value;
    }
}

TEST_P(OfferFacetsTest, UnitFilterKeepsComparableUnitPrices) {
    OfferQuery q;
    q.product_type = "vegetable";
    EXPECT_EQ(store_->offers(q).total, 2);
    q.unit_price_unit = "kg";
    const auto kg = store_->offers(q);
    ASSERT_EQ(kg.total, 1);
    EXPECT_NE(kg.items[0].find("\"source_id\":\"a\""), std::string::npos);
    q.unit_price_unit = "piece";
    EXPECT_EQ(store_->offers(q).total, 1);
    q.unit_price_unit = "l";
    EXPECT_EQ(store_->offers(q).total, 0);
}

INSTANTIATE_TEST_SUITE_P(Engines, OfferFacetsTest, ::testing::ValuesIn(testing::storeEngines()), testing::storeEngineName);

}  // namespace
}  // namespace recolte::store
