#include <gtest/gtest.h>

#include "model/invoice_record_json.hpp"

namespace recolte::model {
namespace {

using sdk::Decimal;

Decimal dec(const char* s) { return *Decimal::parse(s); }

sdk::InvoiceParty fullParty(const std::string& p) {
    sdk::InvoiceParty x;
    x.name = p + " name";
    x.trading_name = p + " trading";
    x.legal_id = "81234567600017";
    x.legal_id_scheme = "0009";
    x.siret = "81234567600017";
    x.party_id = p + "-id";
    x.party_id_scheme = "0088";
    x.vat_id = "FR12812345676";
    x.tax_registration_id = p + "-fc";
    x.electronic_address = p + "@example.org";
    x.electronic_address_scheme = "EM";
    x.legal_form = "SARL au capital de 1 000 €";
    x.address = {"1 rue \"Haute\"", "09000", "Foix", "09", "FR", 42.9653, 1.6073};
    x.address_line2 = "Bâtiment B";
    x.country_subdivision = "Occitanie";
    x.contact = {p + " contact", "c@example.org", "0561000000", "https://example.org"};
    return x;
}

sdk::AllowanceCharge fullAllowance(bool charge) {
    return {charge, dec("1.2345"), dec("10"), dec("12.5"), "S", dec("20"), "remise", "95"};
}

// A record with every field set to a distinct value (and both states of the optionals in lines).
sdk::InvoiceRecord fullRecord() {
    sdk::InvoiceRecord r;
    r.source_id = "dossier/facture.xml#2";
    r.source_format = "pivot";
    r.customization_id = "urn:cen.eu:en16931:2017";
    r.profile_id = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0";
    r.number = "FA-2026-001";
    r.type_code = "381";
    r.issue_date = "2026-05-10";
    r.due_date = "2026-06-10";
    r.tax_point_date = "2026-05-09";
    r.currency = "EUR";
    r.tax_currency = "USD";
    r.buyer_reference = "SERVICE-1";
    r.project_reference = "PROJ";
    r.contract_reference = "MARCHE-7";
    r.order_reference = "ENG-42";
    r.sales_order_reference = "SO-1";
    r.receiving_advice_reference = "RA-1";
    r.despatch_advice_reference = "DA-1";
    r.preceding_invoice = "FA-2026-000";
    r.preceding_invoice_date = "2026-04-01";
    r.buyer_accounting_reference = "6061";
    r.notes = {"note 1", "note 2 avec accents éè"};
    r.seller = fullParty("seller");
    r.buyer = fullParty("buyer");
    r.payee = fullParty("payee");
    r.invoice_period_start = "2026-05-01";
    r.invoice_period_end = "2026-05-31";
    r.delivery_date = "2026-05-08";
    r.deliver_to_name = "Cuisine centrale";
    r.delivery_address = sdk::Address{"2 route", "09100", "Pamiers", "09", "FR", std::nullopt, 1.5};
    r.payment_means_code = "58";
    r.payment_id = "REF-PAY";
    r.iban = "FR7630006000011234567890189";
    r.bic = "AGRIFRPP";
    r.payment_terms = "30 jours";
    r.allowances_charges = {fullAllowance(false), fullAllowance(true)};
    r.vat_breakdown = {{"S", dec("5.5"), dec("100.00"), dec("5.50"), "", ""},
                       {"E", std::nullopt, dec("10"), dec("0"), "Exonéré", "VATEX-EU-132"}};
    r.totals = {dec("110.00"), dec("1.23"), dec("4.56"), dec("113.33"), dec("5.50"), dec("6.01"),
                dec("118.83"),  dec("10"),   dec("0.01"), dec("108.84")};
    sdk::InvoiceLine l;
    l.id = "1";
    l.note = "note de ligne";
    l.object_id = "OBJ";
    l.quantity = dec("12.5");
    l.unit_code = "KGM";
    l.net_amount = dec("100.00");
    l.order_line_reference = "OL-1";
    l.accounting_reference = "6061-1";
    l.period_start = "2026-05-01";
    l.period_end = "2026-05-15";
    l.allowances_charges = {fullAllowance(false)};
    l.net_price = dec("8.0000");
    l.price_discount = dec("0.5");
    l.gross_price = dec("8.5");
    l.base_quantity = dec("1");
    l.base_quantity_unit = "KGM";
    l.vat_category = "S";
    l.vat_rate = dec("5.5");
    l.name = "Pommes bio";
    l.description = "Pommes Gala, catégorie I";
    l.seller_item_id = "POM-1";
    l.buyer_item_id = "B-1";
    l.standard_item_id = "3012345678901";
    l.standard_item_scheme = "0160";
    l.classification_codes = {"03222321", "X"};
    l.origin_country = "FR";
    sdk::InvoiceLine bare;
    bare.id = "2";
    bare.quantity = dec("-1");
    bare.net_amount = dec("10");
    bare.net_price = dec("10");
    r.lines = {l, bare};
    r.chorus_id = "123456";
    r.status = "MANDATEE";
    r.status_history = {{"MISE_A_DISPOSITION", "2026-05-10", "déposée"}, {"MANDATEE", "2026-05-20T10:00:00Z", ""}};
    r.warnings = {"UBL 2015 lu avec tolérance"};
    r.where = {"a.xml", "https://example.org/a.xml", 12, "col", "/Invoice/cac:InvoiceLine[1]"};
    r.issue_date_text = "123";
    r.seller_address_given = true;
    r.buyer_address_given = true;
    r.payment_means_given = true;
    r.preceding_invoice_given = false;
    r.tax_totals = {{dec("6.01"), "EUR"}, {dec("7.02"), "USD"}};
    sdk::InvoiceParty rep;
    rep.name = "Représentant fiscal";
    rep.vat_id = "FR11123456789";
    rep.address.country = "FR";
    r.tax_representative = rep;
    return r;
}

TEST(InvoiceRecordJson, EveryFieldSurvivesTheRoundTrip) {
    const auto original = fullRecord();
    const std::string json = invoiceRecordToJson(original);
    auto back = invoiceRecordFromJson(json);
    ASSERT_TRUE(back) << back.error().describe();
    EXPECT_EQ(invoiceRecordToJson(*back), json);
    // Field by field where a writer/reader pair could agree on a wrong value.
    const auto& r = *back;
    ASSERT_TRUE(r.payee.has_value());
    EXPECT_EQ(r.payee->contact.website, "https://example.org");
    ASSERT_TRUE(r.delivery_address.has_value());
    EXPECT_FALSE(r.delivery_address->lat.has_value());
    EXPECT_DOUBLE_EQ(*r.delivery_address->lon, 1.5);
    EXPECT_DOUBLE_EQ(*r.seller.address.lat, 42.9653);
    EXPECT_EQ(r.seller.address.street, "1 rue \"Haute\"");
    EXPECT_EQ(r.lines.at(0).net_price, dec("8"));
    EXPECT_EQ(r.lines.at(0).classification_codes, (std::vector<std::string>{"03222321", "X"}));
    EXPECT_FALSE(r.lines.at(1).vat_rate.has_value());
    EXPECT_EQ(r.lines.at(1).quantity, dec("-1"));
    EXPECT_EQ(r.allowances_charges.at(1).charge, true);
    EXPECT_EQ(r.allowances_charges.at(0).amount, dec("1.2345"));
    EXPECT_FALSE(r.vat_breakdown.at(1).rate.has_value());
    EXPECT_EQ(r.vat_breakdown.at(1).exemption_reason_code, "VATEX-EU-132");
    EXPECT_EQ(r.totals.rounding, dec("0.01"));
    EXPECT_EQ(r.totals.tax_accounting, dec("6.01"));
    EXPECT_EQ(r.tax_currency, "USD");
    EXPECT_EQ(r.status_history.at(0).comment, "déposée");
    EXPECT_EQ(r.where.line, 12);
    EXPECT_EQ(r.where.element, "/Invoice/cac:InvoiceLine[1]");
    EXPECT_EQ(r.notes.at(1), "note 2 avec accents éè");
    // What the file said as written, which the EN 16931 rules read again on a stored invoice.
    EXPECT_EQ(r.issue_date_text, "123");
    EXPECT_TRUE(r.payment_means_given);
    EXPECT_FALSE(r.preceding_invoice_given);
    ASSERT_EQ(r.tax_totals.size(), 2u);
    EXPECT_EQ(r.tax_totals.at(1).amount, dec("7.02"));
    EXPECT_EQ(r.tax_totals.at(1).currency, "USD");
    ASSERT_TRUE(r.tax_representative.has_value());
    EXPECT_EQ(r.tax_representative->vat_id, "FR11123456789");
}

TEST(InvoiceRecordJson, AbsentOptionalsStayAbsent) {
    sdk::InvoiceRecord r;
    r.number = "1";
    auto back = invoiceRecordFromJson(invoiceRecordToJson(r));
    ASSERT_TRUE(back) << back.error().describe();
    EXPECT_FALSE(back->payee.has_value());
    EXPECT_FALSE(back->delivery_address.has_value());
    EXPECT_FALSE(back->totals.tax.has_value());
    EXPECT_TRUE(back->lines.empty());
}

TEST(InvoiceRecordJson, ADamagedDocumentIsAnErrorNamingTheMember) {
    std::string json = invoiceRecordToJson(fullRecord());
    const std::string from = "\"payable\":108.84";
    ASSERT_NE(json.find(from), std::string::npos);
    json.replace(json.find(from), from.size(), "\"payable\":\"beaucoup\"");
    auto back = invoiceRecordFromJson(json);
    ASSERT_FALSE(back);
    EXPECT_NE(back.error().message.find("payable"), std::string::npos) << back.error().message;
}

TEST(InvoiceRecordJson, TheStoredInvoiceKeepsWhatTheHubAdded) {
    Invoice inv;
    inv.id = "abc";
    inv.source = "chorus";
    inv.record = fullRecord();
    inv.seller_producer_id = "p1";
    inv.line_classes = {{"fruit", {"BIO"}}, {"", {}}};
    inv.warnings = {"BR-CO-26 : ..."};
    inv.status = "MANDATEE";
    inv.status_history = {{"MANDATEE", "2026-05-20", "x"}};
    auto back = invoiceFromStoredJson(invoiceToStoredJson(inv));
    ASSERT_TRUE(back) << back.error().describe();
    EXPECT_EQ(invoiceToStoredJson(*back), invoiceToStoredJson(inv));
    EXPECT_EQ(back->line_classes.at(0).labels, std::vector<std::string>{"BIO"});
    EXPECT_EQ(back->record.number, "FA-2026-001");
}

TEST(InvoiceRecordJson, StatusReportsRoundTrip) {
    sdk::InvoiceStatusRecord s;
    s.source_id = "liste#3";
    s.chorus_id = "99";
    s.number = "FA-1";
    s.seller_siret = "81234567600017";
    s.seller_name = "Ferme";
    s.buyer_siret = "21345678900014";
    s.buyer_name = "CCAS";
    s.service_code = "SERVICE";
    s.order_reference = "ENG";
    s.contract_reference = "M";
    s.issue_date = "2026-05-01";
    s.currency = "EUR";
    s.tax_exclusive = dec("10");
    s.payable = dec("10.55");
    s.status = "SUSPENDUE";
    s.history = {{"SUSPENDUE", "2026-05-03", "pièce manquante"}};
    s.where = {"liste.json", "", 0, "", "listeFactures[3]"};
    const std::string json = statusRecordToJson(s);
    auto back = statusRecordFromJson(json);
    ASSERT_TRUE(back) << back.error().describe();
    EXPECT_EQ(statusRecordToJson(*back), json);
    EXPECT_FALSE(back->tax_inclusive.has_value());
    EXPECT_EQ(back->history.at(0).comment, "pièce manquante");
}

}  // namespace
}  // namespace recolte::model
