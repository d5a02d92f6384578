#include "sync/worker_protocol.hpp"

#include "model/invoice_record_json.hpp"

namespace recolte::sync::worker {

namespace {

void putU64(std::string& out, uint64_t v) {
    for (int i = 7; i >= 0; --i) out += static_cast<char>((v >> (8 * i)) & 0xFF);
}

uint64_t getU64(std::string_view s) {
    uint64_t v = 0;
    for (int i = 0; i < 8; ++i) v = (v << 8) | static_cast<unsigned char>(s[i]);
    return v;
}

const char* frameName(FrameType t) {
    switch (t) {
        case FrameType::Hello: return "hello";
        case FrameType::Offer: return "offre";
        case FrameType::Producer: return "producteur";
        case FrameType::Need: return "besoin";
        case FrameType::Invoice: return "facture";
        case FrameType::InvoiceStatus: return "statut de facture";
        case FrameType::Reject: return "rejet";
        case FrameType::Warning: return "avertissement";
        case FrameType::Log: return "journal";
        case FrameType::Progress: return "progression";
        case FrameType::Result: return "résultat";
        case FrameType::Error: return "erreur";
    }
    return "?";
}

sdk::Status bad(FrameType t, const std::string& why) {
    return sdk::dataError(std::string("trame « ") + frameName(t) + " » invalide : " + why);
}

// Applies a decoded record, or says why the frame is not one.
template <typename T, typename Put>
sdk::Status record(FrameType t, sdk::Expected<T>&& rec, Put put) {
    if (!rec) return bad(t, rec.error().describe());
    put(std::move(rec.value()));
    return sdk::Status::success();
}

}  // namespace

void appendFrame(std::string& out, FrameType type, std::string_view payload) {
    const auto n = static_cast<uint32_t>(payload.size());
    out += static_cast<char>((n >> 24) & 0xFF);
    out += static_cast<char>((n >> 16) & 0xFF);
    out += static_cast<char>((n >> 8) & 0xFF);
    out += static_cast<char>(n & 0xFF);
    out += static_cast<char>(type);
    out.append(payload);
}

std::string helloPayload() { return "recolte-worker " + std::to_string(kProtocolVersion); }

std::string progressPayload(uint64_t done, uint64_t total) {
    std::string p;
    putU64(p, done);
    putU64(p, total);
    return p;
}

std::string resultPayload(const sdk::ReadResult& result) {
    return std::string(result.unchanged ? "1" : "0") + result.bookmark;
}

std::string errorPayload(const sdk::Error& error) {
    std::string p(1, static_cast<char>('0' + static_cast<int>(error.kind)));
    p += error.where;
    p += '\0';
    p += error.message;
    return p;
}

sdk::Expected<bool> FrameDecoder::next(Frame& frame) {
    if (buffer_.size() - pos_ < 5) return false;
    const auto* h = reinterpret_cast<const unsigned char*>(buffer_.data() + pos_);
    const uint32_t n = (uint32_t(h[0]) << 24) | (uint32_t(h[1]) << 16) | (uint32_t(h[2]) << 8) | h[3];
    const uint8_t type = h[4];
    if (type < static_cast<uint8_t>(FrameType::Hello) || type > static_cast<uint8_t>(FrameType::Error))
        return sdk::dataError("type de trame inconnu " + std::to_string(type));
    if (n > kMaxPayload) return sdk::dataError("trame de " + std::to_string(n) + " octets, au-delà de la limite de 64 Mio");
    if (buffer_.size() - pos_ < 5 + size_t(n)) return false;
    frame.type = static_cast<FrameType>(type);
    frame.payload.assign(buffer_, pos_ + 5, n);
    pos_ += 5 + n;
    // Keep the buffer small: drop what was consumed once it is most of it.
    if (pos_ > (1u << 20) && pos_ * 2 > buffer_.size()) {
        buffer_.erase(0, pos_);
        pos_ = 0;
    }
    return true;
}

sdk::Status applyFrame(Frame&& frame, sdk::RecordSink& sink, sdk::Log& log, FinalOutcome& final) {
    const FrameType t = frame.type;
    if (!final.hello && t != FrameType::Hello) return bad(t, "reçue avant le hello du protocole");
    if (final.done) return bad(t, "reçue après le résultat");
    const std::string& p = frame.payload;
    switch (t) {
        case FrameType::Hello:
            if (final.hello) return bad(t, "reçue deux fois");
            if (p != helloPayload())
                return bad(t, "version \"" + p.substr(0, 40) + "\", attendu \"" + helloPayload() + "\"");
            final.hello = true;
            return sdk::Status::success();
        case FrameType::Offer:
            return record(t, model::offerRecordFromJson(p), [&](sdk::OfferRecord&& r) { sink.offer(std::move(r)); });
        case FrameType::Producer:
            return record(t, model::producerRecordFromJson(p), [&](sdk::ProducerRecord&& r) { sink.producer(std::move(r)); });
        case FrameType::Need:
            return record(t, model::needRecordFromJson(p), [&](sdk::NeedRecord&& r) { sink.need(std::move(r)); });
        case FrameType::Invoice:
            return record(t, model::invoiceRecordFromJson(p), [&](sdk::InvoiceRecord&& r) { sink.invoice(std::move(r)); });
        case FrameType::InvoiceStatus:
            return record(t, model::statusRecordFromJson(p),
                          [&](sdk::InvoiceStatusRecord&& r) { sink.invoiceStatus(std::move(r)); });
        case FrameType::Reject:
            return record(t, model::rejectFromJson(p), [&](sdk::Reject&& r) { sink.reject(std::move(r)); });
        case FrameType::Warning:
            return record(t, model::warningFromJson(p),
                          [&](std::pair<sdk::Location, std::string>&& w) { sink.warning(w.first, w.second); });
        case FrameType::Log: {
            if (p.empty()) return bad(t, "vide");
            const std::string text = p.substr(1);
            switch (p[0]) {
                case 'd': log.debug(text); break;
                case 'i': log.info(text); break;
                case 'w': log.warn(text); break;
                case 'e': log.error(text); break;
                default: return bad(t, "niveau inconnu");
            }
            return sdk::Status::success();
        }
        case FrameType::Progress:
            if (p.size() != 16) return bad(t, std::to_string(p.size()) + " octets au lieu de 16");
            sink.progress(getU64(p), getU64(std::string_view(p).substr(8)));
            return sdk::Status::success();
        case FrameType::Result:
            if (p.empty() || (p[0] != '0' && p[0] != '1')) return bad(t, "indicateur « inchangé » absent");
            final.result = sdk::ReadResult{p[0] == '1', p.substr(1)};
            final.done = true;
            return sdk::Status::success();
        case FrameType::Error: {
            const auto nul = p.find('\0');
            if (p.empty() || nul == std::string::npos || p[0] < '0' || p[0] > '3') return bad(t, "forme inconnue");
            sdk::Error e;
            e.kind = static_cast<sdk::ErrorKind>(p[0] - '0');
            e.where = p.substr(1, nul - 1);
            e.message = p.substr(nul + 1);
            final.result = e;
            final.done = true;
            return sdk::Status::success();
        }
    }
    return bad(t, "inattendue");
}

}  // namespace recolte::sync::worker
