// A CSV reader for files as people really write them: ; or , or tab, quoted fields holding
// separators, quotes and newlines. Every row knows the physical line where it starts.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace recolte::sdk {

struct CsvRow {
    int64_t line = 0;                 // physical line (1-based) of the row's first byte
    std::vector<std::string> fields;  // unquoted
    std::string_view raw;             // the row's bytes as in the input, for rejects
    bool unterminated_quote = false;  // a quote opened and never closed before end of input
};

// For a UTF-8 file with a few corrupted rows (isMostlyUtf8): the first field of `row` that is not
// valid UTF-8 (-1 when none), and the reject reason for such a row.
int firstInvalidUtf8Field(const CsvRow& row);
extern const char* const kInvalidUtf8RowReason;

// Picks the separator (';', ',' or '\t') that splits the first non-empty line most, outside quotes.
char detectDelimiter(std::string_view text);

// Iterates rows over UTF-8 text that outlives the reader.
class CsvReader {
public:
    CsvReader(std::string_view text, char delimiter);
    // False at end of input. Blank lines are skipped.
    bool next(CsvRow& row);

private:
    std::string_view text_;
    char delim_;
    size_t pos_ = 0;
    int64_t line_ = 1;
};

}  // namespace recolte::sdk
