// What the writer produces must match schemas/*.schema.json, checked from outside by Debian's
// python3-jsonschema through tests/support/validate_json.py. Negative cases prove the checker fails.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

#include "model/invoice_json.hpp"
#include "model/invoice_normalize.hpp"
#include "model/json.hpp"
#include "unit/model/json_fixtures.hpp"

namespace {

namespace fs = std::filesystem;
using namespace recolte;

const fs::path kSourceDir = RECOLTE_TEST_SOURCE_DIR;
const fs::path kSchemaDir = kSourceDir / "schemas";
const fs::path kValidator = kSourceDir / "tests" / "support" / "validate_json.py";
constexpr const char* kPython = "/usr/bin/python3";  // Debian's, which sees python3-jsonschema

struct Outcome {
    int status = -1;
    std::string output;
};

std::string shellQuote(const std::string& s) {
    std::string out = "'";
    for (char c : s) {
        if (c == '\'') {
            out += "'\\''";
        } else {
            out += c;
        }
    }
    return out + "'";
}

Outcome runValidator(const std::vector<std::string>& args) {
    std::string command = std::string(kPython) + " " + shellQuote(kValidator.string());
    for (const auto& a : args) command += " " + shellQuote(a);
    command += " 2>&1";
    Outcome result;
    FILE* pipe = ::popen(command.c_str(), "r");
    if (pipe == nullptr) {
        result.output = "popen failed: " + command;
        return result;
    }
    std::array<char, 4096> buf{};
    size_t n;
    while ((n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0) result.output.append(buf.data(), n);
    const int raw = ::pclose(pipe);
    result.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    return result;
}

// A fresh directory per test, removed afterwards.
class SchemaConformance : public ::testing::Test {
protected:
    void SetUp() override {
        const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
        dir_ = fs::temp_directory_path() /
               ("recolte-schema-" + std::to_string(::getpid()) + "-" + info->name());
        fs::remove_all(dir_);
        fs::create_directories(dir_);
    }
    void TearDown() override {
        std::error_code ec;
        fs::remove_all(dir_, ec);
    }

    std::string write(const std::string& name, const std::string& json) {
        const fs::path path = dir_ / name;
        std::ofstream(path, std::ios::binary) << json;
        return path.string();
    }

    // Validates documents against one schema; the failure message carries the checker's report.
    ::testing::AssertionResult valid(const std::string& schema, std::initializer_list<std::string> jsons,
                                     bool asList = false) {
        std::vector<std::string> args{kSchemaDir.string()};
        if (asList) args.push_back("--list");
        args.push_back(schema);
        int index = 0;
        for (const auto& json : jsons) args.push_back(write(schema + "-" + std::to_string(index++) + ".json", json));
        const Outcome out = runValidator(args);
        if (out.status == 0) return ::testing::AssertionSuccess();
        return ::testing::AssertionFailure() << "validate_json.py exited " << out.status << ":\n" << out.output;
    }

    fs::path dir_;
};

TEST_F(SchemaConformance, CheckerIsInstalled) {
    const Outcome out = runValidator({"--help"});
    ASSERT_EQ(out.status, 2) << "expected the usage text; is python3-jsonschema installed for " << kPython
                             << "?\n" << out.output;
    EXPECT_NE(out.output.find("--check-schemas"), std::string::npos) << out.output;
}

TEST_F(SchemaConformance, EverySchemaIsItselfValid) {
    const Outcome out = runValidator({kSchemaDir.string(), "--check-schemas"});
    EXPECT_EQ(out.status, 0) << out.output;
    // All twelve files were seen: common, offer, producer, need, invoice, invoice-summary, invoice-status,
    // reject, sync-run, source, list, error.
    EXPECT_NE(out.output.find("12 schemas valid"), std::string::npos) << out.output;
}

TEST_F(SchemaConformance, OfferFullAndMinimal) {
    EXPECT_TRUE(valid("offer", {model::toJson(test::fullOffer()), model::toJson(test::minimalOffer())}));
}

TEST_F(SchemaConformance, OfferWithEveryBaseUnit) {
    model::Offer litre = test::minimalOffer();
    litre.unit_price.unit = model::BaseUnit::L;
    model::Offer kilo = test::minimalOffer();
    kilo.unit_price.unit = model::BaseUnit::Kg;
    EXPECT_TRUE(valid("offer", {model::toJson(litre), model::toJson(kilo)}));
}

TEST_F(SchemaConformance, ProducerFullAndMinimal) {
    EXPECT_TRUE(valid("producer", {model::toJson(test::fullProducer()), model::toJson(test::minimalProducer())}));
}

TEST_F(SchemaConformance, NeedFullAndMinimal) {
    // The deadline forms the normalizer accepts (isIsoDateOrDateTime): a day, or a local time.
    model::Need dateDeadline = test::fullNeed();
    dateDeadline.answer_deadline = "2024-08-15";
    dateDeadline.status = "awarded";
    dateDeadline.status_reason.clear();
    model::Need localDeadline = test::minimalNeed();
    localDeadline.answer_deadline = "2024-08-15 12:00";
    EXPECT_TRUE(valid("need", {model::toJson(test::fullNeed()), model::toJson(test::minimalNeed()),
                               model::toJson(dateDeadline), model::toJson(localDeadline)}));
}

TEST_F(SchemaConformance, RejectFullAndMinimal) {
    EXPECT_TRUE(valid("reject", {model::toJson(test::fullReject()), model::toJson(test::minimalReject())}));
}

TEST_F(SchemaConformance, SyncRunOkAndFailed) {
    EXPECT_TRUE(valid("sync-run", {model::toJson(test::okRun()), model::toJson(test::failedRun())}));
}

TEST_F(SchemaConformance, SourceWithAndWithoutLastSync) {
    const std::string withRun =
        R"({"name":"mangerbio-09","connector":"mangerbio","every":3600,"last_sync":)" + model::toJson(test::okRun()) + "}";
    const std::string never = R"({"name":"csv","connector":"csv","every":0,"last_sync":null})";
    EXPECT_TRUE(valid("source", {withRun, never}));
}

TEST_F(SchemaConformance, ListEnvelopeOfOffers) {
    const std::string page = R"({"items":[)" + model::toJson(test::fullOffer()) + "," +
                             model::toJson(test::minimalOffer()) + R"(],"total":2,"limit":50,"offset":0})";
    const std::string empty = R"({"items":[],"total":0,"limit":50,"offset":100})";
    EXPECT_TRUE(valid("offer", {page, empty}, /*asList=*/true));
    EXPECT_TRUE(valid("list", {page, empty}));
}

TEST_F(SchemaConformance, ErrorBodies) {
    EXPECT_TRUE(valid("error", {R"({"error":{"code":"bad_parameter","message":"limit doit être un entier","parameter":"limit"}})",
                                R"({"error":{"code":"not_found","message":"offre inconnue"}})"}));
}

// The invoice writer's output, with optional EN 16931 terms absent and present.
TEST_F(SchemaConformance, InvoicesWithOptionalTermsAbsentAndPresent) {
    sdk::InvoiceRecord r;
    r.source_id = "f.xml";
    r.source_format = "ubl";
    r.number = "F2024-0042";
    r.issue_date = "2024-05-02";
    r.seller.name = "GAEC des Crêtes";
    r.buyer.name = "CCAS de Pamiers";
    sdk::InvoiceLine l;
    l.id = "1";
    l.name = "Pommes";
    r.lines.push_back(l);
    auto bare = model::normalizeInvoice("chorus", r, {});
    ASSERT_TRUE(bare);

    r.type_code = "380";
    r.due_date = "2024-06-02";
    r.currency = "EUR";
    r.seller.siret = "73282932000074";
    r.seller.vat_id = "FR40732829320";
    r.seller.address = {"12 chemin des Crêtes", "09100", "Pamiers", "", "FR", 43.1, 1.6};
    r.buyer.siret = "21090225400013";
    r.buyer_reference = "SERVICE-CCAS";
    r.order_reference = "EJ-2024-17";
    r.contract_reference = "M-2024";
    r.lines[0].name = "Pommes bio";
    r.lines[0].description = "Gala";
    r.lines[0].quantity = *sdk::Decimal::parse("25.5");
    r.lines[0].unit_code = "KGM";
    r.lines[0].net_price = *sdk::Decimal::parse("2.10");
    r.lines[0].net_amount = *sdk::Decimal::parse("53.55");
    r.lines[0].vat_category = "S";
    r.lines[0].vat_rate = sdk::Decimal::parse("5.5");
    r.vat_breakdown = {{"S", sdk::Decimal::parse("5.5"), *sdk::Decimal::parse("53.55"), *sdk::Decimal::parse("2.95"), "", ""}};
    r.totals.line_net = r.totals.tax_exclusive = *sdk::Decimal::parse("53.55");
    r.totals.tax = sdk::Decimal::parse("2.95");
    r.totals.allowances = r.totals.charges = r.totals.prepaid = r.totals.rounding = sdk::Decimal::parse("0");
    r.totals.tax_inclusive = r.totals.payable = *sdk::Decimal::parse("56.50");
    r.payment_terms = "30 jours";
    r.payment_means_code = "30";
    r.chorus_id = "4242";
    r.status = "MISE_A_DISPOSITION";
    r.status_history = {{"MISE_A_DISPOSITION", "2024-05-02", "déposée"}};
    auto full = model::normalizeInvoice("chorus", r, {{"BR-CO-26", "identifiant du vendeur absent"}});
    ASSERT_TRUE(full);
    full->seller_producer_id = "5bf6a1f59a6b96d8";
    EXPECT_TRUE(valid("invoice", {model::toJson(*bare), model::toJson(*full)}));
}

// ---- the checker must be able to fail ----------------------------------------------------------

TEST_F(SchemaConformance, OfferWithAWrongTypeFailsAndNamesThePath) {
    std::string json = model::toJson(test::fullOffer());
    const std::string exact = R"("price":{"amount":0.30,)";
    const auto at = json.find(exact);
    ASSERT_NE(at, std::string::npos) << json;
    json.replace(at, exact.size(), R"("price":{"amount":"0.30",)");  // a string where a number is due
    const Outcome out = runValidator({kSchemaDir.string(), "offer", write("bad-offer.json", json)});
    EXPECT_EQ(out.status, 1) << out.output;
    EXPECT_NE(out.output.find("$.price.amount"), std::string::npos) << out.output;
}

TEST_F(SchemaConformance, DriftIsCaughtMissingOrExtraKeysAndBadValues) {
    const std::string good = model::toJson(test::minimalOffer());
    ASSERT_EQ(good.back(), '}');
    const std::string extra = good.substr(0, good.size() - 1) + R"(,"surprise":1})";
    std::string missing = good;
    const std::string eanKey = R"(,"ean":null)";
    missing.erase(missing.find(eanKey), eanKey.size());
    model::Offer badValues = test::fullOffer();
    badValues.producer.siret = "123";              // not 14 digits
    badValues.labels.push_back("PAS_UN_LABEL");    // not in the enum
    badValues.available_from = "2024-02-30";       // not a calendar date
    badValues.updated_at = "2024-05-02 08:30";     // not RFC 3339
    badValues.product_type = "Légumes frais";      // raw text, not a DFC id
    badValues.price.amount = test::dec("-1.5");    // the normalizer refuses negative prices
    const Outcome out = runValidator({kSchemaDir.string(), "offer", write("extra.json", extra),
                                      write("missing.json", missing), write("values.json", model::toJson(badValues))});
    EXPECT_EQ(out.status, 1) << out.output;
    for (const char* expected : {"surprise", "'ean' is a required property", "$.producer.siret", "$.labels[2]",
                                 "$.available_from", "$.updated_at", "$.product_type",
                                 "$.price.amount"}) {
        EXPECT_NE(out.output.find(expected), std::string::npos) << "no \"" << expected << "\" in:\n" << out.output;
    }
}

TEST_F(SchemaConformance, EmptyTimestampFromTheModelIsNotAccepted) {
    model::SyncRun run = test::okRun();
    run.finished.clear();
    run.outcome = "done";
    const Outcome out = runValidator({kSchemaDir.string(), "sync-run", write("run.json", model::toJson(run))});
    EXPECT_EQ(out.status, 1) << out.output;
    EXPECT_NE(out.output.find("$.finished"), std::string::npos) << out.output;
    EXPECT_NE(out.output.find("$.outcome"), std::string::npos) << out.output;
}

TEST_F(SchemaConformance, BrokenSchemaFailsTheSchemaCheck) {
    const fs::path copy = dir_ / "schemas";
    fs::copy(kSchemaDir, copy);
    std::ofstream(copy / "broken.schema.json")
        << R"({"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://recolte.example/schemas/broken.schema.json",)"
           R"("description":"test","x-recolte-schema-version":1,"type":"strnig","properties":{"a":{"$ref":"common.schema.json#/$defs/nope"}}})";
    const Outcome out = runValidator({copy.string(), "--check-schemas"});
    EXPECT_EQ(out.status, 1) << out.output;
    EXPECT_NE(out.output.find("broken.schema.json"), std::string::npos) << out.output;
    EXPECT_NE(out.output.find("does not resolve"), std::string::npos) << out.output;
}

TEST_F(SchemaConformance, UnknownSchemaNameIsAUsageError) {
    const Outcome out = runValidator({kSchemaDir.string(), "offre", write("x.json", "{}")});
    EXPECT_EQ(out.status, 2) << out.output;
    EXPECT_NE(out.output.find("known:"), std::string::npos) << out.output;
}

TEST_F(SchemaConformance, NotJsonIsReportedWithLineAndColumn) {
    const Outcome out = runValidator({kSchemaDir.string(), "offer", write("x.json", "{\n  \"id\": ,\n}")});
    EXPECT_EQ(out.status, 1) << out.output;
    EXPECT_NE(out.output.find("x.json:2:9: not JSON"), std::string::npos) << out.output;
}

}  // namespace
