// The SQL store through Poco::Data, written once for SQLite and PostgreSQL: SQL with $N
// placeholders, and what differs between the engines behind SqlEngine (sql_engine.hpp).
#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/ParseHandler.h>
#include <Poco/JSON/Parser.h>

#include <map>
#include <mutex>
#include <set>
#include <sstream>
#include <stdexcept>

#include "model/clock.hpp"
#include "model/json.hpp"
#include "recolte/sdk/text.hpp"
#include "store/migrations.hpp"
#include "store/sql_invoices.hpp"
#include "store/sql_engine.hpp"
#include "store/store.hpp"

namespace recolte::store {

using namespace Poco::Data::Keywords;
using Poco::Data::Session;
using Poco::Data::Statement;

namespace {

std::string labelsColumn(const std::vector<std::string>& labels) {
    std::string out = "|";
    for (const auto& l : labels) out += l + "|";
    return out;
}

// Escapes LIKE wildcards; the queries say ESCAPE '\'.
std::string likeContains(const std::string& folded) {
    std::string out = "%";
    for (char c : folded) {
        if (c == '%' || c == '_' || c == '\\') out += '\\';
        out += c;
    }
    return out + "%";
}

std::vector<std::string> words(const std::string& q) {
    std::vector<std::string> out;
    std::istringstream in(sdk::foldForSearch(q));
    for (std::string w; in >> w;) out.push_back(w);
    return out;
}

// A WHERE clause built with numbered placeholders and its parameters, kept alive for binding.
class Where {
public:
    void add(const std::string& clauseWithQ, const std::string& value) {
        // clauseWithQ uses "?" for the one parameter; numbered here.
        std::string c = clauseWithQ;
        const std::string ph = "$" + std::to_string(params_.size() + 1);
        for (size_t pos; (pos = c.find('?')) != std::string::npos;) c.replace(pos, 1, ph);
        clauses_.push_back(c);
        params_.push_back(value);
    }
    std::string sql() const {
        if (clauses_.empty()) return "";
        std::string out = " WHERE ";
        for (size_t i = 0; i < clauses_.size(); ++i) out += (i ? " AND " : "") + clauses_[i];
        return out;
    }
    size_t size() const { return params_.size(); }
    void bind(Statement& st) {
        for (auto& p : params_) st, use(p);
    }

private:
    std::vector<std::string> clauses_;
    std::vector<std::string> params_;
};

class SqlSyncWriter : public SyncWriter {
public:
    SqlSyncWriter(SqlEngine& engine, std::string source, std::string at);
    ~SqlSyncWriter() override;

    std::unordered_map<std::string, Existing> existingOffers() override;
    int64_t recordCount() override;
    void putOffer(const model::Offer& offer, const std::string& doc, const std::string& hash, bool isNew) override;
    void removeOffer(const std::string& id) override;
    std::unordered_map<std::string, Existing> existingNeeds() override;
    void putNeed(const model::Need& need, const std::string& doc, const std::string& hash, bool isNew) override;
    void removeNeed(const std::string& id) override;
    void logChange(Change change, const ChangeEntry& entry) override;
    void putProducerListings(const std::vector<model::Producer>& producers) override;
    void addReject(const model::StoredReject& reject) override { rejects_.push_back(reject); }
    std::unordered_map<std::string, Existing> existingInvoices() override { return invoices_.existing(); }
    void putInvoice(const model::Invoice& invoice, const std::string& hash, bool isNew) override {
        invoices_.put(invoice, hash, isNew);
    }
    void removeInvoice(const std::string& id) override { invoices_.remove(id); }
    std::string catalogueProducerId(const std::string& siret) override { return invoices_.producerIdForSiret(siret); }
    void putInvoiceStatuses(const std::vector<sdk::InvoiceStatusRecord>& reports) override {
        invoices_.putStatuses(reports, [this] { lockSharedRows(); });
    }
    void commit(const model::SyncRun& run, const std::string& bookmark, bool sourceUnchanged) override;

private:
    void prepareOfferStatements();
    void rebuildProducer(const std::string& id);
    void lockSharedRows();

    SqlEngine& engine_;
    Session session_;
    std::string source_;
    std::string at_;
    bool committed_ = false;
    bool sharedRowsLocked_ = false;
    std::vector<model::StoredReject> rejects_;
    SqlInvoiceWriter invoices_;

