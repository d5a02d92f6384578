// The connector's records through the core's normalizer: the texts it writes for units, labels and
// product types are ones the hub understands, and unit prices come out right.
#include "bag_fixture.hpp"
#include "model/normalize.hpp"

namespace recolte::testing {
namespace {

using sdk::Decimal;

struct UnitPriceCase {
    const char* name;
    const char* amount;
    model::BaseUnit unit;
};

TEST_F(BagConnectorTest, OfficialExportGivesTheRightUnitPricesLabelsAndTypes) {
    auto run = read(bagTestData("connecteur-dfc-officiel.jsonld"));
    ASSERT_TRUE(run->ok()) << run->why();
    const UnitPriceCase cases[] = {
        {"Carottes", "2.40", model::BaseUnit::Kg},
        {"Pommes de terre Agata", "1.50", model::BaseUnit::Kg},
        {"Œufs fermiers", "0.35", model::BaseUnit::Piece},
        {"Poulet fermier Label Rouge", "9.00", model::BaseUnit::Kg},
        {"Tomme des Pyrénées", "18.50", model::BaseUnit::Kg},
        {"Fronton rouge 2022", "12.6667", model::BaseUnit::L},
        {"Jus de raisin", "3.20", model::BaseUnit::L},
    };
    for (const auto& c : cases) {
        const auto* offer = run->offer(c.name);
        ASSERT_NE(offer, nullptr) << c.name;
        auto n = model::normalizeOffer("bio-ariege-garonne", *offer);
        ASSERT_TRUE(n.ok()) << c.name << ": " << n.error().message;
        EXPECT_EQ(n->offer.unit_price.amount, *Decimal::parse(c.amount)) << c.name;
        EXPECT_EQ(n->offer.unit_price.unit, c.unit) << c.name;
    }
    auto carrots = model::normalizeOffer("bio-ariege-garonne", *run->offer("Carottes"));
    EXPECT_EQ(carrots->offer.product_type, "carrot");
    EXPECT_EQ(carrots->offer.labels, (std::vector<std::string>{"BIO"}));
    EXPECT_EQ(carrots->producer.siret, "81234567600017");
    EXPECT_EQ(carrots->producer.address.departement, "09");
    EXPECT_EQ(carrots->producer.points_of_sale.at(0).kind, "market");

    auto wine = model::normalizeOffer("bio-ariege-garonne", *run->offer("Fronton rouge 2022"));
    EXPECT_EQ(wine->offer.product_type, "wine");
    EXPECT_EQ(wine->offer.labels, (std::vector<std::string>{"AOCAOP", "HVE"}));
    EXPECT_EQ(wine->producer.address.departement, "31");

    // An unknown certification is a warning of the hub, not a reject.
    auto juice = model::normalizeOffer("bio-ariege-garonne", *run->offer("Jus de raisin"));
    ASSERT_TRUE(juice.ok());
    EXPECT_TRUE(juice->offer.labels.empty());
    ASSERT_EQ(juice->warnings.size(), 1u);
    EXPECT_TRUE(bagContains(juice->warnings[0], "NatureEtProgres")) << juice->warnings[0];
}

TEST_F(BagConnectorTest, BundledSampleNormalizesWithoutRejects) {
    const std::string sample = std::string(RECOLTE_TEST_SOURCE_DIR) + "/data/samples/bio-ariege-garonne.jsonld";
    auto run = read(sample);
    ASSERT_TRUE(run->ok()) << run->why();
    EXPECT_EQ(run->sink.offers.size(), 15u);
    EXPECT_TRUE(run->sink.rejects.empty()) << run->sink.describeRejects();
    int withSiret = 0;
    for (const auto& offer : run->sink.offers) {
        auto n = model::normalizeOffer("bio-ariege-garonne", offer);
        ASSERT_TRUE(n.ok()) << offer.name << ": " << n.error().message;
        EXPECT_TRUE(n->warnings.empty()) << offer.name << ": " << n->warnings.front();
        EXPECT_FALSE(n->offer.product_type.empty()) << offer.name;
        if (!n->producer.siret.empty()) ++withSiret;
    }
    EXPECT_EQ(withSiret, 12) << "the Rucher de l'Arize publishes no SIRET";
    auto honey = model::normalizeOffer("bio-ariege-garonne", *run->offer("Miel de montagne"));
    EXPECT_EQ(honey->offer.unit_price.amount, *Decimal::parse("19.00")) << "a 500 g jar at 9.50";
    EXPECT_EQ(honey->offer.unit_price.unit, model::BaseUnit::Kg);
    auto bunch = model::normalizeOffer("bio-ariege-garonne", *run->offer("Carottes nouvelles en botte"));
    EXPECT_EQ(bunch->offer.unit_price.unit, model::BaseUnit::Piece);
    EXPECT_EQ(bunch->offer.unit_price.amount, *Decimal::parse("1.90"));
}

TEST_F(BagConnectorTest, HubRefusesWhatTheConnectorPassedOn) {
    auto run = read(bagTestData("rejets.jsonld"));
    ASSERT_TRUE(run->ok()) << run->why();
    auto negative = model::normalizeOffer("bio-ariege-garonne", *run->offer("Navets"));
    ASSERT_FALSE(negative.ok());
    EXPECT_TRUE(bagContains(negative.error().message, "prix négatif")) << negative.error().message;
    auto siret = model::normalizeOffer("bio-ariege-garonne", *run->offer("Tomates"));
    ASSERT_FALSE(siret.ok());
    EXPECT_TRUE(bagContains(siret.error().message, "SIRET invalide")) << siret.error().message;
    auto fine = model::normalizeOffer("bio-ariege-garonne", *run->offer("Carottes"));
    EXPECT_TRUE(fine.ok()) << fine.error().message;
}

}  // namespace
}  // namespace recolte::testing
