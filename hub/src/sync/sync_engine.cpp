#include "sync/sync_engine.hpp"

#include <Poco/Exception.h>

#include <chrono>
#include <unordered_map>
#include <unordered_set>

#include "invoice/invoice_rules.hpp"
#include "model/clock.hpp"
#include "model/invoice_normalize.hpp"
#include "model/invoice_record_json.hpp"
#include "model/json.hpp"
#include "model/normalize.hpp"
#include "recolte/sdk/connector.hpp"
#include "recolte/sdk/text.hpp"
#include "registry/plugin_registry.hpp"
#include "store/store.hpp"
#include "sync/source_log.hpp"
#include "sync/source_transport.hpp"

namespace recolte::sync {

namespace {

// What a normalizer reject shows of the record: its main fields, since the raw bytes stay with
// the connector.
std::string offerExcerpt(const sdk::OfferRecord& r) {
    std::string out = r.name;
    if (r.price) out += " ; prix " + r.price->toString(2, ',');
    if (!r.price_unit.empty()) out += " ; " + r.price_unit;
    if (!r.packaging.empty()) out += " ; " + r.packaging;
    if (!r.producer.name.empty()) out += " ; " + r.producer.name;
    if (!r.producer.siret.empty()) out += " ; SIRET " + r.producer.siret;
    return sdk::excerpt(out);
}

// Rejects are shown on the public source pages: an invoice's excerpt names it, and says nothing of
// its parties or amounts (finance data stays behind the finance token).
std::string invoiceExcerpt(const sdk::InvoiceRecord& r) {
    std::string out = "facture " + (r.number.empty() ? std::string("sans numéro") : r.number);
    if (!r.issue_date.empty()) out += " du " + r.issue_date;
    return sdk::excerpt(out);
}

std::string statusExcerpt(const sdk::InvoiceStatusRecord& r) {
    std::string out = "statut " + r.status + " ; facture " + r.number;
    if (!r.chorus_id.empty()) out += " ; Chorus Pro " + r.chorus_id;
    return sdk::excerpt(out);
}

store::ChangeEntry offerChange(const model::Offer& o, int64_t oldPriceRaw) {
    store::ChangeEntry e;
    e.kind = "offer";
    e.record_id = o.id;
    e.name = o.name;
    e.old_price_raw = oldPriceRaw;
    e.new_price_raw = o.price.amount.raw();
    e.product_type = o.product_type;
    e.departement = o.departement;
    return e;
}

store::ChangeEntry needChange(const model::Need& n) {
    store::ChangeEntry e;
    e.kind = "need";
    e.record_id = n.id;
    e.name = n.title;
    e.product_type = n.product_type;
    e.departement = n.place.departement;
    return e;
}

store::ChangeEntry removedChange(const std::string& kind, const store::Existing& gone) {
    store::ChangeEntry e;
    e.kind = kind;
    e.record_id = gone.id;
    e.name = gone.name;
    e.old_price_raw = gone.price_raw;
    e.product_type = gone.product_type;
    e.departement = gone.departement;
    return e;
}

// Normalizes, de-duplicates and diffs records as they stream in, writing into the open transaction.
class DiffSink : public sdk::RecordSink {
public:
    DiffSink(const config::SourceConfig& source, store::SyncWriter& writer, std::string at, SourceLog& log,
             const ProgressCallback& progress)
        : source_(source), writer_(writer), at_(std::move(at)), log_(log), progress_(progress) {}

