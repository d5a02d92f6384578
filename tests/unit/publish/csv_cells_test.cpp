// CSV cells for a French Excel: formulas neutralized, quoting, decimal comma, French dates.
#include <gtest/gtest.h>

#include "publish/csv_cells.hpp"

namespace recolte::publish {
namespace {

std::string cell(std::string_view text) {
    std::string line = CsvRow().text(text).line();
    return line.substr(0, line.size() - 2);  // without CRLF
}

TEST(CsvCells, CellsThatWouldRunAsFormulasGetAnApostrophe) {
    EXPECT_EQ(cell("=HYPERLINK(\"http://x\")"), "\"'=HYPERLINK(\"\"http://x\"\")\"");
    EXPECT_EQ(cell("+33 5 61 00 00 00"), "'+33 5 61 00 00 00");
    EXPECT_EQ(cell("-2+3"), "'-2+3");
    EXPECT_EQ(cell("@SUM(A1)"), "'@SUM(A1)");
    EXPECT_EQ(cell("\t=1"), "'\t=1");
    EXPECT_EQ(cell("\r=1"), "\"'\n=1\"");
    // A control character in front cannot hide the '=' (it is dropped first).
    EXPECT_EQ(cell("\x01=1+1"), "'=1+1");
    EXPECT_EQ(cell("Tomates = 2 kg"), "Tomates = 2 kg");  // not at the start: plain text
}

TEST(CsvCells, SeparatorsQuotesAndLineBreaksAreQuoted) {
    EXPECT_EQ(cell("a;b"), "\"a;b\"");
    EXPECT_EQ(cell("dit \"bio\""), "\"dit \"\"bio\"\"\"");
    EXPECT_EQ(cell("ligne 1\r\nligne 2"), "\"ligne 1\nligne 2\"");
    EXPECT_EQ(cell("<script>alert(1)</script>"), "<script>alert(1)</script>");  // CSV has no markup
}

TEST(CsvCells, RowsUseSemicolonsCrlfDecimalCommaAndFrenchDates) {
    CsvRow row;
    row.text("Yaourt").number(sdk::Decimal::parse("0.85"), 2).number(sdk::Decimal::parse("6.8"), 2)
        .number(sdk::Decimal::parse("0.3417"), 2).number(std::nullopt).integer(3).date("2026-05-01")
        .date("").dateTime("2026-01-15T09:05:00Z").dateTime("2026-07-15T09:05:00Z");
    EXPECT_EQ(row.line(), "Yaourt;0,85;6,80;0,3417;;3;01/05/2026;;15/01/2026 10:05;15/07/2026 11:05\r\n");
}

TEST(CsvCells, TheHeaderStartsWithTheUtf8Bom) {
    EXPECT_EQ(csvHeader({"Produit", "Prix HT"}), "\xEF\xBB\xBFProduit;Prix HT\r\n");
}

TEST(CsvCells, SiretsAndPhonesStayTextInExcel) {
    EXPECT_EQ(spacedSiret("81234567600017"), "812 345 676 00017");
    EXPECT_EQ(spacedSiret("123"), "123");
    EXPECT_EQ(spacedPhone("0561662233"), "05 61 66 22 33");
    EXPECT_EQ(spacedPhone("+33561662233"), "+33561662233");
}

}  // namespace
}  // namespace recolte::publish
