#include "kit/record_capture.hpp"

#include "invoice/invoice_rules.hpp"
#include "model/invoice_json.hpp"
#include "model/invoice_normalize.hpp"
#include "model/json.hpp"
#include "model/json_writer.hpp"
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

// Invoices are normalized and checked as the sync does (refused = reject); their JSON is written
// once every status report of the read is known (records()).
void CaptureSink::invoice(sdk::InvoiceRecord&& rec) {
    seen("invoices");
    auto n = model::normalizeInvoice(kSourceName, rec, invoice::checkEn16931(rec));
    if (!n) {
        rejects_.push_back({rec.where, n.error().message, sdk::excerpt(rec.number + " ; " + rec.issue_date)});
        return;
    }
    const std::string key = "invoices/" + rec.source_id;
    for (const auto& i : invoices_)
        if (i.record.source_id == rec.source_id) {
            rejects_.push_back({rec.where, "facture en double : \"" + rec.source_id + "\"", sdk::excerpt(rec.number)});
            return;
        }
    invoices_.push_back(std::move(n.value()));
}

void CaptureSink::invoiceStatus(sdk::InvoiceStatusRecord&& rec) {
    seen("invoices");
    if (auto usable = model::checkStatusReport(rec); !usable) {
        rejects_.push_back({rec.where, usable.error().message, sdk::excerpt(rec.status)});
        return;
    }
    statuses_.push_back(std::move(rec));
}

namespace {

// A status report that matches no invoice of the read, as schemas/invoice-status.schema.json says.
std::string statusJson(const sdk::InvoiceStatusRecord& r) {
    std::string out;
    {
        model::Obj o(out);
        o.strOrNull("chorus_id", r.chorus_id);
        o.strOrNull("number", r.number);
        o.strOrNull("seller_siret", r.seller_siret);
        o.str("status", r.status);
        model::appendArray(o.key("history"), r.history, [](std::string& arr, const sdk::InvoiceStatusEvent& ev) {
            model::Obj e(arr);
            e.str("status", ev.status);
            e.strOrNull("at", ev.at);
        });
    }
    return out;
}

}  // namespace

void CaptureSink::reject(sdk::Reject&& r) {
    ++emitted_;
    rejects_.push_back(std::move(r));
}

std::vector<CapturedRecord> CaptureSink::records() const {
    std::map<std::string, CapturedRecord> all = records_;
    std::vector<bool> used(statuses_.size(), false);
    for (model::Invoice invoice : invoices_) {
        std::vector<sdk::InvoiceStatusRecord> reports;
        for (size_t i = 0; i < statuses_.size(); ++i)
            if (model::statusMatches(statuses_[i], invoice.record)) {
                reports.push_back(statuses_[i]);
                used[i] = true;
            }
        model::applyStatusReports(invoice, reports);
        const std::string key = "invoices/" + invoice.record.source_id;
        all.emplace(key, CapturedRecord{"invoices", key, model::toJson(invoice)});
    }
    for (size_t i = 0; i < statuses_.size(); ++i) {
        if (used[i]) continue;
        const std::string key = "invoice-status/" + statuses_[i].source_id;
        all.emplace(key, CapturedRecord{"invoice-status", key, statusJson(statuses_[i])});
    }
    std::vector<CapturedRecord> out;
    out.reserve(all.size());
    for (const auto& [key, r] : all) out.push_back(r);
    return out;
}

std::string toJsonLine(const CapturedRecord& r) {
    return "{\"stream\":" + model::jsonString(r.stream) + ",\"key\":" + model::jsonString(r.key) +
           ",\"record\":" + r.json + "}";
}

}  // namespace recolte::kit