    void offer(sdk::OfferRecord&& rec) override {
        ++counts.read;
        auto normalized = model::normalizeOffer(source_.name, rec);
        if (!normalized) return rejectRecord(rec.where, normalized.error(), offerExcerpt(rec));
        auto& n = normalized.value();
        for (const auto& w : n.warnings) warning(rec.where, w);
        if (!firstSeen("offer:" + n.offer.source_id, rec.where, offerExcerpt(rec))) return;
        producers_.emplace(n.producer.id, std::move(n.producer));
        model::Offer& offer = n.offer;
        offer.updated_at.clear();
        const std::string hash = store::contentHash(model::toJson(offer));
        loadExisting();
        auto it = existing_.find(offer.source_id);
        if (it == existing_.end()) {
            offer.updated_at = at_;
            writer_.putOffer(offer, model::toJson(offer), hash, true);
            writer_.logChange(store::Change::Added, offerChange(offer, 0));
            ++counts.added;
        } else if (it->second.hash == hash) {
            ++counts.unchanged;
        } else {
            offer.updated_at = at_;
            writer_.putOffer(offer, model::toJson(offer), hash, false);
            const bool priceChanged = it->second.price_raw != offer.price.amount.raw();
            writer_.logChange(priceChanged ? store::Change::PriceChanged : store::Change::Changed,
                              offerChange(offer, it->second.price_raw));
            ++counts.changed;
        }
        ++counts.accepted;
        tick();
    }

    void producer(sdk::ProducerRecord&& rec) override {
        ++counts.read;
        auto p = model::normalizeProducer(source_.name, rec);
        if (!p) return rejectRecord(rec.where, p.error(), sdk::excerpt(rec.name + " ; SIRET " + rec.siret));
        producers_.emplace(p->id, std::move(p.value()));
        ++counts.accepted;
        tick();
    }

    void need(sdk::NeedRecord&& rec) override {
        ++counts.read;
        auto normalized = model::normalizeNeed(source_.name, rec);
        if (!normalized) return rejectRecord(rec.where, normalized.error(), sdk::excerpt(rec.title + " ; " + rec.buyer_name));
        model::Need& need = normalized.value();
        if (!firstSeen("need:" + need.source_id, rec.where, sdk::excerpt(rec.title))) return;
        need.updated_at.clear();
        const std::string hash = store::contentHash(model::toJson(need));
        loadExisting();
        auto it = existingNeeds_.find(need.source_id);
        if (it == existingNeeds_.end()) {
            need.updated_at = at_;
            writer_.putNeed(need, model::toJson(need), hash, true);
            writer_.logChange(store::Change::Added, needChange(need));
            ++counts.added;
        } else if (it->second.hash == hash) {
            ++counts.unchanged;
        } else {
            need.updated_at = at_;
            writer_.putNeed(need, model::toJson(need), hash, false);
            writer_.logChange(store::Change::Changed, needChange(need));
            ++counts.changed;
        }
        ++counts.accepted;
        tick();
    }

    // Invoices are for finance staff: stored and diffed like offers, but never in the change log
    // (so never in the feed). Totals that do not add up refuse the invoice; other rule
    // violations stay on it as warnings.
    void invoice(sdk::InvoiceRecord&& rec) override {
        ++counts.read;
        const auto violations = invoice::checkEn16931(rec);
        auto normalized = model::normalizeInvoice(source_.name, rec, violations);
        if (!normalized) return rejectRecord(rec.where, normalized.error(), invoiceExcerpt(rec));
        model::Invoice& inv = normalized.value();
        if (!firstSeen("invoice:" + inv.record.source_id, rec.where, invoiceExcerpt(rec))) return;
        const std::string siret = model::compactSiret(rec.seller.siret);
        if (model::isValidSiret(siret)) inv.seller_producer_id = writer_.catalogueProducerId(siret);
        const std::string hash = store::contentHash(model::invoiceToStoredJson(inv));
        loadExisting();
        auto it = existingInvoices_.find(inv.record.source_id);
        if (it == existingInvoices_.end()) {
            writer_.putInvoice(inv, hash, true);
            ++counts.added;
        } else if (it->second.hash == hash) {
            ++counts.unchanged;
        } else {
            writer_.putInvoice(inv, hash, false);
            ++counts.changed;
        }
        ++counts.accepted;
        tick();
    }

