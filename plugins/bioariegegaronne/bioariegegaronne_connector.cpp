// The bioariegegaronne connector: a DFC catalogue in JSON-LD (Bio Ariège Garonne's platform, Open
// Food Network's /api/dfc/enterprises/{id}/catalog_items, any DFC connector's export), from a
// file, a folder or an http(s) URL. See FORMAT.md for what it reads and how it maps.
#include <algorithm>

#include "bookmark.hpp"
#include "catalog_reader.hpp"
#include "jsonld.hpp"
#include "recolte/sdk/export.hpp"
#include "recolte/sdk/sdk.hpp"
#include "settings.hpp"

#define RECOLTE_BAG_CONNECTOR_VERSION "1.0.0"

namespace recolte::bioariegegaronne {

namespace {

using namespace recolte::sdk;

// DFC documents nest a few levels (item > offer > price); far deeper is not a catalogue.
constexpr uint32_t kMaxJsonDepth = 100;

Expected<std::vector<std::string>> listDocuments(Context& ctx, const Settings& settings) {
    const std::string& location = ctx.source.location;
    if (location.empty()) return configError("aucun fichier ni URL indiqué pour la source (path ou url)", ctx.source.name);
    auto files = ctx.transport.list(location, settings.pattern);
    if (!files) return files.error();
    if (files->empty()) {
        return configError("aucun fichier ne correspond à « " + settings.pattern + " » dans ce dossier (option pattern)",
                           location);
    }
    std::sort(files->begin(), files->end());
    return files;
}

std::string settingsHash(const Settings& settings) {
    return sha256Hex("bioariegegaronne " RECOLTE_BAG_CONNECTOR_VERSION "\n" + settings.fingerprint);
}

struct Fetched {
    Blob blob;
    bool same = false;  // unchanged since the bookmark (304, or the same bytes)
};

Status readDocument(Blob& blob, CatalogReader& reader) {
    auto doc = json::Document::parse(std::move(blob.bytes), json::ParseOptions{blob.name, kMaxJsonDepth});
    if (!doc) return doc.error();
    auto graph = Graph::build(*doc, blob.name);
    if (!graph) return graph.error();
    return reader.read(**graph, blob.name);
}

class BioAriegeGaronneConnector : public Connector {
public:
    const ConnectorDescription& describe() const override {
        static const ConnectorDescription d{
            "bioariegegaronne",
            RECOLTE_BAG_CONNECTOR_VERSION,
            "A DFC catalogue in JSON-LD (Data Food Consortium ontology 1.16): Bio Ariège Garonne, Open Food Network's "
            "catalog_items, any DFC connector's export; over HTTP or from files",
            optionSpecs(),
            {{Stream::Offers, "One offer per dfc-b:CatalogItem, with its producer (dfc-b:Enterprise)"},
             {Stream::Producers, "Enterprises of the catalogue that sell nothing in it"}}};
        return d;
    }

    Status check(Context& ctx) override {
        auto settings = settingsFrom(ctx.options);
        if (!settings) return settings.error();
        auto documents = listDocuments(ctx, *settings);
        if (!documents) return documents.error();
        for (const auto& location : *documents) {
            auto blob = ctx.transport.fetch(location);
            if (!blob) return blob.error();
            auto doc = json::Document::parse(std::move(blob->bytes), json::ParseOptions{blob->name, kMaxJsonDepth});
            if (!doc) return doc.error();
            auto graph = Graph::build(*doc, blob->name);
            if (!graph) return graph.error();
            const auto& g = **graph;
            if (g.nodesOfType(kCatalogItem).empty() && g.nodesOfType(kSuppliedProduct).empty() &&
                g.nodesOfType(kEnterprise).empty()) {
                return dataError("aucun nœud DFC (dfc-b:CatalogItem, dfc-b:SuppliedProduct, dfc-b:Enterprise) : "
                                 "ce document n'est pas un catalogue DFC",
                                 blob->name);
            }
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
        auto documents = listDocuments(ctx, *settings);
        if (!documents) return documents.error();

        // Everything is fetched first, conditionally: an unchanged source (304 or same bytes, same
        // options) emits nothing at all.
        const std::string hash = settingsHash(*settings);
        const Bookmark previous = Bookmark::parse(ctx.bookmark, hash);
        Bookmark next;
        next.settings_hash = hash;
        std::vector<Fetched> fetched;
        bool allSame = !previous.documents.empty() && previous.documents.size() == documents->size();
        uint64_t total = 0;
        for (const auto& location : *documents) {
            FetchOptions conditional;
            const auto prev = previous.documents.find(location);
            if (prev != previous.documents.end()) {
                conditional.if_none_match = prev->second.etag;
                conditional.if_modified_since = prev->second.last_modified;
            }
            auto blob = ctx.transport.fetch(location, conditional);
            if (!blob) return blob.error();
            Fetched f{std::move(blob.value()), false};
            DocumentMark mark;
            if (f.blob.not_modified && prev != previous.documents.end()) {
                mark = prev->second;
                f.same = true;
            } else {
                mark = DocumentMark{f.blob.etag, f.blob.last_modified, sha256Hex(f.blob.bytes)};
                f.same = prev != previous.documents.end() && prev->second.sha256 == mark.sha256;
            }
            allSame = allSame && f.same;
            total += f.blob.bytes.size();
            next.documents[location] = mark;
            fetched.push_back(std::move(f));
        }
        if (allSame) {
            ctx.log.info("catalogue inchangé depuis la dernière lecture");
            return ReadResult{true, next.format()};
        }

        CatalogReader reader(*settings, sink);
        for (size_t i = 0; i < fetched.size(); ++i) {
            Blob& blob = fetched[i].blob;
            if (blob.not_modified) {
                // Another document changed: this one must be read too, whole.
                auto again = ctx.transport.fetch((*documents)[i]);
                if (!again) return again.error();
                blob = std::move(again.value());
            }
            auto status = readDocument(blob, reader);
            if (!status) return status.error();
        }
        ctx.log.info(std::to_string(fetched.size()) + " document(s), " + std::to_string(total) + " octets : " +
                     std::to_string(reader.offers()) + " offre(s), " + std::to_string(reader.producers()) +
                     " producteur(s) sans offre, " + std::to_string(reader.rejects()) + " rejet(s)");
        return ReadResult{false, next.format()};
    }
};

}  // namespace

}  // namespace recolte::bioariegegaronne

using recolte::bioariegegaronne::BioAriegeGaronneConnector;
RECOLTE_CONNECTOR(BioAriegeGaronneConnector, "bioariegegaronne", RECOLTE_BAG_CONNECTOR_VERSION)
