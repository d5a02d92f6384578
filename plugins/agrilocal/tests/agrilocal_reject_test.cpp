// Bad records are rejects naming the element path, the line and why, and the others go on; a
// malformed or hostile file fails the whole read (the host then keeps the previous data).
#include <chrono>

#include "agrilocal_fixture.hpp"
#include "model/normalize.hpp"

namespace recolte::testing {
namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

class AgrilocalRejectTest : public AgrilocalConnectorTest {
protected:
    void SetUp() override {
        AgrilocalConnectorTest::SetUp();
        run = read(agrilocalTestData("enregistrements-invalides.xml"));
        ASSERT_TRUE(run->ok()) << run->why();
    }
    // The reject at `path` (its suffix), checked for line and reason words.
    void expectReject(const std::string& path, int64_t line, std::vector<std::string> words) {
        const sdk::Reject* r = run->rejectAt(path);
        ASSERT_NE(r, nullptr) << "no reject at " << path << "; rejects:\n" << run->sink.describeRejects();
        EXPECT_EQ(r->where.line, line) << path;
        EXPECT_TRUE(contains(r->where.file, "enregistrements-invalides.xml")) << r->where.file;
        for (const auto& w : words) EXPECT_TRUE(contains(r->reason, w)) << path << ": « " << w << " » not in « " << r->reason << " »";
        EXPECT_FALSE(r->excerpt.empty()) << path;
    }
    std::unique_ptr<AgrilocalRun> run;
};

TEST_F(AgrilocalRejectTest, EveryRecordIsAcceptedOrRejectedAndTheGoodOnesGoOn) {
    EXPECT_EQ(run->sink.needs.size(), 2u);
    EXPECT_EQ(run->sink.producers.size(), 2u);
    EXPECT_EQ(run->sink.offers.size(), 2u);
    EXPECT_EQ(run->sink.rejects.size(), 19u) << run->sink.describeRejects();
    EXPECT_EQ(run->read(), 25u) << "12 consultations + 3 suppliers + 10 products";
    EXPECT_NE(run->need("09:OK-1"), nullptr);
    EXPECT_NE(run->offer("09:90312547400010:P-OK"), nullptr);
}

TEST_F(AgrilocalRejectTest, BadConsultationsNameTheElementTheLineAndWhy) {
    const std::string c = "/export/consultations/consultation";
    expectReject(c + "[2]", 5, {"identifiant de la consultation manquant"});
    expectReject(c + "[3]", 6, {"C-QTE-ABS", "quantité manquante"});
    expectReject(c + "[4]/quantite", 7, {"C-QTE-NEG", "« -5 »", "négatif"});
    expectReject(c + "[5]/quantite/@unite", 8, {"unité « brouette » inconnue", "kg, g"});
    expectReject(c + "[6]/livraison/@debut", 9, {"début de livraison « 31/02/2027 » invalide"});
    expectReject(c + "[7]/livraison/@fin", 10, {"inversée", "2027-03-01", "2027-01-01"});
    expectReject(c + "[8]/date-limite", 11, {"date limite de réponse « demain midi » invalide"});
    expectReject(c + "[9]/statut", 12, {"statut « en attente » inconnu"});
    expectReject(c + "[10]", 13, {"acheteur manquant"});
    expectReject(c + "[11]/quantite", 14, {"« beaucoup »", "pas un nombre"});

    const sdk::Reject* unit = run->rejectAt(c + "[5]/quantite/@unite");
    ASSERT_NE(unit, nullptr);
    EXPECT_EQ(unit->excerpt, "<quantite unite=\"brouette\">12</quantite>") << "the element holding the bad value";
    const sdk::Reject* noId = run->rejectAt(c + "[2]");
    ASSERT_NE(noId, nullptr);
    EXPECT_EQ(noId->excerpt.rfind("<consultation><acheteur type=\"ccas\">", 0), 0u) << noId->excerpt;
    EXPECT_LE(noId->excerpt.size(), 200u);
}

TEST_F(AgrilocalRejectTest, ClosedWithoutReasonIsKeptWithAWarning) {
    const auto* need = run->need("09:C-SANS-MOTIF");
    ASSERT_NE(need, nullptr);
    EXPECT_EQ(need->status, "closed");
    EXPECT_EQ(need->status_reason, "sans suite");
    ASSERT_EQ(run->sink.warnings.size(), 1u);
    EXPECT_EQ(run->sink.warnings[0].first.element, "/export/consultations/consultation[12]/statut");
    EXPECT_EQ(run->sink.warnings[0].first.line, 15);
    EXPECT_TRUE(contains(run->sink.warnings[0].second, "sans motif"));
}

TEST_F(AgrilocalRejectTest, BadProductsAreRejectedOneByOne) {
    const std::string p = "/export/fournisseurs/fournisseur[1]/produits/produit";
    expectReject(p + "[2]/prix", 23, {"P-NEGATIF", "prix « -1,50 »", "négatif"});
    expectReject(p + "[3]", 24, {"P-SANS-PRIX", "prix indicatif absent"});
    expectReject(p + "[4]/prix/@unite", 25, {"unité « brouette » inconnue"});
    expectReject(p + "[5]/prix/@tva", 26, {"taux de TVA « beaucoup »"});
    expectReject(p + "[6]/periode/@debut", 27, {"« 2026-13-01 »", "invalide"});
    expectReject(p + "[7]", 28, {"désignation manquante"});
    EXPECT_NE(run->producer("Vergers de Pamiers"), nullptr) << "its supplier is fine";
}

TEST_F(AgrilocalRejectTest, ASupplierWithoutNameTakesItsProductsWithIt) {
    expectReject("/export/fournisseurs/fournisseur[2]", 31, {"F-SANS-NOM", "nom manquant"});
    expectReject("/export/fournisseurs/fournisseur[2]/produit[1]", 33, {"fournisseur refusé (ligne 31)", "nom manquant"});
    expectReject("/export/fournisseurs/fournisseur[2]/produit[2]", 34, {"fournisseur refusé (ligne 31)"});
}

TEST_F(AgrilocalRejectTest, TheHubRejectsWhatTheConnectorPassesOnUnjudged) {
    // SIRETs are checked once, in the core: the producer and its offer are refused there.
    const auto* producer = run->producer("Ferme au SIRET faux");
    ASSERT_NE(producer, nullptr);
    auto p = model::normalizeProducer("agrilocal", *producer);
    ASSERT_FALSE(p.ok());
    EXPECT_TRUE(contains(p.error().message, "SIRET invalide")) << p.error().message;
    const auto* offer = run->offer("09:12345678901234:X");
    ASSERT_NE(offer, nullptr);
    EXPECT_FALSE(model::normalizeOffer("agrilocal", *offer).ok());
    EXPECT_TRUE(model::normalizeNeed("agrilocal", *run->need("09:OK-1")).ok());
}

// --- Whole-file failures: an error, never an empty successful read --------------------------------

TEST_F(AgrilocalConnectorTest, TruncatedExportFailsWithTheLine) {
    auto run = read(agrilocalTestData("tronque.xml"));
    ASSERT_FALSE(run->ok());
    EXPECT_EQ(run->error().kind, sdk::ErrorKind::Data);
    EXPECT_TRUE(contains(run->error().where, "tronque.xml:48")) << run->error().describe();
    EXPECT_TRUE(contains(run->error().message, "ligne 48")) << run->error().message;
    EXPECT_TRUE(contains(run->error().message, "tronqué")) << run->error().message;
    EXPECT_FALSE(check(agrilocalTestData("tronque.xml")).ok());
}

TEST_F(AgrilocalConnectorTest, UndeclaredLatin1FailsWithTheLineAndAHint) {
    auto run = read(agrilocalTestData("latin1-sans-declaration.xml"));
    ASSERT_FALSE(run->ok());
    EXPECT_TRUE(contains(run->error().where, "latin1-sans-declaration.xml:4")) << run->error().describe();
    EXPECT_TRUE(contains(run->error().message, "encodage")) << run->error().message;
    EXPECT_TRUE(contains(run->error().message, "option encoding")) << run->error().message;
}

TEST_F(AgrilocalConnectorTest, AnotherRootElementIsAConfigErrorNamingIt) {
    auto run = read(agrilocalTestData("racine-inconnue.xml"));
    ASSERT_FALSE(run->ok());
    EXPECT_EQ(run->error().kind, sdk::ErrorKind::Config);
    EXPECT_TRUE(contains(run->error().message, "« catalogue »")) << run->error().message;
    EXPECT_TRUE(contains(run->error().message, "elements: {export: \"catalogue\"}")) << run->error().message;
    EXPECT_TRUE(run->sink.rejects.empty());
}

TEST_F(AgrilocalConnectorTest, NoRecognizedRecordButUnknownElementsIsAConfigError) {
    auto run = read(agrilocalTestData("elements-inconnus.xml"));
    ASSERT_FALSE(run->ok()) << "an empty read would remove every record of the source";
    EXPECT_EQ(run->error().kind, sdk::ErrorKind::Config);
    EXPECT_TRUE(contains(run->error().message, "« appels » (ligne 3)")) << run->error().message;
    EXPECT_TRUE(contains(run->error().message, "« appel » (ligne 4)")) << run->error().message;
}

TEST_F(AgrilocalConnectorTest, ExternalEntityFailsTheReadWithoutLeakingTheFile) {
    auto run = read(agrilocalTestData("xxe.xml"));
    ASSERT_FALSE(run->ok());
    EXPECT_TRUE(contains(run->error().where, "xxe.xml:3")) << run->error().describe();
    EXPECT_TRUE(contains(run->error().message, "« fuite »")) << run->error().message;
    EXPECT_FALSE(contains(run->error().message, "root:"));
    EXPECT_TRUE(run->sink.producers.empty()) << "nothing read past the DTD";
}

TEST_F(AgrilocalConnectorTest, BillionLaughsFailsFast) {
    const auto start = std::chrono::steady_clock::now();
    auto run = read(agrilocalTestData("milliard-de-rires.xml"));
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
    ASSERT_FALSE(run->ok());
    EXPECT_TRUE(contains(run->error().message, "« lol »")) << run->error().message;
    EXPECT_TRUE(run->sink.producers.empty());
}

TEST_F(AgrilocalConnectorTest, EmptyFileFails) {
    auto run = read(temp.write("vide.xml", ""));
    ASSERT_FALSE(run->ok());
    EXPECT_TRUE(contains(run->error().message, "vide")) << run->error().message;
}

}  // namespace
}  // namespace recolte::testing
