// What one read of a connector gives, as the hub would store and serve it: each record normalized
// (hub/src/model/normalize.hpp) and turned into the JSON that schemas/*.schema.json describe.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "model/invoice.hpp"
#include "recolte/sdk/connector.hpp"

namespace recolte::kit {

// The source name the kit gives every source: normalized ids depend on it, so expected files do
// not depend on where the connector is deployed.
inline constexpr const char* kSourceName = "acceptance";

struct CapturedRecord {
    std::string stream;  // "offers", "producers", "needs", "invoices", "invoice-status"
    std::string key;     // "offers/<source_id>", "producers/<id>": what the bookmark checks compare
    std::string json;    // one line of JSON
};

// A RecordSink that keeps everything. Records the normalizer refuses are counted as rejects, like
// the sync engine does. Producers are those of offers plus standalone ones, first seen wins.
class CaptureSink : public sdk::RecordSink {
public:
    void offer(sdk::OfferRecord&& record) override;
    void producer(sdk::ProducerRecord&& record) override;
    void need(sdk::NeedRecord&& record) override;
    void invoice(sdk::InvoiceRecord&& record) override;
    void invoiceStatus(sdk::InvoiceStatusRecord&& record) override;
    void reject(sdk::Reject&& reject) override;
    void warning(const sdk::Location& where, const std::string& message) override {}
    void progress(uint64_t done, uint64_t total) override {}

    // Every record, sorted by key (stable across reads whatever the emission order).
    std::vector<CapturedRecord> records() const;
    int64_t emitted() const { return emitted_; }   // every call of offer/producer/need/invoice*/reject
    const std::vector<sdk::Reject>& rejects() const { return rejects_; }
    const std::vector<std::string>& streamsSeen() const { return streamsSeen_; }

private:
    void seen(const char* stream);
    void keep(const std::string& stream, const std::string& key, std::string json);

    std::map<std::string, CapturedRecord> records_;  // by key
    // Invoices get the status reports of the same read applied when records() is asked for, as the
    // store applies them; reports that match no invoice are records of their own.
    std::vector<model::Invoice> invoices_;
    std::vector<sdk::InvoiceStatusRecord> statuses_;
    std::vector<sdk::Reject> rejects_;
    std::vector<std::string> streamsSeen_;
    int64_t emitted_ = 0;
};

// A CapturedRecord as one line of the expected-records file, and back.
std::string toJsonLine(const CapturedRecord& record);

}  // namespace recolte::kit
