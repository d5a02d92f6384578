#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "api/source_upload.hpp"

namespace recolte::api {
namespace {

namespace fs = std::filesystem;

class SourceUploadTest : public ::testing::Test {
protected:
    void SetUp() override {
        dir = fs::temp_directory_path() / ("recolte-upload-" + std::to_string(::getpid()) + "-" +
                                           ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(dir);
        fs::create_directories(dir);
    }
    void TearDown() override { fs::remove_all(dir); }

    std::string read(const std::string& name) {
        std::ifstream in(dir / name, std::ios::binary);
        return {std::istreambuf_iterator<char>(in), {}};
    }
    // Every entry of the folder, temporary files included.
    std::vector<std::string> entries() {
        std::vector<std::string> out;
        for (const auto& e : fs::directory_iterator(dir)) out.push_back(e.path().filename().string());
        std::sort(out.begin(), out.end());
        return out;
    }

    fs::path dir;
};

TEST(UploadName, PlainNamesMatchingThePatternAreAccepted) {
    EXPECT_EQ(uploadNameProblem("tarifs-2026.csv", "*.csv"), "");
    EXPECT_EQ(uploadNameProblem("Légumes d'hiver.csv", "*.csv"), "");
    EXPECT_EQ(uploadNameProblem("export.xml", ""), "") << "no pattern: any sane name";
}

TEST(UploadName, EveryDangerousNameIsRefusedWithItsReason) {
    EXPECT_NE(uploadNameProblem("", "").find("vide"), std::string::npos);
    EXPECT_NE(uploadNameProblem("a/b.csv", "").find("« / »"), std::string::npos);
    EXPECT_NE(uploadNameProblem("a\\b.csv", "").find("« \\ »"), std::string::npos);
    EXPECT_NE(uploadNameProblem("..", "").find("point"), std::string::npos);
    EXPECT_NE(uploadNameProblem(".cache.csv", "").find("point"), std::string::npos);
    EXPECT_NE(uploadNameProblem("a..csv", "").find("« .. »"), std::string::npos);
    EXPECT_NE(uploadNameProblem(std::string("a\0b.csv", 7), "").find("contrôle"), std::string::npos);
    EXPECT_NE(uploadNameProblem("a\nb.csv", "").find("contrôle"), std::string::npos);
    EXPECT_NE(uploadNameProblem("\xff\xfe.csv", "").find("UTF-8"), std::string::npos);
    EXPECT_NE(uploadNameProblem(std::string(201, 'a'), "").find("trop long"), std::string::npos);
    EXPECT_EQ(uploadNameProblem(std::string(200, 'a'), ""), "");
    EXPECT_EQ(uploadNameProblem("tarifs.xlsx", "*.csv"),
              "« tarifs.xlsx » ne correspond pas au motif « *.csv » des fichiers que lit cette source");
}

TEST_F(SourceUploadTest, ANewFileIsWrittenWhole) {
    const std::string text = "Référence;Produit\nA-1;Carottes\n";
    std::istringstream body(text);
    auto r = writeUpload(body, dir.string(), "tarifs.csv", 1000, static_cast<int64_t>(text.size()));
    ASSERT_EQ(r.outcome, UploadResult::Outcome::Written) << r.error;
    EXPECT_EQ(r.bytes, static_cast<int64_t>(text.size()));
    EXPECT_FALSE(r.replaced);
    EXPECT_EQ(read("tarifs.csv"), "Référence;Produit\nA-1;Carottes\n");
    EXPECT_EQ(entries(), std::vector<std::string>{"tarifs.csv"}) << "no temporary file left";
    EXPECT_EQ(fs::status(dir / "tarifs.csv").permissions() & fs::perms::others_read, fs::perms::others_read);
}

TEST_F(SourceUploadTest, AnExistingFileIsReplaced) {
    std::ofstream(dir / "tarifs.csv") << "ancien";
    std::istringstream body("nouveau");
    auto r = writeUpload(body, dir.string(), "tarifs.csv", 1000);
    ASSERT_EQ(r.outcome, UploadResult::Outcome::Written) << r.error;
    EXPECT_TRUE(r.replaced);
    EXPECT_EQ(read("tarifs.csv"), "nouveau");
}

TEST_F(SourceUploadTest, ABodyOverTheCapChangesNothing) {
    std::ofstream(dir / "tarifs.csv") << "ancien";
    std::istringstream body(std::string(300 * 1024, 'x'));  // several read chunks
    auto r = writeUpload(body, dir.string(), "tarifs.csv", 200 * 1024);
    EXPECT_EQ(r.outcome, UploadResult::Outcome::TooLarge);
    EXPECT_EQ(read("tarifs.csv"), "ancien");
    EXPECT_EQ(entries(), std::vector<std::string>{"tarifs.csv"}) << "the temporary file is removed";
}

TEST_F(SourceUploadTest, ABodyShorterThanDeclaredIsNotAFile) {
    std::istringstream body("court");
    auto r = writeUpload(body, dir.string(), "tarifs.csv", 1000, 50);
    EXPECT_EQ(r.outcome, UploadResult::Outcome::Incomplete);
    EXPECT_NE(r.error.find("5 bytes of 50"), std::string::npos) << r.error;
    EXPECT_TRUE(entries().empty());
}

TEST_F(SourceUploadTest, AMissingFolderIsAFailureNamingIt) {
    std::istringstream body("x");
    auto r = writeUpload(body, (dir / "absent").string(), "tarifs.csv", 1000);
    EXPECT_EQ(r.outcome, UploadResult::Outcome::Failed);
    EXPECT_NE(r.error.find("absent"), std::string::npos) << r.error;
}

}  // namespace
}  // namespace recolte::api
