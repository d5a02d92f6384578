// The csv connector's records through the core's normalizer: the sample lists are fully usable,
// and what the connector passes through unjudged (unit words, SIRETs) is judged there.
#include "csv_fixture.hpp"
#include "model/normalize.hpp"

namespace recolte::testing {
namespace {

TEST_F(CsvConnectorTest, GoodSamplesNormalizeWithoutRejects) {
    for (const char* name : {"mercuriale-occitanie.csv", "mercuriale-virgule-bom.csv", "mercuriale-tabulation.tsv",
                             "mercuriale-multiligne.csv", "dossier"}) {
        auto run = read(csvTestData(name));
        ASSERT_TRUE(run->ok()) << name << ": " << run->why();
        ASSERT_FALSE(run->sink.offers.empty()) << name;
        for (const auto& offer : run->sink.offers) {
            auto normalized = model::normalizeOffer("mercuriale", offer);
            EXPECT_TRUE(normalized.ok()) << name << " " << offer.where.describe() << " " << offer.name << ": "
                                         << (normalized.ok() ? "" : normalized.error().message);
        }
    }
}

TEST_F(CsvConnectorTest, PotWithPackagingWeightGetsAPricePerKilo) {
    auto run = read(csvTestData("mercuriale-occitanie.csv"));
    ASSERT_TRUE(run->ok()) << run->why();
    const auto* honey = run->sink.offerNamed("Miel de châtaignier");  // 4,20 the 250 g pot
    ASSERT_NE(honey, nullptr);
    auto normalized = model::normalizeOffer("mercuriale", *honey);
    ASSERT_TRUE(normalized.ok()) << normalized.error().message;
    EXPECT_EQ(normalized->offer.unit_price.unit, model::BaseUnit::Kg);
    EXPECT_EQ(normalized->offer.unit_price.amount, *sdk::Decimal::parse("16.80"));
    EXPECT_EQ(normalized->producer.address.departement, "11");
}

TEST_F(CsvConnectorTest, CoreRejectsUnknownUnitAndInvalidSiretThatTheConnectorPassedOn) {
    auto run = read(csvTestData("lignes-invalides.csv"));
    ASSERT_TRUE(run->ok()) << run->why();
    const auto* manure = run->sink.offerNamed("Fumier composté");
    const auto* tomatoes = run->sink.offerNamed("Tomates");
    ASSERT_NE(manure, nullptr);
    ASSERT_NE(tomatoes, nullptr);

    auto unit = model::normalizeOffer("mercuriale", *manure);
    ASSERT_FALSE(unit.ok());
    EXPECT_NE(unit.error().message.find("brouette"), std::string::npos) << unit.error().message;
    auto siret = model::normalizeOffer("mercuriale", *tomatoes);
    ASSERT_FALSE(siret.ok());
    EXPECT_NE(siret.error().message.find("SIRET"), std::string::npos) << siret.error().message;

    // The other offers of that file are fine.
    for (const char* name : {"Carottes", "Persil"}) {
        auto ok = model::normalizeOffer("mercuriale", *run->sink.offerNamed(name));
        EXPECT_TRUE(ok.ok()) << name << ": " << (ok.ok() ? "" : ok.error().message);
    }
}

}  // namespace
}  // namespace recolte::testing
