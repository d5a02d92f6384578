// Every rule the hub implements passes on a good invoice and fires on a copy built to break it;
// the table below must name every id implementedEn16931Rules() lists.
#include <gtest/gtest.h>

#include <functional>
#include <map>
#include <set>

#include "invoice/invoice_rules.hpp"
#include "unit/invoice/invoice_fixture.hpp"

namespace recolte::invoice {
namespace {

using sdk::Decimal;
using sdk::InvoiceRecord;
using Mutation = std::function<void(InvoiceRecord&)>;

Decimal d(const char* text) { return *Decimal::parse(text); }

std::set<std::string> firedBy(const InvoiceRecord& inv) {
    std::set<std::string> ids;
    for (const auto& v : checkEn16931(inv)) ids.insert(v.rule);
    return ids;
}

std::string describe(const std::vector<RuleViolation>& vs) {
    std::string out;
    for (const auto& v : vs) out += "\n  " + v.rule + ": " + v.message;
    return out;
}

// Index of the line, breakdown... of this category in the good invoice.
size_t lineOf(const InvoiceRecord& inv, const std::string& category) {
    for (size_t i = 0; i < inv.lines.size(); ++i)
        if (inv.lines[i].vat_category == category) return i;
    throw std::logic_error("no line of category " + category);
}
size_t breakdownOf(const InvoiceRecord& inv, const std::string& category) {
    for (size_t i = 0; i < inv.vat_breakdown.size(); ++i)
        if (inv.vat_breakdown[i].category == category) return i;
    throw std::logic_error("no breakdown of category " + category);
}

// The good invoice with its zero-rated line (and breakdown) moved to another category with a rate
// of 0: E (exempt) and AE (reverse charge) need an exemption reason and, for AE, the buyer's VAT id.
InvoiceRecord withCategory(const std::string& category) {
    InvoiceRecord inv = testing::goodDraft().invoice;
    inv.lines[lineOf(inv, "Z")].vat_category = category;
    auto& b = inv.vat_breakdown[breakdownOf(inv, "Z")];
    b.category = category;
    if (category == "E") b.exemption_reason = "Exonération de TVA, article 261 du CGI";
    if (category == "AE") {
        b.exemption_reason_code = "VATEX-EU-AE";
        inv.buyer.vat_id = "FR44260901234";
    }
    return inv;
}

sdk::AllowanceCharge allowanceCharge(bool charge, const std::string& category, const char* rate, const char* amount) {
    sdk::AllowanceCharge ac;
    ac.charge = charge;
    ac.vat_category = category;
    ac.vat_rate = d(rate);
    ac.amount = d(amount);
    ac.reason = charge ? "Frais de transport" : "Remise fidélité";
    return ac;
}

// A line-level allowance or charge without reason.
sdk::AllowanceCharge bare(bool charge) {
    sdk::AllowanceCharge ac;
    ac.charge = charge;
    ac.amount = d("1");
    return ac;
}

// Rule id -> a change of the good invoice that breaks it.
std::map<std::string, Mutation> breakers() {
    std::map<std::string, Mutation> m{
        {"BR-01", [](auto& i) { i.customization_id.clear(); }},
        {"BR-02", [](auto& i) { i.number = " "; }},
        {"BR-03", [](auto& i) { i.issue_date.clear(); }},
        {"BR-04", [](auto& i) { i.type_code.clear(); }},
        {"BR-05", [](auto& i) { i.currency.clear(); }},
        {"BR-06", [](auto& i) { i.seller.name.clear(); }},
        {"BR-07", [](auto& i) { i.buyer.name.clear(); }},
        {"BR-08", [](auto& i) { i.seller.address = {}; }},
        {"BR-09", [](auto& i) { i.seller.address.country.clear(); }},
        {"BR-10", [](auto& i) { i.buyer.address = {}; }},
        {"BR-11", [](auto& i) { i.buyer.address.country.clear(); }},
        {"BR-16", [](auto& i) { i.lines.clear(); }},
        {"BR-17", [](auto& i) { i.payee = sdk::InvoiceParty{}; }},
        {"BR-21", [](auto& i) { i.lines[1].id.clear(); }},
        {"BR-23", [](auto& i) { i.lines[0].unit_code.clear(); }},
        {"BR-25", [](auto& i) { i.lines[2].name.clear(); }},
        {"BR-27", [](auto& i) { i.lines[0].net_price = d("-1"); }},
        {"BR-28", [](auto& i) { i.lines[0].gross_price = d("-20"); }},
        {"BR-29", [](auto& i) { i.invoice_period_start = "2026-11-30"; i.invoice_period_end = "2026-11-01"; }},
        {"BR-30", [](auto& i) { i.lines[0].period_start = "2026-11-30"; i.lines[0].period_end = "2026-11-01"; }},
        {"BR-32", [](auto& i) { auto a = allowanceCharge(false, "", "20", "1"); i.allowances_charges.push_back(a); }},
        {"BR-33", [](auto& i) { auto a = allowanceCharge(false, "S", "20", "1"); a.reason.clear(); i.allowances_charges.push_back(a); }},
        {"BR-37", [](auto& i) { auto a = allowanceCharge(true, "", "20", "1"); i.allowances_charges.push_back(a); }},
        {"BR-38", [](auto& i) { auto a = allowanceCharge(true, "S", "20", "1"); a.reason.clear(); i.allowances_charges.push_back(a); }},
        {"BR-42", [](auto& i) { i.lines[0].allowances_charges.push_back(bare(false)); }},
        {"BR-44", [](auto& i) { i.lines[0].allowances_charges.push_back(bare(true)); }},
        {"BR-47", [](auto& i) { i.vat_breakdown[0].category.clear(); }},
        {"BR-48", [](auto& i) { i.vat_breakdown[0].rate.reset(); }},
        {"BR-49", [](auto& i) { i.payment_means_code.clear(); }},
        {"BR-53", [](auto& i) { i.tax_currency = "USD"; }},
        {"BR-55", [](auto& i) { i.preceding_invoice_date = "2026-10-01"; }},
        {"BR-61", [](auto& i) { i.iban.clear(); i.bic.clear(); }},
        {"BR-62", [](auto& i) { i.seller.electronic_address = "contact@ferme.example"; }},
        {"BR-63", [](auto& i) { i.buyer.electronic_address = "26090123400013"; }},
        {"BR-CO-04", [](auto& i) { i.lines[1].vat_category.clear(); }},
        {"BR-CO-09", [](auto& i) { i.seller.vat_id = "19812345676"; }},
        {"BR-CO-10", [](auto& i) { i.totals.line_net = i.totals.line_net + d("0.01"); }},
        {"BR-CO-11", [](auto& i) { i.allowances_charges.push_back(allowanceCharge(false, "S", "20", "1")); }},
        {"BR-CO-12", [](auto& i) { i.allowances_charges.push_back(allowanceCharge(true, "S", "20", "1")); }},
        {"BR-CO-13", [](auto& i) { i.totals.tax_exclusive = i.totals.tax_exclusive - d("1"); }},
        {"BR-CO-14", [](auto& i) { i.totals.tax = *i.totals.tax + d("0.01"); }},
        {"BR-CO-15", [](auto& i) { i.totals.tax_inclusive = i.totals.tax_inclusive + d("0.01"); }},
        {"BR-CO-16", [](auto& i) { i.totals.payable = i.totals.payable - d("0.01"); }},
        {"BR-CO-17", [](auto& i) { i.vat_breakdown[0].tax_amount = i.vat_breakdown[0].tax_amount + d("1.50"); }},
        {"BR-CO-18", [](auto& i) { i.vat_breakdown.clear(); }},
        {"BR-CO-21", [](auto& i) { auto a = allowanceCharge(false, "S", "20", "1"); a.reason.clear(); i.allowances_charges.push_back(a); }},
        {"BR-CO-22", [](auto& i) { auto a = allowanceCharge(true, "S", "20", "1"); a.reason.clear(); i.allowances_charges.push_back(a); }},
        {"BR-CO-23", [](auto& i) { i.lines[0].allowances_charges.push_back(bare(false)); }},
        {"BR-CO-24", [](auto& i) { i.lines[0].allowances_charges.push_back(bare(true)); }},
        {"BR-CO-26", [](auto& i) { i.seller.siret.clear(); i.seller.legal_id.clear(); i.seller.vat_id.clear(); }},
        {"BR-DEC-01", [](auto& i) { i.allowances_charges.push_back(allowanceCharge(false, "S", "20", "1.005")); }},
        {"BR-DEC-02", [](auto& i) { auto a = allowanceCharge(false, "S", "20", "1"); a.base_amount = d("10.001"); i.allowances_charges.push_back(a); }},
        {"BR-DEC-05", [](auto& i) { i.allowances_charges.push_back(allowanceCharge(true, "S", "20", "1.005")); }},
        {"BR-DEC-06", [](auto& i) { auto a = allowanceCharge(true, "S", "20", "1"); a.base_amount = d("10.001"); i.allowances_charges.push_back(a); }},
        {"BR-DEC-09", [](auto& i) { i.totals.line_net = d("100.001"); }},
        {"BR-DEC-10", [](auto& i) { i.totals.allowances = d("0.001"); }},
        {"BR-DEC-11", [](auto& i) { i.totals.charges = d("0.001"); }},
        {"BR-DEC-12", [](auto& i) { i.totals.tax_exclusive = d("100.001"); }},
        {"BR-DEC-13", [](auto& i) { i.totals.tax = d("3.001"); }},
        {"BR-DEC-14", [](auto& i) { i.totals.tax_inclusive = d("100.001"); }},
        {"BR-DEC-15", [](auto& i) { i.tax_currency = "USD"; i.totals.tax_accounting = d("3.001"); }},
        {"BR-DEC-16", [](auto& i) { i.totals.prepaid = d("0.001"); }},
        {"BR-DEC-17", [](auto& i) { i.totals.rounding = d("0.001"); }},
        {"BR-DEC-18", [](auto& i) { i.totals.payable = d("100.001"); }},
        {"BR-DEC-19", [](auto& i) { i.vat_breakdown[0].taxable_amount = d("78.625"); }},
        {"BR-DEC-20", [](auto& i) { i.vat_breakdown[0].tax_amount = d("4.325"); }},
        {"BR-DEC-23", [](auto& i) { i.lines[0].net_amount = d("78.625"); }},
        {"BR-DEC-24", [](auto& i) { auto a = allowanceCharge(false, "", "0", "1.001"); i.lines[0].allowances_charges.push_back(a); }},
        {"BR-DEC-25", [](auto& i) { auto a = allowanceCharge(false, "", "0", "1"); a.base_amount = d("10.001"); i.lines[0].allowances_charges.push_back(a); }},
        {"BR-DEC-27", [](auto& i) { auto a = allowanceCharge(true, "", "0", "1.001"); i.lines[0].allowances_charges.push_back(a); }},
        {"BR-DEC-28", [](auto& i) { auto a = allowanceCharge(true, "", "0", "1"); a.base_amount = d("10.001"); i.lines[0].allowances_charges.push_back(a); }},
        // Standard rated.
        {"BR-S-01", [](auto& i) { i.vat_breakdown.erase(i.vat_breakdown.begin() + breakdownOf(i, "S")); i.vat_breakdown.erase(i.vat_breakdown.begin() + breakdownOf(i, "S")); }},
        {"BR-S-02", [](auto& i) { i.seller.vat_id.clear(); }},
        {"BR-S-03", [](auto& i) { i.seller.vat_id.clear(); i.allowances_charges.push_back(allowanceCharge(false, "S", "20", "1")); }},
        {"BR-S-04", [](auto& i) { i.seller.vat_id.clear(); i.allowances_charges.push_back(allowanceCharge(true, "S", "20", "1")); }},
        {"BR-S-05", [](auto& i) { i.lines[lineOf(i, "S")].vat_rate = d("0"); }},
        {"BR-S-06", [](auto& i) { i.allowances_charges.push_back(allowanceCharge(false, "S", "0", "1")); }},
        {"BR-S-07", [](auto& i) { i.allowances_charges.push_back(allowanceCharge(true, "S", "0", "1")); }},
        {"BR-S-08", [](auto& i) { i.vat_breakdown[breakdownOf(i, "S")].taxable_amount = i.vat_breakdown[0].taxable_amount + d("1.00"); }},
        {"BR-S-09", [](auto& i) { i.vat_breakdown[breakdownOf(i, "S")].tax_amount = i.vat_breakdown[0].tax_amount - d("1.00"); }},
        {"BR-S-10", [](auto& i) { i.vat_breakdown[breakdownOf(i, "S")].exemption_reason = "Exonéré"; }},
        // Zero rated (the good invoice has a Z line).
        {"BR-Z-01", [](auto& i) { i.vat_breakdown.push_back(i.vat_breakdown[breakdownOf(i, "Z")]); }},
        {"BR-Z-02", [](auto& i) { i.seller.vat_id.clear(); }},
        {"BR-Z-03", [](auto& i) { i.seller.vat_id.clear(); i.allowances_charges.push_back(allowanceCharge(false, "Z", "0", "1")); }},
        {"BR-Z-04", [](auto& i) { i.seller.vat_id.clear(); i.allowances_charges.push_back(allowanceCharge(true, "Z", "0", "1")); }},
        {"BR-Z-05", [](auto& i) { i.lines[lineOf(i, "Z")].vat_rate = d("5.5"); }},
        {"BR-Z-06", [](auto& i) { i.allowances_charges.push_back(allowanceCharge(false, "Z", "10", "1")); }},
        {"BR-Z-07", [](auto& i) { i.allowances_charges.push_back(allowanceCharge(true, "Z", "10", "1")); }},
        {"BR-Z-08", [](auto& i) { i.vat_breakdown[breakdownOf(i, "Z")].taxable_amount = d("4.99"); }},
        {"BR-Z-09", [](auto& i) { i.vat_breakdown[breakdownOf(i, "Z")].tax_amount = d("0.01"); }},
        {"BR-Z-10", [](auto& i) { i.vat_breakdown[breakdownOf(i, "Z")].exemption_reason_code = "VATEX-EU-O"; }},
    };
    // Exempt and reverse charge: the same breakers on the invoice whose Z line is moved there.
    for (const std::string cat : {"E", "AE"}) {
        const auto on = [cat](Mutation change) {
            return Mutation([cat, change](InvoiceRecord& i) {
                i = withCategory(cat);
                change(i);
            });
        };
        const std::string p = "BR-" + cat + "-";
        m[p + "01"] = on([cat](auto& i) { i.vat_breakdown.erase(i.vat_breakdown.begin() + breakdownOf(i, cat)); });
        m[p + "02"] = on([](auto& i) { i.seller.vat_id.clear(); });
        m[p + "03"] = on([cat](auto& i) { i.seller.vat_id.clear(); i.allowances_charges.push_back(allowanceCharge(false, cat, "0", "1")); });
        m[p + "04"] = on([cat](auto& i) { i.seller.vat_id.clear(); i.allowances_charges.push_back(allowanceCharge(true, cat, "0", "1")); });
        m[p + "05"] = on([cat](auto& i) { i.lines[lineOf(i, cat)].vat_rate = d("20"); });
        m[p + "06"] = on([cat](auto& i) { i.allowances_charges.push_back(allowanceCharge(false, cat, "20", "1")); });
        m[p + "07"] = on([cat](auto& i) { i.allowances_charges.push_back(allowanceCharge(true, cat, "20", "1")); });
        m[p + "08"] = on([cat](auto& i) { i.vat_breakdown[breakdownOf(i, cat)].taxable_amount = d("5.01"); });
        m[p + "09"] = on([cat](auto& i) { i.vat_breakdown[breakdownOf(i, cat)].tax_amount = d("1"); });
        m[p + "10"] = on([cat](auto& i) {
            auto& b = i.vat_breakdown[breakdownOf(i, cat)];
            b.exemption_reason.clear();
            b.exemption_reason_code.clear();
        });
    }
    return m;
}

TEST(InvoiceRules, TheGoodInvoicesBreakNoRule) {
    const Draft good = testing::goodDraft();
    EXPECT_TRUE(checkEn16931(good.invoice).empty()) << describe(checkEn16931(good.invoice));
    EXPECT_TRUE(checkChorusPro(good.invoice, good.buyer_requires).empty())
        << describe(checkChorusPro(good.invoice, good.buyer_requires));
    for (const char* cat : {"E", "AE"}) {
        const auto inv = withCategory(cat);
        EXPECT_TRUE(checkEn16931(inv).empty()) << cat << describe(checkEn16931(inv));
    }
    // A discount and a charge at document level, with their totals, break nothing either.
    auto inv = good.invoice;
    inv.allowances_charges = {allowanceCharge(false, "S", "20", "2.00"), allowanceCharge(true, "S", "20", "5.00")};
    inv.totals.allowances = d("2.00");
    inv.totals.charges = d("5.00");
    inv.totals.tax_exclusive = inv.totals.tax_exclusive + d("3.00");
    auto& s20 = inv.vat_breakdown[1];
    ASSERT_EQ(s20.rate, d("20"));
    s20.taxable_amount = s20.taxable_amount + d("3.00");
    s20.tax_amount = s20.tax_amount + d("0.60");
    inv.totals.tax = *inv.totals.tax + d("0.60");
    inv.totals.tax_inclusive = inv.totals.tax_inclusive + d("3.60");
    inv.totals.payable = inv.totals.tax_inclusive;
    EXPECT_TRUE(checkEn16931(inv).empty()) << describe(checkEn16931(inv));
}

TEST(InvoiceRules, EveryImplementedRuleFiresOnAnInvoiceBuiltToBreakIt) {
    const auto table = breakers();
    for (const auto& id : implementedEn16931Rules()) {
        auto it = table.find(id);
        if (it == table.end()) {
            ADD_FAILURE() << id << " is implemented but no test breaks it";
            continue;
        }
        InvoiceRecord inv = testing::goodDraft().invoice;
        it->second(inv);
        const auto fired = firedBy(inv);
        EXPECT_TRUE(fired.count(id)) << id << " did not fire; fired:" << describe(checkEn16931(inv));
    }
    for (const auto& [id, change] : table)
        EXPECT_NE(std::find(implementedEn16931Rules().begin(), implementedEn16931Rules().end(), id),
                  implementedEn16931Rules().end())
            << id << " is tested but not listed by implementedEn16931Rules()";
}

TEST(InvoiceRules, ViolationsSayInFrenchWhatToFix) {
    InvoiceRecord inv = testing::goodDraft().invoice;
    inv.totals.line_net = d("100.00");
    const auto vs = checkEn16931(inv);
    ASSERT_FALSE(vs.empty());
    EXPECT_EQ(vs[0].rule, "BR-CO-10");
    EXPECT_NE(vs[0].message.find("100.00"), std::string::npos) << vs[0].message;
    EXPECT_NE(vs[0].message.find("les lignes totalisent 95.63"), std::string::npos) << vs[0].message;
}

TEST(InvoiceRules, VatAmountsWithinTheOfficialToleranceAreAccepted) {
    // BR-S-09 and BR-CO-17 accept a difference below 1.00 (the schematron's tolerance for rounding
    // line by line); 1.00 or more is refused.
    InvoiceRecord inv = testing::goodDraft().invoice;
    inv.vat_breakdown[0].tax_amount = inv.vat_breakdown[0].tax_amount + d("0.99");
    inv.totals.tax = *inv.totals.tax + d("0.99");
    inv.totals.tax_inclusive = inv.totals.tax_inclusive + d("0.99");
    inv.totals.payable = inv.totals.tax_inclusive;
    EXPECT_TRUE(checkEn16931(inv).empty()) << describe(checkEn16931(inv));
}

// A record read from a file keeps what the file says as written; the presence rules follow it as
// the official schematron does, where the typed fields alone would say otherwise.
TEST(InvoiceRules, WhatTheFileSaysAsWrittenDecidesThePresenceRules) {
    InvoiceRecord inv = testing::goodDraft().invoice;
    inv.issue_date.clear();
    EXPECT_TRUE(firedBy(inv).count("BR-03"));
    inv.issue_date_text = "123";  // unreadable, but given
    EXPECT_FALSE(firedBy(inv).count("BR-03")) << describe(checkEn16931(inv));

    inv = testing::goodDraft().invoice;
    inv.seller.address = {};
    inv.seller.address_line2.clear();
    inv.seller.country_subdivision.clear();
    EXPECT_TRUE(firedBy(inv).count("BR-08"));
    inv.seller_address_given = true;  // <cac:PostalAddress></cac:PostalAddress>
    EXPECT_FALSE(firedBy(inv).count("BR-08"));
    EXPECT_TRUE(firedBy(inv).count("BR-09"));  // its country is still missing
    inv = testing::goodDraft().invoice;
    inv.buyer.address = {};
    inv.buyer.address_line2.clear();
    inv.buyer.country_subdivision.clear();
    inv.buyer_address_given = true;
    EXPECT_FALSE(firedBy(inv).count("BR-10"));

    inv = testing::goodDraft().invoice;
    inv.payment_means_code.clear();
    inv.iban.clear();
    inv.bic.clear();
    inv.payment_id.clear();
    EXPECT_FALSE(firedBy(inv).count("BR-49"));
    inv.payment_means_given = true;  // an empty <cac:PaymentMeans>
    EXPECT_TRUE(firedBy(inv).count("BR-49"));

    inv = testing::goodDraft().invoice;
    inv.preceding_invoice.clear();
    inv.preceding_invoice_date.clear();
    EXPECT_FALSE(firedBy(inv).count("BR-55"));
    inv.preceding_invoice_given = true;  // an empty <cac:InvoiceDocumentReference>
    EXPECT_TRUE(firedBy(inv).count("BR-55"));
}

TEST(InvoiceRules, ExactlyOneVatTotalInTheInvoiceCurrency) {
    InvoiceRecord inv = testing::goodDraft().invoice;
    inv.source_format = "ubl";
    const Decimal tax = *inv.totals.tax;
    inv.tax_totals = {{tax, "EUR"}};
    EXPECT_FALSE(firedBy(inv).count("BR-CO-15")) << describe(checkEn16931(inv));
    inv.tax_totals = {{tax, "EUR"}, {d("6.00"), "USD"}};  // a total in another currency is not BT-110
    EXPECT_FALSE(firedBy(inv).count("BR-CO-15")) << describe(checkEn16931(inv));
    inv.tax_totals = {{tax, "EUR"}, {tax, "EUR"}};
    EXPECT_TRUE(firedBy(inv).count("BR-CO-15"));
    inv.tax_totals = {{tax, "USD"}};
    EXPECT_TRUE(firedBy(inv).count("BR-CO-15"));
    // CII also accepts a TTC total equal to the HT total, whatever the VAT totals.
    inv.source_format = "cii";
    inv.totals.tax_inclusive = inv.totals.tax_exclusive;
    inv.totals.payable = inv.totals.tax_inclusive;
    EXPECT_FALSE(firedBy(inv).count("BR-CO-15")) << describe(checkEn16931(inv));
    inv.source_format = "ubl";
    EXPECT_TRUE(firedBy(inv).count("BR-CO-15"));
}

TEST(InvoiceRules, TheTaxRepresentativeVatIdStandsForTheSellers) {
    InvoiceRecord inv = testing::goodDraft().invoice;
    inv.seller.vat_id.clear();
    inv.seller.tax_registration_id.clear();
    EXPECT_TRUE(firedBy(inv).count("BR-S-02"));
    EXPECT_TRUE(firedBy(inv).count("BR-Z-02"));
    inv.tax_representative = sdk::InvoiceParty{};
    inv.tax_representative->name = "Représentation fiscale SARL";
    EXPECT_TRUE(firedBy(inv).count("BR-S-02"));  // a representative without VAT id is not enough
    inv.tax_representative->vat_id = "FR61987654321";
    EXPECT_FALSE(firedBy(inv).count("BR-S-02")) << describe(checkEn16931(inv));
    EXPECT_FALSE(firedBy(inv).count("BR-Z-02")) << describe(checkEn16931(inv));
}

std::set<std::string> chorusIds(const InvoiceRecord& inv, ChorusBuyerRequirements req = {true, true}) {
    std::set<std::string> ids;
    for (const auto& v : checkChorusPro(inv, req)) ids.insert(v.rule);
    return ids;
}

TEST(ChorusProRules, BuyerMustBeIdentifiedByAValidSiret) {
    InvoiceRecord inv = testing::goodDraft().invoice;
    inv.buyer.siret.clear();
    inv.buyer.legal_id.clear();
    EXPECT_EQ(chorusIds(inv), std::set<std::string>{"CPP-SIRET-ACHETEUR"});
    inv.buyer.legal_id = "26090123400014";  // Luhn key wrong
    inv.buyer.legal_id_scheme = "0009";
    EXPECT_EQ(chorusIds(inv), std::set<std::string>{"CPP-SIRET-ACHETEUR"});
    inv.buyer.legal_id = "260901234";  // a SIREN is not a SIRET
    inv.buyer.legal_id_scheme = "0002";
    EXPECT_EQ(chorusIds(inv), std::set<std::string>{"CPP-SIRET-ACHETEUR"});
    inv.buyer.legal_id = "356 000 000 00010";  // La Poste: Luhn fails but the digit sum is a multiple of 5
    inv.buyer.legal_id_scheme = "0009";
    EXPECT_EQ(chorusIds(inv), std::set<std::string>{});
}

TEST(ChorusProRules, FrenchSellerNeedsItsSiret) {
    InvoiceRecord inv = testing::goodDraft().invoice;
    inv.seller.siret = "81234567600018";
    inv.seller.legal_id = inv.seller.siret;
    EXPECT_EQ(chorusIds(inv), std::set<std::string>{"CPP-SIRET-FOURNISSEUR"});
    inv.seller.siret.clear();
    inv.seller.legal_id.clear();
    EXPECT_EQ(chorusIds(inv), std::set<std::string>{"CPP-SIRET-FOURNISSEUR"});
    inv.seller.address.country = "ES";  // a Spanish supplier has no SIRET
    EXPECT_EQ(chorusIds(inv), std::set<std::string>{});
}

TEST(ChorusProRules, ServiceCodeAndEngagementOnlyWhenTheBuyerRequiresThem) {
    InvoiceRecord inv = testing::goodDraft().invoice;
    inv.buyer_reference.clear();
    inv.order_reference.clear();
    EXPECT_EQ(chorusIds(inv, {true, true}), (std::set<std::string>{"CPP-CODE-SERVICE", "CPP-ENGAGEMENT"}));
    EXPECT_EQ(chorusIds(inv, {true, false}), std::set<std::string>{"CPP-CODE-SERVICE"});
    EXPECT_EQ(chorusIds(inv, {false, true}), std::set<std::string>{"CPP-ENGAGEMENT"});
    EXPECT_EQ(chorusIds(inv, {false, false}), std::set<std::string>{});
}

TEST(ChorusProRules, NumberOfAtMostTwentyCharacters) {
    InvoiceRecord inv = testing::goodDraft().invoice;
    inv.number = "FÉ-2026-000000000142";  // 20 characters, 21 bytes
    EXPECT_EQ(chorusIds(inv), std::set<std::string>{});
    inv.number += "3";
    EXPECT_EQ(chorusIds(inv), std::set<std::string>{"CPP-NUMERO"});
}

TEST(ChorusProRules, TypeCodeAmongThoseChorusProAccepts) {
    InvoiceRecord inv = testing::goodDraft().invoice;
    for (const char* ok : {"380", "381", "384", "389", "386"}) {
        inv.type_code = ok;
        EXPECT_EQ(chorusIds(inv), std::set<std::string>{}) << ok;
    }
    for (const char* bad : {"325", "", "383", "875"}) {
        inv.type_code = bad;
        EXPECT_EQ(chorusIds(inv), std::set<std::string>{"CPP-TYPE"}) << bad;
    }
}

}  // namespace
}  // namespace recolte::invoice
