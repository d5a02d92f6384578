// Broken and hostile inputs: each gives one clear French reject naming the file and the line or
// element, and the rest of the folder is read.
#include <filesystem>
#include <fstream>

#include "choruspro_fixture.hpp"

namespace recolte::testing {
namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

class ChorusProRejectTest : public ChorusProConnectorTest {
protected:
    void SetUp() override {
        ChorusProConnectorTest::SetUp();
        run = read(chorusproTestData("casses"));
        ASSERT_TRUE(run->ok()) << run->why();
    }
    const sdk::Reject& rejectOf(const std::string& file) {
        const sdk::Reject* r = run->rejectOf(file);
        if (!r) ADD_FAILURE() << "no reject for " << file << "; rejects:\n" << run->sink.describeRejects();
        static const sdk::Reject none;
        return r ? *r : none;
    }
    void expectReason(const std::string& file, std::vector<std::string> words) {
        const sdk::Reject& r = rejectOf(file);
        EXPECT_TRUE(contains(r.where.file, "/casses/" + file)) << r.where.file;
        for (const auto& w : words) EXPECT_TRUE(contains(r.reason, w)) << file << ": « " << w << " » not in « " << r.reason << " »";
    }
    std::unique_ptr<ChorusProRun> run;
};

TEST_F(ChorusProRejectTest, EachBrokenFileIsOneRejectAndTheGoodInvoiceIsRead) {
    EXPECT_EQ(run->sink.invoices.size(), 1u);
    ASSERT_NE(run->invoice("01-bonne-facture.xml"), nullptr) << "the folder goes on after the broken files";
    EXPECT_EQ(run->sink.rejects.size(), 9u) << run->sink.describeRejects();
    EXPECT_EQ(run->sink.invoices.size() + run->sink.rejects.size(), filesIn(chorusproTestData("casses")).size())
        << "read = accepted + rejected, one per file here";
}

TEST_F(ChorusProRejectTest, MalformedXmlNamesTheLine) {
    expectReason("02-malforme.xml", {"fichier XML illisible", "XML mal formé ligne"});
    EXPECT_GT(rejectOf("02-malforme.xml").where.line, 1);
}

TEST_F(ChorusProRejectTest, AnExternalEntityIsNeverRead) {
    expectReason("03-xxe.xml", {"la DTD déclare l'entité « secret »", "file:///etc/passwd", "refusé par sécurité"});
    EXPECT_EQ(rejectOf("03-xxe.xml").where.line, 2);
    for (const auto& i : run->sink.invoices)
        for (const auto& n : i.notes) EXPECT_FALSE(contains(n, "root:")) << "the entity was expanded";
}

TEST_F(ChorusProRejectTest, BillionLaughsIsRefusedBeforeAnyExpansion) {
    expectReason("04-milliard-de-rires.xml", {"la DTD déclare l'entité « lol »", "refusé par sécurité"});
}

TEST_F(ChorusProRejectTest, APivotAttachmentThatIsNotAZipRejectsThatInvoiceNamingTheElement) {
    expectReason("05-pivot-pj-pas-zip.xml", {"n'est pas une archive ZIP", "facture « FC-PAS-ZIP » refusée"});
    EXPECT_EQ(rejectOf("05-pivot-pj-pas-zip.xml").where.element,
              "/CPPFacturePivot/CPPFactures/CPPFacturePivotUnitaire/PJ/Contenu");
}

TEST_F(ChorusProRejectTest, AZipBombIsRefusedWithoutInflatingIt) {
    expectReason("06-pivot-bombe-zip.xml", {"bombe ZIP", "zip_max_ratio", "facture « FC-BOMBE » refusée"});
    EXPECT_TRUE(contains(rejectOf("06-pivot-bombe-zip.xml").where.element, "/PJ/Contenu"));
}

TEST_F(ChorusProRejectTest, AZipEntryClimbingOutOfTheArchiveIsRefused) {
    expectReason("07-pivot-zip-slip.xml", {"entrée ZIP « ../../etc/x » refusée", "remonte hors de l'archive"});
}

TEST_F(ChorusProRejectTest, APdfWithoutAttachmentIsNotTakenForAnInvoice) {
    expectReason("08-sans-piece-jointe.pdf", {"PDF sans pièce jointe", "Factur-X"});
}

TEST_F(ChorusProRejectTest, ATruncatedPdfIsRejected) {
    const sdk::Reject& r = rejectOf("10-tronque.pdf");
    EXPECT_TRUE(contains(r.reason, "PDF illisible") || contains(r.reason, "PDF sans pièce jointe") ||
                contains(r.reason, "pièce jointe « factur-x.xml » du PDF illisible"))
        << r.reason;
}

TEST_F(ChorusProRejectTest, AListThatIsNotJsonNamesTheLineAndColumn) {
    expectReason("09-liste-pas-json.json", {"fichier JSON illisible", "ligne 2"});
    EXPECT_EQ(rejectOf("09-liste-pas-json.json").where.line, 2);
}

TEST_F(ChorusProConnectorTest, AnUnreadableAmountRejectsTheInvoiceAtItsElement) {
    std::string ubl = readFile(chorusproTestData("casses/01-bonne-facture.xml"));
    const std::string from = "<cbc:TaxExclusiveAmount currencyID=\"EUR\">435.25<";
    ASSERT_NE(ubl.find(from), std::string::npos);
    ubl.replace(ubl.find(from), from.size(), "<cbc:TaxExclusiveAmount currencyID=\"EUR\">quatre cents<");
    temp.write("montant.xml", ubl);
    auto result = read(temp.path().string());
    ASSERT_TRUE(result->ok()) << result->why();
    ASSERT_EQ(result->sink.rejects.size(), 1u);
    const auto& r = result->sink.rejects[0];
    EXPECT_EQ(r.where.element, "/Invoice/cac:LegalMonetaryTotal/cbc:TaxExclusiveAmount");
    EXPECT_GT(r.where.line, 100);
    EXPECT_TRUE(contains(r.reason, "facture « FC-2026-0042 » refusée : total HT « quatre cents » n'est pas un nombre")) << r.reason;
    EXPECT_TRUE(contains(r.excerpt, "quatre cents"));
}

TEST_F(ChorusProConnectorTest, ZipLimitsAreOptions) {
    // The same honest pivot, with a limit of 1 kB on what its attachment may inflate to.
    auto result = read(chorusproTestData("pivot-avec-ubl.xml"), mapValue({{"zip_max_bytes", scalarValue("1000")}}));
    ASSERT_TRUE(result->ok()) << result->why();
    ASSERT_EQ(result->sink.rejects.size(), 1u);
    EXPECT_TRUE(contains(result->sink.rejects[0].reason, "zip_max_bytes")) << result->sink.rejects[0].reason;
    auto refused = read(chorusproTestData("pivot-avec-ubl.xml"), mapValue({{"zip_max_ratio", scalarValue("0")}}));
    ASSERT_FALSE(refused->ok());
    EXPECT_EQ(refused->result->error().kind, sdk::ErrorKind::Config);
}

}  // namespace
}  // namespace recolte::testing

