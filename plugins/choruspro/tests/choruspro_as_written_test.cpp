// What the connector keeps of a file as written, beyond the typed fields: the seller's tax
// representative (BG-11), an unreadable issue date, groups given empty, and every VAT total with its
// currency. The EN 16931 checks need them to agree with the official schematron.
#include "choruspro_fixture.hpp"

namespace recolte::testing {
namespace {

std::string L(const std::string& name) { return "*[local-name()='" + name + "']"; }

// Every official example holding a tax representative: the record has it, with the name, VAT id
// and country XPath reads from the same file.
TEST_F(ChorusProConnectorTest, TheTaxRepresentativeOfTheOfficialExamplesIsKept) {
    struct Case {
        std::string file, party, name, vat, country;
    };
    const std::string ubl = "/*/" + L("TaxRepresentativeParty") + "/";
    const std::string cii = "//" + L("SellerTaxRepresentativeTradeParty") + "/";
    const std::vector<Case> cases{
        {"en16931/examples/ubl/ubl-tc434-example5.xml", ubl, L("PartyName") + "/" + L("Name"),
         L("PartyTaxScheme") + "/" + L("CompanyID"), L("PostalAddress") + "/" + L("Country") + "/" + L("IdentificationCode")},
        {"en16931/examples/ubl-testfiles/Invoice-Max_content.xml", ubl, L("PartyName") + "/" + L("Name"),
         L("PartyTaxScheme") + "/" + L("CompanyID"), L("PostalAddress") + "/" + L("Country") + "/" + L("IdentificationCode")},
        {"en16931/examples/cii/CII_example5.xml", cii, L("Name"),
         L("SpecifiedTaxRegistration") + "/" + L("ID") + "[@schemeID='VA']", L("PostalTradeAddress") + "/" + L("CountryID")},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.file);
        const std::string path = conformance(c.file);
        auto result = read(path);
        ASSERT_TRUE(result->ok()) << result->why();
        ASSERT_EQ(result->sink.invoices.size(), 1u) << result->sink.describeRejects();
        const auto& r = result->sink.invoices[0];
        XPathDoc x(readFile(path));
        ASSERT_TRUE(x.ok());
        const std::string vat = x.string(c.party + c.vat);
        ASSERT_FALSE(vat.empty()) << "the example has no tax representative VAT id";
        ASSERT_TRUE(r.tax_representative.has_value());
        EXPECT_EQ(r.tax_representative->name, x.string(c.party + c.name));
        EXPECT_EQ(r.tax_representative->vat_id, vat);
        EXPECT_EQ(r.tax_representative->address.country, x.string(c.party + c.country));
    }
}

TEST_F(ChorusProConnectorTest, AnInvoiceWithoutTaxRepresentativeHasNone) {
    auto result = read(std::string(RECOLTE_TEST_SOURCE_DIR) + "/data/samples/choruspro/FC-2026-0042.ubl.xml");
    ASSERT_TRUE(result->ok()) << result->why();
    ASSERT_EQ(result->sink.invoices.size(), 1u) << result->sink.describeRejects();
    const auto& r = result->sink.invoices[0];
    EXPECT_FALSE(r.tax_representative.has_value());
    EXPECT_TRUE(r.issue_date_text.empty());  // the date was readable
    EXPECT_TRUE(r.seller_address_given);
    EXPECT_TRUE(r.buyer_address_given);
    EXPECT_TRUE(r.payment_means_given);
    EXPECT_FALSE(r.preceding_invoice_given);
    ASSERT_EQ(r.tax_totals.size(), 1u);
    EXPECT_EQ(r.tax_totals[0].currency, "EUR");
    ASSERT_TRUE(r.totals.tax.has_value());
    EXPECT_EQ(r.tax_totals[0].amount, *r.totals.tax);
}

const char* kUblAsWritten = R"(<?xml version="1.0" encoding="UTF-8"?>
<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
  xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
  xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
  <cbc:ID>F-1</cbc:ID>
  <cbc:IssueDate>123</cbc:IssueDate>
  <cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>
  <cac:BillingReference><cac:InvoiceDocumentReference></cac:InvoiceDocumentReference></cac:BillingReference>
  <cac:AccountingSupplierParty><cac:Party><cac:PostalAddress></cac:PostalAddress></cac:Party></cac:AccountingSupplierParty>
  <cac:AccountingCustomerParty><cac:Party></cac:Party></cac:AccountingCustomerParty>
  <cac:PaymentMeans></cac:PaymentMeans>
  <cac:TaxTotal><cbc:TaxAmount currencyID="EUR">10.00</cbc:TaxAmount></cac:TaxTotal>
  <cac:TaxTotal><cbc:TaxAmount currencyID="EUR">12.00</cbc:TaxAmount></cac:TaxTotal>
  <cac:TaxTotal><cbc:TaxAmount currencyID="NOK">110.00</cbc:TaxAmount></cac:TaxTotal>
  <cac:LegalMonetaryTotal>
    <cbc:LineExtensionAmount currencyID="EUR">100.00</cbc:LineExtensionAmount>
    <cbc:TaxExclusiveAmount currencyID="EUR">100.00</cbc:TaxExclusiveAmount>
    <cbc:TaxInclusiveAmount currencyID="EUR">110.00</cbc:TaxInclusiveAmount>
    <cbc:PayableAmount currencyID="EUR">110.00</cbc:PayableAmount>
  </cac:LegalMonetaryTotal>
</Invoice>
)";

