#include "store/migrations.hpp"

namespace recolte::store {

const std::vector<Migration>& migrations() {
    static const std::vector<Migration> all{
        {1,
         "catalogue: offers, needs, producers, listings, change log, sync runs, rejects, source state",
         {
             // Empty strings, not NULLs, stand for "absent" in filter columns: simpler SQL on both engines.
             "CREATE TABLE offers ("
             " id TEXT PRIMARY KEY, source TEXT NOT NULL, source_id TEXT NOT NULL,"
             " producer_id TEXT NOT NULL, producer_siret TEXT NOT NULL,"
             " name TEXT NOT NULL, name_key TEXT NOT NULL, search TEXT NOT NULL,"
             " product_type TEXT NOT NULL, labels TEXT NOT NULL, departement TEXT NOT NULL,"
             " price BIGINT NOT NULL, unit_price BIGINT NOT NULL, unit_price_unit TEXT NOT NULL,"
             " available_from TEXT NOT NULL, available_to TEXT NOT NULL,"
             " updated_at TEXT NOT NULL, hash TEXT NOT NULL, doc TEXT NOT NULL,"
             " UNIQUE (source, source_id))",
             // One index per sort order, holding its tie-breakers, so a deep page skips index entries
             // rather than whole rows.
             "CREATE INDEX offers_unit_price ON offers (unit_price, name_key, id)",
             "CREATE INDEX offers_name ON offers (name_key, id)",
             "CREATE INDEX offers_updated ON offers (updated_at DESC, name_key, id)",
             "CREATE INDEX offers_producer ON offers (producer_id)",
             "CREATE TABLE needs ("
             " id TEXT PRIMARY KEY, source TEXT NOT NULL, source_id TEXT NOT NULL,"
             " title TEXT NOT NULL, title_key TEXT NOT NULL, search TEXT NOT NULL,"
             " product_type TEXT NOT NULL, departement TEXT NOT NULL, status TEXT NOT NULL,"
             " delivery_from TEXT NOT NULL, delivery_to TEXT NOT NULL, deadline_date TEXT NOT NULL,"
             " updated_at TEXT NOT NULL, hash TEXT NOT NULL, doc TEXT NOT NULL,"
             " UNIQUE (source, source_id))",
             "CREATE INDEX needs_deadline ON needs (deadline_date)",
             "CREATE TABLE producers ("
             " id TEXT PRIMARY KEY, siret TEXT NOT NULL, name TEXT NOT NULL, name_key TEXT NOT NULL,"
             " search TEXT NOT NULL, departement TEXT NOT NULL, sources TEXT NOT NULL,"
             " updated_at TEXT NOT NULL, doc TEXT NOT NULL)",
             "CREATE TABLE producer_listings ("
             " source TEXT NOT NULL, producer_id TEXT NOT NULL, hash TEXT NOT NULL, doc TEXT NOT NULL,"
             " PRIMARY KEY (source, producer_id))",
             "CREATE INDEX producer_listings_producer ON producer_listings (producer_id)",
             "CREATE TABLE changes ("
             " seq {serial}, at TEXT NOT NULL, source TEXT NOT NULL, kind TEXT NOT NULL,"
             " record_id TEXT NOT NULL, change TEXT NOT NULL, name TEXT NOT NULL,"
             " old_price BIGINT NOT NULL, new_price BIGINT NOT NULL,"
             " product_type TEXT NOT NULL, departement TEXT NOT NULL)",
             "CREATE INDEX changes_source ON changes (source, seq)",
             "CREATE INDEX changes_record ON changes (record_id, seq)",
             "CREATE TABLE sync_runs ("
             " id {serial}, source TEXT NOT NULL, connector TEXT NOT NULL,"
             " started TEXT NOT NULL, finished TEXT NOT NULL, outcome TEXT NOT NULL,"
             " read_count BIGINT NOT NULL, accepted BIGINT NOT NULL, rejected BIGINT NOT NULL,"
             " added BIGINT NOT NULL, changed BIGINT NOT NULL, removed BIGINT NOT NULL, unchanged BIGINT NOT NULL,"
             " duration_ms BIGINT NOT NULL, error TEXT NOT NULL)",
             "CREATE INDEX sync_runs_source ON sync_runs (source, id)",
             "CREATE TABLE rejects ("
             " id {serial}, source TEXT NOT NULL, run_id BIGINT NOT NULL, file TEXT NOT NULL, url TEXT NOT NULL,"
             " line BIGINT NOT NULL, col TEXT NOT NULL, element TEXT NOT NULL, reason TEXT NOT NULL,"
             " excerpt TEXT NOT NULL, at TEXT NOT NULL)",
             "CREATE INDEX rejects_source ON rejects (source, id)",
             "CREATE TABLE source_state ("
             " source TEXT PRIMARY KEY, connector TEXT NOT NULL, bookmark TEXT NOT NULL,"
             " last_run BIGINT NOT NULL, last_ok_run BIGINT NOT NULL)",
         }},
        {2,
         "invoices (finance): invoices with their filter columns, status reports",
         {
             // doc = the public JSON (status reports applied); stored = the complete form the
             // UBL and CII writers read back; hash = the invoice as read, for the sync's diff.
             "CREATE TABLE invoices ("
             " id TEXT PRIMARY KEY, source TEXT NOT NULL, source_id TEXT NOT NULL,"
             " number TEXT NOT NULL, chorus_id TEXT NOT NULL,"
             " seller_siret TEXT NOT NULL, seller_name TEXT NOT NULL, seller_key TEXT NOT NULL,"
             " buyer_siret TEXT NOT NULL, buyer_name TEXT NOT NULL, buyer_key TEXT NOT NULL,"
             " buyer_reference TEXT NOT NULL, status TEXT NOT NULL, issue_date TEXT NOT NULL,"
             " updated_at TEXT NOT NULL, hash TEXT NOT NULL, stored TEXT NOT NULL, doc TEXT NOT NULL,"
             " UNIQUE (source, source_id))",
             "CREATE INDEX invoices_issue_date ON invoices (issue_date DESC, number, id)",
             "CREATE INDEX invoices_seller_number ON invoices (seller_siret, number)",
             "CREATE INDEX invoices_seller_name ON invoices (seller_key)",
             "CREATE INDEX invoices_buyer ON invoices (buyer_siret)",
             "CREATE INDEX invoices_buyer_name ON invoices (buyer_key)",
             "CREATE INDEX invoices_buyer_reference ON invoices (buyer_reference)",
             "CREATE INDEX invoices_status ON invoices (status)",
             "CREATE INDEX invoices_chorus ON invoices (chorus_id)",
             // One row per status report a source gave in its last sync; doc = the whole report.
             "CREATE TABLE invoice_statuses ("
             " id {serial}, source TEXT NOT NULL, source_id TEXT NOT NULL, chorus_id TEXT NOT NULL,"
             " seller_siret TEXT NOT NULL, number TEXT NOT NULL, status TEXT NOT NULL, doc TEXT NOT NULL)",
             "CREATE INDEX invoice_statuses_source ON invoice_statuses (source)",
             "CREATE INDEX invoice_statuses_chorus ON invoice_statuses (chorus_id)",
             "CREATE INDEX invoice_statuses_number ON invoice_statuses (seller_siret, number)",
         }},
    };
    return all;
}

namespace {

void replaceAll(std::string& s, const std::string& from, const std::string& to) {
    for (size_t pos = 0; (pos = s.find(from, pos)) != std::string::npos; pos += to.size()) s.replace(pos, from.size(), to);
}

}  // namespace

std::string applyDialect(const std::string& sql, const std::string& serialPrimaryKey, const std::string& textType) {
    std::string out = sql;
    replaceAll(out, "{serial}", serialPrimaryKey);
    if (textType != "TEXT") replaceAll(out, " TEXT ", " " + textType + " ");
    return out;
}

}  // namespace recolte::store
