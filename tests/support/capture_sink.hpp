// A RecordSink that keeps everything a connector emits, and a Log that keeps (or drops) messages:
// what connector tests inspect.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "recolte/sdk/connector.hpp"

namespace recolte::testing {

struct CaptureSink : sdk::RecordSink {
    std::vector<sdk::OfferRecord> offers;
    std::vector<sdk::ProducerRecord> producers;
    std::vector<sdk::NeedRecord> needs;
    std::vector<sdk::InvoiceRecord> invoices;
    std::vector<sdk::InvoiceStatusRecord> invoice_statuses;
    std::vector<sdk::Reject> rejects;
    std::vector<std::pair<sdk::Location, std::string>> warnings;
    std::vector<std::pair<uint64_t, uint64_t>> progress_calls;  // (done, total)

    void offer(sdk::OfferRecord&& record) override { offers.push_back(std::move(record)); }
    void producer(sdk::ProducerRecord&& record) override { producers.push_back(std::move(record)); }
    void need(sdk::NeedRecord&& record) override { needs.push_back(std::move(record)); }
    void invoice(sdk::InvoiceRecord&& record) override { invoices.push_back(std::move(record)); }
    void invoiceStatus(sdk::InvoiceStatusRecord&& record) override { invoice_statuses.push_back(std::move(record)); }
    void reject(sdk::Reject&& r) override { rejects.push_back(std::move(r)); }
    void warning(const sdk::Location& where, const std::string& message) override { warnings.emplace_back(where, message); }
    void progress(uint64_t done, uint64_t total) override { progress_calls.emplace_back(done, total); }

    // Records + rejects: what the host counts as read.
    size_t recordCount() const { return offers.size() + producers.size() + needs.size() + invoices.size() + invoice_statuses.size(); }
    // The first offer with this name, or nullptr.
    const sdk::OfferRecord* offerNamed(const std::string& name) const;
    // Every reject as "line:column: reason", for failure messages.
    std::string describeRejects() const;
};

// Keeps log lines (level + message) so a test may look at them; prints nothing.
struct NullLog : sdk::Log {
    std::vector<std::pair<std::string, std::string>> lines;
    void debug(const std::string& msg) override { lines.emplace_back("debug", msg); }
    void info(const std::string& msg) override { lines.emplace_back("info", msg); }
    void warn(const std::string& msg) override { lines.emplace_back("warn", msg); }
    void error(const std::string& msg) override { lines.emplace_back("error", msg); }
};

}  // namespace recolte::testing