    // Hot per-row statements, prepared once on the engine's own API (SqlEngine::prepare).
    std::unique_ptr<FastStatement> insertOffer_, updateOffer_, deleteOffer_, insertChange_;
    std::unique_ptr<FastStatement> insertNeed_, updateNeed_, deleteNeed_;
    void resetStatements();
};

SqlSyncWriter::SqlSyncWriter(SqlEngine& engine, std::string source, std::string at)
    : engine_(engine),
      session_(engine.connect()),
      source_(std::move(source)),
      at_(std::move(at)),
      invoices_(session_, source_, at_) {
    session_.begin();
    try {
        engine_.claimSource(session_, source_);
    } catch (...) {
        session_.rollback();
        throw;
    }
    prepareOfferStatements();
}

void SqlSyncWriter::lockSharedRows() {
    if (sharedRowsLocked_) return;
    engine_.lockSharedRows(session_);
    sharedRowsLocked_ = true;
}

SqlSyncWriter::~SqlSyncWriter() {
    if (!committed_) {
        try {
            resetStatements();
            session_.rollback();
        } catch (...) {
        }
    }
}

// Prepared statements hold the connection busy: dropped before commit or rollback.
void SqlSyncWriter::resetStatements() {
    for (auto* st : {&insertOffer_, &updateOffer_, &deleteOffer_, &insertChange_, &insertNeed_, &updateNeed_, &deleteNeed_})
        st->reset();
}

void SqlSyncWriter::prepareOfferStatements() {
    auto prepare = [this](const std::string& sql) { return engine_.prepare(session_, sql); };
    insertOffer_ = prepare(
        "INSERT INTO offers (id, source, source_id, producer_id, producer_siret, name, name_key, search,"
            " product_type, labels, departement, price, unit_price, unit_price_unit, available_from,"
            " available_to, updated_at, hash, doc) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11,"
            " $12, $13, $14, $15, $16, $17, $18, $19)");
    updateOffer_ = prepare(
        "UPDATE offers SET producer_id = $1, producer_siret = $2, name = $3, name_key = $4, search = $5,"
            " product_type = $6, labels = $7, departement = $8, price = $9, unit_price = $10,"
            " unit_price_unit = $11, available_from = $12, available_to = $13, updated_at = $14,"
            " hash = $15, doc = $16 WHERE id = $17");
    deleteOffer_ = prepare("DELETE FROM offers WHERE id = $1");
    insertChange_ = prepare(
        "INSERT INTO changes (at, source, kind, record_id, change, name, old_price, new_price,"
            " product_type, departement) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)");
    insertNeed_ = prepare(
        "INSERT INTO needs (id, source, source_id, title, title_key, search, product_type, departement,"
            " status, delivery_from, delivery_to, deadline_date, updated_at, hash, doc) VALUES ($1, $2, $3,"
            " $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)");
    updateNeed_ = prepare(
        "UPDATE needs SET title = $1, title_key = $2, search = $3, product_type = $4, departement = $5,"
            " status = $6, delivery_from = $7, delivery_to = $8, deadline_date = $9, updated_at = $10,"
            " hash = $11, doc = $12 WHERE id = $13");
    deleteNeed_ = prepare("DELETE FROM needs WHERE id = $1");
}

std::unordered_map<std::string, Existing> SqlSyncWriter::existingOffers() {
    std::vector<std::string> sourceIds, ids, hashes, names, types, deps;
    std::vector<Poco::Int64> prices;
    std::string src = source_;
    session_ << "SELECT source_id, id, hash, price, name, product_type, departement FROM offers WHERE source = $1",
        into(sourceIds), into(ids), into(hashes), into(prices), into(names), into(types), into(deps), use(src), now;
    std::unordered_map<std::string, Existing> out;
    out.reserve(ids.size());
    for (size_t i = 0; i < ids.size(); ++i)
        out.emplace(sourceIds[i], Existing{ids[i], hashes[i], prices[i], names[i], types[i], deps[i]});
    return out;
}

void SqlSyncWriter::putOffer(const model::Offer& o, const std::string& doc, const std::string& hash, bool isNew) {
    const std::string nameKey = sdk::foldForSearch(o.name);
    const std::string search = nameKey + " " + sdk::foldForSearch(o.producer.name) + " " + sdk::foldForSearch(o.description);
    const std::string labels = labelsColumn(o.labels);
    const char* unit = model::toString(o.unit_price.unit);
    // Columns shared by INSERT ($4..$19 minus the key) and UPDATE ($1..$16), in the same order.
    auto bindColumns = [&](FastStatement& st, int first) {
        st.bind(first, o.producer.id)
            .bind(first + 1, o.producer.siret)
            .bind(first + 2, o.name)
            .bind(first + 3, nameKey)
            .bind(first + 4, search)
            .bind(first + 5, o.product_type)
            .bind(first + 6, labels)
            .bind(first + 7, o.departement)
            .bind(first + 8, o.price.amount.raw())
            .bind(first + 9, o.unit_price.amount.raw())
            .bind(first + 10, unit)
            .bind(first + 11, o.available_from)
            .bind(first + 12, o.available_to)
            .bind(first + 13, o.updated_at)
            .bind(first + 14, hash)
            .bind(first + 15, doc);
    };
    if (isNew) {
        insertOffer_->bind(1, o.id).bind(2, o.source).bind(3, o.source_id);
        bindColumns(*insertOffer_, 4);
        insertOffer_->run();
    } else {
        bindColumns(*updateOffer_, 1);
        updateOffer_->bind(17, o.id);
        updateOffer_->run();
    }
}

void SqlSyncWriter::removeOffer(const std::string& id) { deleteOffer_->bind(1, id).run(); }

int64_t SqlSyncWriter::recordCount() {
    Poco::Int64 offers = 0, needs = 0;
    std::string src = source_;
    session_ << "SELECT COUNT(*) FROM offers WHERE source = $1", into(offers), use(src), now;
    session_ << "SELECT COUNT(*) FROM needs WHERE source = $1", into(needs), use(src), now;
    return offers + needs + invoices_.count();
}

std::unordered_map<std::string, Existing> SqlSyncWriter::existingNeeds() {
    std::vector<std::string> sourceIds, ids, hashes, titles, types, deps;
    std::string src = source_;
    session_ << "SELECT source_id, id, hash, title, product_type, departement FROM needs WHERE source = $1",
        into(sourceIds), into(ids), into(hashes), into(titles), into(types), into(deps), use(src), now;
    std::unordered_map<std::string, Existing> out;
    out.reserve(ids.size());
    for (size_t i = 0; i < ids.size(); ++i)
        out.emplace(sourceIds[i], Existing{ids[i], hashes[i], 0, titles[i], types[i], deps[i]});
    return out;
}

void SqlSyncWriter::putNeed(const model::Need& need, const std::string& doc, const std::string& hash, bool isNew) {
    const std::string titleKey = sdk::foldForSearch(need.title);
    const std::string search = titleKey + " " + sdk::foldForSearch(need.description) + " " +
                               sdk::foldForSearch(need.buyer_name) + " " + sdk::foldForSearch(need.place.city);
    const std::string deadlineDate = need.answer_deadline.substr(0, 10);
    auto bindColumns = [&](FastStatement& st, int first) {
        st.bind(first, need.title)
            .bind(first + 1, titleKey)
            .bind(first + 2, search)
            .bind(first + 3, need.product_type)
            .bind(first + 4, need.place.departement)
            .bind(first + 5, need.status)
            .bind(first + 6, need.delivery_from)
            .bind(first + 7, need.delivery_to)
            .bind(first + 8, deadlineDate)
            .bind(first + 9, need.updated_at)
            .bind(first + 10, hash)
            .bind(first + 11, doc);
    };
    if (isNew) {
        insertNeed_->bind(1, need.id).bind(2, need.source).bind(3, need.source_id);
        bindColumns(*insertNeed_, 4);
        insertNeed_->run();
    } else {
        bindColumns(*updateNeed_, 1);
        updateNeed_->bind(13, need.id);
        updateNeed_->run();
    }
}

void SqlSyncWriter::removeNeed(const std::string& id) { deleteNeed_->bind(1, id).run(); }

void SqlSyncWriter::logChange(Change change, const ChangeEntry& e) {
    lockSharedRows();  // the change log's sequence grows in commit order
    insertChange_->bind(1, at_)
        .bind(2, source_)
        .bind(3, e.kind)
        .bind(4, e.record_id)
        .bind(5, toString(change))
        .bind(6, e.name)
        .bind(7, e.old_price_raw)
        .bind(8, e.new_price_raw)
        .bind(9, e.product_type)
        .bind(10, e.departement)
        .run();
}

void SqlSyncWriter::putProducerListings(const std::vector<model::Producer>& producers) {
    std::vector<std::string> oldIds, oldHashes;
    std::string src = source_;
    session_ << "SELECT producer_id, hash FROM producer_listings WHERE source = $1", into(oldIds), into(oldHashes),
        use(src), now;
    std::unordered_map<std::string, std::string> old;
    for (size_t i = 0; i < oldIds.size(); ++i) old.emplace(oldIds[i], oldHashes[i]);

    std::set<std::string> affected, seen;
    for (const auto& p : producers) {
        if (!seen.insert(p.id).second) continue;
        model::Producer listing = p;
        listing.sources = {source_};
        std::string doc = model::toJson(listing);
        std::string hash = contentHash(doc);
        auto it = old.find(p.id);
        if (it != old.end() && it->second == hash) continue;
        std::string id = p.id;
        if (it == old.end())
            session_ << "INSERT INTO producer_listings (source, producer_id, hash, doc) VALUES ($1, $2, $3, $4)", use(src),
                use(id), use(hash), use(doc), now;
        else
            session_ << "UPDATE producer_listings SET hash = $1, doc = $2 WHERE source = $3 AND producer_id = $4",
                use(hash), use(doc), use(src), use(id), now;
        affected.insert(p.id);
    }
    for (const auto& [id, hash] : old) {
        if (seen.count(id)) continue;
        std::string pid = id;
        session_ << "DELETE FROM producer_listings WHERE source = $1 AND producer_id = $2", use(src), use(pid), now;
        affected.insert(id);
    }
    if (!affected.empty()) lockSharedRows();
    for (const auto& id : affected) rebuildProducer(id);
}

bool isEmptyJson(const Poco::Dynamic::Var& v) {
    if (v.isEmpty()) return true;
    if (v.isString()) return v.extract<std::string>().empty();
    if (v.type() == typeid(Poco::JSON::Array::Ptr)) return v.extract<Poco::JSON::Array::Ptr>()->size() == 0;
    return false;
}

// Merges several sources' descriptions of one producer: the first source (by name) that gives a
// field wins, field by field (address parts included); points of sale and contacts are pooled.
void SqlSyncWriter::rebuildProducer(const std::string& id) {
    std::vector<std::string> sources, docs;
    std::string pid = id;
    session_ << "SELECT source, doc FROM producer_listings WHERE producer_id = $1 ORDER BY source", into(sources),
        into(docs), use(pid), now;
    if (sources.empty()) {
        session_ << "DELETE FROM producers WHERE id = $1", use(pid), now;
        return;
    }
    Poco::JSON::Parser parser(new Poco::JSON::ParseHandler(true));
    Poco::JSON::Object::Ptr merged;
    for (const auto& doc : docs) {
        auto obj = parser.parse(doc).extract<Poco::JSON::Object::Ptr>();
        parser.reset();
        if (!merged) {
            merged = obj;
            continue;
        }
        for (const auto& key : obj->getNames()) {
            auto value = obj->get(key);
            if (key == "address" && merged->isObject(key) && obj->isObject(key)) {
                auto into = merged->getObject(key);
                auto from = obj->getObject(key);
                for (const auto& k : from->getNames())
                    if (isEmptyJson(into->get(k)) && !isEmptyJson(from->get(k))) into->set(k, from->get(k));
            } else if ((key == "points_of_sale" || key == "contacts") && merged->isArray(key) && obj->isArray(key)) {
                auto into = merged->getArray(key);
                auto from = obj->getArray(key);
                for (size_t i = 0; i < from->size(); ++i) into->add(from->get(i));
            } else if (isEmptyJson(merged->get(key)) && !isEmptyJson(value)) {
                merged->set(key, value);
            }
        }
    }
    Poco::JSON::Array::Ptr srcArray = new Poco::JSON::Array();
    std::string sourcesColumn = "|";
    for (const auto& s : sources) {
        srcArray->add(s);
        sourcesColumn += s + "|";
    }
    merged->set("sources", srcArray);
    std::ostringstream out;
    merged->stringify(out);
    std::string doc = out.str();
    std::string siret = merged->has("siret") && merged->get("siret").isString() ? merged->getValue<std::string>("siret") : "";
    std::string name = merged->optValue<std::string>("name", "");
    std::string departement, city;
    if (merged->isObject("address")) {
        auto a = merged->getObject("address");
        if (a->get("departement").isString()) departement = a->getValue<std::string>("departement");
        if (a->get("city").isString()) city = a->getValue<std::string>("city");
    }
    std::string nameKey = sdk::foldForSearch(name);
    std::string search = nameKey + " " + sdk::foldForSearch(city) + " " + siret;
    std::string at = at_;
    session_ << "INSERT INTO producers (id, siret, name, name_key, search, departement, sources, updated_at, doc)"
                " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (id) DO UPDATE SET siret = excluded.siret,"
                " name = excluded.name, name_key = excluded.name_key, search = excluded.search,"
                " departement = excluded.departement, sources = excluded.sources, updated_at = excluded.updated_at,"
                " doc = excluded.doc",
        use(pid), use(siret), use(name), use(nameKey), use(search), use(departement), use(sourcesColumn), use(at),
        use(doc), now;
}

void SqlSyncWriter::commit(const model::SyncRun& run, const std::string& bookmark, bool sourceUnchanged) {
    std::string src = run.source, connector = run.connector, started = run.started, finished = run.finished,
                outcome = run.outcome, error = run.error;
    Poco::Int64 read = run.counts.read, accepted = run.counts.accepted, rejected = run.counts.rejected,
                added = run.counts.added, changed = run.counts.changed, removed = run.counts.removed,
                unchanged = run.counts.unchanged, durationMs = static_cast<Poco::Int64>(run.duration_seconds * 1000.0);
    Poco::Int64 runId = 0;
    session_ << "INSERT INTO sync_runs (source, connector, started, finished, outcome, read_count, accepted, rejected,"
                " added, changed, removed, unchanged, duration_ms, error) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9,"
                " $10, $11, $12, $13, $14) RETURNING id",
        into(runId), use(src), use(connector), use(started), use(finished), use(outcome), use(read), use(accepted),
        use(rejected), use(added), use(changed), use(removed), use(unchanged), use(durationMs), use(error), now;
    if (!sourceUnchanged) {
        session_ << "DELETE FROM rejects WHERE source = $1", use(src), now;
        model::StoredReject r;
        Poco::Int64 line = 0;
        Statement ins(session_);
        ins << "INSERT INTO rejects (source, run_id, file, url, line, col, element, reason, excerpt, at)"
               " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
            use(src), use(runId), use(r.file), use(r.url), use(line), use(r.column), use(r.element), use(r.reason),
            use(r.excerpt), use(r.at);
        for (const auto& rej : rejects_) {
            r = rej;
            line = rej.line;
            ins.execute();
        }
    }
    std::string bm = bookmark;
    session_ << "INSERT INTO source_state (source, connector, bookmark, last_run, last_ok_run)"
                " VALUES ($1, $2, $3, $4, $4) ON CONFLICT (source) DO UPDATE SET connector = excluded.connector,"
                " bookmark = excluded.bookmark, last_run = excluded.last_run, last_ok_run = excluded.last_ok_run",
        use(src), use(connector), use(bm), use(runId), now;
    resetStatements();
    session_.commit();
    committed_ = true;
}

class SqlStore : public Store {
public:
    explicit SqlStore(std::unique_ptr<SqlEngine> engine) : engine_(std::move(engine)) {
        Session s = engine_->connect();
        engine_->lockMigrations(s);
        try {
            migrate(s);
        } catch (...) {
            // The migration's own error is the one to report; closing the connection unlocks anyway.
            try {
                if (s.isTransaction()) s.rollback();
                engine_->unlockMigrations(s);
            } catch (...) {
            }
            throw;
        }
        engine_->unlockMigrations(s);
    }