TEST_F(ChorusProConnectorTest, UblGroupsGivenEmptyAndEveryVatTotalAreKeptAsWritten) {
    auto result = read(temp.write("as-written.xml", kUblAsWritten));
    ASSERT_TRUE(result->ok()) << result->why();
    ASSERT_EQ(result->sink.invoices.size(), 1u) << result->sink.describeRejects();
    const auto& r = result->sink.invoices[0];
    EXPECT_EQ(r.issue_date, "");
    EXPECT_EQ(r.issue_date_text, "123");
    EXPECT_TRUE(r.preceding_invoice_given);
    EXPECT_EQ(r.preceding_invoice, "");
    EXPECT_TRUE(r.seller_address_given);
    EXPECT_FALSE(r.buyer_address_given);  // the buyer's Party has no PostalAddress
    EXPECT_TRUE(r.payment_means_given);
    EXPECT_EQ(r.payment_means_code, "");
    ASSERT_EQ(r.tax_totals.size(), 3u);
    EXPECT_EQ(r.tax_totals[0].amount.toString(2), "10.00");
    EXPECT_EQ(r.tax_totals[0].currency, "EUR");
    EXPECT_EQ(r.tax_totals[1].amount.toString(2), "12.00");
    EXPECT_EQ(r.tax_totals[2].amount.toString(2), "110.00");
    EXPECT_EQ(r.tax_totals[2].currency, "NOK");
    EXPECT_FALSE(r.tax_representative.has_value());
}

const char* kCiiAsWritten = R"(<?xml version="1.0" encoding="UTF-8"?>
<rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"
  xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"
  xmlns:udt="urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100">
  <rsm:ExchangedDocument><ram:ID>F-2</ram:ID>
    <ram:IssueDateTime><udt:DateTimeString format="102">2017-13-45</udt:DateTimeString></ram:IssueDateTime>
  </rsm:ExchangedDocument>
  <rsm:SupplyChainTradeTransaction>
    <ram:ApplicableHeaderTradeAgreement>
      <ram:SellerTradeParty><ram:Name>Vendeur</ram:Name></ram:SellerTradeParty>
      <ram:BuyerTradeParty><ram:Name>Acheteur</ram:Name><ram:PostalTradeAddress></ram:PostalTradeAddress></ram:BuyerTradeParty>
      <ram:SellerTaxRepresentativeTradeParty><ram:Name>Représentant</ram:Name>
        <ram:SpecifiedTaxRegistration><ram:ID schemeID="VA">FR12345678901</ram:ID></ram:SpecifiedTaxRegistration>
      </ram:SellerTaxRepresentativeTradeParty>
    </ram:ApplicableHeaderTradeAgreement>
    <ram:ApplicableHeaderTradeSettlement>
      <ram:InvoiceCurrencyCode>EUR</ram:InvoiceCurrencyCode>
      <ram:SpecifiedTradeSettlementPaymentMeans></ram:SpecifiedTradeSettlementPaymentMeans>
      <ram:InvoiceReferencedDocument></ram:InvoiceReferencedDocument>
      <ram:SpecifiedTradeSettlementHeaderMonetarySummation>
        <ram:LineTotalAmount>100.00</ram:LineTotalAmount>
        <ram:TaxBasisTotalAmount>100.00</ram:TaxBasisTotalAmount>
        <ram:TaxTotalAmount currencyID="USD">10.00</ram:TaxTotalAmount>
        <ram:GrandTotalAmount>110.00</ram:GrandTotalAmount>
        <ram:DuePayableAmount>110.00</ram:DuePayableAmount>
      </ram:SpecifiedTradeSettlementHeaderMonetarySummation>
    </ram:ApplicableHeaderTradeSettlement>
  </rsm:SupplyChainTradeTransaction>
</rsm:CrossIndustryInvoice>
)";

TEST_F(ChorusProConnectorTest, CiiGroupsGivenEmptyTheTaxRepresentativeAndEveryVatTotalAreKeptAsWritten) {
    auto result = read(temp.write("as-written.xml", kCiiAsWritten));
    ASSERT_TRUE(result->ok()) << result->why();
    ASSERT_EQ(result->sink.invoices.size(), 1u) << result->sink.describeRejects();
    const auto& r = result->sink.invoices[0];
    EXPECT_EQ(r.issue_date, "");
    EXPECT_EQ(r.issue_date_text, "2017-13-45");
    EXPECT_FALSE(r.seller_address_given);
    EXPECT_TRUE(r.buyer_address_given);
    EXPECT_TRUE(r.payment_means_given);
    EXPECT_TRUE(r.preceding_invoice_given);
    ASSERT_EQ(r.tax_totals.size(), 1u);
    EXPECT_EQ(r.tax_totals[0].currency, "USD");
    EXPECT_EQ(r.tax_totals[0].amount.toString(2), "10.00");
    ASSERT_TRUE(r.tax_representative.has_value());
    EXPECT_EQ(r.tax_representative->name, "Représentant");
    EXPECT_EQ(r.tax_representative->vat_id, "FR12345678901");
}

}  // namespace
}  // namespace recolte::testing
