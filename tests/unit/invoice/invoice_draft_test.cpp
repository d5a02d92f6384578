#include <gtest/gtest.h>

#include "invoice/invoice_draft.hpp"
#include "invoice/invoice_units.hpp"
#include "unit/invoice/invoice_fixture.hpp"

namespace recolte::invoice {
namespace {

using sdk::Decimal;

Decimal d(const char* text) { return *Decimal::parse(text); }

TEST(InvoiceDraft, ComputesLinesBreakdownAndTotals) {
    const Draft draft = testing::goodDraft();
    const auto& inv = draft.invoice;
    EXPECT_EQ(inv.type_code, "380");
    EXPECT_EQ(inv.currency, "EUR");
    EXPECT_EQ(inv.customization_id, "urn:cen.eu:en16931:2017");
    ASSERT_EQ(inv.lines.size(), 3u);
    EXPECT_EQ(inv.lines[0].net_amount, d("78.63"));  // 4.25 x 18.50 = 78.625
    EXPECT_EQ(inv.lines[0].unit_code, "KGM");
    EXPECT_EQ(inv.lines[0].vat_category, "S");
    EXPECT_EQ(inv.lines[1].unit_code, "C62");
    EXPECT_EQ(inv.lines[2].unit_code, "H87");
    EXPECT_EQ(inv.lines[2].vat_category, "Z");
    EXPECT_EQ(inv.lines[2].id, "3");
    ASSERT_EQ(inv.vat_breakdown.size(), 3u);
    EXPECT_EQ(inv.vat_breakdown[0].tax_amount, d("4.32"));  // 78.63 x 5.5 % = 4.32465
    EXPECT_EQ(inv.vat_breakdown[1].tax_amount, d("2.40"));
    EXPECT_EQ(inv.vat_breakdown[2].category, "Z");
    EXPECT_EQ(inv.vat_breakdown[2].tax_amount, d("0"));
    EXPECT_EQ(inv.totals.line_net, d("95.63"));
    EXPECT_EQ(inv.totals.tax_exclusive, d("95.63"));
    EXPECT_EQ(*inv.totals.tax, d("6.72"));
    EXPECT_EQ(inv.totals.tax_inclusive, d("102.35"));
    EXPECT_EQ(inv.totals.payable, d("102.35"));
    EXPECT_EQ(inv.buyer_reference, "EPICERIE-SOCIALE");
    EXPECT_EQ(inv.order_reference, "EJ-2026-0412");
    EXPECT_EQ(inv.buyer.legal_id, "26090123400013");
    EXPECT_EQ(inv.buyer.legal_id_scheme, "0009");
    EXPECT_EQ(inv.buyer.address.country, "FR");
    EXPECT_EQ(inv.iban, "FR7630004000031234567890143");
    EXPECT_EQ(inv.payment_means_code, "30");
    EXPECT_TRUE(draft.buyer_requires.service_code);
    EXPECT_TRUE(draft.buyer_requires.engagement_number);
}

TEST(InvoiceDraft, LinesOfTheSameRateShareOneBreakdownRoundedOnce) {
    // Three lines of 0.10 at 5.5 %: VAT of the sum (0.30 -> 0.02), not the sum of rounded VATs (0.03).
    std::string yaml = testing::kGoodDescription;
    yaml = yaml.substr(0, yaml.find("lines:")) +
           "lines:\n"
           "  - {description: a, quantity: 1, unit: piece, unit_price: 0.10, vat_rate: 5.5}\n"
           "  - {description: b, quantity: 1, unit: piece, unit_price: 0.10, vat_rate: 5.5}\n"
           "  - {description: c, quantity: 1, unit: piece, unit_price: 0.10, vat_rate: 5.5}\n";
    auto draft = draftFromYaml(yaml, "f.yaml");
    ASSERT_TRUE(draft.ok()) << draft.error().describe();
    ASSERT_EQ(draft->invoice.vat_breakdown.size(), 1u);
    EXPECT_EQ(draft->invoice.vat_breakdown[0].taxable_amount, d("0.30"));
    EXPECT_EQ(draft->invoice.vat_breakdown[0].tax_amount, d("0.02"));
}

TEST(InvoiceDraft, ErrorsNameFileLineAndKey) {
    const std::string yaml =
        "number: X-1\n"                                  // 1
        "issue_date: 2026-02-30\n"                       // 2
        "colour: blue\n"                                 // 3
        "seller: {name: Ferme, address: {street: a, postcode: '09200', city: b}}\n"  // 4
        "buyer:\n"                                       // 5
        "  name: CCAS\n"                                 // 6
        "  requires_service_code: peut-être\n"           // 7
        "  address: {street: a, postcode: '09200', city: b}\n"  // 8
        "lines:\n"                                       // 9
        "  - {description: a, quantity: deux, unit: kg, unit_price: 1, vat_rate: 5.5}\n"  // 10
        "  - {description: b, quantity: 1, unit: brouette, unit_price: -1, vat_rate: 5.5}\n"  // 11
        "  - {description: c, quantity: 1, unit: kg, vat_rate: 120}\n";  // 12
    auto draft = draftFromYaml(yaml, "facture.yaml");
    ASSERT_FALSE(draft.ok());
    const std::string& msg = draft.error().message;
    for (const char* expected : {"facture.yaml:2: issue_date: date attendue", "facture.yaml:3: colour: clé inconnue",
                                 "facture.yaml:7: buyer.requires_service_code: true ou false",
                                 "facture.yaml:10: lines[0].quantity: un nombre est attendu",
                                 "facture.yaml:11: lines[1].unit: unité « brouette » inconnue",
                                 "facture.yaml:11: lines[1].unit_price: le prix unitaire ne peut pas être négatif",
                                 "facture.yaml:12: lines[2].unit_price: clé obligatoire manquante",
                                 "facture.yaml:12: lines[2].vat_rate: taux de TVA"})
        EXPECT_NE(msg.find(expected), std::string::npos) << "missing \"" << expected << "\" in:\n" << msg;
}

TEST(InvoiceDraft, MissingTopLevelKeysAndBrokenYaml) {
    auto empty = draftFromYaml("number: X\n", "f.yaml");
    ASSERT_FALSE(empty.ok());
    for (const char* key : {"issue_date", "seller", "buyer", "lines"})
        EXPECT_NE(empty.error().message.find(std::string(": ") + key + ": clé obligatoire manquante"), std::string::npos)
            << key << " in " << empty.error().message;
    auto broken = draftFromYaml("number: [X\n", "f.yaml");
    ASSERT_FALSE(broken.ok());
    EXPECT_NE(broken.error().message.find("f.yaml:"), std::string::npos);
    EXPECT_NE(broken.error().message.find("YAML illisible"), std::string::npos);
}

TEST(InvoiceDraft, JsonGivesTheSameInvoiceAndNamesKeys) {
    const std::string json = R"({"number": "FC-2026-0142", "issue_date": "2026-11-20", "due_date": "2026-12-20",
  "seller": {"name": "Ferme du Couserans", "siret": "81234567600017", "vat_id": "FR19812345676",
             "address": {"street": "Le Bourg", "postcode": "09200", "city": "Saint-Girons", "country": "FR"},
             "iban": "FR7630004000031234567890143"},
  "buyer": {"name": "CCAS de Saint-Girons", "siret": "26090123400013", "service_code": "EPICERIE-SOCIALE",
            "engagement_number": "EJ-2026-0412", "requires_service_code": true, "requires_engagement_number": true,
            "address": {"street": "4 place Alphonse Sentein", "postcode": "09200", "city": "Saint-Girons"}},
  "lines": [{"description": "Tomme des Pyrénées", "quantity": 4.25, "unit": "kg", "unit_price": 18.50, "vat_rate": 5.5},
            {"description": "Livraison", "quantity": 1, "unit": "forfait", "unit_price": 12, "vat_rate": 20},
            {"description": "Cagettes consignées", "quantity": 10, "unit": "piece", "unit_price": 0.5, "vat_rate": 0}]})";
    auto fromJson = draftFromJson(json, "POST /api/v1/invoices");
    ASSERT_TRUE(fromJson.ok()) << fromJson.error().describe();
    const auto fromYaml = testing::goodDraft();
    EXPECT_EQ(fromJson->invoice.totals.payable, fromYaml.invoice.totals.payable);
    EXPECT_EQ(fromJson->invoice.vat_breakdown.size(), fromYaml.invoice.vat_breakdown.size());
    EXPECT_EQ(fromJson->invoice.lines[0].net_amount, d("78.63"));
    EXPECT_TRUE(fromJson->buyer_requires.engagement_number);

