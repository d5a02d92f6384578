#include <gtest/gtest.h>

#include "model/invoice_json.hpp"
#include "model/invoice_normalize.hpp"
#include "model/normalize.hpp"

namespace recolte::model {
namespace {

sdk::InvoiceRecord record() {
    sdk::InvoiceRecord r;
    r.source_id = "f.xml";
    r.number = "FA-1";
    r.issue_date = "2026-05-10";
    r.seller.name = "Ferme";
    r.seller.siret = "812 345 676 00017";
    r.buyer.name = "CCAS";
    r.where.file = "f.xml";
    sdk::InvoiceLine l;
    l.id = "1";
    l.name = "Pommes bio";
    r.lines.push_back(l);
    return r;
}

TEST(InvoiceNormalize, ArithmeticAndMissingTotalRulesRefuseOthersWarn) {
    for (const char* rule : {"BR-02", "BR-03", "BR-12", "BR-15", "BR-CO-10", "BR-CO-13", "BR-CO-16"})
        EXPECT_TRUE(refusesInvoice(rule)) << rule;
    for (const char* rule : {"BR-CO-09", "BR-CO-17", "BR-S-08", "BR-01", "BR-16", "CPP-SIRET"})
        EXPECT_FALSE(refusesInvoice(rule)) << rule;
}

TEST(InvoiceNormalize, TotalsThatDoNotAddUpRefuseTheInvoiceNamingTheRule) {
    auto inv = normalizeInvoice("s", record(),
                                {{"BR-CO-10", "la somme des lignes (31,00) diffère de BT-106 (40,00)"},
                                 {"BR-S-08", "ventilation TVA"}});
    ASSERT_FALSE(inv);
    EXPECT_EQ(inv.error().kind, sdk::ErrorKind::Data);
    EXPECT_NE(inv.error().message.find("facture refusée"), std::string::npos);
    EXPECT_NE(inv.error().message.find("BR-CO-10 : la somme des lignes"), std::string::npos) << inv.error().message;
    EXPECT_EQ(inv.error().message.find("BR-S-08"), std::string::npos) << "only the refusing rules are named";
}

TEST(InvoiceNormalize, APivotsTotalsThatDoNotAddUpAreWarningsNotARefusal) {
    auto r = record();
    r.source_format = "pivot";
    auto inv = normalizeInvoice("s", r, {{"BR-CO-14", "le total de TVA diffère de la ventilation"}});
    ASSERT_TRUE(inv) << inv.error().describe();
    EXPECT_EQ(inv->warnings.back(), "BR-CO-14 : le total de TVA diffère de la ventilation");
    r.number.clear();
    EXPECT_FALSE(normalizeInvoice("s", r, {})) << "a pivot still needs its number";
}

TEST(InvoiceNormalize, OtherViolationsBecomeWarningsKeptOnTheInvoice) {
    auto r = record();
    r.warnings = {"lu avec tolérance"};
    auto inv = normalizeInvoice("s", r, {{"BR-S-08", "ventilation TVA incohérente"}});
    ASSERT_TRUE(inv) << inv.error().describe();
    EXPECT_EQ(inv->warnings, (std::vector<std::string>{"lu avec tolérance", "BR-S-08 : ventilation TVA incohérente"}));
    EXPECT_EQ(inv->id, invoiceId("s", "f.xml"));
    EXPECT_NE(inv->id, invoiceId("s", "g.xml")) << "each file is its own invoice";
}

TEST(InvoiceNormalize, NoNumberOrNoDateIsRefusedEvenWithoutRuleChecks) {
    auto r = record();
    r.number = " ";
    auto a = normalizeInvoice("s", r, {});
    ASSERT_FALSE(a);
    EXPECT_NE(a.error().message.find("BT-1"), std::string::npos) << a.error().message;
    r = record();
    r.issue_date = "10/05/2026";
    auto b = normalizeInvoice("s", r, {});
    ASSERT_FALSE(b);
    EXPECT_NE(b.error().message.find("date d'émission illisible"), std::string::npos) << b.error().message;
}

TEST(InvoiceNormalize, AWrongSiretIsAWarningNotAReject) {
    auto r = record();
    r.buyer.siret = "12345678900000";
    auto inv = normalizeInvoice("s", r, {});
    ASSERT_TRUE(inv);
    ASSERT_EQ(inv->warnings.size(), 1u);
    EXPECT_NE(inv->warnings[0].find("SIRET invalide pour CCAS"), std::string::npos);
}

TEST(InvoiceNormalize, LinesGetAProductTypeAndLabelsFromTheirWords) {
    sdk::InvoiceLine l;
    l.name = "Poulet fermier Label Rouge";
    l.description = "issu de l'agriculture biologique";
    auto c = classifyInvoiceLine(l);
    EXPECT_FALSE(c.product_type.empty());
    EXPECT_NE(std::find(c.labels.begin(), c.labels.end(), "BIO"), c.labels.end());
    l.name = "Frais de livraison";
    l.description.clear();
    c = classifyInvoiceLine(l);
    EXPECT_TRUE(c.labels.empty());
    l.name = "Pommes bio";
    c = classifyInvoiceLine(l);
    EXPECT_EQ(c.labels, std::vector<std::string>{"BIO"});
    EXPECT_FALSE(c.product_type.empty());
    l.name = "Pommes en conversion bio";
    c = classifyInvoiceLine(l);
    EXPECT_EQ(c.labels, std::vector<std::string>{"CONVERSION_BIO"}) << "the longest wording uses its words up";
}

TEST(InvoiceNormalize, StatusReportsMatchByChorusIdElseSiretAndNumber) {
    auto r = record();
    r.chorus_id = "77";
    sdk::InvoiceStatusRecord s;
    s.chorus_id = "77";
    EXPECT_TRUE(statusMatches(s, r));
    s.chorus_id = "78";
    s.seller_siret = "81234567600017";
    s.number = "FA-1";
    EXPECT_FALSE(statusMatches(s, r)) << "both have a Chorus Pro id: it decides";
    s.chorus_id.clear();
    EXPECT_TRUE(statusMatches(s, r));
    s.number = "FA-2";
    EXPECT_FALSE(statusMatches(s, r));
}

TEST(InvoiceNormalize, TheLatestStatusWinsAndTheHistoryIsKept) {
    auto inv = normalizeInvoice("s", record(), {});
    ASSERT_TRUE(inv);
    inv->record.status = "MISE_A_DISPOSITION";
    inv->record.status_history = {{"MISE_A_DISPOSITION", "2026-05-10", ""}};
    sdk::InvoiceStatusRecord late, early;
    late.status = "MANDATEE";
    late.history = {{"MANDATEE", "2026-07-01T10:00:00Z", ""}};
    early.status = "SUSPENDUE";
    early.history = {{"SUSPENDUE", "2026-06-01", ""}, {"MISE_A_DISPOSITION", "2026-05-10", ""}};
    applyStatusReports(*inv, {late, early});
    EXPECT_EQ(inv->status, "MANDATEE");
    ASSERT_EQ(inv->status_history.size(), 3u) << "the duplicate MISE_A_DISPOSITION is dropped";
    EXPECT_EQ(inv->status_history[0].status, "MISE_A_DISPOSITION");
    EXPECT_EQ(inv->status_history[1].status, "SUSPENDUE");
    EXPECT_EQ(inv->status_history[2].status, "MANDATEE");
    applyStatusReports(*inv, {});
    EXPECT_EQ(inv->status, "MISE_A_DISPOSITION") << "applying again starts from the file's own history";
}

TEST(InvoiceJson, PublicShapeHasNullsForTheAbsentAndDerivedDepartements) {
    auto r = record();
    r.seller.address.postcode = "09200";
    auto inv = normalizeInvoice("s", r, {});
    ASSERT_TRUE(inv);
    const std::string json = toJson(*inv);
    EXPECT_NE(json.find("\"siret\":\"81234567600017\""), std::string::npos) << json;
    EXPECT_NE(json.find("\"departement\":\"09\""), std::string::npos) << json;
    EXPECT_NE(json.find("\"due_date\":null"), std::string::npos) << json;
    EXPECT_NE(json.find("\"labels\":[\"BIO\"]"), std::string::npos) << json;
    EXPECT_NE(json.find("\"payable\":0.00"), std::string::npos) << json;
}

}  // namespace
}  // namespace recolte::model