    std::unique_ptr<SyncWriter> beginSync(const std::string& source, const std::string& at) override {
        return std::make_unique<SqlSyncWriter>(*engine_, source, at);
    }

    void recordFailedRun(const model::SyncRun& run) override {
        Session s = session();
        std::string src = run.source, connector = run.connector, started = run.started, finished = run.finished,
                    outcome = run.outcome, error = run.error;
        Poco::Int64 read = run.counts.read, accepted = run.counts.accepted, rejected = run.counts.rejected,
                    durationMs = static_cast<Poco::Int64>(run.duration_seconds * 1000.0), zero = 0;
        s.begin();
        Poco::Int64 runId = 0;
        s << "INSERT INTO sync_runs (source, connector, started, finished, outcome, read_count, accepted, rejected,"
             " added, changed, removed, unchanged, duration_ms, error) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9,"
             " $10, $11, $12, $13, $14) RETURNING id",
            into(runId), use(src), use(connector), use(started), use(finished), use(outcome), use(read), use(accepted),
            use(rejected), use(zero), use(zero), use(zero), use(zero), use(durationMs), use(error), now;
        // An upsert: two instances may record a failure of the same source at once.
        std::string empty;
        s << "INSERT INTO source_state (source, connector, bookmark, last_run, last_ok_run)"
             " VALUES ($1, $2, $3, $4, $5) ON CONFLICT (source) DO UPDATE SET connector = excluded.connector,"
             " last_run = excluded.last_run",
            use(src), use(connector), use(empty), use(runId), use(zero), now;
        s.commit();
    }

