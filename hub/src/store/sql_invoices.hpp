// The invoice side of a sync's transaction (SqlSyncWriter delegates to it): invoices with
// their filter columns, status reports, and the status of every invoice they speak of.
#pragma once

#include <Poco/Data/Session.h>

#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

#include "model/invoice.hpp"
#include "store/store.hpp"

namespace recolte::store {

class SqlInvoiceWriter {
public:
    SqlInvoiceWriter(Poco::Data::Session& session, std::string source, std::string at)
        : session_(session), source_(std::move(source)), at_(std::move(at)) {}

    std::unordered_map<std::string, Existing> existing();
    int64_t count();
    void put(const model::Invoice& invoice, const std::string& hash, bool isNew);
    void remove(const std::string& id);
    std::string producerIdForSiret(const std::string& siret);
    // beforeSharedWrite is called before invoices of other sources get their status again.
    void putStatuses(const std::vector<sdk::InvoiceStatusRecord>& reports, const std::function<void()>& beforeSharedWrite);

private:
    // The status reports of every source that speak of this invoice, in the order they were stored.
    std::vector<sdk::InvoiceStatusRecord> reportsFor(const sdk::InvoiceRecord& record);
    void write(const model::Invoice& invoice, const std::string& hash, bool isNew);
    void refresh(const std::string& id);

    Poco::Data::Session& session_;
    std::string source_;
    std::string at_;
};

}  // namespace recolte::store
