// The connector as a source: folders, bookmarks, check, discover, progress, its option table.
#include <filesystem>
#include <fstream>
#include <sstream>

#include "csv_fixture.hpp"
#include "recolte/sdk/options.hpp"

namespace recolte::testing {
namespace {

namespace fs = std::filesystem;

std::string fileName(const std::string& path) { return fs::path(path).filename().string(); }

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

TEST_F(CsvConnectorTest, FolderIsReadFileByFileInNameOrder) {
    auto run = read(csvTestData("dossier"));
    ASSERT_TRUE(run->ok()) << run->why();
    const auto& offers = run->sink.offers;
    ASSERT_EQ(offers.size(), 25u) << run->sink.describeRejects();
    EXPECT_TRUE(run->sink.rejects.empty());

    // Files in name order, rows in file order; lisezmoi.txt does not match *.csv.
    std::vector<std::string> order;
    for (const auto& o : offers)
        if (order.empty() || order.back() != fileName(o.where.file)) order.push_back(fileName(o.where.file));
    EXPECT_EQ(order, (std::vector<std::string>{"01-ferme-des-trois-vallees.csv", "02-jardins-de-la-garonne.csv",
                                               "03-miellerie-du-razes.csv"}));
    // Line numbers start again in each file.
    EXPECT_EQ(offers.front().where.line, 2);
    EXPECT_EQ(run->sink.offerNamed("Tomates cœur de bœuf")->where.line, 2);
    EXPECT_EQ(run->sink.offerNamed("Miel toutes fleurs")->where.line, 2);

    // Same records as the single-file list.
    auto single = read(csvTestData("mercuriale-occitanie.csv"));
    ASSERT_TRUE(single->ok());
    ASSERT_EQ(single->sink.offers.size(), offers.size());
    for (size_t i = 0; i < offers.size(); ++i) {
        EXPECT_EQ(offers[i].source_id, single->sink.offers[i].source_id);
        EXPECT_EQ(offers[i].price, single->sink.offers[i].price);
    }

    auto one = read(csvTestData("dossier"), mapValue({{"pattern", scalarValue("02-*.csv")}}));
    ASSERT_TRUE(one->ok()) << one->why();
    EXPECT_EQ(one->sink.offers.size(), 11u);
}

TEST_F(CsvConnectorTest, ReferencesMustBeUniqueAcrossTheFilesOfASource) {
    const std::string dir = tempDir();
    writeTemp("a.csv", "Référence;Produit;Prix;Unité\nR1;Carottes;1,80;kg\n");
    writeTemp("b.csv", "Référence;Produit;Prix;Unité\nR2;Navets;1,60;kg\nR1;Radis;1,20;botte\n");
    auto run = read(dir);
    ASSERT_TRUE(run->ok()) << run->why();
    EXPECT_EQ(run->sink.offers.size(), 2u);
    ASSERT_EQ(run->sink.rejects.size(), 1u);
    EXPECT_EQ(fileName(run->sink.rejects[0].where.file), "b.csv");
    EXPECT_EQ(run->sink.rejects[0].where.line, 3);
    EXPECT_NE(run->sink.rejects[0].reason.find("a.csv:2"), std::string::npos) << run->sink.rejects[0].reason;
}

TEST_F(CsvConnectorTest, EmptyFolderOrNoMatchingFileIsAnError) {
    const std::string dir = tempDir();
    auto run = read(dir);
    ASSERT_FALSE(run->ok());
    EXPECT_EQ(run->error().kind, sdk::ErrorKind::Config);
    EXPECT_EQ(run->error().where, dir);

    auto missing = read(dir + "/absent.csv");
    ASSERT_FALSE(missing->ok());
    EXPECT_FALSE(check(dir + "/absent.csv").ok());

    writeTemp("vide.csv", "");
    auto empty = read(dir);
    ASSERT_FALSE(empty->ok());
    EXPECT_NE(empty->error().message.find("vide"), std::string::npos) << empty->error().message;
}

TEST_F(CsvConnectorTest, UnchangedSourceIsSkippedThroughItsBookmark) {
    const std::string path = writeTemp("mercuriale.csv", slurp(csvTestData("mercuriale-occitanie.csv")));
    auto first = read(path);
    ASSERT_TRUE(first->ok()) << first->why();
    EXPECT_FALSE(first->value().unchanged);
    const std::string bookmark = first->value().bookmark;
    ASSERT_FALSE(bookmark.empty());

    auto second = read(path, {}, bookmark);
    ASSERT_TRUE(second->ok()) << second->why();
    EXPECT_TRUE(second->value().unchanged);
    EXPECT_EQ(second->value().bookmark, bookmark);
    EXPECT_TRUE(second->sink.offers.empty());
    EXPECT_TRUE(second->sink.rejects.empty());

    // Another mapping of the same bytes must be read again.
    auto remapped = read(path, mapValue({{"default_vat", scalarValue("20")}}), bookmark);
    ASSERT_TRUE(remapped->ok());
    EXPECT_FALSE(remapped->value().unchanged);
    EXPECT_NE(remapped->value().bookmark, bookmark);

    // So must a changed file.
    writeTemp("mercuriale.csv", slurp(csvTestData("mercuriale-occitanie.csv")) + "ZZ-1;Céleri;;;;;;légumes;2,00;kg;;;;;;;\n");
    auto changed = read(path, {}, bookmark);
    ASSERT_TRUE(changed->ok());
    EXPECT_FALSE(changed->value().unchanged);
    EXPECT_EQ(changed->sink.offers.size(), 26u);
}

TEST_F(CsvConnectorTest, CheckAndDiscover) {
    EXPECT_TRUE(check(csvTestData("mercuriale-occitanie.csv")).ok());
    EXPECT_TRUE(check(csvTestData("dossier")).ok());

    TestSource source(csvTestData("mercuriale-occitanie.csv"), transport);
    ASSERT_TRUE(source.configure(connector->describe()).ok());
    auto ctx = source.context();
    auto streams = connector->discover(ctx);
    ASSERT_TRUE(streams.ok());
    ASSERT_EQ(streams->size(), 1u);
    EXPECT_EQ((*streams)[0].stream, sdk::Stream::Offers);
}

TEST_F(CsvConnectorTest, ProgressEndsAtTheTotalSize) {
    const std::string file = csvTestData("dossier");
    uint64_t total = 0;
    for (const auto& e : fs::directory_iterator(file))
        if (e.path().extension() == ".csv") total += fs::file_size(e.path());
    auto run = read(file);
    ASSERT_TRUE(run->ok()) << run->why();
    ASSERT_FALSE(run->sink.progress_calls.empty());
    EXPECT_EQ(run->sink.progress_calls.back(), std::make_pair(total, total));
    for (size_t i = 1; i < run->sink.progress_calls.size(); ++i)
        EXPECT_LE(run->sink.progress_calls[i - 1].first, run->sink.progress_calls[i].first);
}

TEST_F(CsvConnectorTest, DescriptionDeclaresEveryOption) {
    const auto& d = connector->describe();
    EXPECT_EQ(d.name, "csv");
    EXPECT_FALSE(d.version.empty());
    for (const auto& option : d.options) {
        EXPECT_FALSE(option.description.empty()) << option.name;
        EXPECT_FALSE(option.secret) << option.name;
    }
    const std::string text = sdk::describeOptions(d.options);
    for (const char* name : {"pattern", "encoding", "delimiter", "columns", "default_price_unit", "producer_name",
                             "producer_siret", "producer_postcode"})
        EXPECT_NE(text.find(name), std::string::npos) << name;
    // The defaults alone are a valid configuration.
    TestSource source(csvTestData("mercuriale-occitanie.csv"), transport);
    EXPECT_TRUE(source.configure(d).ok());
    EXPECT_EQ(source.options.getString("delimiter"), "auto");
    EXPECT_EQ(source.options.getString("pattern"), "*.csv");
}

}  // namespace
}  // namespace recolte::testing