    // Status reports are kept until the end of the read, then replace this source's previous ones.
    void invoiceStatus(sdk::InvoiceStatusRecord&& rec) override {
        ++counts.read;
        if (auto usable = model::checkStatusReport(rec); !usable)
            return rejectRecord(rec.where, usable.error(), statusExcerpt(rec));
        statuses_.push_back(std::move(rec));
        ++counts.accepted;
        tick();
    }

    void reject(sdk::Reject&& r) override {
        ++counts.read;
        ++counts.rejected;
        storeReject(r.where, r.reason, r.excerpt);
        tick();
    }

    void warning(const sdk::Location& where, const std::string& message) override {
        log_.warn(where.describe() + ": " + message);
    }

    void progress(uint64_t done, uint64_t total) override {
        done_ = done;
        total_ = total;
        tick(true);
    }

    // After a full read: what the source no longer lists is removed.
    void finishFullRead() {
        loadExisting();
        for (const auto& [sourceId, e] : existing_) {
            if (seen_.count("offer:" + sourceId)) continue;
            writer_.removeOffer(e.id);
            writer_.logChange(store::Change::Removed, removedChange("offer", e));
            ++counts.removed;
        }
        for (const auto& [sourceId, e] : existingNeeds_) {
            if (seen_.count("need:" + sourceId)) continue;
            writer_.removeNeed(e.id);
            writer_.logChange(store::Change::Removed, removedChange("need", e));
            ++counts.removed;
        }
        for (const auto& [sourceId, e] : existingInvoices_) {
            if (seen_.count("invoice:" + sourceId)) continue;
            writer_.removeInvoice(e.id);
            ++counts.removed;
        }
        writer_.putInvoiceStatuses(statuses_);
        std::vector<model::Producer> producers;
        producers.reserve(producers_.size());
        for (auto& [id, p] : producers_) producers.push_back(std::move(p));
        writer_.putProducerListings(producers);
    }

    model::SyncCounts counts;

private:
    // What the store holds for this source, loaded at the first record: an unchanged source (a
    // bookmark hit, no record) never pays for it.
    void loadExisting() {
        if (loaded_) return;
        existing_ = writer_.existingOffers();
        existingNeeds_ = writer_.existingNeeds();
        existingInvoices_ = writer_.existingInvoices();
        loaded_ = true;
    }

    // A source id seen twice in one read is a reject: the first one wins.
    bool firstSeen(const std::string& key, const sdk::Location& where, const std::string& excerpt) {
        auto [it, fresh] = seen_.emplace(key, where.line);
        if (fresh) return true;
        std::string first = it->second > 0 ? " (déjà vue ligne " + std::to_string(it->second) + ")" : "";
        rejectRecord(where, sdk::dataError("référence en double : \"" + key.substr(key.find(':') + 1) + "\"" + first),
                     excerpt);
        return false;
    }

    void rejectRecord(const sdk::Location& where, const sdk::Error& error, const std::string& excerpt) {
        ++counts.rejected;
        storeReject(where, error.message, excerpt);
        tick();
    }

    void storeReject(const sdk::Location& where, const std::string& reason, const std::string& excerpt) {
        model::StoredReject r;
        r.source = source_.name;
        r.file = where.file;
        r.url = where.url;
        r.line = where.line;
        r.column = where.column;
        r.element = where.element;
        r.reason = reason;
        r.excerpt = excerpt;
        r.at = at_;
        if (rejectsLogged_++ < 20) log_.warn("rejet " + where.describe() + " : " + reason);
        writer_.addReject(r);
    }

    void tick(bool force = false) {
        if (!progress_) return;
        if (!force && (counts.read & 0x3FFF) != 0) return;
        progress_(Progress{source_.name, counts.read, done_, total_});
    }

