#include "sync/sync_engine.hpp"

#include <Poco/Exception.h>

#include <chrono>
#include <unordered_map>
#include <unordered_set>

#include "model/clock.hpp"
#include "model/json.hpp"
#include "model/normalize.hpp"
#include "recolte/sdk/connector.hpp"
#include "recolte/sdk/text.hpp"
#include "registry/plugin_registry.hpp"
#include "store/store.hpp"
#include "sync/source_log.hpp"

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

// Normalizes, de-duplicates and diffs records as they stream in, writing into the open transaction.
class DiffSink : public sdk::RecordSink {
public:
    DiffSink(const config::SourceConfig& source, store::SyncWriter& writer, std::string at, SourceLog& log,
             const ProgressCallback& progress)
        : source_(source), writer_(writer), at_(std::move(at)), log_(log), progress_(progress) {
        existing_ = writer_.existingOffers();
    }

    void offer(sdk::OfferRecord&& rec) override {
        ++counts.read;
        auto normalized = model::normalizeOffer(source_.name, rec);
        if (!normalized) return rejectRecord(rec.where, normalized.error(), offerExcerpt(rec));
        auto& n = normalized.value();
        for (const auto& w : n.warnings) warning(rec.where, w);
        auto [seenIt, fresh] = seen_.emplace(n.offer.source_id, rec.where.line);
        if (!fresh) {
            std::string first = seenIt->second > 0 ? " (déjà vue ligne " + std::to_string(seenIt->second) + ")" : "";
            return rejectRecord(rec.where, sdk::dataError("référence en double : \"" + n.offer.source_id + "\"" + first),
                                offerExcerpt(rec));
        }
        producers_.emplace(n.producer.id, std::move(n.producer));
        model::Offer& offer = n.offer;
        offer.updated_at.clear();
        const std::string hash = store::contentHash(model::toJson(offer));
        auto it = existing_.find(offer.source_id);
        if (it == existing_.end()) {
            offer.updated_at = at_;
            writer_.putOffer(offer, model::toJson(offer), hash, true);
            writer_.logChange(store::Change::Added, "offer", offer.id, offer.name, 0, offer.price.amount.raw());
            ++counts.added;
        } else if (it->second.hash == hash) {
            ++counts.unchanged;
        } else {
            offer.updated_at = at_;
            writer_.putOffer(offer, model::toJson(offer), hash, false);
            const bool priceChanged = it->second.price_raw != offer.price.amount.raw();
            writer_.logChange(priceChanged ? store::Change::PriceChanged : store::Change::Changed, "offer", offer.id,
                              offer.name, it->second.price_raw, offer.price.amount.raw());
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
        // Needs are stored once the platform connectors land; until then they are refused visibly.
        ++counts.read;
        rejectRecord(rec.where, sdk::dataError("les besoins (consultations) ne sont pas encore pris en charge par ce hub"),
                     sdk::excerpt(rec.title));
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
        for (const auto& [sourceId, e] : existing_) {
            if (seen_.count(sourceId)) continue;
            writer_.removeOffer(e.id);
            writer_.logChange(store::Change::Removed, "offer", e.id, sourceId, e.price_raw, 0);
            ++counts.removed;
        }
        std::vector<model::Producer> producers;
        producers.reserve(producers_.size());
        for (auto& [id, p] : producers_) producers.push_back(std::move(p));
        writer_.putProducerListings(producers);
    }

    size_t existingCount() const { return existing_.size(); }

    model::SyncCounts counts;

private:
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
    std::unordered_map<std::string, store::Existing> existing_;
    std::unordered_map<std::string, int64_t> seen_;  // source_id -> line
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

    model::SyncCounts counts;
    try {
        sdk::SourceRef ref{source.name, source.location};
        sdk::Context ctx{ref, options.value(), transport_, log, store_.bookmark(source.name)};
        auto writer = store_.beginSync(source.name, run.started);
        DiffSink sink(source, *writer, run.started, log, progress);
        sdk::Expected<sdk::ReadResult> result = sdk::systemError("not run");
        try {
            result = connector->read(ctx, sink);
        } catch (const std::exception& e) {
            result = sdk::systemError(std::string("the connector threw: ") + e.what());
        }
        counts = sink.counts;
        if (!result) {
            writer.reset();  // roll back before recording the failure on another connection
            return fail(std::string(sdk::toString(result.error().kind)) + " error: " + result.error().describe(), counts);
        }
        if (result->unchanged) {
            sink.counts.unchanged = static_cast<int64_t>(sink.existingCount());
        } else {
            sink.finishFullRead();
        }
        run.counts = sink.counts;
        run.outcome = "ok";
        run.finished = model::isoNow();
        run.duration_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        writer->commit(run, result->bookmark, result->unchanged);
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