    auto bad = draftFromJson(R"({"number": "X",
 "lines": [{"description": "a", "quantity": "beaucoup"}]})", "body");
    ASSERT_FALSE(bad.ok());
    EXPECT_NE(bad.error().message.find("body:2: lines[0].quantity: un nombre est attendu"), std::string::npos)
        << bad.error().message;
    auto broken = draftFromJson("{\"number\": ", "body");
    ASSERT_FALSE(broken.ok());
    EXPECT_NE(broken.error().message.find("JSON illisible"), std::string::npos);
}

TEST(InvoiceUnits, WordsAndRec20Codes) {
    EXPECT_EQ(rec20UnitCode("kg"), "KGM");
    EXPECT_EQ(rec20UnitCode("Kilo"), "KGM");
    EXPECT_EQ(rec20UnitCode("l"), "LTR");
    EXPECT_EQ(rec20UnitCode("Pièce"), "H87");
    EXPECT_EQ(rec20UnitCode("unités"), "H87");
    EXPECT_EQ(rec20UnitCode("douzaine"), "DZN");
    EXPECT_EQ(rec20UnitCode("C62"), "C62");
    EXPECT_EQ(rec20UnitCode("XBX"), "XBX");
    EXPECT_EQ(rec20UnitCode("brouette"), "");
    EXPECT_EQ(rec20UnitCode("kgm"), "");  // a code is written in capitals
    EXPECT_EQ(rec20UnitCode(""), "");
}

}  // namespace
}  // namespace recolte::invoice