namespace recolte::testing {
namespace {

TEST_F(ChorusProConnectorTest, ABadEntryOfAnInvoiceListIsRejectedAndTheOthersAreRead) {
    temp.write("liste.json",
               "{\"listeFactures\": [\n"
               "  {\"idFacture\": 7, \"numeroFacture\": \"F-7\", \"statut\": \"MISE_EN_PAIEMENT\", \"montantHT\": \"12,50\"},\n"
               "  42,\n"
               "  {\"statut\": \"SUSPENDUE\"}\n"
               "]}\n");
    auto result = read(temp.path().string());
    ASSERT_TRUE(result->ok()) << result->why();
    ASSERT_EQ(result->sink.invoice_statuses.size(), 1u);
    ASSERT_TRUE(result->sink.invoice_statuses[0].tax_exclusive.has_value());
    EXPECT_EQ(result->sink.invoice_statuses[0].tax_exclusive->toString(), "12.50") << "a French decimal comma in a string";
    ASSERT_EQ(result->sink.rejects.size(), 2u) << result->sink.describeRejects();
    EXPECT_EQ(result->sink.rejects[0].where.element, "listeFactures[1]");
    EXPECT_EQ(result->sink.rejects[0].where.line, 3);
    EXPECT_TRUE(contains(result->sink.rejects[0].reason, "n'est pas un objet JSON")) << result->sink.rejects[0].reason;
    EXPECT_EQ(result->sink.rejects[1].where.element, "listeFactures[2]");
    EXPECT_TRUE(contains(result->sink.rejects[1].reason, "ni numeroFacture"));
}

}  // namespace
}  // namespace recolte::testing

namespace recolte::testing {
namespace {

TEST_F(ChorusProConnectorTest, TotalsThatDoNotAddUpAreEmittedAsWrittenForTheHubToCheck) {
    std::string cii = readFile(std::string(RECOLTE_TEST_SOURCE_DIR) + "/data/samples/choruspro/MN-2026-118.cii.xml");
    const std::string from = "<ram:GrandTotalAmount>197.29</ram:GrandTotalAmount>";
    ASSERT_NE(cii.find(from), std::string::npos);
    cii.replace(cii.find(from), from.size(), "<ram:GrandTotalAmount>999.99</ram:GrandTotalAmount>");
    temp.write("faux-total.xml", cii);
    auto result = read(temp.path().string());
    ASSERT_TRUE(result->ok()) << result->why();
    EXPECT_TRUE(result->sink.rejects.empty()) << result->sink.describeRejects();
    ASSERT_EQ(result->sink.invoices.size(), 1u);
    EXPECT_EQ(result->sink.invoices[0].totals.tax_inclusive.toString(), "999.99");
    EXPECT_EQ(result->sink.invoices[0].totals.tax_exclusive.toString(), "187.00");
}

}  // namespace
}  // namespace recolte::testing
