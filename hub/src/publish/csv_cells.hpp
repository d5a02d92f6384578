// CSV for a French Excel: ';' between cells, CRLF between rows, a UTF-8 BOM first, decimal comma.
// Text cells are neutralized: one that a spreadsheet would run as a formula (starting with = + -
// @, tab or CR) gets a leading apostrophe, so a hostile product name stays text.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "recolte/sdk/decimal.hpp"

namespace recolte::publish {

inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// One CSV row being built; cells in order.
class CsvRow {
public:
    // Free text: control characters dropped (line breaks kept, as LF), formulas neutralized,
    // quoted when it holds ';', '"' or a line break.
    CsvRow& text(std::string_view value);
    // A number Excel reads as one: "2,5", "0,3417", "12" (nullopt -> empty cell).
    CsvRow& number(std::optional<sdk::Decimal> value, int minDecimals = 0);
    CsvRow& integer(std::optional<int64_t> value);
    // "2026-05-01" -> "01/05/2026"; anything else as text.
    CsvRow& date(std::string_view isoDate);
    // "2026-05-01T08:30:00Z" -> "01/05/2026 10:30" in Paris time; anything else as text.
    CsvRow& dateTime(std::string_view isoUtc);

    // The row with its CRLF.
    std::string line() const;

private:
    void raw(std::string cell);
    std::string line_;
    bool first_ = true;
};

// The header row (with the BOM first when `withBom`).
std::string csvHeader(const std::vector<std::string_view>& names, bool withBom = true);

// "81234567600017" -> "812 345 676 00017": the usual way to write a SIRET, and text for Excel
// (14 bare digits would become 8,12346E+13). Anything else comes back as given.
std::string spacedSiret(std::string_view siret);
// "0561662233" -> "05 61 66 22 33" (a French number keeps its leading 0 in Excel); else as given.
std::string spacedPhone(std::string_view phone);

}  // namespace recolte::publish