    const config::SourceConfig& source_;
    store::SyncWriter& writer_;
    std::string at_;
    SourceLog& log_;
    const ProgressCallback& progress_;
    bool loaded_ = false;
    std::unordered_map<std::string, store::Existing> existing_, existingNeeds_, existingInvoices_;
    std::unordered_map<std::string, int64_t> seen_;  // "offer:ID" / "need:ID" / "invoice:ID" -> line
    std::vector<sdk::InvoiceStatusRecord> statuses_;
    std::unordered_map<std::string, model::Producer> producers_;
    uint64_t done_ = 0, total_ = 0;
    int rejectsLogged_ = 0;
};

}  // namespace

model::SyncRun SyncEngine::syncSource(const config::SourceConfig& source, const ProgressCallback& progress) {
    const auto t0 = std::chrono::steady_clock::now();
    model::SyncRun run;
    run.source = source.name;
    run.connector = source.connector;
    run.started = model::isoNow();
    SourceLog log(source.name);

    auto fail = [&](const std::string& error, const model::SyncCounts& counts) {
        run.outcome = "failed";
        run.error = error;
        run.counts = counts;
        run.finished = model::isoNow();
        run.duration_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        log.error("sync failed: " + error);
        try {
            store_.recordFailedRun(run);
        } catch (const std::exception& e) {
            log.error(std::string("could not record the failed run: ") + e.what());
        }
        return run;
    };

    auto options = config::sourceOptions(source, registry_);
    if (!options) return fail(options.error().describe(), {});
    auto connector = registry_.create(source.connector);
    if (!connector) return fail("connector \"" + source.connector + "\" is not loaded", {});
    auto transportSettings = config::transportSettings(source, registry_, lookupEnv_);
    if (!transportSettings) return fail("config error: " + transportSettings.error().describe(), {});
    SourceTransport transport(transportSettings.value(), &log);
    auto limits = runLimitsFrom(hubLimits_, source.raw);
    if (!limits) return fail("config error: " + limits.error().describe(), {});
    const registry::PluginInfo* plugin = registry_.info(source.connector);
    const bool isolated = worker_ && limits->isolated && plugin;

    model::SyncCounts counts;
    try {
        // The source's lease first (SourceBusy), then its bookmark as the previous holder left it.
        auto writer = store_.beginSync(source.name, run.started);
        sdk::SourceRef ref{source.name, source.location};
        sdk::Context ctx{ref, options.value(), transport, log, store_.bookmark(source.name)};
        DiffSink sink(source, *writer, run.started, log, progress);
        sdk::Expected<sdk::ReadResult> result = sdk::systemError("not run");
        try {
            if (isolated) {
                result = runInWorker(*worker_, WorkerJob{source.name, plugin->path, ctx.bookmark, limits.value(), &cancel_}, sink, log);
            } else {
                result = connector->read(ctx, sink);
            }
        } catch (const std::exception& e) {
            result = sdk::systemError(std::string("the connector threw: ") + e.what());
        }
        counts = sink.counts;
        if (!result) {
            writer.reset();  // roll back before recording the failure on another connection
            return fail(std::string(sdk::toString(result.error().kind)) + " error: " + result.error().describe(), counts);
        }
        if (result->unchanged) {
            sink.counts.unchanged = writer->recordCount();
        } else {
            sink.finishFullRead();
        }
        run.counts = sink.counts;
        run.outcome = "ok";
        run.finished = model::isoNow();
        run.duration_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        writer->commit(run, result->bookmark, result->unchanged);
    } catch (const store::SourceBusy& e) {
        // Not a failure and not recorded: the instance that holds the source records its own run.
        run.outcome = "skipped";
        run.error = "une autre instance synchronise déjà cette source";
        run.finished = model::isoNow();
        log.info("sync skipped: another instance is syncing this source");
        return run;
    } catch (const Poco::Exception& e) {
        return fail("store error: " + e.displayText(), counts);
    } catch (const std::exception& e) {
        return fail(std::string("error: ") + e.what(), counts);
    }
    log.info("sync ok: read " + std::to_string(run.counts.read) + ", accepted " + std::to_string(run.counts.accepted) +
             ", rejected " + std::to_string(run.counts.rejected) + ", added " + std::to_string(run.counts.added) +
             ", changed " + std::to_string(run.counts.changed) + ", removed " + std::to_string(run.counts.removed));
    return run;
}

}  // namespace recolte::sync
