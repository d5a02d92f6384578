// The mangerbio connector: the product catalogue that Manger Bio platforms export from Socleo
// (ex Panier Local). See FORMAT.md for what it reads and how each column maps onto the common schema.
#include <algorithm>

#include "bookmark.hpp"
#include "catalogue_reader.hpp"
#include "recolte/sdk/export.hpp"
#include "recolte/sdk/sdk.hpp"
#include "settings.hpp"

#define RECOLTE_MANGERBIO_CONNECTOR_VERSION "1.0.0"

namespace recolte::mangerbio {

namespace {

using namespace recolte::sdk;

// A changed mapping or SIRET list must re-read unchanged files: the options are in the bookmark.
std::string fingerprintOf(const Settings& settings) {
    return "mangerbio " RECOLTE_MANGERBIO_CONNECTOR_VERSION "\n" + settings.fingerprint;
}

class MangerBioConnector : public Connector {
public:
    const ConnectorDescription& describe() const override {
        static const ConnectorDescription d{
            "mangerbio",
            RECOLTE_MANGERBIO_CONNECTOR_VERSION,
            "Manger Bio platforms' product catalogue as Socleo exports it: ';' CSV, French headers in any order, "
            "Windows-1252 or UTF-8, Socleo's price unit, TVA, agriculture and logo codes",
            optionSpecs(),
            {{Stream::Offers, "One offer per product row, with its producer (code, name, SIRET when known)"}}};
        return d;
    }

    Status check(Context& ctx) override {
        auto settings = settingsFrom(ctx.options);
        if (!settings) return settings.error();
        auto files = listSourceFiles(ctx, settings->pattern);
        if (!files) return files.error();
        for (const auto& file : *files) {
            auto blob = ctx.transport.fetch(file, lineBounded());
            if (!blob) return blob.error();
            auto header = readHeaderOf(*blob, *settings);
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
        auto files = listSourceFiles(ctx, settings->pattern);
        if (!files) return files.error();

        // Everything is fetched first: the bookmark covers all files, and an unchanged source
        // emits nothing at all. A URL fetched again answers 304 when its validators still hold.
        const std::string fingerprint = fingerprintOf(*settings);
        const Bookmark previous = Bookmark::parse(ctx.bookmark);
        const std::string optionsHash = sha256Hex(fingerprint);
        std::vector<Blob> blobs;
        size_t notModified = 0;
        for (const auto& file : *files) {
            auto blob = ctx.transport.fetch(file, conditionalFetch(previous, optionsHash, file));
            if (!blob) return blob.error();
            if (blob->not_modified) ++notModified;
            blobs.push_back(std::move(blob.value()));
        }
        if (notModified == blobs.size() && !previous.content.empty()) {
            ctx.log.info("catalogue inchangé (le serveur répond 304 Not Modified)");
            return ReadResult{true, ctx.bookmark};
        }
        uint64_t total = 0;
        for (size_t i = 0; i < blobs.size(); ++i) {
            if (blobs[i].not_modified) {  // some files changed and this one did not: its bytes are needed too
                auto blob = ctx.transport.fetch((*files)[i], lineBounded());
                if (!blob) return blob.error();
                blobs[i] = std::move(blob.value());
            }
            total += blobs[i].bytes.size();
        }
        const Bookmark current = bookmarkOf(*files, blobs, fingerprint);
        const std::string bookmark = current.format();
        if (!previous.content.empty() && previous.content == current.content) {
            ctx.log.info("catalogue inchangé depuis la dernière lecture");
            return ReadResult{true, bookmark};
        }

        CatalogueReader reader(*settings, sink, ctx.log, total);
        for (const auto& blob : blobs) {
            auto status = reader.readFile(blob);
            if (!status) return status.error();
        }
        reader.finish(ctx.source.location);
        ctx.log.info(std::to_string(blobs.size()) + " fichier(s), " + std::to_string(reader.rows()) + " ligne(s) lue(s) : " +
                     std::to_string(reader.offers()) + " offre(s), " + std::to_string(reader.rejects()) + " rejet(s)");
        return ReadResult{false, bookmark};
    }
};

}  // namespace

}  // namespace recolte::mangerbio

using recolte::mangerbio::MangerBioConnector;
RECOLTE_CONNECTOR(MangerBioConnector, "mangerbio", RECOLTE_MANGERBIO_CONNECTOR_VERSION)
