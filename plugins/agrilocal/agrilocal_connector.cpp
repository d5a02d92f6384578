// The agrilocal connector: the XML export of an Agrilocal département site (consultations ->
// needs, supplier listings -> producers and offers). See FORMAT.md for the layout, field by field.
#include <algorithm>

#include "export_reader.hpp"
#include "recolte/sdk/export.hpp"
#include "recolte/sdk/sdk.hpp"
#include "settings.hpp"

#define RECOLTE_AGRILOCAL_CONNECTOR_VERSION "1.0.0"

namespace recolte::agrilocal {

namespace {

using namespace recolte::sdk;

// The bookmark, one "key value" per line:
//   sha256 <hash of the connector version, the options, each file's name and bytes>
//   options <hash of the options>        (so that validators are only reused with the same options)
//   etag <ETag> / last-modified <date>   (a single HTTP document that sent them)
struct Bookmark {
    std::string content, options, etag, last_modified;

    std::string text() const {
        std::string out = "sha256 " + content + "\noptions " + options;
        if (!etag.empty()) out += "\netag " + etag;
        if (!last_modified.empty()) out += "\nlast-modified " + last_modified;
        return out;
    }
    static Bookmark parse(const std::string& text) {
        Bookmark b;
        size_t start = 0;
        while (start < text.size()) {
            size_t end = text.find('\n', start);
            if (end == std::string::npos) end = text.size();
            const std::string line = text.substr(start, end - start);
            const size_t space = line.find(' ');
            if (space != std::string::npos) {
                const std::string key = line.substr(0, space), value = line.substr(space + 1);
                if (key == "sha256") b.content = value;
                if (key == "options") b.options = value;
                if (key == "etag") b.etag = value;
                if (key == "last-modified") b.last_modified = value;
            }
            start = end + 1;
        }
        return b;
    }
};

std::string optionsHash(const Settings& settings) {
    return sha256Hex("agrilocal " RECOLTE_AGRILOCAL_CONNECTOR_VERSION "\n" + settings.fingerprint);
}

std::string contentHash(const std::vector<Blob>& blobs, const std::string& options) {
    std::string manifest = options + "\n";
    for (const auto& b : blobs) manifest += b.name + "\n" + sha256Hex(b.bytes) + "\n";
    return sha256Hex(manifest);
}

// Counts what a check reads, emits nothing.
struct CountingSink : RecordSink {
    int64_t records = 0;
    void offer(OfferRecord&&) override { ++records; }
    void producer(ProducerRecord&&) override { ++records; }
    void need(NeedRecord&&) override { ++records; }
    void invoice(InvoiceRecord&&) override { ++records; }
    void invoiceStatus(InvoiceStatusRecord&&) override { ++records; }
    void reject(Reject&&) override { ++records; }
    void warning(const Location&, const std::string&) override {}
    void progress(uint64_t, uint64_t) override {}
};

class AgrilocalConnector : public Connector {
public:
    const ConnectorDescription& describe() const override {
        static const ConnectorDescription d{
            "agrilocal",
            RECOLTE_AGRILOCAL_CONNECTOR_VERSION,
            "The XML export of an Agrilocal département site: buyers' consultations (needs) and supplier listings "
            "(producers, offers); element names overridable",
            optionSpecs(),
            {{Stream::Needs, "One need per consultation: buyer, product, quantity, delivery period, deadline, status"},
             {Stream::Producers, "One producer per supplier listing, with address, contacts and points of sale"},
             {Stream::Offers, "One offer per product a supplier may supply, with period and indicative price"}}};
        return d;
    }

    Status check(Context& ctx) override {
        auto settings = settingsFrom(ctx.options);
        if (!settings) return settings.error();
        auto files = listSourceFiles(ctx, settings->pattern);
        if (!files) return files.error();
        for (const auto& file : *files) {
            auto blob = ctx.transport.fetch(file);
            if (!blob) return blob.error();
            CountingSink sink;
            ExportReader reader(*settings, sink, ctx.log, countLines(blob->bytes));
            Status status = reader.readFile(*blob);
            if (!status) return status;
        }
        return Status::success();
    }

    Expected<std::vector<StreamInfo>> discover(Context& ctx) override {
        auto settings = settingsFrom(ctx.options);
        if (!settings) return settings.error();
        return describe().streams;
    }

    Expected<ReadResult> read(Context& ctx, RecordSink& sink) override {
        auto settings = settingsFrom(ctx.options);
        if (!settings) return settings.error();
        auto files = listSourceFiles(ctx, settings->pattern);
        if (!files) return files.error();

        const Bookmark previous = Bookmark::parse(ctx.bookmark);
        Bookmark next;
        next.options = optionsHash(*settings);
        // One document with HTTP validators, read with the same options: a 304 costs nothing.
        FetchOptions conditional;
        if (files->size() == 1 && previous.options == next.options && !previous.content.empty()) {
            conditional.if_none_match = previous.etag;
            conditional.if_modified_since = previous.last_modified;
        }

        // Everything is fetched first: the bookmark covers all files, and an unchanged source emits
        // nothing at all.
        std::vector<Blob> blobs;
        uint64_t lines = 0;
        for (const auto& file : *files) {
            auto blob = ctx.transport.fetch(file, files->size() == 1 ? conditional : FetchOptions{});
            if (!blob) return blob.error();
            if (blob->not_modified) {
                ctx.log.info("export inchangé depuis la dernière lecture (HTTP 304)");
                return ReadResult{true, ctx.bookmark};
            }
            lines += countLines(blob->bytes);
            blobs.push_back(std::move(blob.value()));
        }
        next.content = contentHash(blobs, next.options);
        if (blobs.size() == 1) {
            next.etag = blobs.front().etag;
            next.last_modified = blobs.front().last_modified;
        }
        if (next.content == previous.content && next.options == previous.options) {
            ctx.log.info("export inchangé depuis la dernière lecture");
            return ReadResult{true, next.text()};
        }

        ExportReader reader(*settings, sink, ctx.log, lines);
        for (const auto& blob : blobs) {
            Status status = reader.readFile(blob);
            if (!status) return status.error();
        }
        ctx.log.info(std::to_string(blobs.size()) + " fichier(s) : " + std::to_string(reader.consultations()) +
                     " consultation(s), " + std::to_string(reader.suppliers()) + " fournisseur(s), " +
                     std::to_string(reader.products()) + " produit(s), " + std::to_string(reader.rejects()) + " rejet(s)");
        return ReadResult{false, next.text()};
    }
};

}  // namespace

}  // namespace recolte::agrilocal

using recolte::agrilocal::AgrilocalConnector;
RECOLTE_CONNECTOR(AgrilocalConnector, "agrilocal", RECOLTE_AGRILOCAL_CONNECTOR_VERSION)
