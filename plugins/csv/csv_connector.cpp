// The csv connector: a producer's price list ("mercuriale") as people write it in a spreadsheet.
// See FORMAT.md for what it reads and how each column maps to the common schema.
#include <algorithm>

#include "price_list.hpp"
#include "recolte/sdk/export.hpp"
#include "recolte/sdk/sdk.hpp"
#include "settings.hpp"

#define RECOLTE_CSV_CONNECTOR_VERSION "1.0.0"

namespace recolte::csv_connector {

namespace {

using namespace recolte::sdk;

Expected<std::vector<std::string>> listFiles(Context& ctx, const Settings& settings) {
    const std::string& location = ctx.source.location;
    if (location.empty()) return configError("aucun fichier ni dossier indiqué pour la source (path)", ctx.source.name);
    auto files = ctx.transport.list(location, settings.pattern);
    if (!files) return files.error();
    if (files->empty())
        return configError("aucun fichier ne correspond à « " + settings.pattern + " » dans ce dossier (option pattern)",
                           location);
    std::sort(files->begin(), files->end());  // stable order, whatever the transport does
    return files;
}

// The content of every file with its name, and the options: a changed mapping must re-read
// unchanged files.
std::string bookmarkOf(const std::vector<Blob>& blobs, const Settings& settings) {
    std::string manifest = "csv " RECOLTE_CSV_CONNECTOR_VERSION "\n" + settings.fingerprint;
    for (const auto& b : blobs) manifest += b.name + "\n" + sha256Hex(b.bytes) + "\n";
    return "sha256:" + sha256Hex(manifest);
}

class CsvConnector : public Connector {
public:
    const ConnectorDescription& describe() const override {
        static const ConnectorDescription d{
            "csv",
            RECOLTE_CSV_CONNECTOR_VERSION,
            "A producer's price list (mercuriale) in CSV: ; , or tab, UTF-8 or Windows-1252, decimal comma, "
            "French headers mapped to offers",
            optionSpecs(),
            {{Stream::Offers, "One offer per row, with its producer"}}};
        return d;
    }

    Status check(Context& ctx) override {
        auto settings = settingsFrom(ctx.options);
        if (!settings) return settings.error();
        auto files = listFiles(ctx, *settings);
        if (!files) return files.error();
        for (const auto& file : *files) {
            auto blob = ctx.transport.fetch(file);
            if (!blob) return blob.error();
            DecodedText decoded;
            decode(*blob, *settings, decoded);
            CsvReader reader(decoded.text, decoded.delimiter);
            auto header = readHeader(reader, blob->name, *settings);
            if (!header) return header.error();
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
        auto files = listFiles(ctx, *settings);
        if (!files) return files.error();

        // Everything is fetched first: the bookmark covers all files, and an unchanged source emits
        // nothing at all.
        std::vector<Blob> blobs;
        uint64_t total = 0;
        for (const auto& file : *files) {
            auto blob = ctx.transport.fetch(file);
            if (!blob) return blob.error();
            total += blob->bytes.size();
            blobs.push_back(std::move(blob.value()));
        }
        const std::string bookmark = bookmarkOf(blobs, *settings);
        if (!ctx.bookmark.empty() && ctx.bookmark == bookmark) {
            ctx.log.info("sources inchangées depuis la dernière lecture");
            return ReadResult{true, bookmark};
        }

        PriceListReader reader(*settings, sink, ctx.log, total);
        for (const auto& blob : blobs) {
            auto status = reader.readFile(blob);
            if (!status) return status.error();
        }
        ctx.log.info(std::to_string(blobs.size()) + " fichier(s), " + std::to_string(reader.rows()) + " ligne(s) lue(s) : " +
                     std::to_string(reader.offers()) + " offre(s), " + std::to_string(reader.rejects()) + " rejet(s)");
        return ReadResult{false, bookmark};
    }
};

}  // namespace

}  // namespace recolte::csv_connector

using recolte::csv_connector::CsvConnector;
RECOLTE_CONNECTOR(CsvConnector, "csv", RECOLTE_CSV_CONNECTOR_VERSION)
