// CsvReader and detectDelimiter: quoting, line breaks, physical line numbers, raw bytes.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "recolte/sdk/csv.hpp"

namespace recolte::sdk {
namespace {

std::vector<CsvRow> readAll(std::string_view text, char delimiter = ';') {
    CsvReader reader(text, delimiter);
    std::vector<CsvRow> rows;
    CsvRow row;
    while (reader.next(row)) rows.push_back(row);
    return rows;
}

using Fields = std::vector<std::string>;

TEST(DetectDelimiter, PicksTheSeparatorThatSplitsTheHeaderMost) {
    EXPECT_EQ(detectDelimiter("Produit;Prix;Unité\nCarottes;1,80;kg\n"), ';');
    EXPECT_EQ(detectDelimiter("Produit,Prix,Unité\n"), ',');
    EXPECT_EQ(detectDelimiter("Produit\tPrix\tUnité\n"), '\t');
    EXPECT_EQ(detectDelimiter("Produit;Prix;Note, remarque\n"), ';');
    EXPECT_EQ(detectDelimiter("\"Prix; HT\",Unité,Produit\n"), ',') << "separators inside quotes do not count";
    EXPECT_EQ(detectDelimiter("\xEF\xBB\xBFProduit,Prix\n"), ',');
    EXPECT_EQ(detectDelimiter("\n\nProduit\tPrix\n"), '\t') << "leading blank lines";
    EXPECT_EQ(detectDelimiter("Mercuriale semaine 12\nProduit,Prix,Unité\n"), ',') << "a title line without separators";
    EXPECT_EQ(detectDelimiter("Produit;Prix,HT\n"), ';') << "ties prefer ';'";
    EXPECT_EQ(detectDelimiter("Produit"), ';');
    EXPECT_EQ(detectDelimiter(""), ';');
}

TEST(CsvReader, SplitsPlainRowsAndKeepsEmptyFields) {
    const auto rows = readAll("a;b;c\n1;;3\n;;\n");
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[0].fields, (Fields{"a", "b", "c"}));
    EXPECT_EQ(rows[1].fields, (Fields{"1", "", "3"}));
    EXPECT_EQ(rows[2].fields, (Fields{"", "", ""}));
    EXPECT_EQ(rows[1].line, 2);
    EXPECT_EQ(rows[1].raw, "1;;3");
}

TEST(CsvReader, QuotedFieldsHoldSeparatorsQuotesAndNewlines) {
    const std::string text =
        "id;texte;prix\r\n"
        "1;\"a;b\";\"1,80\"\r\n"
        "2;\"il dit \"\"bonjour\"\"\";2\r\n"
        "3;\"ligne un\r\nligne deux\nligne trois\";3\r\n"
        "4;\"\";4\r\n";
    const auto rows = readAll(text);
    ASSERT_EQ(rows.size(), 5u);
    EXPECT_EQ(rows[1].fields, (Fields{"1", "a;b", "1,80"}));
    EXPECT_EQ(rows[2].fields, (Fields{"2", "il dit \"bonjour\"", "2"}));
    EXPECT_EQ(rows[3].fields, (Fields{"3", "ligne un\r\nligne deux\nligne trois", "3"}));
    EXPECT_EQ(rows[4].fields, (Fields{"4", "", "4"}));
    // Physical lines: the quoted field of row 3 spans lines 4 to 6.
    EXPECT_EQ(rows[0].line, 1);
    EXPECT_EQ(rows[1].line, 2);
    EXPECT_EQ(rows[2].line, 3);
    EXPECT_EQ(rows[3].line, 4);
    EXPECT_EQ(rows[4].line, 7);
    EXPECT_EQ(rows[3].raw, "3;\"ligne un\r\nligne deux\nligne trois\";3");
    for (const auto& r : rows) EXPECT_FALSE(r.unterminated_quote);
}

TEST(CsvReader, BlankLinesAreSkippedButCounted) {
    const auto rows = readAll("\n\na;b\r\n\r\n\nc;d\n\n");
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].line, 3);
    EXPECT_EQ(rows[1].line, 6);
    EXPECT_EQ(rows[1].fields, (Fields{"c", "d"}));
}

TEST(CsvReader, LastRowWithoutLineBreakAndOldMacLineBreaks) {
    auto rows = readAll("a;b\nc;d");
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[1].fields, (Fields{"c", "d"}));
    EXPECT_EQ(rows[1].raw, "c;d");

    rows = readAll("a;b\rc;d\r\"x\ry\";z\re;f");
    ASSERT_EQ(rows.size(), 4u);
    EXPECT_EQ(rows[1].line, 2);
    EXPECT_EQ(rows[2].fields, (Fields{"x\ry", "z"}));
    EXPECT_EQ(rows[3].line, 5);
}

TEST(CsvReader, UnterminatedQuoteKeepsWhatWasRead) {
    const auto rows = readAll("a;b\n1;\"début\nsuite sans fin\n");
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_FALSE(rows[0].unterminated_quote);
    EXPECT_TRUE(rows[1].unterminated_quote);
    EXPECT_EQ(rows[1].line, 2);
    EXPECT_EQ(rows[1].fields, (Fields{"1", "début\nsuite sans fin\n"}));
    EXPECT_EQ(rows[1].raw, "1;\"début\nsuite sans fin");
}

TEST(CsvReader, LenientWithStrayQuotesAndSpaces) {
    const auto rows = readAll("12\" pouces;x\n \"a;b\" ;c\n\"a\"b;c\n", ';');
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[0].fields, (Fields{"12\" pouces", "x"})) << "a quote inside an unquoted field is text";
    EXPECT_EQ(rows[1].fields, (Fields{"a;b ", "c"})) << "spaces before an opening quote are layout";
    EXPECT_EQ(rows[2].fields, (Fields{"ab", "c"})) << "text after a closing quote is kept";
}

TEST(CsvReader, OtherDelimitersAndReusedRows) {
    CsvReader reader("a,b,c\n\"1,5\",2\n", ',');
    CsvRow row;
    ASSERT_TRUE(reader.next(row));
    EXPECT_EQ(row.fields.size(), 3u);
    ASSERT_TRUE(reader.next(row));
    EXPECT_EQ(row.fields, (Fields{"1,5", "2"})) << "a reused row shrinks to the new field count";
    EXPECT_FALSE(reader.next(row));
    EXPECT_FALSE(reader.next(row)) << "stays at the end";

    const auto tabs = readAll("a\tb;c\n", '\t');
    ASSERT_EQ(tabs.size(), 1u);
    EXPECT_EQ(tabs[0].fields, (Fields{"a", "b;c"}));
}

TEST(CsvReader, ManyRowsKeepCountAndLines) {
    std::string text = "ref;nom;prix\n";
    const int n = 20000;
    for (int i = 0; i < n; ++i) {
        text += std::to_string(i) + ";\"Produit " + std::to_string(i);
        text += (i % 100 == 0) ? "\navec retour\";" : "\";";
        text += std::to_string(i % 7) + ",5\n";
    }
    CsvReader reader(text, ';');
    CsvRow row;
    ASSERT_TRUE(reader.next(row));
    int64_t expectedLine = 2;
    int count = 0;
    while (reader.next(row)) {
        ASSERT_EQ(row.fields.size(), 3u);
        ASSERT_EQ(row.line, expectedLine);
        ASSERT_EQ(row.fields[0], std::to_string(count));
        expectedLine += (count % 100 == 0) ? 2 : 1;
        ++count;
    }
    EXPECT_EQ(count, n);
}

}  // namespace
}  // namespace recolte::sdk
