#include "kit/record_capture.hpp"

#include "model/json.hpp"
#include "model/normalize.hpp"
#include "recolte/sdk/text.hpp"

namespace recolte::kit {

namespace {

// The store stamps updated_at with the sync's time; a fixed stamp keeps expected files stable.
constexpr const char* kFixedUpdatedAt = "2000-01-01T00:00:00Z";

}  // namespace

void CaptureSink::seen(const char* stream) {
    ++emitted_;
    for (const auto& s : streamsSeen_)
        if (s == stream) return;
    streamsSeen_.push_back(stream);
}

void CaptureSink::keep(const std::string& stream, const std::string& key, std::string json) {
    records_.emplace(key, CapturedRecord{stream, key, std::move(json)});
}

void CaptureSink::offer(sdk::OfferRecord&& rec) {
    seen("offers");
    auto n = model::normalizeOffer(kSourceName, rec);
    if (!n) {
        rejects_.push_back({rec.where, n.error().message, sdk::excerpt(rec.source_id + " ; " + rec.name)});
        return;
    }
    const std::string key = "offers/" + n->offer.source_id;
    if (records_.count(key)) {
        rejects_.push_back({rec.where, "référence en double : \"" + n->offer.source_id + "\"", sdk::excerpt(rec.name)});
        return;
    }
    n->offer.updated_at = kFixedUpdatedAt;
    keep("offers", key, model::toJson(n->offer));
    keep("producers", "producers/" + n->producer.id, model::toJson(n->producer));
}

void CaptureSink::producer(sdk::ProducerRecord&& rec) {
    seen("producers");
    auto p = model::normalizeProducer(kSourceName, rec);
    if (!p) {
        rejects_.push_back({rec.where, p.error().message, sdk::excerpt(rec.name + " ; SIRET " + rec.siret)});
        return;
    }
    keep("producers", "producers/" + p->id, model::toJson(*p));
}

void CaptureSink::need(sdk::NeedRecord&& rec) {
    seen("needs");
    auto n = model::normalizeNeed(kSourceName, rec);
    if (!n) {
        rejects_.push_back({rec.where, n.error().message, sdk::excerpt(rec.title + " ; " + rec.buyer_name)});
        return;
    }
    const std::string key = "needs/" + n->source_id;
    if (records_.count(key)) {
        rejects_.push_back({rec.where, "référence en double : \"" + n->source_id + "\"", sdk::excerpt(rec.title)});
        return;
    }
    n->updated_at = kFixedUpdatedAt;
    keep("needs", key, model::toJson(*n));
}

// The hub has no stored JSON form of invoices yet (the invoice-store work adds it): such records
// are listed so that the schema check fails rather than passes over them.
void CaptureSink::invoice(sdk::InvoiceRecord&& rec) {
    seen("invoices");
    unconvertible_.push_back("invoices/" + rec.number + " (" + rec.where.describe() + ")");
}

void CaptureSink::invoiceStatus(sdk::InvoiceStatusRecord&& rec) {
    seen("invoices");
    unconvertible_.push_back("invoice status of " + rec.number + " (" + rec.where.describe() + ")");
}

void CaptureSink::reject(sdk::Reject&& r) {
    ++emitted_;
    rejects_.push_back(std::move(r));
}

std::vector<CapturedRecord> CaptureSink::records() const {
    std::vector<CapturedRecord> out;
    out.reserve(records_.size());
    for (const auto& [key, r] : records_) out.push_back(r);
    return out;
}

std::string toJsonLine(const CapturedRecord& r) {
    return "{\"stream\":" + model::jsonString(r.stream) + ",\"key\":" + model::jsonString(r.key) +
           ",\"record\":" + r.json + "}";
}

}  // namespace recolte::kit
