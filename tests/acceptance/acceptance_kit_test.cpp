// The acceptance kit over every in-tree connector (plugins/*/acceptance.yaml), and the kit's own
// ability to fail: a missing schema, a wrong expected file, a plugin of another ABI.
#include <gtest/gtest.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "kit/acceptance_config.hpp"
#include "kit/acceptance_kit.hpp"
#include "kit/schema_check.hpp"
#include "recolte/sdk/abi.hpp"
#include "support/temp_dir.hpp"

namespace recolte::kit {
namespace {

namespace fs = std::filesystem;

const fs::path kSource = RECOLTE_TEST_SOURCE_DIR;

// The connectors' own info lines would bury the test report; warnings and errors still show.
class QuietLogs : public ::testing::Environment {
    void SetUp() override { spdlog::set_level(spdlog::level::warn); }
};
const auto* const kQuietLogs = ::testing::AddGlobalTestEnvironment(new QuietLogs);

std::vector<std::string> connectorsWithAcceptance() {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(kSource / "plugins"))
        if (fs::exists(e.path() / "acceptance.yaml")) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

std::string pluginPath(const std::string& name) { return std::string(RECOLTE_TEST_PLUGIN_DIR) + "/lib" + name + ".so"; }
std::string acceptancePath(const std::string& name) { return (kSource / "plugins" / name / "acceptance.yaml").string(); }

const CheckResult* find(const std::vector<CheckResult>& results, const std::string& name) {
    for (const auto& r : results)
        if (r.name == name) return &r;
    return nullptr;
}

std::string report(const std::vector<CheckResult>& results) {
    std::string out;
    for (const auto& r : results) out += std::string(toString(r.outcome)) + " " + r.name + ": " + r.detail + "\n";
    return out;
}

class InTreeConnector : public ::testing::TestWithParam<std::string> {};

TEST_P(InTreeConnector, PassesEveryCheckOrSaysWhyItIsSkipped) {
    const auto results = runAcceptance(pluginPath(GetParam()), acceptancePath(GetParam()));
    ASSERT_EQ(results.size(), checkNames().size()) << report(results);
    for (const auto& r : results) {
        EXPECT_NE(r.outcome, Outcome::Fail) << r.name << ": " << r.detail;
        if (r.outcome == Outcome::Skip) {
            EXPECT_FALSE(r.detail.empty()) << r.name << " skipped without a reason";
        }
    }
}

INSTANTIATE_TEST_SUITE_P(Plugins, InTreeConnector, ::testing::ValuesIn(connectorsWithAcceptance()),
                         [](const auto& info) { return info.param; });

TEST(AcceptanceKit, EveryInTreeConnectorHasAnAcceptanceFile) {
    for (const auto& e : fs::directory_iterator(kSource / "plugins"))
        if (fs::exists(e.path() / "CMakeLists.txt")) {
            EXPECT_TRUE(fs::exists(e.path() / "acceptance.yaml")) << e.path();
        }
}

// Without offer.schema.json the kit must say so and fail, not pass over the records.
TEST(AcceptanceKit, AMissingSchemaFailsDiscoverAndSchema) {
    testing::TempDir dir;
    writeEmbeddedSchemas(dir.path().string());
    fs::remove(dir.path() / "offer.schema.json");
    KitOptions options;
    options.schema_dir = dir.path().string();
    const auto results = runAcceptance(pluginPath("csv"), acceptancePath("csv"), options);
    const auto* discover = find(results, "discover");
    const auto* schema = find(results, "schema");
    ASSERT_TRUE(discover && schema) << report(results);
    EXPECT_EQ(discover->outcome, Outcome::Fail);
    EXPECT_NE(discover->detail.find("offer.schema.json is missing"), std::string::npos) << discover->detail;
    EXPECT_EQ(schema->outcome, Outcome::Fail);
    EXPECT_NE(schema->detail.find("offer.schema.json is missing"), std::string::npos) << schema->detail;
    EXPECT_FALSE(allPassed(results));
}

// A schema that refuses the records: the kit names the record and the JSON path.
TEST(AcceptanceKit, ARecordThatBreaksItsSchemaIsNamed) {
    testing::TempDir dir;
    writeEmbeddedSchemas(dir.path().string());
    std::ifstream in(dir.path() / "offer.schema.json");
    std::stringstream ss;
    ss << in.rdbuf();
    std::string schema = ss.str();
    // Allow no property named "name" any more: every offer now breaks its schema.
    schema.replace(schema.find("\"properties\""), 0, "\"not\": {\"required\": [\"name\"]},\n  ");
    std::ofstream(dir.path() / "offer.schema.json", std::ios::trunc) << schema;
    KitOptions options;
    options.schema_dir = dir.path().string();
    const auto results = runAcceptance(pluginPath("csv"), acceptancePath("csv"), options);
    const auto* check = find(results, "schema");
    ASSERT_TRUE(check) << report(results);
    EXPECT_EQ(check->outcome, Outcome::Fail);
    // Records come sorted by key; the first ten are listed, then the count.
    EXPECT_NE(check->detail.find("offers/JG-101: $: "), std::string::npos) << check->detail;
    EXPECT_NE(check->detail.find("(25 in all)"), std::string::npos) << check->detail;
}

// An expected file that differs by one record: the kit names it.
TEST(AcceptanceKit, ARecordDifferentFromTheExpectedFileIsNamed) {
    testing::TempDir dir;
    const fs::path csv = kSource / "plugins" / "csv";
    std::ifstream in(csv / "testdata" / "expected.jsonl");
    std::stringstream ss;
    ss << in.rdbuf();
    std::string expected = ss.str();
    const auto at = expected.find("\"name\":\"Carottes\"");
    ASSERT_NE(at, std::string::npos);
    expected.replace(at, 17, "\"name\":\"Navets\"");
    dir.write("expected.jsonl", expected);
    dir.write("acceptance.yaml", "source: {path: " + (csv / "testdata" / "mercuriale-occitanie.csv").string() +
                                     "}\nexpected: expected.jsonl\n");
    const auto results = runAcceptance(pluginPath("csv"), dir.file("acceptance.yaml"));
    const auto* check = find(results, "expected");
    ASSERT_TRUE(check) << report(results);
    EXPECT_EQ(check->outcome, Outcome::Fail);
    EXPECT_NE(check->detail.find("different offers/TV-001"), std::string::npos) << check->detail;
    // Sections left out of acceptance.yaml fail rather than pass silently.
    for (const char* name : {"check-bad", "broken", "bookmark-change", "bookmark-future"}) {
        const auto* r = find(results, name);
        ASSERT_TRUE(r) << name;
        EXPECT_EQ(r->outcome, Outcome::Fail) << name << ": " << r->detail;
    }
}

TEST(AcceptanceKit, APluginBuiltForAnotherAbiIsRefusedNamingBothVersions) {
    const auto results =
        runAcceptance(std::string(RECOLTE_TEST_BAD_PLUGIN_DIR) + "/libtest_wrong_abi.so", acceptancePath("csv"));
    ASSERT_EQ(results.size(), 1u) << report(results);
    EXPECT_EQ(results[0].name, "load");
    EXPECT_EQ(results[0].outcome, Outcome::Fail);
    EXPECT_NE(results[0].detail.find("SDK ABI 999"), std::string::npos) << results[0].detail;
    EXPECT_NE(results[0].detail.find("SDK ABI " + std::to_string(RECOLTE_SDK_ABI_VERSION)), std::string::npos)
        << results[0].detail;
}

TEST(AcceptanceKit, AMistakeInAcceptanceYamlNamesTheFileLineAndKey) {
    testing::TempDir dir;
    const std::string file = dir.write("acceptance.yaml",
                                       "source: {path: x.csv}\n"
                                       "skip:\n"
                                       "  bookmark-futur: typo\n");
    auto cfg = loadAcceptanceConfig(file, "csv");
    ASSERT_FALSE(cfg.ok());
    EXPECT_NE(cfg.error().message.find(file + ":3: skip.bookmark-futur: unknown key"), std::string::npos)
        << cfg.error().message;
    EXPECT_NE(cfg.error().message.find("bookmark-future"), std::string::npos) << cfg.error().message;
}

}  // namespace
}  // namespace recolte::kit
