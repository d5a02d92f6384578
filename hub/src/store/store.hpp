// The store: what the hub knows. One transaction per source sync (all or nothing), a content hash
// per record so unchanged records are not rewritten, a change log for the feed. The store knows
// no HTTP and no connector; publishers read it through the queries below.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

#include "model/catalog.hpp"
#include "model/invoice.hpp"

namespace recolte::store {

struct OfferQuery {
    std::string q;  // words, accent- and case-insensitive, all must match
    std::string product_type, label, producer, departement, source;
    std::string available_on;  // YYYY-MM-DD
    // Available at some point of [window_from, window_to] (either may be empty = open-ended).
    std::string window_from, window_to;
    std::string prefer_departement;  // this département first, then the sort
    std::vector<std::string> exclude_ids;
    std::string unit_price_unit;  // kg | l | piece: only unit prices that compare with each other
    std::string sort = "name";  // name | unit_price | updated
    int64_t limit = 50;
    int64_t offset = 0;
};

struct ProducerQuery {
    std::string q, departement, source;
    int64_t limit = 50;
    int64_t offset = 0;
};

struct NeedQuery {
    std::string q, product_type, departement, source;
    std::string status;   // open | awarded | closed
    std::string open_on;  // YYYY-MM-DD: open, and the answer deadline not passed on that day
    int64_t limit = 50;
    int64_t offset = 0;
};

// Invoices are for finance staff only: no change log, no feed, no public export.
struct InvoiceQuery {
    std::string seller, buyer;  // a SIRET (14 digits) or words of the name
    std::string service_code;   // BT-10 buyer reference
    std::string status;
    std::string from, to;       // issue date range, YYYY-MM-DD, both included
    int64_t limit = 50;
    int64_t offset = 0;
};

struct ChangeQuery {
    std::string kind;  // offer | need | "" (both)
    std::string product_type, departement, source;
    std::string record_id;
    std::vector<std::string> exclude_changes;  // leave these out ("changed": the feed shows only prices, adds, removals)
    int64_t limit = 100;
};

struct RejectQuery {
    std::string source;
    int64_t limit = 100;
    int64_t offset = 0;
};

// A page of JSON documents (each a complete item) and the total matching.
struct Page {
    std::vector<std::string> items;
    int64_t total = 0;
};

// One value a catalogue filter can take, and how many records have it.
struct FacetValue {
    std::string value;
    std::string name;  // producers: the producer's name; otherwise empty
    int64_t count = 0;
};

// What the catalogue's filters can offer (values present in the store), for the HTML pages.
struct OfferFacets {
    std::vector<FacetValue> product_types, labels, departements, sources;
    std::vector<FacetValue> producers;              // value = producer id: offers per producer
    std::vector<FacetValue> producer_departements;  // from the producers themselves
    std::vector<FacetValue> need_departements;      // from the needs, whatever their status
};

struct SourceState {
    std::string name;
    std::string connector;
    std::string bookmark;
    std::optional<model::SyncRun> last_run;
};

// What the store holds for a record of a source, for the sync's diff.
struct Existing {
    std::string id;
    std::string hash;
    int64_t price_raw = 0;
    std::string name;  // what a removal says in the change log
    std::string product_type;
    std::string departement;
};

enum class Change { Added, Changed, PriceChanged, Removed };
const char* toString(Change c);

struct ChangeEntry {
    int64_t seq = 0;
    std::string at;
    std::string source;
    std::string kind;  // offer | need
    std::string record_id;
    std::string change;  // added | changed | price_changed | removed
    std::string name;
    int64_t old_price_raw = 0;
    int64_t new_price_raw = 0;
    std::string product_type;  // for feeds filtered like the catalogue
    std::string departement;
};

// One source sync = one transaction. Destroying it without commit() rolls everything back.
class SyncWriter {
public:
    virtual ~SyncWriter() = default;
    virtual std::unordered_map<std::string, Existing> existingOffers() = 0;  // by source_id
    virtual int64_t recordCount() = 0;  // offers + needs + invoices of this source, without loading them
    // doc = the offer's JSON; hash = its content hash (without updated_at).
    virtual void putOffer(const model::Offer& offer, const std::string& doc, const std::string& hash, bool isNew) = 0;
    virtual void removeOffer(const std::string& id) = 0;
    virtual std::unordered_map<std::string, Existing> existingNeeds() = 0;  // by source_id; price_raw unused
    virtual void putNeed(const model::Need& need, const std::string& doc, const std::string& hash, bool isNew) = 0;
    virtual void removeNeed(const std::string& id) = 0;
    // Invoices of this source by source_id (price_raw, name... unused).
    virtual std::unordered_map<std::string, Existing> existingInvoices() = 0;
    // hash = content hash of the invoice as read (before status reports). The writer applies the
    // status reports the store holds for it before writing. Never logged as a change.
    virtual void putInvoice(const model::Invoice& invoice, const std::string& hash, bool isNew) = 0;
    virtual void removeInvoice(const std::string& id) = 0;
    // The id of the catalogue producer with this SIRET, "" when there is none.
    virtual std::string catalogueProducerId(const std::string& siret) = 0;
    // This source's status reports now: they replace its previous ones, and every invoice they
    // (or the previous ones) speak of gets its status again.
    virtual void putInvoiceStatuses(const std::vector<sdk::InvoiceStatusRecord>& reports) = 0;
    // `entry.seq`, `at`, `source` and `change` are filled by the writer.
    virtual void logChange(Change change, const ChangeEntry& entry) = 0;
    // The producers this source lists now (as it describes them); listings it no longer has are
    // dropped, and the merged producers rebuilt.
    virtual void putProducerListings(const std::vector<model::Producer>& producers) = 0;
    virtual void addReject(const model::StoredReject& reject) = 0;
    // Records the run, the bookmark and the rejects, then commits.
    // sourceUnchanged: the connector saw no change, so the previous rejects still stand.
    virtual void commit(const model::SyncRun& run, const std::string& bookmark, bool sourceUnchanged) = 0;
};

// Thrown by Store::beginSync when another hub instance is syncing this source (PostgreSQL: the
// source's advisory lock is held). Not a failure: the scheduler tries again at the next `every`.
class SourceBusy : public std::runtime_error {
public:
    explicit SourceBusy(const std::string& source)
        : std::runtime_error("another instance is syncing the source " + source), source_(source) {}
    const std::string& source() const { return source_; }

private:
    std::string source_;
};

class Store {
public:
    virtual ~Store() = default;

