// Streams one export file: the root element gives the site and the generation date; each
// consultation becomes a need, each supplier a producer plus one offer per product. Records are
// built one at a time (sdk::xml::stream), so a 100,000-record export never sits in memory whole.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "fields.hpp"
#include "recolte/sdk/connector.hpp"
#include "recolte/sdk/xml.hpp"
#include "settings.hpp"

namespace recolte::agrilocal {

class ExportReader : public sdk::xml::StreamHandler {
public:
    // `totalLines`: the lines of every file of this read, for progress.
    ExportReader(const Settings& settings, sdk::RecordSink& sink, sdk::Log& log, uint64_t totalLines);

    // A root element that is not the export's is a config error; malformed XML a data error naming
    // the line. Either fails the whole read (what was emitted is not committed by the host).
    sdk::Status readFile(const sdk::Blob& blob);

    int64_t consultations() const { return consultations_; }
    int64_t suppliers() const { return suppliers_; }
    int64_t products() const { return products_; }
    int64_t rejects() const { return rejects_; }

    sdk::xml::Visit open(const Element& element, int depth) override;
    sdk::Status record(const Element& element) override;

private:
    sdk::Location locationOf(const std::string& path, int64_t line) const;
    void reject(const Problem& problem);
    void warn(const Problem& problem);
    void readConsultation(const Element& element);
    void readSupplier(const Element& element);

    const Settings& settings_;
    sdk::RecordSink& sink_;
    sdk::Log& log_;
    uint64_t total_lines_;
    uint64_t lines_before_ = 0;  // lines of the files already read

    // The file being read.
    const sdk::Blob* blob_ = nullptr;
    bool is_url_ = false;
    std::string site_;
    std::optional<sdk::Error> root_error_;
    int64_t file_records_ = 0;
    std::map<std::string, int64_t> unknown_;  // element name -> first line, outside records

    int64_t consultations_ = 0, suppliers_ = 0, products_ = 0, rejects_ = 0, records_ = 0;
};

// Lines in the bytes, for progress.
uint64_t countLines(std::string_view bytes);

}  // namespace recolte::agrilocal
