// The @NAME@ connector: a market's price list published as one JSON document (a file or a URL).
// FORMAT.md describes the document field by field; this file is the whole connector.
#include <string>
#include <utility>
#include <vector>

#include "recolte/sdk/export.hpp"
#include "recolte/sdk/sdk.hpp"

#define CONNECTOR_VERSION "0.1.0"

namespace @NAME@_connector {

using namespace recolte::sdk;

// Options are declared once: this table validates the YAML, prints `recolte connectors --describe`
// and is what `recolte connector-test` checks.
const std::vector<OptionSpec>& optionSpecs() {
    static const std::vector<OptionSpec> specs{
        {"default_vat", OptionType::String, "5.5", false, false,
         "VAT rate in percent for a product without \"tva\"", {}},
        {"producer_postcode", OptionType::String, "", false, false,
         "postcode of producers whose entry has none (the market's own postcode)", {}},
    };
    return specs;
}

std::string text(const json::Value& object, std::string_view key) {
    auto v = object.get(key);
    return v && v->isString() ? std::string(v->text()) : std::string();
}

Location whereOf(const Blob& blob, const json::Value& v) {
    Location where;
    where.file = blob.name;
    where.line = v.line();
    where.element = v.path();
    return where;
}

// One product of the list -> an offer, or the reason it cannot be one (French: a PAT officer
// reads it on the source's page).
Expected<OfferRecord> offerOf(const json::Value& p, const Blob& blob, const OptionValues& options) {
    if (!p.isObject()) return dataError("un produit doit être un objet JSON, pas un " + std::string(json::toString(p.type())));
    OfferRecord o;
    o.where = whereOf(blob, p);
    o.source_id = text(p, "id");
    if (o.source_id.empty()) return dataError("produit sans « id »");
    o.name = text(p, "nom");
    if (o.name.empty()) return dataError("produit « " + o.source_id + " » sans « nom »");
    auto price = p.get("prix");
    if (!price || !price->decimal() || price->decimal()->raw() < 0)
        return dataError("produit « " + o.source_id + " » : « prix » absent ou qui n'est pas un nombre positif");
    o.price = *price->decimal();
    o.price_unit = text(p, "unite");
    if (o.price_unit.empty()) return dataError("produit « " + o.source_id + " » sans « unite » de prix");
    auto vat = p.get("tva");
    o.vat_rate = vat && vat->decimal() ? vat->decimal() : Decimal::parse(options.getString("default_vat"));
    o.product_type = text(p, "categorie");
    if (auto labels = p.get("labels"); labels && labels->isArray())
        for (size_t i = 0; i < labels->size(); ++i) o.labels.emplace_back(labels->at(i).text());
    auto producer = p.get("producteur");
    if (!producer || !producer->isObject()) return dataError("produit « " + o.source_id + " » sans « producteur »");
    o.producer.name = text(*producer, "nom");
    o.producer.siret = text(*producer, "siret");
    o.producer.source_key = o.producer.siret.empty() ? o.producer.name : o.producer.siret;
    o.producer.address.city = text(*producer, "commune");
    o.producer.address.postcode = text(*producer, "code_postal");
    if (o.producer.address.postcode.empty()) o.producer.address.postcode = options.getString("producer_postcode");
    o.producer.where = o.where;
    return o;
}

class PriceListConnector : public Connector {
public:
    const ConnectorDescription& describe() const override {
        static const ConnectorDescription d{"@NAME@", CONNECTOR_VERSION,
                                            "A market's price list in JSON (file or URL): one offer per product",
                                            optionSpecs(),
                                            {{Stream::Offers, "One offer per product, with its producer"}}};
        return d;
    }

    Status check(Context& ctx) override {
        auto doc = load(ctx);
        if (!doc) return doc.error();
        return Status::success();
    }

    Expected<std::vector<StreamInfo>> discover(Context&) override { return describe().streams; }

    // The bookmark is the list's "mis_a_jour" date-time: a list not newer than the bookmark has not
    // changed, so nothing is emitted. Anything newer is read in full (the hub removes what is gone).
    Expected<ReadResult> read(Context& ctx, RecordSink& sink) override {
        auto doc = load(ctx);
        if (!doc) return doc.error();
        const json::Value root = doc->document.root();
        const std::string updated = text(root, "mis_a_jour");
        if (!ctx.bookmark.empty() && updated <= ctx.bookmark) return ReadResult{true, ctx.bookmark};
        const json::Value products = *root.get("produits");
        for (size_t i = 0; i < products.size(); ++i) {
            const json::Value p = products.at(i);
            auto offer = offerOf(p, doc->blob, ctx.options);
            if (offer) sink.offer(std::move(offer.value()));
            else sink.reject({whereOf(doc->blob, p), offer.error().message, excerpt(p.raw())});
        }
        return ReadResult{false, updated};
    }

private:
    struct Loaded {
        Blob blob;
        json::Document document;
    };

    // The whole document, or why not: a list that is not JSON (truncated...) fails the read so
    // that the previous catalogue stays, rather than being read as a shorter list.
    static Expected<Loaded> load(Context& ctx) {
        if (ctx.source.location.empty()) return configError("aucun fichier ni URL indiqué (path ou url)", ctx.source.name);
        auto blob = ctx.transport.fetch(ctx.source.location);
        if (!blob) return blob.error();
        auto doc = json::Document::parse(blob->bytes, {blob->name});
        if (!doc) return dataError(doc.error().message, blob->name);  // names the line and column
        auto products = doc->root().get("produits");
        if (!products || !products->isArray())
            return configError("ce document n'est pas une liste de prix : il lui manque le tableau « produits »", blob->name);
        return Loaded{std::move(blob.value()), std::move(doc.value())};
    }
};

}  // namespace @NAME@_connector

RECOLTE_CONNECTOR(@NAME@_connector::PriceListConnector, "@NAME@", CONNECTOR_VERSION)
