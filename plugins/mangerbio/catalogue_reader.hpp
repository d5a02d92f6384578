// Reading Socleo catalogue files: decode, check the header, turn every data row into one offer or
// one reject. A whole-file problem (empty file, missing required column, file cut short) is an
// error: the sync fails and the previous catalogue stays.
#pragma once

#include <cstdint>
#include <set>
#include <string>

#include "columns.hpp"
#include "recolte/sdk/connector.hpp"
#include "settings.hpp"

namespace recolte::mangerbio {

// A file whose bytes no CSV reading can make sense of (UTF-16): a data error naming it.
sdk::Status checkBytes(const sdk::Blob& blob);

// The header of one file, or a config error naming the file, the missing columns and the headers
// found (one error for all missing columns). Used by check() without reading the rows.
sdk::Expected<ColumnMap> readHeaderOf(const sdk::Blob& blob, const Settings& settings);

class CatalogueReader {
public:
    CatalogueReader(const Settings& settings, sdk::RecordSink& sink, sdk::Log& log, uint64_t totalBytes);

    sdk::Status readFile(const sdk::Blob& blob);
    // After the last file: warns about producer_sirets entries no row used (a typo in a code?).
    void finish(const std::string& location);

    int64_t rows() const { return rows_; }
    int64_t offers() const { return offers_; }
    int64_t rejects() const { return rejects_; }

private:
    const Settings& settings_;
    sdk::RecordSink& sink_;
    sdk::Log& log_;
    uint64_t total_bytes_;
    uint64_t bytes_before_ = 0;
    std::set<std::string> producer_codes_;
    int64_t rows_ = 0, offers_ = 0, rejects_ = 0;
};

}  // namespace recolte::mangerbio
