#include "store/sql_invoices.hpp"

#include <Poco/Data/Statement.h>

#include <set>
#include <stdexcept>
#include <tuple>

#include "model/invoice_json.hpp"
#include "model/invoice_normalize.hpp"
#include "model/invoice_record_json.hpp"
#include "model/normalize.hpp"
#include "recolte/sdk/text.hpp"

namespace recolte::store {

using namespace Poco::Data::Keywords;

namespace {

// What a report is matched on; several reports of one invoice share it.
using ReportKey = std::tuple<std::string, std::string, std::string>;  // chorus_id, seller SIRET, number

ReportKey keyOf(const sdk::InvoiceStatusRecord& r) {
    return {r.chorus_id, model::compactSiret(r.seller_siret), r.number};
}

}  // namespace

std::unordered_map<std::string, Existing> SqlInvoiceWriter::existing() {
    std::vector<std::string> sourceIds, ids, hashes;
    std::string src = source_;
    session_ << "SELECT source_id, id, hash FROM invoices WHERE source = $1", into(sourceIds), into(ids), into(hashes),
        use(src), now;
    std::unordered_map<std::string, Existing> out;
    for (size_t i = 0; i < ids.size(); ++i) out.emplace(sourceIds[i], Existing{ids[i], hashes[i], 0, "", "", ""});
    return out;
}

int64_t SqlInvoiceWriter::count() {
    Poco::Int64 n = 0;
    std::string src = source_;
    session_ << "SELECT COUNT(*) FROM invoices WHERE source = $1", into(n), use(src), now;
    return n;
}

std::string SqlInvoiceWriter::producerIdForSiret(const std::string& siret) {
    std::vector<std::string> ids;
    std::string s = siret;
    session_ << "SELECT id FROM producers WHERE siret = $1 ORDER BY id LIMIT 1", into(ids), use(s), now;
    return ids.empty() ? std::string() : ids.front();
}

std::vector<sdk::InvoiceStatusRecord> SqlInvoiceWriter::reportsFor(const sdk::InvoiceRecord& record) {
    std::vector<std::string> docs;
    std::string chorus = record.chorus_id, siret = model::compactSiret(record.seller.siret), number = record.number;
    session_ << "SELECT doc FROM invoice_statuses WHERE (chorus_id <> '' AND chorus_id = $1)"
                " OR (seller_siret <> '' AND seller_siret = $2 AND number = $3) ORDER BY id",
        into(docs), use(chorus), use(siret), use(number), now;
    std::vector<sdk::InvoiceStatusRecord> out;
    for (const auto& doc : docs) {
        auto report = model::statusRecordFromJson(doc);
        if (!report) throw std::runtime_error(report.error().describe());
        if (model::statusMatches(*report, record)) out.push_back(std::move(report.value()));
    }
    return out;
}

void SqlInvoiceWriter::put(const model::Invoice& invoice, const std::string& hash, bool isNew) {
    model::Invoice withStatus = invoice;
    model::applyStatusReports(withStatus, reportsFor(invoice.record));
    write(withStatus, hash, isNew);
}

void SqlInvoiceWriter::write(const model::Invoice& inv, const std::string& hash, bool isNew) {
    const auto& r = inv.record;
    std::string id = inv.id, src = inv.source, sourceId = r.source_id, number = r.number, chorus = r.chorus_id,
                sellerSiret = model::compactSiret(r.seller.siret), sellerName = r.seller.name,
                sellerKey = sdk::foldForSearch(r.seller.name), buyerSiret = model::compactSiret(r.buyer.siret),
                buyerName = r.buyer.name, buyerKey = sdk::foldForSearch(r.buyer.name), buyerRef = r.buyer_reference,
                status = inv.status, issue = r.issue_date, at = at_, h = hash,
                stored = model::invoiceToStoredJson(inv), doc = model::toJson(inv);
    if (isNew) {
        session_ << "INSERT INTO invoices (id, source, source_id, number, chorus_id, seller_siret, seller_name,"
                    " seller_key, buyer_siret, buyer_name, buyer_key, buyer_reference, status, issue_date, updated_at,"
                    " hash, stored, doc) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15,"
                    " $16, $17, $18)",
            use(id), use(src), use(sourceId), use(number), use(chorus), use(sellerSiret), use(sellerName),
            use(sellerKey), use(buyerSiret), use(buyerName), use(buyerKey), use(buyerRef), use(status), use(issue),
            use(at), use(h), use(stored), use(doc), now;
    } else {
        session_ << "UPDATE invoices SET number = $1, chorus_id = $2, seller_siret = $3, seller_name = $4,"
                    " seller_key = $5, buyer_siret = $6, buyer_name = $7, buyer_key = $8, buyer_reference = $9,"
                    " status = $10, issue_date = $11, updated_at = $12, hash = $13, stored = $14, doc = $15"
                    " WHERE id = $16",
            use(number), use(chorus), use(sellerSiret), use(sellerName), use(sellerKey), use(buyerSiret),
            use(buyerName), use(buyerKey), use(buyerRef), use(status), use(issue), use(at), use(h), use(stored),
            use(doc), use(id), now;
    }
}

void SqlInvoiceWriter::remove(const std::string& id) {
    std::string key = id;
    session_ << "DELETE FROM invoices WHERE id = $1", use(key), now;
}

// The invoice again with today's reports; rewritten only when its status or history changed.
void SqlInvoiceWriter::refresh(const std::string& id) {
    std::vector<std::string> storedDocs, hashes, docs;
    std::string key = id;
    session_ << "SELECT stored, hash, doc FROM invoices WHERE id = $1", into(storedDocs), into(hashes), into(docs),
        use(key), now;
    if (storedDocs.empty()) return;
    auto inv = model::invoiceFromStoredJson(storedDocs.front());
    if (!inv) throw std::runtime_error(inv.error().describe());
    model::applyStatusReports(inv.value(), reportsFor(inv->record));
    if (model::toJson(inv.value()) == docs.front()) return;
    std::string status = inv->status, stored = model::invoiceToStoredJson(inv.value()), doc = model::toJson(inv.value());
    session_ << "UPDATE invoices SET status = $1, stored = $2, doc = $3 WHERE id = $4", use(status), use(stored),
        use(doc), use(key), now;
}

void SqlInvoiceWriter::putStatuses(const std::vector<sdk::InvoiceStatusRecord>& reports,
                                   const std::function<void()>& beforeSharedWrite) {
    std::set<ReportKey> keys;
    {
        std::vector<std::string> chorus, sirets, numbers;
        std::string src = source_;
        session_ << "SELECT chorus_id, seller_siret, number FROM invoice_statuses WHERE source = $1", into(chorus),
            into(sirets), into(numbers), use(src), now;
        for (size_t i = 0; i < chorus.size(); ++i) keys.emplace(chorus[i], sirets[i], numbers[i]);
        session_ << "DELETE FROM invoice_statuses WHERE source = $1", use(src), now;
    }
    for (const auto& r : reports) {
        auto [chorus, siret, number] = keyOf(r);
        keys.emplace(chorus, siret, number);
        std::string src = source_, sourceId = r.source_id, status = r.status, doc = model::statusRecordToJson(r);
        session_ << "INSERT INTO invoice_statuses (source, source_id, chorus_id, seller_siret, number, status, doc)"
                    " VALUES ($1, $2, $3, $4, $5, $6, $7)",
            use(src), use(sourceId), use(chorus), use(siret), use(number), use(status), use(doc), now;
    }
    std::set<std::string> affected;
    for (const auto& [chorus, siret, number] : keys) {
        std::vector<std::string> ids;
        std::string c = chorus, s = siret, n = number;
        session_ << "SELECT id FROM invoices WHERE (chorus_id <> '' AND chorus_id = $1)"
                    " OR (seller_siret <> '' AND seller_siret = $2 AND number = $3)",
            into(ids), use(c), use(s), use(n), now;
        affected.insert(ids.begin(), ids.end());
    }
    if (!affected.empty()) beforeSharedWrite();
    for (const auto& id : affected) refresh(id);
}

}  // namespace recolte::store
