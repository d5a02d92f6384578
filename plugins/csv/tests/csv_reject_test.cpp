// Bad input: every bad row is a reject naming its line, column and reason, the other rows are
// kept; a file the connector cannot map at all is one clear error.
#include "csv_fixture.hpp"

namespace recolte::testing {
namespace {

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

const sdk::Reject* rejectAt(const CaptureSink& sink, int64_t line) {
    for (const auto& r : sink.rejects)
        if (r.where.line == line) return &r;
    return nullptr;
}

TEST_F(CsvConnectorTest, BadRowsAreRejectedWithLineColumnAndReasonOthersKept) {
    const std::string file = csvTestData("lignes-invalides.csv");
    auto run = read(file);
    ASSERT_TRUE(run->ok()) << run->why();
    const auto& sink = run->sink;

    // 11 data rows (the ";;;;" filler row is blank): each is one offer or one reject.
    EXPECT_EQ(sink.offers.size() + sink.rejects.size(), 11u);
    EXPECT_EQ(sink.offers.size(), 4u) << sink.describeRejects();
    ASSERT_EQ(sink.rejects.size(), 7u) << sink.describeRejects();
    for (const auto& r : sink.rejects) {
        EXPECT_EQ(r.where.file, file);
        EXPECT_FALSE(r.where.column.empty()) << r.reason;
        EXPECT_FALSE(r.reason.empty());
        EXPECT_FALSE(r.excerpt.empty());
    }

    struct Expectation {
        int64_t line;
        std::string column;
        std::string reasonPart;
        std::string excerptPart;
    };
    const Expectation expected[] = {
        {3, "Prix", "deux euros", "TV-002;Poireaux"},
        {4, "Prix", "négatif", "TV-003"},
        {5, "Produit", "vide", "TV-004"},
        {8, "Disponible du", "31/02/2025", "JG-102"},
        {9, "10", "10 champs", "en trop"},
        {10, "Référence", "référence en double", "Carottes nouvelles"},
        {13, "Unité", "6 champ", "JG-105"},
    };
    for (const auto& e : expected) {
        const auto* r = rejectAt(sink, e.line);
        ASSERT_NE(r, nullptr) << "no reject at line " << e.line << "\n" << sink.describeRejects();
        EXPECT_EQ(r->where.column, e.column) << "line " << e.line;
        EXPECT_TRUE(contains(r->reason, e.reasonPart)) << "line " << e.line << ": " << r->reason;
        EXPECT_TRUE(contains(r->excerpt, e.excerptPart)) << "line " << e.line << ": " << r->excerpt;
    }
    // The duplicate names where the reference was first seen.
    EXPECT_TRUE(contains(rejectAt(sink, 10)->reason, "lignes-invalides.csv:2")) << rejectAt(sink, 10)->reason;

    // What only the core can judge passes through as written: an unknown unit, an invalid SIRET.
    const auto* manure = sink.offerNamed("Fumier composté");
    ASSERT_NE(manure, nullptr);
    EXPECT_EQ(manure->price_unit, "brouette");
    const auto* tomatoes = sink.offerNamed("Tomates");
    ASSERT_NE(tomatoes, nullptr);
    EXPECT_EQ(tomatoes->producer.siret, "79034518500026");
    EXPECT_EQ(tomatoes->where.line, 7);
    EXPECT_EQ(sink.offerNamed("Persil")->available_to, "2025-09-30");
}

TEST_F(CsvConnectorTest, MissingRequiredColumnIsOneErrorNamingFileColumnAndHeaders) {
    const std::string file = csvTestData("colonne-manquante.csv");
    auto run = read(file);
    ASSERT_FALSE(run->ok());
    const auto& error = run->error();
    EXPECT_EQ(error.kind, sdk::ErrorKind::Config);
    EXPECT_EQ(error.where, file);
    EXPECT_TRUE(contains(error.message, "prix")) << error.message;
    EXPECT_TRUE(contains(error.message, "« Produit »")) << error.message;
    EXPECT_TRUE(contains(error.message, "« Unité »")) << error.message;
    EXPECT_TRUE(contains(error.message, "columns")) << error.message;
    EXPECT_TRUE(run->sink.offers.empty());
    EXPECT_TRUE(run->sink.rejects.empty());

    const auto status = check(file);
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(status.error().message, error.message);
}

TEST_F(CsvConnectorTest, TruncatedFileEndingInsideAQuoteRejectsTheLastRow) {
    auto run = read(csvTestData("tronque.csv"));
    ASSERT_TRUE(run->ok()) << run->why();
    ASSERT_EQ(run->sink.offers.size(), 1u);
    ASSERT_EQ(run->sink.rejects.size(), 1u);
    const auto& r = run->sink.rejects[0];
    EXPECT_EQ(r.where.line, 3);
    EXPECT_EQ(r.where.column, "Description");
    EXPECT_TRUE(contains(r.reason, "guillemet")) << r.reason;
    EXPECT_TRUE(contains(r.excerpt, "MR-02;Miel de châtaignier")) << r.excerpt;
}

TEST_F(CsvConnectorTest, OptionalFieldsThatCannotBeReadAreRejectsToo) {
    const std::string path = writeTemp("optionnels.csv",
                                       "Produit;Prix;Unité;TVA;Stock;Délai;Disponible du;Disponible au\n"
                                       "Carottes;1,80;kg;5,5 %;120 kg;2 jours;01/03/2025;30/04/2025\n"
                                       "Navets;1,60;kg;cinq;;;;\n"
                                       "Radis;1,20;botte;;beaucoup;;;\n"
                                       "Poireaux;2,50;botte;;;demain;;\n"
                                       "Choux;2,00;pièce;;;;01/05/2025;01/04/2025\n"
                                       "Blettes;2,30;botte;;;;;\n");
    auto run = read(path);
    ASSERT_TRUE(run->ok()) << run->why();
    ASSERT_EQ(run->sink.offers.size(), 2u) << run->sink.describeRejects();
    const auto& carrots = run->sink.offers[0];
    EXPECT_EQ(carrots.vat_rate, sdk::Decimal::parse("5.5"));
    ASSERT_TRUE(carrots.quantity_available.has_value());
    EXPECT_EQ(carrots.quantity_available->value, sdk::Decimal::fromInt(120));
    EXPECT_EQ(carrots.lead_time_days, 2);

    ASSERT_EQ(run->sink.rejects.size(), 4u);
    EXPECT_EQ(rejectAt(run->sink, 3)->where.column, "TVA");
    EXPECT_EQ(rejectAt(run->sink, 4)->where.column, "Stock");
    EXPECT_EQ(rejectAt(run->sink, 5)->where.column, "Délai");
    EXPECT_EQ(rejectAt(run->sink, 6)->where.column, "Disponible au");
    EXPECT_TRUE(contains(rejectAt(run->sink, 6)->reason, "période")) << rejectAt(run->sink, 6)->reason;
}

TEST_F(CsvConnectorTest, DerivedIdsDuplicateWithinAFileAreRejected) {
    const std::string path = writeTemp("doublons.csv",
                                       "Produit;Prix;Unité;Producteur\n"
                                       "Carottes;1,80;kg;Ferme A\n"
                                       "carottes ;1,90;KG;Ferme A\n"
                                       "Carottes;1,80;botte;Ferme A\n"
                                       "Carottes;1,70;kg;Ferme B\n");
    auto run = read(path);
    ASSERT_TRUE(run->ok()) << run->why();
    EXPECT_EQ(run->sink.offers.size(), 3u);
    ASSERT_EQ(run->sink.rejects.size(), 1u);
    EXPECT_EQ(run->sink.rejects[0].where.line, 3);
    EXPECT_TRUE(contains(run->sink.rejects[0].reason, "référence en double")) << run->sink.rejects[0].reason;
}

TEST_F(CsvConnectorTest, UnknownColumnsFieldIsAConfigError) {
    auto run = read(csvTestData("mercuriale-occitanie.csv"),
                    mapValue({{"columns", mapValue({{"prix", scalarValue("Tarif")}})}}));
    ASSERT_FALSE(run->ok());
    EXPECT_EQ(run->error().kind, sdk::ErrorKind::Config);
    EXPECT_TRUE(contains(run->error().message, "price")) << "lists the valid fields: " << run->error().message;
}

TEST_F(CsvConnectorTest, OptionTableRefusesUnknownKeysAndValues) {
    TestSource source(csvTestData("mercuriale-occitanie.csv"), transport);
    auto unknown = source.configure(connector->describe(), mapValue({{"separateur", scalarValue(";")}}));
    ASSERT_FALSE(unknown.ok());
    EXPECT_TRUE(contains(unknown.error().message, "delimiter")) << unknown.error().message;
    auto badValue = source.configure(connector->describe(), mapValue({{"delimiter", scalarValue("|")}}));
    EXPECT_FALSE(badValue.ok());
    auto badEncoding = source.configure(connector->describe(), mapValue({{"encoding", scalarValue("latin-9")}}));
    EXPECT_FALSE(badEncoding.ok());
}

}  // namespace
}  // namespace recolte::testing
