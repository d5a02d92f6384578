// Broken Socleo exports: each bad row is one reject naming the file, line, column and why; a
// whole-file problem (missing column, file cut short, empty file) is one error and no records.
#include "mangerbio_fixture.hpp"

namespace recolte::testing::mangerbio {
namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

class MangerBioRejectsTest : public MangerBioTest {
protected:
    void SetUp() override {
        MangerBioTest::SetUp();
        run = read(testData("lignes-invalides.csv"));
        ASSERT_TRUE(run->ok()) << run->why();
    }
    // The reject at `line`, which must exist and name `column`.
    const sdk::Reject& rejectAt(int64_t line, const std::string& column) {
        const auto* r = run->rejectAt(line);
        static const sdk::Reject none;
        EXPECT_NE(r, nullptr) << "no reject at line " << line << "; rejects:\n" << run->sink.describeRejects();
        if (!r) return none;
        EXPECT_EQ(r->where.file, testData("lignes-invalides.csv"));
        EXPECT_EQ(r->where.column, column) << r->reason;
        EXPECT_FALSE(r->excerpt.empty());
        return *r;
    }
    std::unique_ptr<Reading> run;
};

TEST_F(MangerBioRejectsTest, EveryRowIsOneOfferOrOneReject) {
    EXPECT_EQ(run->sink.offers.size(), 4u);  // B-01, B-07 (SIRET judged by the hub), B-08 (EAN dropped), B-14
    EXPECT_EQ(run->sink.rejects.size(), 10u) << run->sink.describeRejects();
    EXPECT_EQ(run->sink.offers.size() + run->sink.rejects.size(), 14u);  // the 14 data rows
}

TEST_F(MangerBioRejectsTest, UnknownPriceUnitCodeIsNamed) {
    const auto& r = rejectAt(3, "Unité de prix");
    EXPECT_TRUE(contains(r.reason, "« L »")) << r.reason;
    EXPECT_TRUE(contains(r.reason, "U (à la pièce) ou K (au kilo)")) << r.reason;
    EXPECT_TRUE(contains(r.excerpt, "Lait cru entier")) << r.excerpt;
}

TEST_F(MangerBioRejectsTest, NegativeAbsentOrNonNumericPrice) {
    EXPECT_TRUE(contains(rejectAt(4, "Prix").reason, "prix négatif « -3,10 »"));
    EXPECT_EQ(rejectAt(5, "Prix").reason, "prix manquant");
    EXPECT_TRUE(contains(rejectAt(6, "Prix").reason, "« deux euros » : ce n'est pas un nombre"));
}

TEST_F(MangerBioRejectsTest, UnknownVatCodeIsRejectedWithTheKnownCodes) {
    const auto& r = rejectAt(7, "TVA");
    EXPECT_TRUE(contains(r.reason, "TVA « 7 » inconnue")) << r.reason;
    EXPECT_TRUE(contains(r.reason, "1 = 5,5 %")) << r.reason;
    EXPECT_TRUE(contains(r.reason, "vat_codes")) << r.reason;
}

TEST_F(MangerBioRejectsTest, BadPackSizeLeadTimeAndName) {
    EXPECT_TRUE(contains(rejectAt(10, "Colisage").reason, "nombre entier de pièces"));
    EXPECT_TRUE(contains(rejectAt(11, "Délai de commande (jours)").reason, "« demain »"));
    EXPECT_EQ(rejectAt(14, "Désignation").reason, "désignation du produit vide");
}

TEST_F(MangerBioRejectsTest, RowsWithTooFewOrTooManyFields) {
    EXPECT_TRUE(contains(rejectAt(12, "Référence EAN 13").reason, "8 champ(s) alors que l'en-tête en a 14"));
    EXPECT_TRUE(contains(rejectAt(13, "15").reason, "15 champs alors que l'en-tête en a 14"));
}

TEST_F(MangerBioRejectsTest, BadEanIsAWarningAndTheOfferStays) {
    const auto* pois = run->offer("B-08");
    ASSERT_NE(pois, nullptr);
    EXPECT_EQ(pois->ean, "");
    bool found = false;
    for (const auto& [where, message] : run->sink.warnings) {
        if (!contains(message, "3760123450011")) continue;
        found = true;
        EXPECT_EQ(where.line, 9);
        EXPECT_EQ(where.column, "Référence EAN 13");
        EXPECT_TRUE(contains(message, "clé de contrôle fausse (1 au lieu de 0)")) << message;
    }
    EXPECT_TRUE(found);
    EXPECT_EQ(run->offer("B-14")->ean, "3760123450010");  // a right one is kept
}

TEST_F(MangerBioTest, MissingRequiredColumnIsOneErrorNamingFileColumnAndHeadersFound) {
    auto run = read(testData("colonne-manquante.csv"));
    ASSERT_FALSE(run->ok());
    EXPECT_TRUE(run->sink.offers.empty());
    EXPECT_TRUE(run->sink.rejects.empty());
    const auto& e = run->error();
    EXPECT_EQ(e.kind, sdk::ErrorKind::Config);
    EXPECT_EQ(e.where, testData("colonne-manquante.csv"));
    EXPECT_TRUE(contains(e.message, "colonne obligatoire absente : prix")) << e.message;
    EXPECT_TRUE(contains(e.message, "« Prix HT »")) << "the accepted spellings: " << e.message;
    EXPECT_TRUE(contains(e.message, "En-têtes trouvés ligne 1 : « Référence », « Code Producteur »")) << e.message;
    EXPECT_TRUE(contains(e.message, "« Origine production »")) << e.message;
    EXPECT_TRUE(contains(e.message, "columns: {price:")) << e.message;
}

TEST_F(MangerBioTest, SeveralMissingColumnsStillMakeOneError) {
    auto run = read(write("deux-manquantes.csv", "Référence;Code Producteur;Libellé Producteur;Désignation\nR-1;P01;Ferme;Tomme\n"));
    ASSERT_FALSE(run->ok());
    EXPECT_TRUE(contains(run->error().message, "colonnes obligatoires absentes : prix")) << run->error().message;
    EXPECT_TRUE(contains(run->error().message, "unité de prix")) << run->error().message;
}

TEST_F(MangerBioTest, FileCutInsideAQuotedFieldFailsTheSync) {
    auto run = read(testData("tronque.csv"));
    ASSERT_FALSE(run->ok()) << "a truncated file must not pass for a shorter catalogue";
    const auto& e = run->error();
    EXPECT_EQ(e.kind, sdk::ErrorKind::Data);
    EXPECT_EQ(e.where, testData("tronque.csv") + ":3");
    EXPECT_TRUE(contains(e.message, "fichier tronqué")) << e.message;
    EXPECT_TRUE(contains(e.message, "« Désignation »")) << e.message;
}

TEST_F(MangerBioTest, FileCutInTheMiddleOfItsLastRowFailsTheSync) {
    auto cut = read(write("coupe.csv", std::string(kHeader) + row("R-1", "Tomme", "17,90", "K") + "R-2;P01;Ferme du Cou"));
    ASSERT_FALSE(cut->ok());
    EXPECT_EQ(cut->error().where, temp.file("coupe.csv") + ":3");
    EXPECT_TRUE(contains(cut->error().message, "fichier tronqué")) << cut->error().message;

    // The same short row followed by a line break is a finished file with one bad row.
    auto shortRow = read(write("court.csv", std::string(kHeader) + row("R-1", "Tomme", "17,90", "K") + "R-2;P01;Ferme du Cou\n"));
    ASSERT_TRUE(shortRow->ok()) << shortRow->why();
    EXPECT_EQ(shortRow->sink.offers.size(), 1u);
    ASSERT_EQ(shortRow->sink.rejects.size(), 1u);
    EXPECT_EQ(shortRow->sink.rejects[0].where.line, 3);
}

TEST_F(MangerBioTest, EmptyFileIsAnErrorAndHeaderOnlyAWarning) {
    auto empty = read(write("vide.csv", "\n\n"));
    ASSERT_FALSE(empty->ok());
    EXPECT_TRUE(contains(empty->error().message, "fichier vide")) << empty->error().message;

    auto headerOnly = read(write("entete.csv", kHeader));
    ASSERT_TRUE(headerOnly->ok()) << headerOnly->why();
    EXPECT_TRUE(headerOnly->sink.offers.empty());
    EXPECT_EQ(headerOnly->warningsWith("aucun produit"), 1u);
}

TEST_F(MangerBioTest, MissingPriceUnitOrReferenceIsRejected) {
    auto run = read(write("cellules-vides.csv", std::string(kHeader) + row("R-1", "Tomme", "17,90", "") +
                                                    row("", "Tomme", "17,90", "K") + row("R-3", "Tomme", "17,90", "Kg")));
    ASSERT_TRUE(run->ok()) << run->why();
    ASSERT_EQ(run->sink.rejects.size(), 3u) << run->sink.describeRejects();
    EXPECT_TRUE(contains(run->sink.rejects[0].reason, "unité de prix manquante"));
    EXPECT_EQ(run->sink.rejects[1].where.column, "Référence");
    EXPECT_TRUE(contains(run->sink.rejects[2].reason, "« Kg »"));  // only Socleo's codes
}

}  // namespace
}  // namespace recolte::testing::mangerbio
