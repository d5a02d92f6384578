// What the connector makes of each kind of file: the fields of an invoice made for Récolte, a
// pivot and its attached invoice, a Factur-X PDF built here with qpdf, the legacy 2015 UBL, and the
// status reports.
#include <filesystem>

#include "choruspro_fixture.hpp"

namespace recolte::testing {
namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

bool anyContains(const std::vector<std::string>& texts, const std::string& part) {
    for (const auto& t : texts)
        if (contains(t, part)) return true;
    return false;
}

std::string samples() { return std::string(RECOLTE_TEST_SOURCE_DIR) + "/data/samples/choruspro"; }

TEST_F(ChorusProConnectorTest, TheSampleUblInvoiceGivesEveryChorusProField) {
    auto result = read(samples() + "/FC-2026-0042.ubl.xml");
    ASSERT_TRUE(result->ok()) << result->why();
    ASSERT_EQ(result->sink.invoices.size(), 1u) << result->sink.describeRejects();
    const auto& r = result->sink.invoices[0];
    EXPECT_EQ(r.source_id, "FC-2026-0042.ubl.xml");
    EXPECT_EQ(r.source_format, "ubl");
    EXPECT_EQ(r.number, "FC-2026-0042");
    EXPECT_EQ(r.type_code, "380");
    EXPECT_EQ(r.issue_date, "2026-10-05");
    EXPECT_EQ(r.due_date, "2026-11-04");
    EXPECT_EQ(r.buyer_reference, "RESTAURATION");
    EXPECT_EQ(r.order_reference, "EJ2026-0412");
    EXPECT_EQ(r.contract_reference, "MAPA-2026-07");
    EXPECT_EQ(r.seller.siret, "81234567600017");
    EXPECT_EQ(r.seller.name, "GAEC Ferme du Couserans");
    EXPECT_EQ(r.seller.trading_name, "Ferme du Couserans");
    EXPECT_EQ(r.seller.vat_id, "FR32812345676");
    EXPECT_EQ(r.seller.legal_id_scheme, "0009");
    EXPECT_EQ(r.seller.address.postcode, "09200");
    EXPECT_EQ(r.seller.contact.email, "contact@ferme-couserans.example");
    EXPECT_EQ(r.buyer.siret, "26090012300019");
    EXPECT_EQ(r.buyer.name, "CCAS de Foix");
    EXPECT_EQ(r.invoice_period_start, "2026-09-01");
    EXPECT_EQ(r.delivery_date, "2026-09-30");
    EXPECT_EQ(r.payment_means_code, "30");
    EXPECT_EQ(r.iban, "FR7630006000011234567890189");
    EXPECT_EQ(r.payment_terms, "Paiement à 30 jours par virement.");
    ASSERT_EQ(r.vat_breakdown.size(), 1u);
    EXPECT_EQ(r.vat_breakdown[0].category, "S");
    EXPECT_EQ(r.vat_breakdown[0].rate->toString(), "5.50");
    ASSERT_EQ(r.lines.size(), 2u);
    EXPECT_EQ(r.lines[0].unit_code, "KGM");
    EXPECT_EQ(r.lines[0].quantity.toString(), "12.50");
    EXPECT_EQ(r.lines[0].net_price.toString(), "18.50");
    EXPECT_EQ(r.lines[0].seller_item_id, "FC-001");
    EXPECT_EQ(r.lines[1].unit_code, "C62");
    EXPECT_EQ(r.totals.payable.toString(), "459.19");
    EXPECT_TRUE(r.warnings.empty()) << r.warnings.front();
}

TEST_F(ChorusProConnectorTest, TheSampleCiiInvoiceGivesEveryChorusProField) {
    auto result = read(samples() + "/MN-2026-118.cii.xml");
    ASSERT_TRUE(result->ok()) << result->why();
    ASSERT_EQ(result->sink.invoices.size(), 1u) << result->sink.describeRejects();
    const auto& r = result->sink.invoices[0];
    EXPECT_EQ(r.source_format, "cii");
    EXPECT_EQ(r.issue_date, "2026-10-12");
    EXPECT_EQ(r.due_date, "2026-11-11");
    EXPECT_EQ(r.buyer_reference, "EPICERIE-SOLIDAIRE");
    EXPECT_EQ(r.order_reference, "2026-EJ-0877");
    EXPECT_EQ(r.seller.siret, "79845612500011");
    EXPECT_EQ(r.seller.vat_id, "FR55798456125");
    EXPECT_EQ(r.seller.electronic_address_scheme, "0009");
    EXPECT_EQ(r.buyer.siret, "26090024500010");
    EXPECT_EQ(r.iban, "FR7610278022000001234567826");
    ASSERT_EQ(r.lines.size(), 2u);
    EXPECT_EQ(r.lines[1].name, "Lentilles vertes AB");
    EXPECT_EQ(r.lines[1].net_amount.toString(), "92.00");
    EXPECT_EQ(r.lines[1].vat_category, "S");
    EXPECT_EQ(r.totals.tax->toString(), "10.29");
    EXPECT_TRUE(r.warnings.empty()) << r.warnings.front();
}

TEST_F(ChorusProConnectorTest, APivotPrefersItsAttachedInvoiceAndSaysWhereTheyDisagree) {
    auto result = read(chorusproTestData("pivot-avec-ubl.xml"));
    ASSERT_TRUE(result->ok()) << result->why();
    ASSERT_EQ(result->sink.invoices.size(), 1u) << result->sink.describeRejects();
    const auto& r = result->sink.invoices[0];
    EXPECT_EQ(r.source_format, "pivot");
    EXPECT_EQ(r.totals.tax_exclusive.toString(), "435.25") << "the attached UBL's, not the pivot's 100.00";
    EXPECT_EQ(r.lines.size(), 2u);
    EXPECT_TRUE(anyContains(r.warnings, "total HT : le pivot indique « 100.00 », la facture jointe « 435.25 »"));
    EXPECT_FALSE(anyContains(r.warnings, "code service")) << "same service code on both sides";
    bool sinkWarned = false;
    for (const auto& [where, message] : result->sink.warnings)
        sinkWarned |= contains(message, "total HT") && where.element == "/CPPFacturePivot/CPPFactures/CPPFacturePivotUnitaire";
    EXPECT_TRUE(sinkWarned);
}

TEST_F(ChorusProConnectorTest, TheLegacy2015UblInsideAPivotIsReadWithWarnings) {
    auto result = read(conformance("chorus-pro/pivot/examples/facture_1223.xml"));
    ASSERT_TRUE(result->ok()) << result->why();
    ASSERT_EQ(result->sink.invoices.size(), 1u) << result->sink.describeRejects();
    const auto& r = result->sink.invoices[0];
    EXPECT_EQ(r.customization_id, "PORTAIL_SAISIE");
    EXPECT_EQ(r.number, "F081509");
    EXPECT_EQ(r.seller.siret, "34786851541230") << "schemeName=\"SIRET\"";
    EXPECT_EQ(r.seller.address.street, "22 RUE RENOIR") << "from AddressLine";
    EXPECT_EQ(r.buyer_reference, "GN5CAFZ069") << "the pivot's service code fills what the UBL lacks";
    EXPECT_EQ(r.order_reference, "R92");
    ASSERT_EQ(r.vat_breakdown.size(), 1u);
    EXPECT_EQ(r.vat_breakdown[0].category, "S") << "deduced from the 20 % rate";
    EXPECT_EQ(r.status, "Déposée");
    EXPECT_TRUE(anyContains(r.warnings, "antérieure à l'EN 16931"));
    EXPECT_TRUE(anyContains(r.warnings, "catégorie de TVA absente : S déduite du taux 20.00"));
    EXPECT_TRUE(anyContains(r.warnings, "numéro de facture : le pivot indique « AVA20150925 », la facture jointe « F081509 »"));
}

TEST_F(ChorusProConnectorTest, AFacturXPdfBuiltWithQpdfReadsTheSameAsItsCii) {
    // Every Factur-X profile's example, and an EN 16931 CII example, each attached to an empty PDF
    // by Debian's qpdf as "factur-x.xml".
    std::vector<std::string> sources = {conformance("en16931/examples/cii/CII_example4.xml")};
    for (const auto& path : filesIn(conformance("factur-x/examples")))
        if (contains(path, "/factur-x-")) sources.push_back(path);
    ASSERT_EQ(sources.size(), 6u);
    const std::string base = temp.file("base.pdf");
    int status = -1;
    run("qpdf --empty '" + base + "' 2>&1", &status);
    ASSERT_EQ(status, 0) << "qpdf (Debian package qpdf) is missing";
    for (size_t n = 0; n < sources.size(); ++n) {
        const std::string& cii = sources[n];
        SCOPED_TRACE(cii);
        const std::string dir = temp.file("pdf" + std::to_string(n));
        std::filesystem::create_directory(dir);
        const std::string xml = dir + "/factur-x.xml", pdf = dir + "/facture.pdf";
        std::filesystem::copy_file(cii, xml);
        run("qpdf '" + base + "' '" + pdf + "' --add-attachment '" + xml + "' --mimetype=text/xml -- 2>&1 && rm '" + xml + "'",
            &status);
        ASSERT_EQ(status, 0) << "qpdf could not build the Factur-X PDF";

        auto fromPdf = read(pdf);
        auto fromXml = read(cii);
        ASSERT_TRUE(fromPdf->ok() && fromXml->ok()) << fromPdf->why() << fromXml->why();
        ASSERT_EQ(fromPdf->sink.invoices.size(), 1u) << fromPdf->sink.describeRejects();
        ASSERT_EQ(fromXml->sink.invoices.size(), 1u);
        const auto& a = fromPdf->sink.invoices[0];
        const auto& b = fromXml->sink.invoices[0];
        EXPECT_EQ(a.source_format, "facturx");
        EXPECT_EQ(a.source_id, "facture.pdf");
        EXPECT_FALSE(a.number.empty());
        EXPECT_EQ(a.number, b.number);
        EXPECT_EQ(a.seller.name, b.seller.name);
        EXPECT_EQ(a.buyer.name, b.buyer.name);
        EXPECT_EQ(a.totals.line_net, b.totals.line_net);
        EXPECT_EQ(a.totals.tax_exclusive, b.totals.tax_exclusive);
        EXPECT_EQ(a.totals.tax, b.totals.tax);
        EXPECT_EQ(a.totals.tax_inclusive, b.totals.tax_inclusive);
        EXPECT_EQ(a.totals.payable, b.totals.payable);
        ASSERT_EQ(a.lines.size(), b.lines.size());
        for (size_t i = 0; i < a.lines.size(); ++i) {
            EXPECT_EQ(a.lines[i].name, b.lines[i].name);
            EXPECT_EQ(a.lines[i].net_amount, b.lines[i].net_amount);
        }
    }
}

TEST_F(ChorusProConnectorTest, TheInvoiceListGivesOneStatusRecordPerInvoice) {
    auto result = read(conformance("chorus-pro/api-samples/CPPListeFactures.json"));
    ASSERT_TRUE(result->ok()) << result->why();
    EXPECT_TRUE(result->sink.rejects.empty()) << result->sink.describeRejects();
    ASSERT_EQ(result->sink.invoice_statuses.size(), 4u);
    const auto& s = result->sink.invoice_statuses[1];
    EXPECT_EQ(s.source_id, "CPPListeFactures.json#1222");
    EXPECT_EQ(s.chorus_id, "1222");
    EXPECT_EQ(s.number, "MAD201602");
    EXPECT_EQ(s.status, "MISE_A_DISPOSITION_COMPTABLE");
    EXPECT_EQ(s.seller_siret, "92752571570002");
    EXPECT_EQ(s.seller_name, "VIN SUR VIN");
    EXPECT_EQ(s.buyer_siret, "18112423258055");
    EXPECT_EQ(s.service_code, "COMPTABILITE");
    EXPECT_EQ(s.order_reference, "VABFC002");
    EXPECT_EQ(s.contract_reference, "VABFM001");
    EXPECT_EQ(s.issue_date, "2015-08-19");
    ASSERT_TRUE(s.tax_exclusive && s.tax_inclusive && s.payable);
    EXPECT_EQ(s.tax_exclusive->toString(), "9500.00");
    EXPECT_EQ(s.tax_inclusive->toString(), "9822.50");
    EXPECT_EQ(s.payable->toString(), "9822.50");
    EXPECT_EQ(s.where.element, "listeFactures[1]");
    EXPECT_GT(s.where.line, 30);
}

TEST_F(ChorusProConnectorTest, AStatusHistoryKeepsItsEventsOldestFirst) {
    auto result = read(conformance("chorus-pro/api-samples/CPPHistoStatutFacture.json"));
    ASSERT_TRUE(result->ok()) << result->why();
    ASSERT_EQ(result->sink.invoice_statuses.size(), 1u) << result->sink.describeRejects();
    const auto& s = result->sink.invoice_statuses[0];
    EXPECT_EQ(s.status, "MISE_A_DISPOSITION");
    ASSERT_EQ(s.history.size(), 3u);
    EXPECT_EQ(s.history[0].at, "2015-12-01T10:36");
    EXPECT_EQ(s.history[1].status, "SUSPENDUE");
    EXPECT_EQ(s.history[1].comment, "Commentaire suspension 2 dec");
}

TEST_F(ChorusProConnectorTest, TheStatusPivotGivesOneRecordPerStatus) {
    auto result = read(conformance("chorus-pro/statut-pivot/examples"));
    ASSERT_TRUE(result->ok()) << result->why();
    ASSERT_EQ(result->sink.invoice_statuses.size(), 3u);
    // Example04 is the status of a whole flow (CPPFluxStatuts), about no invoice: a reject, not a silent skip.
    ASSERT_EQ(result->sink.rejects.size(), 1u) << result->sink.describeRejects();
    EXPECT_TRUE(contains(result->sink.rejects[0].where.file, "Example04"));
    EXPECT_TRUE(contains(result->sink.rejects[0].reason, "statut du flux « 1000000000 »"));
    const auto& s = result->sink.invoice_statuses[0];
    EXPECT_EQ(s.source_id, "Example01-FactureStatut-ok.xml");
    EXPECT_EQ(s.number, "Example01");
    EXPECT_EQ(s.status, "Service fait");
    EXPECT_EQ(s.seller_siret, "00000000169959");
    EXPECT_EQ(s.issue_date, "2018-06-13");
    // Example03 is deliberately invalid (month 15): kept, with a warning.
    bool warned = false;
    for (const auto& [where, message] : result->sink.warnings) warned |= contains(where.file, "Example03");
    EXPECT_TRUE(warned);
}

TEST_F(ChorusProConnectorTest, AnUnchangedFolderIsReadAsUnchanged) {
    auto first = read(samples());
    ASSERT_TRUE(first->ok()) << first->why();
    EXPECT_EQ(first->sink.invoices.size(), 2u);
    EXPECT_FALSE(first->result->value().unchanged);
    auto second = read(samples(), {}, first->result->value().bookmark);
    ASSERT_TRUE(second->ok()) << second->why();
    EXPECT_TRUE(second->result->value().unchanged);
    EXPECT_TRUE(second->sink.invoices.empty());
}

}  // namespace
}  // namespace recolte::testing
