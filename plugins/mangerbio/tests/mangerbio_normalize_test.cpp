// The connector's records through the hub's normalizer: Socleo's units, labels and pack sizes give
// the right unit prices and label codes; what the connector passes on unjudged (SIRET, negative
// stock) is judged there; the bundled sample is usable as a whole.
#include "mangerbio_fixture.hpp"
#include "model/normalize.hpp"

#include <set>

namespace recolte::testing::mangerbio {
namespace {

using model::BaseUnit;
using sdk::Decimal;

Decimal dec(const char* text) { return *Decimal::parse(text); }

model::NormalizedOffer normalized(const sdk::OfferRecord* record) {
    EXPECT_NE(record, nullptr);
    if (!record) return {};
    auto n = model::normalizeOffer("mangerbio", *record);
    EXPECT_TRUE(n.ok()) << record->source_id << ": " << (n.ok() ? "" : n.error().message);
    return n.ok() ? n.value() : model::NormalizedOffer{};
}

TEST_F(MangerBioTest, UnitPricesLabelsAndProducersAfterNormalization) {
    auto run = read(testData("catalogue-utf8.csv"));
    ASSERT_TRUE(run->ok()) << run->why();

    const auto tomme = normalized(run->offer("T-001"));  // 17,90 K
    EXPECT_EQ(tomme.offer.unit_price.unit, BaseUnit::Kg);
    EXPECT_EQ(tomme.offer.unit_price.amount, dec("17.90"));
    EXPECT_EQ(tomme.offer.labels, (std::vector<std::string>{"BIO"}));  // B, [EU], [AB]: one BIO
    EXPECT_EQ(tomme.producer.siret, "81234567600017");
    EXPECT_EQ(tomme.producer.address.departement, "09");
    EXPECT_TRUE(tomme.warnings.empty()) << tomme.warnings.front();

    const auto yaourt = normalized(run->offer("T-002"));  // 0,82 U, colis of 12: the price stays per piece
    EXPECT_EQ(yaourt.offer.unit_price.unit, BaseUnit::Piece);
    EXPECT_EQ(yaourt.offer.unit_price.amount, dec("0.82"));
    EXPECT_EQ(yaourt.offer.pieces_per_pack, 12);

    const auto haricots = normalized(run->offer("T-004"));
    EXPECT_EQ(haricots.offer.labels, (std::vector<std::string>{"LABEL_ROUGE", "IGP"}));

    const auto poires = normalized(run->offer("T-005"));
    EXPECT_EQ(poires.offer.labels, (std::vector<std::string>{"CONVERSION_BIO"}));
    EXPECT_TRUE(poires.producer.siret_missing);  // kept, flagged
    EXPECT_EQ(poires.producer.id, model::producerId("", "mangerbio", "P03"));

    const auto persil = normalized(run->offer("T-008"));
    EXPECT_EQ(persil.offer.labels, (std::vector<std::string>{"BIO", "LABEL_ROUGE"}));

    // Two offers of one producer without SIRET share its per-platform id.
    EXPECT_EQ(normalized(run->offer("T-006")).producer.id, poires.producer.id);
}

TEST_F(MangerBioTest, InvalidSiretPassesTheConnectorAndIsRejectedByTheHub) {
    auto run = read(testData("lignes-invalides.csv"));
    ASSERT_TRUE(run->ok()) << run->why();
    const auto* tomates = run->offer("B-07");
    ASSERT_NE(tomates, nullptr);
    EXPECT_EQ(tomates->producer.siret, "81234567600018");
    auto n = model::normalizeOffer("mangerbio", *tomates);
    ASSERT_FALSE(n.ok());
    EXPECT_NE(n.error().message.find("SIRET invalide"), std::string::npos) << n.error().message;
    EXPECT_NE(n.error().where.find("lignes-invalides.csv:8"), std::string::npos) << n.error().where;

    // The same SIRET supplied through producer_sirets meets the same check.
    auto viaOption = read(write("sans-siret.csv", std::string(kHeader) + row("R-1", "Tomme", "17,90", "K")),
                          mapValue({{"producer_sirets", mapValue({{"P01", scalarValue("81234567600018")}})}}));
    ASSERT_TRUE(viaOption->ok()) << viaOption->why();
    ASSERT_EQ(viaOption->sink.offers.size(), 1u);
    EXPECT_FALSE(model::normalizeOffer("mangerbio", viaOption->sink.offers[0]).ok());
}

TEST_F(MangerBioTest, NegativeStockIsJudgedByTheHub) {
    const std::string header = "Référence;Code Producteur;Libellé Producteur;Désignation;Prix;Unité de prix;Quantité disponible\n";
    auto run = read(write("stock.csv", header + "R-1;P01;Ferme;Tomme;17,90;K;-4\n"));
    ASSERT_TRUE(run->ok()) << run->why();
    ASSERT_EQ(run->sink.offers.size(), 1u);
    auto n = model::normalizeOffer("mangerbio", run->sink.offers[0]);
    ASSERT_FALSE(n.ok());
    EXPECT_NE(n.error().message.find("quantité disponible négative"), std::string::npos) << n.error().message;
}

TEST_F(MangerBioTest, BundledSampleNormalizesExceptItsOneDeliberateMistake) {
    auto run = read(sampleData("mangerbio-occitanie.csv"),
                    mapValue({{"producer_sirets", mapValue({{"P04", scalarValue("90312547400010")}})}}));
    ASSERT_TRUE(run->ok()) << run->why();
    // MB-0603 is priced per litre ("L"), which Socleo's codes do not have: one reject.
    ASSERT_EQ(run->sink.rejects.size(), 1u) << run->sink.describeRejects();
    EXPECT_EQ(run->sink.rejects[0].where.line, 28);
    EXPECT_EQ(run->sink.rejects[0].where.column, "Unité de prix");
    EXPECT_EQ(run->sink.offers.size(), 29u);
    // MB-0503's EAN has a wrong check digit: one warning, the offer stays.
    EXPECT_EQ(run->warningsWith("clé de contrôle fausse"), 1u);

    std::set<std::string> producers, sirets;
    for (const auto& record : run->sink.offers) {
        auto n = model::normalizeOffer("mangerbio", record);
        ASSERT_TRUE(n.ok()) << record.source_id << ": " << n.error().message;
        EXPECT_FALSE(n->offer.product_type.empty()) << record.source_id << " " << record.product_type;
        EXPECT_FALSE(n->offer.departement.empty()) << record.source_id;
        producers.insert(n->producer.id);
        if (!n->producer.siret.empty()) sirets.insert(n->producer.siret);
    }
    EXPECT_EQ(producers.size(), 7u);
    // Shared with data/samples/*.csv, so that those producers merge across sources.
    EXPECT_TRUE(sirets.count("81234567600017"));  // Ferme du Couserans
    EXPECT_TRUE(sirets.count("88321456100010"));  // Ferme de Montgeard
    EXPECT_TRUE(sirets.count("90312547400010"));  // from producer_sirets
    EXPECT_EQ(sirets.size(), 6u);                 // Les Jardins de la Lèze has none

    const auto miel = normalized(run->offer("MB-0501"));  // 8,50 the 500 g pot
    EXPECT_EQ(miel.offer.unit_price.unit, BaseUnit::Kg);
    EXPECT_EQ(miel.offer.unit_price.amount, dec("17"));
    const auto huile = normalized(run->offer("MB-0703"));  // 11,40 the 50 cl bottle
    EXPECT_EQ(huile.offer.unit_price.unit, BaseUnit::L);
    EXPECT_EQ(huile.offer.unit_price.amount, dec("22.80"));
    EXPECT_EQ(normalized(run->offer("MB-0702")).offer.price.vat_rate, dec("20"));
}

}  // namespace
}  // namespace recolte::testing::mangerbio
