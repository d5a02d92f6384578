// Reads one file of the source: finds its kind from its content (a %PDF header, a JSON object, an
// XML root element and namespace), reads it with the matching reader, and emits invoices, status
// records, rejects and warnings. A file that cannot be read at all is one reject naming it; the
// next file goes on.
#pragma once

#include <cstdint>
#include <string>

#include "mapped_invoice.hpp"
#include "recolte/sdk/connector.hpp"
#include "settings.hpp"

namespace recolte::choruspro {

class InvoiceFileReader {
public:
    InvoiceFileReader(const Settings& settings, sdk::RecordSink& sink) : settings_(settings), sink_(sink) {}

    // `relativeName` names the file inside the source (its source_id).
    void read(const sdk::Blob& blob, const std::string& relativeName);
    // A file the transport could not hand over (too big...): one reject.
    void rejectFile(const std::string& name, const std::string& reason);

    int64_t invoices() const { return invoices_; }
    int64_t statuses() const { return statuses_; }
    int64_t rejects() const { return rejects_; }

private:
    void readXml(const sdk::Blob& blob, const std::string& id);
    void readJson(const sdk::Blob& blob, const std::string& id);
    void readPdf(const sdk::Blob& blob, const std::string& id);
    void emit(MappedInvoice&& invoice, const std::string& format, const std::string& sourceId);
    void reject(int64_t line, const std::string& element, const std::string& reason, const std::string& excerpt);
    sdk::Location at(int64_t line, const std::string& element) const;

    const Settings& settings_;
    sdk::RecordSink& sink_;
    const sdk::Blob* blob_ = nullptr;
    int64_t invoices_ = 0, statuses_ = 0, rejects_ = 0;
};

}  // namespace recolte::choruspro
