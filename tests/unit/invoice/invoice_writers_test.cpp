// What the writers put where; validity against the official XSD and schematron is checked by
// tests/conformance (validate-invoice.sh on every invoice `recolte invoice new` writes).
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "invoice/invoice_files.hpp"
#include "invoice/invoice_writers.hpp"
#include "recolte/sdk/xml.hpp"
#include "support/temp_dir.hpp"
#include "unit/invoice/invoice_fixture.hpp"

namespace recolte::invoice {
namespace {

namespace xml = sdk::xml;

xml::Element parse(const std::string& text) {
    auto doc = xml::parse(text);
    if (!doc) throw std::runtime_error(doc.error().describe() + "\n" + text);
    return std::move(doc).value();
}

// The text at a path of qualified names ("cac:AccountingSupplierParty/cac:Party/..."), "" if absent.
const xml::Element* at(const xml::Element& root, const std::string& path) {
    const xml::Element* e = &root;
    size_t start = 0;
    while (e && start <= path.size()) {
        const size_t slash = path.find('/', start);
        e = e->child(path.substr(start, slash == std::string::npos ? std::string::npos : slash - start));
        if (slash == std::string::npos) break;
        start = slash + 1;
    }
    return e;
}
std::string textAt(const xml::Element& root, const std::string& path) {
    const auto* e = at(root, path);
    return e ? e->text() : "";
}

TEST(InvoiceWriters, UblInvoiceCarriesTheBusinessTerms) {
    auto inv = testing::goodDraft().invoice;
    const auto root = parse(writeUbl(inv));
    EXPECT_EQ(root.localName(), "Invoice");
    EXPECT_EQ(root.ns(), "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2");
    EXPECT_EQ(textAt(root, "cbc:CustomizationID"), "urn:cen.eu:en16931:2017");
    EXPECT_EQ(textAt(root, "cbc:ID"), "FC-2026-0142");
    EXPECT_EQ(textAt(root, "cbc:DueDate"), "2026-12-20");
    EXPECT_EQ(textAt(root, "cbc:BuyerReference"), "EPICERIE-SOCIALE");
    EXPECT_EQ(textAt(root, "cac:OrderReference/cbc:ID"), "EJ-2026-0412");
    const auto* siret = at(root, "cac:AccountingCustomerParty/cac:Party/cac:PartyLegalEntity/cbc:CompanyID");
    ASSERT_NE(siret, nullptr);
    EXPECT_EQ(siret->text(), "26090123400013");
    EXPECT_EQ(*siret->attribute("schemeID"), "0009");
    EXPECT_EQ(siret->attribute("schemeAgencyID"), nullptr);  // UBL-DT-27 forbids it in EN 16931 UBL
    EXPECT_EQ(textAt(root, "cac:AccountingSupplierParty/cac:Party/cac:PartyTaxScheme/cbc:CompanyID"), "FR19812345676");
    EXPECT_EQ(textAt(root, "cac:PaymentMeans/cac:PayeeFinancialAccount/cbc:ID"), "FR7630004000031234567890143");
    EXPECT_EQ(textAt(root, "cac:TaxTotal/cbc:TaxAmount"), "6.72");
    EXPECT_EQ(textAt(root, "cac:LegalMonetaryTotal/cbc:PayableAmount"), "102.35");
    const auto lines = root.childrenNamed("cac:InvoiceLine");
    ASSERT_EQ(lines.size(), 3u);
    const auto* qty = lines[0]->child("cbc:InvoicedQuantity");
    EXPECT_EQ(qty->text(), "4.25");
    EXPECT_EQ(*qty->attribute("unitCode"), "KGM");
    EXPECT_EQ(textAt(*lines[0], "cbc:LineExtensionAmount"), "78.63");
    EXPECT_EQ(*lines[0]->child("cbc:LineExtensionAmount")->attribute("currencyID"), "EUR");
    EXPECT_EQ(textAt(*lines[0], "cac:Price/cbc:PriceAmount"), "18.50");
    EXPECT_EQ(textAt(*lines[0], "cac:Item/cac:ClassifiedTaxCategory/cbc:Percent"), "5.5");
    EXPECT_EQ(textAt(*lines[2], "cac:Item/cac:ClassifiedTaxCategory/cbc:ID"), "Z");
}

TEST(InvoiceWriters, CreditNoteCodesMakeAUblCreditNote) {
    auto inv = testing::goodDraft().invoice;
    inv.type_code = "381";
    inv.preceding_invoice = "FC-2026-0100";
    const auto root = parse(writeUbl(inv));
    EXPECT_EQ(root.localName(), "CreditNote");
    EXPECT_EQ(textAt(root, "cbc:CreditNoteTypeCode"), "381");
    EXPECT_EQ(root.child("cbc:DueDate"), nullptr);  // a CreditNote has none: it goes in PaymentMeans
    EXPECT_EQ(textAt(root, "cac:PaymentMeans/cbc:PaymentDueDate"), "2026-12-20");
    EXPECT_EQ(textAt(root, "cac:BillingReference/cac:InvoiceDocumentReference/cbc:ID"), "FC-2026-0100");
    EXPECT_EQ(root.childrenNamed("cac:CreditNoteLine").size(), 3u);
    EXPECT_EQ(textAt(*root.childrenNamed("cac:CreditNoteLine")[0], "cbc:CreditedQuantity"), "4.25");
}

TEST(InvoiceWriters, CiiCarriesTheBusinessTerms) {
    auto inv = testing::goodDraft().invoice;
    const auto root = parse(writeCii(inv));
    EXPECT_EQ(root.name(), "rsm:CrossIndustryInvoice");
    EXPECT_EQ(textAt(root, "rsm:ExchangedDocumentContext/ram:GuidelineSpecifiedDocumentContextParameter/ram:ID"),
              "urn:cen.eu:en16931:2017");
    EXPECT_EQ(textAt(root, "rsm:ExchangedDocument/ram:TypeCode"), "380");
    const auto* issued = at(root, "rsm:ExchangedDocument/ram:IssueDateTime/udt:DateTimeString");
    ASSERT_NE(issued, nullptr);
    EXPECT_EQ(issued->text(), "20261120");
    EXPECT_EQ(*issued->attribute("format"), "102");
    const std::string agreement = "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/";
    EXPECT_EQ(textAt(root, agreement + "ram:BuyerReference"), "EPICERIE-SOCIALE");
    EXPECT_EQ(textAt(root, agreement + "ram:BuyerOrderReferencedDocument/ram:IssuerAssignedID"), "EJ-2026-0412");
    const auto* siret = at(root, agreement + "ram:BuyerTradeParty/ram:SpecifiedLegalOrganization/ram:ID");
    ASSERT_NE(siret, nullptr);
    EXPECT_EQ(siret->text(), "26090123400013");
    EXPECT_EQ(*siret->attribute("schemeID"), "0009");
    const std::string sums =
        "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:SpecifiedTradeSettlementHeaderMonetarySummation/";
    EXPECT_EQ(textAt(root, sums + "ram:TaxBasisTotalAmount"), "95.63");
    EXPECT_EQ(*at(root, sums + "ram:TaxTotalAmount")->attribute("currencyID"), "EUR");
    EXPECT_EQ(textAt(root, sums + "ram:DuePayableAmount"), "102.35");
    EXPECT_EQ(root.child("rsm:SupplyChainTradeTransaction")->childrenNamed("ram:IncludedSupplyChainTradeLineItem").size(), 3u);
}

// BG-11 is re-exported: the seller's tax representative with its name, address and VAT id (BT-63),
// in the place each syntax gives it (UBL after the payee, CII after the buyer).
TEST(InvoiceWriters, TheTaxRepresentativeIsWrittenInBothSyntaxes) {
    auto inv = testing::goodDraft().invoice;
    sdk::InvoiceParty representative;
    representative.name = "Représentation fiscale SARL";
    representative.vat_id = "FR61987654321";
    representative.address.city = "Toulouse";
    representative.address.country = "FR";
    inv.tax_representative = representative;

    const auto ubl = parse(writeUbl(inv));
    EXPECT_EQ(textAt(ubl, "cac:TaxRepresentativeParty/cac:PartyName/cbc:Name"), "Représentation fiscale SARL");
    EXPECT_EQ(textAt(ubl, "cac:TaxRepresentativeParty/cac:PostalAddress/cbc:CityName"), "Toulouse");
    EXPECT_EQ(textAt(ubl, "cac:TaxRepresentativeParty/cac:PostalAddress/cac:Country/cbc:IdentificationCode"), "FR");
    EXPECT_EQ(textAt(ubl, "cac:TaxRepresentativeParty/cac:PartyTaxScheme/cbc:CompanyID"), "FR61987654321");
    EXPECT_EQ(textAt(ubl, "cac:TaxRepresentativeParty/cac:PartyTaxScheme/cac:TaxScheme/cbc:ID"), "VAT");
    std::vector<std::string> order;
    for (const auto& c : ubl.children()) order.push_back(c.name());
    const auto pos = [&](const char* name) { return std::find(order.begin(), order.end(), name) - order.begin(); };
    EXPECT_LT(pos("cac:AccountingCustomerParty"), pos("cac:TaxRepresentativeParty"));
    EXPECT_LT(pos("cac:TaxRepresentativeParty"), pos("cac:PaymentMeans"));

    const auto cii = parse(writeCii(inv));
    const std::string rep =
        "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/ram:SellerTaxRepresentativeTradeParty/";
    EXPECT_EQ(textAt(cii, rep + "ram:Name"), "Représentation fiscale SARL");
    EXPECT_EQ(textAt(cii, rep + "ram:PostalTradeAddress/ram:CityName"), "Toulouse");
    const auto* vat = at(cii, rep + "ram:SpecifiedTaxRegistration/ram:ID");
    ASSERT_NE(vat, nullptr);
    EXPECT_EQ(vat->text(), "FR61987654321");
    EXPECT_EQ(*vat->attribute("schemeID"), "VA");

    inv.tax_representative.reset();
    EXPECT_EQ(at(parse(writeUbl(inv)), "cac:TaxRepresentativeParty"), nullptr);
    EXPECT_EQ(at(parse(writeCii(inv)),
                 "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement/ram:SellerTaxRepresentativeTradeParty"),
              nullptr);
}

TEST(InvoiceWriters, EveryTextIsEscaped) {
    auto inv = testing::goodDraft().invoice;
    inv.seller.name = "Dupont & Fils <\"bio\">";
    inv.lines[0].name = "Tomme ]]> <script>alert('x')</script>";
    inv.payment_terms = "30 jours & pénalités\x01";
    for (const auto& text : {writeUbl(inv), writeCii(inv)}) {
        const auto root = parse(text);  // well-formed whatever the fields hold
        EXPECT_NE(text.find("Dupont &amp; Fils &lt;"), std::string::npos);
        EXPECT_EQ(text.find("<script>"), std::string::npos);
    }
    const auto ubl = parse(writeUbl(inv));
    EXPECT_EQ(textAt(ubl, "cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cbc:RegistrationName"),
              "Dupont & Fils <\"bio\">");
    EXPECT_EQ(textAt(*ubl.childrenNamed("cac:InvoiceLine")[0], "cac:Item/cbc:Name"), "Tomme ]]> <script>alert('x')</script>");
    EXPECT_EQ(textAt(ubl, "cac:PaymentTerms/cbc:Note"), "30 jours & pénalités");  // the control character is dropped
}

TEST(InvoiceWriters, KeepsAnEn16931CustomizationElseWritesTheCore) {
    auto inv = testing::goodDraft().invoice;
    inv.customization_id = "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0";
    EXPECT_EQ(textAt(parse(writeUbl(inv)), "cbc:CustomizationID"), inv.customization_id);
    inv.customization_id = "PORTAIL_SAISIE";  // legacy Chorus Pro UBL
    EXPECT_EQ(textAt(parse(writeUbl(inv)), "cbc:CustomizationID"), "urn:cen.eu:en16931:2017");
    EXPECT_EQ(textAt(parse(writeCii(inv)),
                     "rsm:ExchangedDocumentContext/ram:GuidelineSpecifiedDocumentContextParameter/ram:ID"),
              "urn:cen.eu:en16931:2017");
}

TEST(InvoiceFiles, NumberBecomesASafeFileName) {
    EXPECT_EQ(invoiceFileStem("FC-2026-0142"), "FC-2026-0142");
    EXPECT_EQ(invoiceFileStem("FA 2026/12"), "FA_2026_12");
    EXPECT_EQ(invoiceFileStem("../../etc/passwd"), ".._.._etc_passwd");
    EXPECT_EQ(invoiceFileStem(".."), "facture..");
    EXPECT_EQ(invoiceFileStem(""), "facture");
    EXPECT_EQ(invoiceFileStem("Fé-1"), "F__-1");  // é is two bytes
}

TEST(InvoiceFiles, WritesBothFormatsIntoTheFolder) {
    recolte::testing::TempDir dir;
    auto inv = testing::goodDraft().invoice;
    inv.number = "FA 2026/12";
    const std::string out = dir.file("out");
    auto written = writeInvoiceFiles(inv, out);
    ASSERT_TRUE(written.ok()) << written.error().describe();
    EXPECT_EQ(written->ubl, out + "/FA_2026_12.ubl.xml");
    EXPECT_EQ(written->cii, out + "/FA_2026_12.cii.xml");
    std::ifstream ubl(written->ubl);
    std::stringstream text;
    text << ubl.rdbuf();
    EXPECT_EQ(textAt(parse(text.str()), "cbc:ID"), "FA 2026/12");
}

}  // namespace
}  // namespace recolte::invoice