    std::string bookmark(const std::string& source) override {
        Session s = session();
        std::vector<std::string> bm;
        std::string src = source;
        s << "SELECT bookmark FROM source_state WHERE source = $1", into(bm), use(src), now;
        return bm.empty() ? std::string() : bm.front();
    }

    Page offers(const OfferQuery& q) override {
        Where w;
        const std::string order = offerWhere(q, w);
        return page("offers", w, order, q.limit, q.offset);
    }

    void eachOffer(const OfferQuery& q, const std::function<void(const std::string&)>& fn) override {
        Where w;
        const std::string order = offerWhere(q, w);
        stream("offers", w, order, fn);
    }

    // Fills the WHERE of an offer query; returns its ORDER BY.
    static std::string offerWhere(const OfferQuery& q, Where& w) {
        for (const auto& word : words(q.q)) w.add("search LIKE ? ESCAPE '\\'", likeContains(word));
        if (!q.product_type.empty()) w.add("product_type = ?", q.product_type);
        if (!q.label.empty()) w.add("labels LIKE ?", "%|" + q.label + "|%");
        if (!q.producer.empty()) w.add("(producer_id = ? OR producer_siret = ?)", q.producer);
        if (!q.departement.empty()) w.add("departement = ?", q.departement);
        if (!q.source.empty()) w.add("source = ?", q.source);
        if (!q.available_on.empty())
            w.add("(available_from = '' OR available_from <= ?) AND (available_to = '' OR available_to >= ?)",
                  q.available_on);
        if (!q.window_from.empty()) w.add("(available_to = '' OR available_to >= ?)", q.window_from);
        if (!q.window_to.empty()) w.add("(available_from = '' OR available_from <= ?)", q.window_to);
        for (const auto& id : q.exclude_ids) w.add("id <> ?", id);
        if (!q.unit_price_unit.empty()) w.add("unit_price_unit = ?", q.unit_price_unit);
        std::string order = q.sort == "unit_price" ? "unit_price, name_key, id"
                            : q.sort == "updated"  ? "updated_at DESC, name_key, id"
                                                   : "name_key, id";
        std::string prefer;
        if (!q.prefer_departement.empty()) {
            // Only digits and A/B reach here (the API checks it), but quote it anyway.
            std::string dep;
            for (char c : q.prefer_departement)
                if (std::isalnum(static_cast<unsigned char>(c))) dep += c;
            prefer = "CASE WHEN departement = '" + dep + "' THEN 0 ELSE 1 END, ";
        }
        return " ORDER BY " + prefer + order;
    }

