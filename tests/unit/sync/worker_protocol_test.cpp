// The daemon-worker frame protocol: every record type survives the trip unchanged, and anything
// that is not a well-formed frame sequence is refused with a reason instead of being guessed at.
#include <gtest/gtest.h>

#include "model/invoice_record_json.hpp"
#include "support/capture_sink.hpp"
#include "sync/worker_protocol.hpp"

namespace recolte::sync::worker {
namespace {

using testing::CaptureSink;
using testing::NullLog;

sdk::OfferRecord fullOffer() {
    sdk::OfferRecord o;
    o.source_id = "A-1";
    o.producer.source_key = "P9";
    o.producer.siret = "732 829 320 00074";
    o.producer.name = "Ferme « du Moulin »";
    o.producer.address = {"1 chemin \"haut\"", "09000", "Foix", "09", "FR", 42.96, 1.6051234567891};
    o.producer.contacts.push_back({"Anne", "a@example.org", "05 61 00 00 00", "https://ferme.example"});
    o.producer.points_of_sale.push_back({"Marché", "market", {"place", "09000", "Foix", "", "", {}, {}}, "sa 8-12"});
    o.name = "Tomme <b>& co</b>\n2 lignes";
    o.description = "é\tà";
    o.product_type = "fromage";
    o.family = "PRODUITS_LAITIERS";
    o.labels = {"AB", "Label Rouge"};
    o.price = sdk::Decimal::fromRaw(123456);  // 12.3456
    o.currency = "EUR";
    o.vat_rate = sdk::Decimal::fromRaw(55000);
    o.price_unit = "kg";
    o.packaging = "colis de 5 kg";
    o.pieces_per_pack = 4;
    o.available_from = "2026-01-01";
    o.quantity_available = sdk::Quantity{sdk::Decimal::fromRaw(25000), "kg"};
    o.lead_time_days = 2;
    o.origin = "Ariège";
    o.ean = "3760000000000";
    o.updated_at = "2026-11-26T10:00:00Z";
    o.where = {"prix.csv", "", 12, "prix", "/a/b"};
    return o;
}

// Frames for `records`, as a worker writes them, after the hello.
template <typename Fill>
std::string stream(Fill fill) {
    std::string out;
    appendFrame(out, FrameType::Hello, helloPayload());
    fill(out);
    return out;
}

// Feeds `bytes` in small chunks (frames split anywhere) and applies every frame.
sdk::Status replay(const std::string& bytes, CaptureSink& sink, NullLog& log, FinalOutcome& final, size_t chunk = 7) {
    FrameDecoder decoder;
    for (size_t i = 0; i < bytes.size(); i += chunk) {
        decoder.feed(bytes.data() + i, std::min(chunk, bytes.size() - i));
        Frame f;
        for (;;) {
            auto got = decoder.next(f);
            if (!got) return got.error();
            if (!got.value()) break;
            if (auto s = applyFrame(std::move(f), sink, log, final); !s) return s;
        }
    }
    if (decoder.pending()) return sdk::dataError("incomplete");
    return sdk::Status::success();
}

TEST(WorkerProtocol, EveryRecordTypeArrivesUnchanged) {
    const sdk::OfferRecord offer = fullOffer();
    sdk::NeedRecord need;
    need.source_id = "N1";
    need.title = "Pommes pour la cantine";
    need.quantity = sdk::Quantity{sdk::Decimal::fromInt(300), "kg"};
    need.place.postcode = "31000";
    need.where.line = 4;
    sdk::InvoiceStatusRecord status;
    status.number = "F-1";
    status.status = "MISE_EN_PAIEMENT";
    status.payable = sdk::Decimal::fromRaw(-5);
    sdk::InvoiceRecord invoice;
    invoice.number = "F-1";
    invoice.totals.payable = sdk::Decimal::fromRaw(1200000);
    invoice.lines.push_back({});
    invoice.lines[0].name = "Carottes";
    const std::string bytes = stream([&](std::string& out) {
        appendFrame(out, FrameType::Offer, model::offerRecordToJson(offer));
        appendFrame(out, FrameType::Producer, model::producerRecordToJson(offer.producer));
        appendFrame(out, FrameType::Need, model::needRecordToJson(need));
        appendFrame(out, FrameType::Invoice, model::invoiceRecordToJson(invoice));
        appendFrame(out, FrameType::InvoiceStatus, model::statusRecordToJson(status));
        appendFrame(out, FrameType::Reject, model::rejectToJson({{"f.csv", "", 3, "prix", ""}, "prix illisible", "abc"}));
        appendFrame(out, FrameType::Warning, model::warningToJson({"f.csv", "", 5, "", ""}, "unité devinée"));
        appendFrame(out, FrameType::Log, "wattention");
        appendFrame(out, FrameType::Progress, progressPayload(1ull << 40, 7));
        appendFrame(out, FrameType::Result, resultPayload({true, "etag \"x\"\n2"}));
    });
    CaptureSink sink;
    NullLog log;
    FinalOutcome final;
    auto s = replay(bytes, sink, log, final);
    ASSERT_TRUE(s.ok()) << s.error().describe();

    ASSERT_EQ(sink.offers.size(), 1u);
    // Written again, the record received gives the same bytes: every field came through.
    EXPECT_EQ(model::offerRecordToJson(sink.offers[0]), model::offerRecordToJson(offer));
    EXPECT_EQ(sink.offers[0].price->raw(), 123456);
    EXPECT_EQ(sink.offers[0].producer.address.lon, offer.producer.address.lon);
    ASSERT_EQ(sink.producers.size(), 1u);
    EXPECT_EQ(model::producerRecordToJson(sink.producers[0]), model::producerRecordToJson(offer.producer));
    ASSERT_EQ(sink.needs.size(), 1u);
    EXPECT_EQ(model::needRecordToJson(sink.needs[0]), model::needRecordToJson(need));
    ASSERT_EQ(sink.invoices.size(), 1u);
    EXPECT_EQ(model::invoiceRecordToJson(sink.invoices[0]), model::invoiceRecordToJson(invoice));
    ASSERT_EQ(sink.invoice_statuses.size(), 1u);
    EXPECT_EQ(sink.invoice_statuses[0].payable->raw(), -5);
    ASSERT_EQ(sink.rejects.size(), 1u);
    EXPECT_EQ(sink.rejects[0].reason, "prix illisible");
    EXPECT_EQ(sink.rejects[0].where.column, "prix");
    ASSERT_EQ(sink.warnings.size(), 1u);
    EXPECT_EQ(sink.warnings[0].first.line, 5);
    EXPECT_EQ(sink.warnings[0].second, "unité devinée");
    ASSERT_EQ(log.lines.size(), 1u);
    EXPECT_EQ(log.lines[0], std::make_pair(std::string("warn"), std::string("attention")));
    ASSERT_EQ(sink.progress_calls.size(), 1u);
    EXPECT_EQ(sink.progress_calls[0], std::make_pair(uint64_t(1) << 40, uint64_t(7)));
    ASSERT_TRUE(final.done);
    ASSERT_TRUE(final.result.ok());
    EXPECT_TRUE(final.result->unchanged);
    EXPECT_EQ(final.result->bookmark, "etag \"x\"\n2");
}

TEST(WorkerProtocol, ErrorFrameKeepsKindWhereAndMessage) {
    const std::string bytes = stream([](std::string& out) {
        appendFrame(out, FrameType::Error, errorPayload(sdk::transientError("HTTP 503", "https://x.example/a")));
    });
    CaptureSink sink;
    NullLog log;
    FinalOutcome final;
    ASSERT_TRUE(replay(bytes, sink, log, final).ok());
    ASSERT_TRUE(final.done);
    ASSERT_FALSE(final.result.ok());
    EXPECT_EQ(final.result.error().kind, sdk::ErrorKind::Transient);
    EXPECT_EQ(final.result.error().where, "https://x.example/a");
    EXPECT_EQ(final.result.error().message, "HTTP 503");
}

// Each case: bytes a broken worker might send, and a word the French reason must contain.
TEST(WorkerProtocol, GarbageIsRefusedWithAReason) {
    std::string noHello;
    appendFrame(noHello, FrameType::Offer, model::offerRecordToJson(fullOffer()));
    std::string wrongVersion;
    appendFrame(wrongVersion, FrameType::Hello, "recolte-worker 999");
    const std::string unknownType = stream([](std::string& out) { appendFrame(out, static_cast<FrameType>(77), "x"); });
    const std::string huge = stream([](std::string& out) { out += std::string("\x7f\xff\xff\xff\x02", 5); });
    const std::string badJson = stream([](std::string& out) { appendFrame(out, FrameType::Offer, "{\"source_id\": 3"); });
    const std::string wrongShape = stream([](std::string& out) { appendFrame(out, FrameType::Offer, "{\"name\": []}"); });
    const std::string afterResult = stream([](std::string& out) {
        appendFrame(out, FrameType::Result, resultPayload({}));
        appendFrame(out, FrameType::Offer, model::offerRecordToJson(fullOffer()));
    });
    const std::string badProgress = stream([](std::string& out) { appendFrame(out, FrameType::Progress, "123"); });
    const std::string badError = stream([](std::string& out) { appendFrame(out, FrameType::Error, "9x"); });
    const std::vector<std::pair<std::string, std::string>> cases{
        {noHello, "hello"},        {wrongVersion, "version"}, {unknownType, "type de trame inconnu 77"},
        {huge, "64 Mio"},          {badJson, "offre"},        {wrongShape, "offre illisible : source_id"},
        {afterResult, "après le résultat"}, {badProgress, "16"}, {badError, "forme inconnue"},
    };
    for (const auto& [bytes, expected] : cases) {
        CaptureSink sink;
        NullLog log;
        FinalOutcome final;
        auto s = replay(bytes, sink, log, final, 1 << 20);
        ASSERT_FALSE(s.ok()) << "accepted, expected a reason with: " << expected;
        EXPECT_NE(s.error().message.find(expected), std::string::npos) << s.error().message;
    }
}

TEST(WorkerProtocol, AFrameCutShortIsLeftPending) {
    std::string bytes = stream([](std::string& out) { appendFrame(out, FrameType::Log, "iabc"); });
    bytes.pop_back();
    FrameDecoder decoder;
    decoder.feed(bytes.data(), bytes.size());
    Frame f;
    ASSERT_TRUE(decoder.next(f).value());  // the hello
    auto got = decoder.next(f);
    ASSERT_TRUE(got.ok());
    EXPECT_FALSE(got.value());
    EXPECT_EQ(decoder.pending(), 5u + 3u);
}

}  // namespace
}  // namespace recolte::sync::worker
