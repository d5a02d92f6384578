// Reading one price-list file: decode, find the header, turn every data row into one offer or
// one reject.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

#include "column_map.hpp"
#include "recolte/sdk/connector.hpp"
#include "recolte/sdk/csv.hpp"
#include "recolte/sdk/text.hpp"
#include "settings.hpp"

namespace recolte::csv_connector {

// A file's text in UTF-8, with what was detected.
struct DecodedText {
    std::string storage;    // only when the bytes had to be converted
    std::string_view text;  // UTF-8 without BOM: into storage or into the blob's bytes
    sdk::Encoding encoding = sdk::Encoding::Utf8;
    char delimiter = ';';
    bool invalid_rows = false;  // UTF-8 with a few invalid bytes (not Windows-1252): those rows are rejected
};
// Fills `out` (whose text may point into the blob, which must outlive it).
void decode(const sdk::Blob& blob, const Settings& settings, DecodedText& out);

struct Header {
    ColumnMap columns;
    int64_t line = 0;          // physical line of the header row
    int64_t skipped_rows = 0;  // rows above it (titles, notes)
    int64_t first_skipped_line = 0;
};
// Positions `reader` just after the header. A file without rows, or whose header lacks a required
// column, is a config error naming the file, the missing columns and the headers found.
sdk::Expected<Header> readHeader(sdk::CsvReader& reader, const std::string& file, const Settings& settings);

// Reads the files of one source into a sink; remembers ids across files (an id seen twice in the
// same read is a duplicate).
class PriceListReader {
public:
    PriceListReader(const Settings& settings, sdk::RecordSink& sink, sdk::Log& log, uint64_t totalBytes);

    // Config errors (unreadable header) abort the read; bad rows are rejects.
    sdk::Status readFile(const sdk::Blob& blob);

    int64_t rows() const { return rows_; }
    int64_t offers() const { return offers_; }
    int64_t rejects() const { return rejects_; }

private:
    struct Seen {
        uint32_t file;
        int64_t line;
    };
    void reject(const sdk::Blob& blob, const sdk::CsvRow& row, const std::string& column, std::string reason);
    void reportProgress(uint64_t fileBytes, size_t textDone, size_t textSize, bool force);

    const Settings& settings_;
    sdk::RecordSink& sink_;
    sdk::Log& log_;
    uint64_t total_bytes_;
    uint64_t bytes_before_ = 0;  // bytes of the files already read
    std::vector<std::string> files_;
    std::unordered_map<std::string, Seen> seen_ids_;
    int64_t rows_ = 0, offers_ = 0, rejects_ = 0;
};

}  // namespace recolte::csv_connector