    std::optional<std::string> offer(const std::string& id) override { return byId("offers", id); }

    Page needs(const NeedQuery& q) override {
        Where w;
        for (const auto& word : words(q.q)) w.add("search LIKE ? ESCAPE '\\'", likeContains(word));
        if (!q.product_type.empty()) w.add("product_type = ?", q.product_type);
        if (!q.departement.empty()) w.add("departement = ?", q.departement);
        if (!q.source.empty()) w.add("source = ?", q.source);
        if (!q.status.empty()) w.add("status = ?", q.status);
        if (!q.open_on.empty()) w.add("status = 'open' AND (deadline_date = '' OR deadline_date >= ?)", q.open_on);
        return page("needs", w, " ORDER BY deadline_date = '', deadline_date, title_key, id", q.limit, q.offset);
    }

    std::optional<std::string> need(const std::string& id) override { return byId("needs", id); }

    Page producers(const ProducerQuery& q) override {
        Where w;
        producerWhere(q, w);
        return page("producers", w, " ORDER BY name_key, id", q.limit, q.offset);
    }

    void eachProducer(const ProducerQuery& q, const std::function<void(const std::string&)>& fn) override {
        Where w;
        producerWhere(q, w);
        stream("producers", w, " ORDER BY name_key, id", fn);
    }

