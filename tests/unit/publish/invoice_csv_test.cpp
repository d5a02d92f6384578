#include <gtest/gtest.h>

#include "model/invoice_json.hpp"
#include "model/invoice_normalize.hpp"
#include "publish/invoice_csv.hpp"
#include "publish/invoice_money.hpp"
#include "publish/invoice_summary.hpp"

namespace recolte::publish {
namespace {

using sdk::Decimal;

Decimal dec(const char* s) { return *Decimal::parse(s); }

sdk::InvoiceLine line(const char* name, const char* net, const char* rate) {
    sdk::InvoiceLine l;
    l.id = "1";
    l.name = name;
    l.quantity = dec("2.5");
    l.unit_code = "KGM";
    l.net_price = dec("4");
    l.net_amount = dec(net);
    l.vat_category = "S";
    l.vat_rate = dec(rate);
    return l;
}

// The public document of an invoice, as the store keeps it.
std::string doc(const std::string& number, const std::string& date, const std::string& sellerPostcode,
                std::vector<sdk::InvoiceLine> lines, const std::string& type = "380") {
    sdk::InvoiceRecord r;
    r.source_id = number;
    r.number = number;
    r.type_code = type;
    r.issue_date = date;
    r.due_date = "2026-06-30";
    r.seller.name = "Ferme; du \"Bourg\"";
    r.seller.siret = "81234567600017";
    r.seller.address.postcode = sellerPostcode;
    r.buyer.name = "CCAS de Foix";
    r.buyer.siret = "21345678900014";
    r.buyer.address.postcode = "09000";
    r.buyer_reference = "SERVICE-1";
    r.order_reference = "ENG-42";
    r.lines = std::move(lines);
    r.totals.tax_inclusive = dec("1234.5");
    r.status = "MANDATEE";
    auto inv = model::normalizeInvoice("s", r, {});
    EXPECT_TRUE(inv);
    return model::toJson(*inv);
}

TEST(InvoiceMoney, PercentOfRoundsHalfAwayFromZeroToTheCent) {
    EXPECT_EQ(percentOf(dec("12.34"), dec("5.5")), dec("0.68"));   // 0.6787
    EXPECT_EQ(percentOf(dec("10"), dec("5.5")), dec("0.55"));
    EXPECT_EQ(percentOf(dec("0.10"), dec("5")), dec("0.01"));      // 0.005 -> 0.01
    EXPECT_EQ(percentOf(dec("-0.10"), dec("5")), dec("-0.01"));
    EXPECT_EQ(percentOf(dec("31"), dec("0")), dec("0"));
}

TEST(InvoiceMoney, ShareHasFourDecimalsAndNoneForAZeroTotal) {
    EXPECT_EQ(*shareOf(dec("50"), dec("62")), dec("0.8065"));
    EXPECT_EQ(*shareOf(dec("62"), dec("62")), dec("1"));
    EXPECT_FALSE(shareOf(dec("1"), dec("0")).has_value());
}

TEST(InvoiceCsv, HeaderIsFrenchWithTheBom) {
    const std::string h = invoiceCsvHeader();
    ASSERT_EQ(h.rfind("\xEF\xBB\xBF", 0), 0u);
    EXPECT_EQ(h.substr(3), "N° de facture;Date de facture;Date d'échéance;Fournisseur;SIRET du fournisseur;Acheteur;"
                           "Code service;N° d'engagement;Désignation;Quantité;Unité;Montant HT;Taux de TVA (%);"
                           "Montant de TVA;Total TTC de la facture;Statut\r\n");
}

TEST(InvoiceCsv, OneRowPerLineWithDecimalCommaAndNeutralizedFormulas) {
    const std::string rows = invoiceCsvRows(doc("FA-1", "2026-05-10", "09000",
                                                {line("Pommes bio", "12.34", "5.5"), line("=1+1", "10", "20")}));
    const auto cut = rows.find("\r\n");
    ASSERT_NE(cut, std::string::npos);
    EXPECT_EQ(rows.substr(0, cut + 2),
              "FA-1;10/05/2026;30/06/2026;\"Ferme; du \"\"Bourg\"\"\";812 345 676 00017;CCAS de Foix;SERVICE-1;ENG-42;"
              "Pommes bio;2,5;KGM;12,34;5,5;0,68;1234,50;MANDATEE\r\n");
    const std::string second = rows.substr(cut + 2);
    EXPECT_NE(second.find(";'=1+1;"), std::string::npos) << second;
    EXPECT_NE(second.find(";10,00;20;2,00;"), std::string::npos) << second;
}

TEST(InvoiceCsv, AnInvoiceWithoutLinesStillHasItsRow) {
    const std::string rows = invoiceCsvRows(doc("FA-2", "2026-05-10", "09000", {}));
    EXPECT_EQ(rows, "FA-2;10/05/2026;30/06/2026;\"Ferme; du \"\"Bourg\"\"\";812 345 676 00017;CCAS de Foix;SERVICE-1;"
                    "ENG-42;;;;;;;1234,50;MANDATEE\r\n");
}

TEST(SpendSummary, PerBuyerAndMonthWithOrganicEgalimAndLocalShares) {
    SpendSummary s(0);
    // May: local seller (09), 25.00 organic + 6.00 Label Rouge; a credit note of 5.00 organic.
    s.add(doc("A", "2026-05-10", "09200", {line("Pommes bio", "25", "5.5"), line("Poulet Label Rouge", "6", "5.5")}));
    s.add(doc("C", "2026-05-20", "09200", {line("Pommes bio", "5", "5.5")}, "381"));
    // June: a seller in the Gers, not local.
    s.add(doc("B", "2026-06-02", "32000", {line("Carottes", "10", "5.5")}));
    const std::string json = s.toJson();
    EXPECT_EQ(json,
              "{\"items\":[{\"buyer\":{\"name\":\"CCAS de Foix\",\"siret\":\"21345678900014\"},\"month\":\"2026-05\","
              "\"invoices\":2,\"total_excl_vat\":26.00,\"organic\":{\"amount\":20.00,\"share\":0.7692},"
              "\"egalim\":{\"amount\":26.00,\"share\":1},\"local\":{\"amount\":26.00,\"share\":1}},"
              "{\"buyer\":{\"name\":\"CCAS de Foix\",\"siret\":\"21345678900014\"},\"month\":\"2026-06\","
              "\"invoices\":1,\"total_excl_vat\":10.00,\"organic\":{\"amount\":0.00,\"share\":0},"
              "\"egalim\":{\"amount\":0.00,\"share\":0},\"local\":{\"amount\":0.00,\"share\":0}}],"
              "\"total\":2,\"local_km\":0}");
}

TEST(SpendSummary, DistanceCountsAsLocalWithinTheConfiguredKilometres) {
    EXPECT_NEAR(distanceKm(42.9653, 1.6073, 43.6045, 1.4440), 72.0, 2.0);  // Foix - Toulouse
    EXPECT_NEAR(distanceKm(1, 1, 1, 1), 0.0, 1e-9);
}

}  // namespace
}  // namespace recolte::publish
