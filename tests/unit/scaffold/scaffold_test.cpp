// recolte new-connector: the embedded template, names, and never overwriting a folder.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "scaffold/scaffold.hpp"
#include "scaffold/template_files.hpp"
#include "support/temp_dir.hpp"

namespace recolte::scaffold {
namespace {

namespace fs = std::filesystem;

std::string readFile(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

TEST(Scaffold, NamesAreLibraryNamespaceAndConfigSafe) {
    EXPECT_EQ(checkName("marche_plein_vent"), "");
    EXPECT_EQ(checkName("shop2"), "");
    EXPECT_NE(checkName(""), "");
    EXPECT_NE(checkName("Marche"), "");
    EXPECT_NE(checkName("marché"), "");
    EXPECT_NE(checkName("2shop"), "");
    EXPECT_NE(checkName("marche-plein-vent"), "");
    EXPECT_NE(checkName(std::string(41, 'a')), "");
}

TEST(Scaffold, WritesEveryTemplateFileWithTheNameSubstituted) {
    testing::TempDir dir;
    auto written = writeConnector("marche_test", dir.path().string());
    ASSERT_TRUE(written.ok()) << written.error().describe();
    EXPECT_EQ(written->size(), templateFiles().size());
    for (const auto& f : templateFiles()) {
        const fs::path p = dir.path() / "marche_test" / std::string(f.name);
        ASSERT_TRUE(fs::is_regular_file(p)) << p;
        EXPECT_EQ(readFile(p).find("@NAME@"), std::string::npos) << p;
    }
    const std::string cpp = readFile(dir.path() / "marche_test" / "price_list_connector.cpp");
    EXPECT_NE(cpp.find("RECOLTE_CONNECTOR(marche_test_connector::PriceListConnector, \"marche_test\""), std::string::npos);
    EXPECT_NE(readFile(dir.path() / "marche_test" / "CMakeLists.txt").find("recolte_add_connector(marche_test SOURCES"),
              std::string::npos);
    for (const char* f : {"connector.yaml", "FORMAT.md", "acceptance.yaml", "testdata/prix.json", "testdata/expected.jsonl"})
        EXPECT_TRUE(fs::is_regular_file(dir.path() / "marche_test" / f)) << f;
}

TEST(Scaffold, NeverOverwritesAFolderAndRefusesBadNames) {
    testing::TempDir dir;
    fs::create_directories(dir.path() / "existant");
    dir.write("existant/price_list_connector.cpp", "mine");
    auto again = writeConnector("existant", dir.path().string());
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.error().kind, sdk::ErrorKind::Config);
    EXPECT_NE(again.error().message.find("already exists"), std::string::npos);
    EXPECT_EQ(readFile(dir.path() / "existant" / "price_list_connector.cpp"), "mine");

    auto bad = writeConnector("Mauvais-Nom", dir.path().string());
    ASSERT_FALSE(bad.ok());
    EXPECT_FALSE(fs::exists(dir.path() / "Mauvais-Nom"));
}

}  // namespace
}  // namespace recolte::scaffold