    static void producerWhere(const ProducerQuery& q, Where& w) {
        for (const auto& word : words(q.q)) w.add("search LIKE ? ESCAPE '\\'", likeContains(word));
        if (!q.departement.empty()) w.add("departement = ?", q.departement);
        if (!q.source.empty()) w.add("sources LIKE ?", "%|" + q.source + "|%");
    }

    std::optional<std::string> producer(const std::string& id) override { return byId("producers", id); }

    std::vector<SourceState> sources() override {
        Session s = session();
        std::vector<std::string> names, connectors, bookmarks;
        std::vector<Poco::Int64> lastRuns;
        s << "SELECT source, connector, bookmark, last_run FROM source_state ORDER BY source", into(names),
            into(connectors), into(bookmarks), into(lastRuns), now;
        std::vector<SourceState> out;
        for (size_t i = 0; i < names.size(); ++i) {
            SourceState st{names[i], connectors[i], bookmarks[i], std::nullopt};
            st.last_run = run(s, lastRuns[i]);
            out.push_back(std::move(st));
        }
        return out;
    }

    Page rejects(const RejectQuery& q) override {
        Session s = session();
        Page p;
        std::string src = q.source;
        s << "SELECT COUNT(*) FROM rejects WHERE source = $1", into(p.total), use(src), now;
        std::vector<std::string> files, urls, cols, elements, reasons, excerpts, ats;
        std::vector<Poco::Int64> lines;
        Poco::Int64 limit = q.limit, offset = q.offset;
        s << "SELECT file, url, line, col, element, reason, excerpt, at FROM rejects WHERE source = $1"
             " ORDER BY id LIMIT $2 OFFSET $3",
            into(files), into(urls), into(lines), into(cols), into(elements), into(reasons), into(excerpts), into(ats),
            use(src), use(limit), use(offset), now;
        for (size_t i = 0; i < files.size(); ++i) {
            model::StoredReject r{q.source, files[i], urls[i], lines[i], cols[i], elements[i], reasons[i], excerpts[i], ats[i]};
            p.items.push_back(model::toJson(r));
        }
        return p;
    }

    std::vector<ChangeEntry> changes(int64_t afterSeq, int64_t limit) override {
        Session s = session();
        std::vector<Poco::Int64> seqs, oldPrices, newPrices;
        std::vector<std::string> ats, sources, kinds, ids, changes, names, types, deps;
        Poco::Int64 after = afterSeq, lim = limit;
        s << "SELECT seq, at, source, kind, record_id, change, name, old_price, new_price, product_type, departement"
             " FROM changes WHERE seq > $1 ORDER BY seq LIMIT $2",
            into(seqs), into(ats), into(sources), into(kinds), into(ids), into(changes), into(names), into(oldPrices),
            into(newPrices), into(types), into(deps), use(after), use(lim), now;
        std::vector<ChangeEntry> out;
        for (size_t i = 0; i < seqs.size(); ++i)
            out.push_back({seqs[i], ats[i], sources[i], kinds[i], ids[i], changes[i], names[i], oldPrices[i],
                           newPrices[i], types[i], deps[i]});
        return out;
    }