    // Sync side. Throws SourceBusy when another instance holds the source (PostgreSQL only; on
    // SQLite a second writer waits for the file's lock).
    virtual std::unique_ptr<SyncWriter> beginSync(const std::string& source, const std::string& at) = 0;
    // A failed run: recorded, data untouched.
    virtual void recordFailedRun(const model::SyncRun& run) = 0;
    virtual std::string bookmark(const std::string& source) = 0;

    // Read side (thread-safe: each call takes its own connection).
    virtual Page offers(const OfferQuery& q) = 0;
    virtual std::optional<std::string> offer(const std::string& id) = 0;
    virtual Page needs(const NeedQuery& q) = 0;
    virtual std::optional<std::string> need(const std::string& id) = 0;
    virtual Page producers(const ProducerQuery& q) = 0;
    // Every match in the query's order, limit and offset ignored, handed over one document at a
    // time from one read (the exports: no page of 100,000 documents held in memory).
    virtual void eachOffer(const OfferQuery& q, const std::function<void(const std::string& doc)>& fn) = 0;
    virtual void eachProducer(const ProducerQuery& q, const std::function<void(const std::string& doc)>& fn) = 0;
    virtual std::optional<std::string> producer(const std::string& id) = 0;
    virtual std::vector<SourceState> sources() = 0;
    virtual Page rejects(const RejectQuery& q) = 0;
    virtual std::vector<ChangeEntry> changes(int64_t afterSeq, int64_t limit) = 0;
    // Newest first: the feed, an offer's price history.
    virtual std::vector<ChangeEntry> recentChanges(const ChangeQuery& q) = 0;
    virtual int64_t offerCount() = 0;

    // Invoices (finance): public documents (schemas/invoice.schema.json), newest issue date first.
    virtual Page invoices(const InvoiceQuery& q) = 0;
    virtual void eachInvoice(const InvoiceQuery& q, const std::function<void(const std::string& doc)>& fn) = 0;
    virtual std::optional<std::string> invoice(const std::string& id) = 0;
    // The complete stored form (model/invoice_record_json.hpp), for the UBL and CII writers.
    virtual std::optional<std::string> storedInvoice(const std::string& id) = 0;
    // Full scans: callers cache the result (it changes only when a sync runs).
    virtual OfferFacets offerFacets() = 0;
};

// One of the two: an SQLite file, or a PostgreSQL database shared by several hub instances.
struct StoreOptions {
    std::string sqlite_path;
    std::string postgresql;           // libpq conninfo ("host=... port=... dbname=... user=..."), no password
    std::string postgresql_password;  // from the environment variable that store.password_env names
};

// Opens (creating the SQLite file when needed) and migrates the store. Throws std::runtime_error
// with a clear message when it cannot (naming the file, or the PostgreSQL host and database, never
// the password).
std::unique_ptr<Store> openStore(const StoreOptions& options);

// Content hash used for change detection: 16 hex chars, fast, stable across builds.
std::string contentHash(std::string_view bytes);

}  // namespace recolte::store