    std::vector<ChangeEntry> recentChanges(const ChangeQuery& q) override {
        Session s = session();
        Where w;
        if (!q.kind.empty()) w.add("kind = ?", q.kind);
        if (!q.product_type.empty()) w.add("product_type = ?", q.product_type);
        if (!q.departement.empty()) w.add("departement = ?", q.departement);
        if (!q.source.empty()) w.add("source = ?", q.source);
        if (!q.record_id.empty()) w.add("record_id = ?", q.record_id);
        for (const auto& c : q.exclude_changes) w.add("change <> ?", c);
        std::vector<Poco::Int64> seqs, oldPrices, newPrices;
        std::vector<std::string> ats, sources, kinds, ids, changes, names, types, deps;
        Poco::Int64 lim = q.limit;
        Statement st(s);
        st << "SELECT seq, at, source, kind, record_id, change, name, old_price, new_price, product_type, departement"
              " FROM changes" + w.sql() + " ORDER BY seq DESC LIMIT $" + std::to_string(w.size() + 1),
            into(seqs), into(ats), into(sources), into(kinds), into(ids), into(changes), into(names), into(oldPrices),
            into(newPrices), into(types), into(deps);
        w.bind(st);
        st, use(lim);
        st.execute();
        std::vector<ChangeEntry> out;
        for (size_t i = 0; i < seqs.size(); ++i)
            out.push_back({seqs[i], ats[i], sources[i], kinds[i], ids[i], changes[i], names[i], oldPrices[i],
                           newPrices[i], types[i], deps[i]});
        return out;
    }

    int64_t offerCount() override {
        Session s = session();
        Poco::Int64 n = 0;
        s << "SELECT COUNT(*) FROM offers", into(n), now;
        return n;
    }

    Page invoices(const InvoiceQuery& q) override {
        Where w;
        invoiceWhere(q, w);
        return page("invoices", w, kInvoiceOrder, q.limit, q.offset);
    }

    void eachInvoice(const InvoiceQuery& q, const std::function<void(const std::string&)>& fn) override {
        Where w;
        invoiceWhere(q, w);
        stream("invoices", w, kInvoiceOrder, fn);
    }

    std::optional<std::string> invoice(const std::string& id) override { return byId("invoices", id); }

    std::optional<std::string> storedInvoice(const std::string& id) override {
        Session s = session();
        std::vector<std::string> docs;
        std::string key = id;
        s << "SELECT stored FROM invoices WHERE id = $1", into(docs), use(key), now;
        if (docs.empty()) return std::nullopt;
        return docs.front();
    }

    static constexpr const char* kInvoiceOrder = " ORDER BY issue_date DESC, number, id";

    // A party filter: 14 digits (spaces allowed) = its SIRET; anything else = words of its name.
    static void partyFilter(const std::string& value, const std::string& siretColumn, const std::string& keyColumn,
                            Where& w) {
        std::string digits;
        for (char c : value)
            if (c != ' ') digits += c;
        const bool siret = digits.size() == 14 && std::all_of(digits.begin(), digits.end(), [](unsigned char c) { return std::isdigit(c); });
        if (siret) return w.add(siretColumn + " = ?", digits);
        for (const auto& word : words(value)) w.add(keyColumn + " LIKE ? ESCAPE '\\'", likeContains(word));
    }

    static void invoiceWhere(const InvoiceQuery& q, Where& w) {
        if (!q.seller.empty()) partyFilter(q.seller, "seller_siret", "seller_key", w);
        if (!q.buyer.empty()) partyFilter(q.buyer, "buyer_siret", "buyer_key", w);
        if (!q.service_code.empty()) w.add("buyer_reference = ?", q.service_code);
        if (!q.status.empty()) w.add("status = ?", q.status);
        if (!q.from.empty()) w.add("issue_date >= ?", q.from);
        if (!q.to.empty()) w.add("issue_date <= ?", q.to);
    }

    OfferFacets offerFacets() override {
        Session s = session();
        OfferFacets f;
        f.product_types = facet(s, "SELECT product_type, '', COUNT(*) FROM offers GROUP BY product_type");
        f.departements = facet(s, "SELECT departement, '', COUNT(*) FROM offers GROUP BY departement");
        f.sources = facet(s, "SELECT source, '', COUNT(*) FROM offers GROUP BY source");
        f.producers = facet(s,
                            "SELECT o.producer_id, COALESCE(MAX(p.name), ''), COUNT(*) FROM offers o"
                            " LEFT JOIN producers p ON p.id = o.producer_id GROUP BY o.producer_id");
        f.producer_departements = facet(s, "SELECT departement, '', COUNT(*) FROM producers GROUP BY departement");
        f.need_departements = facet(s, "SELECT departement, '', COUNT(*) FROM needs GROUP BY departement");
        // The labels column holds "|BIO|HVE|": count each code over the distinct combinations.
        std::map<std::string, int64_t> labels;
        for (const auto& combo : facet(s, "SELECT labels, '', COUNT(*) FROM offers GROUP BY labels")) {
            std::istringstream in(combo.value);
            for (std::string code; std::getline(in, code, '|');)
                if (!code.empty()) labels[code] += combo.count;
        }
        for (const auto& [code, count] : labels) f.labels.push_back({code, "", count});
        return f;
    }

private:
    Session session() { return engine_->pooled(); }

    static std::optional<model::SyncRun> run(Session& s, Poco::Int64 id) {
        std::vector<std::string> src, connector, started, finished, outcome, error;
        std::vector<Poco::Int64> read, accepted, rejected, added, changed, removed, unchanged, duration;
        s << "SELECT source, connector, started, finished, outcome, read_count, accepted, rejected, added, changed,"
             " removed, unchanged, duration_ms, error FROM sync_runs WHERE id = $1",
            into(src), into(connector), into(started), into(finished), into(outcome), into(read), into(accepted),
            into(rejected), into(added), into(changed), into(removed), into(unchanged), into(duration), into(error),
            use(id), now;
        if (src.empty()) return std::nullopt;
        model::SyncRun r;
        r.source = src[0];
        r.connector = connector[0];
        r.started = started[0];
        r.finished = finished[0];
        r.outcome = outcome[0];
        r.counts = {read[0], accepted[0], rejected[0], added[0], changed[0], removed[0], unchanged[0]};
        r.duration_seconds = static_cast<double>(duration[0]) / 1000.0;
        r.error = error[0];
        return r;
    }

    // Rows of (value, name, count); empty values ("unknown") are left out.
    static std::vector<FacetValue> facet(Session& s, const std::string& sql) {
        std::vector<std::string> values, names;
        std::vector<Poco::Int64> counts;
        s << sql, into(values), into(names), into(counts), now;
        std::vector<FacetValue> out;
        for (size_t i = 0; i < values.size(); ++i)
            if (!values[i].empty()) out.push_back({values[i], names[i], counts[i]});
        return out;
    }

    Page page(const std::string& table, Where& w, const std::string& order, int64_t limit, int64_t offset) {
        Session s = session();
        Page p;
        {
            Statement count(s);
            count << "SELECT COUNT(*) FROM " + table + w.sql(), into(p.total);
            w.bind(count);
            count.execute();
        }
        Statement select(s);
        Poco::Int64 lim = limit, off = offset;
        const std::string n = std::to_string(w.size() + 1);
        const std::string m = std::to_string(w.size() + 2);
        select << "SELECT doc FROM " + table + w.sql() + order + " LIMIT $" + n + " OFFSET $" + m, into(p.items);
        w.bind(select);
        select, use(lim), use(off);
        select.execute();
        return p;
    }

    // One statement read in batches: memory stays at one batch, and every document comes from the
    // same snapshot even if a sync commits meanwhile.
    void stream(const std::string& table, Where& w, const std::string& order,
                const std::function<void(const std::string&)>& fn) {
        constexpr std::size_t kBatch = 500;
        Session s = session();
        std::vector<std::string> docs;
        Statement select(s);
        select << "SELECT doc FROM " + table + w.sql() + order, into(docs), Poco::Data::Keywords::limit(kBatch);
        w.bind(select);
        while (!select.done()) {
            docs.clear();
            select.execute();
            for (const auto& doc : docs) fn(doc);
        }
    }

    std::optional<std::string> byId(const std::string& table, const std::string& id) {
        Session s = session();
        std::vector<std::string> docs;
        std::string key = id;
        s << "SELECT doc FROM " + table + " WHERE id = $1", into(docs), use(key), now;
        if (docs.empty()) return std::nullopt;
        return docs.front();
    }

    void migrate(Session& s) {
        s << "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, description TEXT NOT NULL,"
             " applied_at TEXT NOT NULL)",
            now;
        for (const auto& m : migrations()) {
            s.begin();
            int applied = 0;
            int version = m.version;
            s << "SELECT COUNT(*) FROM schema_migrations WHERE version = $1", into(applied), use(version), now;
            if (applied) {
                s.commit();
                continue;
            }
            for (const auto& sql : m.statements)
                s << applyDialect(sql, engine_->serialPrimaryKey(), engine_->textType()), now;
            std::string desc = m.description, at = model::isoNow();
            s << "INSERT INTO schema_migrations (version, description, applied_at) VALUES ($1, $2, $3)", use(version),
                use(desc), use(at), now;
            s.commit();
        }
    }

    std::unique_ptr<SqlEngine> engine_;
};

}  // namespace

std::unique_ptr<Store> openSqlStore(std::unique_ptr<SqlEngine> engine) {
    return std::make_unique<SqlStore>(std::move(engine));
}

}  // namespace recolte::store
