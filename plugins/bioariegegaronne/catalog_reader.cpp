#include "catalog_reader.hpp"

#include <algorithm>
#include <unordered_set>
#include <vector>

#include "producers.hpp"
#include "recolte/sdk/text.hpp"
#include "vocabulary.hpp"

namespace recolte::bioariegegaronne {

namespace {

bool isUrl(const std::string& name) { return name.rfind("http://", 0) == 0 || name.rfind("https://", 0) == 0; }

// The node's JSON on one line, cut to a readable length: the excerpt of a reject.
std::string compactExcerpt(std::string_view raw) {
    std::string out;
    bool inString = false, escaped = false, pendingSpace = false;
    for (const char c : raw) {
        if (inString) {
            out += c;
            if (escaped) {
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == '"') {
                inString = false;
            }
            continue;
        }
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
            pendingSpace = true;
            continue;
        }
        if (pendingSpace && !out.empty() && out.back() != '{' && out.back() != '[' && c != '}' && c != ']') out += ' ';
        pendingSpace = false;
        out += c;
        if (c == '"') inString = true;
        if (out.size() > 400) break;
    }
    return sdk::excerpt(out, 300);
}

// "l'offre https://.../offers/3" or "l'offre @graph[7]": how a message names a node.
std::string nodeName(const Node& n) {
    if (!n.isBlank()) return std::string(n.id());
    const std::string path = n.primary().path();
    return path.empty() ? "(racine du document)" : path;
}

// Why a record is refused; thrown inside one item's mapping only, caught right there.
struct Refusal {
    std::string reason;
};

// What one product is sold by: "500 g", "6 pièces", "1 bouteille".
struct SaleQuantity {
    std::string text;
    UnitKind kind = UnitKind::Other;
    bool single = false;  // one piece or container: its weight or volume may follow
    sdk::Decimal value;
    Unit unit;
};

std::string quoted(const std::string& s) { return "« " + s + " »"; }

}  // namespace

// Per-document state: the graph, who sells what, which products were sold.
class CatalogReader::Document {
public:
    Document(CatalogReader& reader, const Graph& graph, const std::string& name)
        : r_(reader), graph_(graph), name_(name), producers_(graph, reader.settings_) {}

    sdk::Status run() {
        const auto items = graph_.nodesOfType(kCatalogItem);
        const auto products = graph_.nodesOfType(kSuppliedProduct);
        if (items.empty() && products.empty() && producers_.enterprises().empty()) {
            return sdk::dataError(
                "aucun article (dfc-b:CatalogItem), produit (dfc-b:SuppliedProduct) ni entreprise (dfc-b:Enterprise) : "
                "ce document n'est pas un catalogue DFC",
                name_);
        }
        for (const auto& top : graph_.topLevel()) {
            if (top.isObject()) continue;
            reject(location(top), std::string("élément qui n'est pas un nœud JSON-LD (") + json::toString(top.type()) +
                                      ") : ignoré",
                   compactExcerpt(top.raw()));
        }
        uint64_t done = 0;
        for (const auto& item : items) {
            readItem(item);
            if (++done % 1024 == 0) r_.sink_.progress(done, items.size());
        }
        for (const auto& product : products) {
            if (soldProducts_.count(keyOf(product)) || isProductGroup(product)) continue;
            const std::string name = product.text("dfc-b:name");
            reject(location(product.primary()),
                   "produit " + (name.empty() ? nodeName(product) : quoted(name)) +
                       " qu'aucun article de catalogue (dfc-b:CatalogItem) ne vend : ni offre ni prix à publier",
                   compactExcerpt(product.primary().raw()));
        }
        for (const auto& enterprise : producers_.enterprises()) {
            if (sellers_.count(keyOf(enterprise))) continue;
            std::vector<std::string> warnings;
            sdk::ProducerRecord p = producers_.record(enterprise, warnings);
            p.where = location(enterprise.primary());
            warn(p.where, warnings);
            ++r_.producers_;
            r_.sink_.producer(std::move(p));
        }
        r_.sink_.progress(items.size(), items.size());
        return sdk::Status::success();
    }

private:
    static std::string keyOf(const Node& n) { return n.isBlank() ? "@" + n.primary().path() : std::string(n.id()); }

    sdk::Location location(json::Value v) const {
        sdk::Location loc;
        (isUrl(name_) ? loc.url : loc.file) = name_;
        loc.line = v.line();
        loc.element = v.path().empty() ? "(racine)" : v.path();
        return loc;
    }

    void reject(sdk::Location where, std::string reason, std::string excerpt) {
        ++r_.rejects_;
        r_.sink_.reject(sdk::Reject{std::move(where), std::move(reason), std::move(excerpt)});
    }

    void warn(const sdk::Location& where, const std::vector<std::string>& warnings) {
        for (const auto& w : warnings) r_.sink_.warning(where, w);
    }

    bool isProductGroup(const Node& product) const {
        if (product.has("dfc-b:hasVariant")) return true;
        return !product.isBlank() && !graph_.referrers(kSuppliedProduct, "dfc-b:isVariantOf", product.id()).empty();
    }

    void readItem(const Node& item) {
        const sdk::Location where = location(item.primary());
        std::vector<std::string> warnings;
        try {
            sdk::OfferRecord record = mapItem(item, warnings);
            record.where = where;
            warn(where, warnings);
            ++r_.offers_;
            r_.sink_.offer(std::move(record));
        } catch (const Refusal& refusal) {
            warn(where, warnings);
            reject(where, refusal.reason, compactExcerpt(item.primary().raw()));
        }
    }

    Node productOf(const Node& item) {
        if (auto p = item.object("dfc-b:references")) return *p;
        if (!item.id().empty()) {
            auto referring = graph_.referrers(kSuppliedProduct, "dfc-b:referencedBy", item.id());
            if (!referring.empty()) return referring.front();
        }
        const std::string ref = item.iri("dfc-b:references");
        if (ref.empty()) throw Refusal{"article sans produit : dfc-b:references manquant"};
        throw Refusal{"produit " + quoted(ref) + " introuvable dans le document (dfc-b:references)"};
    }

    std::vector<Node> offersOf(const Node& item) const {
        std::vector<Node> offers = item.objects("dfc-b:offeredThrough");
        if (!item.id().empty()) {
            for (auto& o : graph_.referrers(kOffer, "dfc-b:offeredItem", item.id())) {
                bool known = false;
                for (const auto& k : offers) known = known || (!o.id().empty() && k.id() == o.id());
                if (!known) offers.push_back(std::move(o));
            }
        }
        if (offers.empty()) {
            const std::string ref = item.iri("dfc-b:offeredThrough");
            if (ref.empty()) throw Refusal{"article sans offre (dfc-b:offeredThrough) : prix inconnu"};
            throw Refusal{"offre " + quoted(ref) + " introuvable dans le document (dfc-b:offeredThrough)"};
        }
        return offers;
    }

    static sdk::Decimal number(const json::Value& v, const std::string& what) {
        auto d = v.decimal();
        if (!d) throw Refusal{what + " illisible : " + quoted(sdk::excerpt(std::string(v.text()), 60))};
        return *d;
    }

    static Unit saleUnit(const std::string& iri, const std::string& what) {
        auto unit = unitOf(iri);
        if (!unit) throw Refusal{"unité inconnue : " + quoted(iri) + " (" + what + ")"};
        if (unit->kind == UnitKind::Other || unit->kind == UnitKind::Currency) {
            throw Refusal{"unité " + quoted(iri) + " : pas une unité de vente (" + what + ")"};
        }
        return *unit;
    }

    std::optional<SaleQuantity> quantityOf(const Node& product) const {
        auto qv = product.object("dfc-b:hasQuantity");
        if (!qv) {
            if (!product.has("dfc-b:hasQuantity")) return std::nullopt;
            const std::string ref = product.iri("dfc-b:hasQuantity");
            throw Refusal{"quantité du produit " + (ref.empty() ? std::string("illisible") : quoted(ref) + " introuvable") +
                          " (dfc-b:hasQuantity)"};
        }
        auto value = qv->literal("dfc-b:value");
        if (!value) throw Refusal{"quantité du produit sans valeur (dfc-b:value de dfc-b:hasQuantity)"};
        const std::string unitIri = qv->iri("dfc-b:hasUnit");
        if (unitIri.empty()) throw Refusal{"quantité du produit sans unité (dfc-b:hasUnit de dfc-b:hasQuantity)"};
        SaleQuantity q;
        q.value = number(*value, "quantité du produit");
        q.unit = saleUnit(unitIri, "quantité du produit");
        q.kind = q.unit.kind;
        q.text = quantityText(q.value, q.unit);
        q.single = q.kind != UnitKind::Measure && q.value == sdk::Decimal::fromInt(1) &&
                   q.unit.factor == sdk::Decimal::fromInt(1);
        return q;
    }

    // The weight or volume of the product (a bottle's 75 cl), from a physical characteristic.
    static std::string contentsOf(const Node& product) {
        for (const auto& pc : product.objects("dfc-b:hasPhysicalCharacteristic")) {
            const std::string dimension = pc.iri("dfc-b:hasPhysicalDimension");
            if (dimension != "dfc-m:Weight" && dimension != "dfc-m:Volume" && dimension != "dfc-m:NetWeight") continue;
            auto value = pc.literal("dfc-b:value");
            auto unit = unitOf(pc.iri("dfc-b:hasUnit"));
            if (!value || !unit || unit->kind != UnitKind::Measure) continue;
            auto d = value->decimal();
            if (d) return quantityText(*d, *unit);
        }
        return {};
    }

    // What is available: the stock limitation, in sale units ("40 kg", "12 lots de 5 kg").
    static std::optional<sdk::Quantity> stockOf(const Node& offer, const Node& item, const std::optional<SaleQuantity>& q,
                                                std::vector<std::string>& warnings) {
        auto v = offer.literal("dfc-b:stockLimitation");
        if (!v) v = item.literal("dfc-b:stockLimitation");
        if (!v) return std::nullopt;
        auto stock = v->decimal();
        if (!stock) {
            warnings.push_back("stock illisible (dfc-b:stockLimitation) : " + quoted(std::string(v->text())) + ", ignoré");
            return std::nullopt;
        }
        if (stock->isNegative()) {
            warnings.push_back("stock négatif (dfc-b:stockLimitation " + stock->toString(0, ',') + ") : ignoré");
            return std::nullopt;
        }
        std::string unit = "unités";
        if (q) {
            if (q->value == sdk::Decimal::fromInt(1)) {
                unit = quantityText(*stock, q->unit);  // "40 kg", "8 pièces"
                unit = unit.substr(unit.find(' ') + 1);
            } else {
                unit = "lots de " + q->text;
            }
        }
        return sdk::Quantity{*stock, unit};
    }

    std::string sourceIdOf(const Node& item, const Node& product) const {
        if (!item.isBlank()) return std::string(item.id());
        if (!product.isBlank()) return std::string(product.id());
        const std::string sku = item.text("dfc-b:sku");
        if (!sku.empty()) return "sku:" + sku;
        throw Refusal{"article sans identifiant stable : ni @id (autre qu'un nœud anonyme) ni dfc-b:sku"};
    }

    sdk::OfferRecord mapItem(const Node& item, std::vector<std::string>& warnings) {
        const Node product = productOf(item);
        soldProducts_.insert(keyOf(product));

        auto enterprise = producers_.enterpriseOf(item, product);
        if (!enterprise) {
            throw Refusal{"producteur introuvable : l'article n'est relié à aucune entreprise (dfc-b:managedBy, "
                          "dfc-b:manages, dfc-b:supplies...) et le document en décrit " +
                          std::to_string(producers_.enterprises().size())};
        }
        sellers_.insert(keyOf(*enterprise));

        sdk::OfferRecord record;
        record.source_id = sourceIdOf(item, product);
        record.name = product.text("dfc-b:name");
        if (record.name.empty()) record.name = item.text("dfc-b:name");
        record.description = product.text("dfc-b:description");

        // The first offer with a price wins; others are named in a warning.
        const std::vector<Node> offers = offersOf(item);
        const Node* chosen = nullptr;
        for (const auto& o : offers) {
            if (!o.has("dfc-b:hasPrice")) continue;
            if (!chosen) {
                chosen = &o;
            } else {
                warnings.push_back("plusieurs offres avec un prix : celle de " + nodeName(*chosen) + " est retenue, pas " +
                                   nodeName(o));
            }
        }
        if (!chosen) throw Refusal{"prix manquant : l'offre " + nodeName(offers.front()) + " n'a pas de dfc-b:hasPrice"};

        std::optional<json::Value> priceValue, vat;
        std::string priceUnitIri;
        if (auto price = chosen->object("dfc-b:hasPrice")) {
            priceValue = price->literal("dfc-b:value");
            if (!priceValue) throw Refusal{"prix sans montant (dfc-b:value de " + nodeName(*price) + ")"};
            priceUnitIri = price->iri("dfc-b:hasUnit");
            vat = price->literal("dfc-b:VATrate");
            if (!vat) vat = price->literal("dfc-b:vatRate");
        } else {
            priceValue = chosen->literal("dfc-b:hasPrice");  // "dfc-b:hasPrice": 9.99, as OFN accepts
            if (!priceValue || (priceValue->isString() && !priceValue->decimal())) {
                const std::string ref = chosen->iri("dfc-b:hasPrice");
                throw Refusal{"prix " + quoted(ref) + " introuvable dans le document (dfc-b:hasPrice de " +
                              nodeName(*chosen) + ")"};
            }
        }
        record.price = number(*priceValue, "prix");
        if (vat) {
            record.vat_rate = number(*vat, "taux de TVA");
        } else {
            record.vat_rate = r_.settings_.default_vat;
        }

        std::optional<Unit> priceUnit;
        if (!priceUnitIri.empty()) {
            priceUnit = unitOf(priceUnitIri);
            if (!priceUnit) throw Refusal{"unité de prix inconnue : " + quoted(priceUnitIri)};
            if (priceUnit->kind == UnitKind::Other) {
                throw Refusal{"unité de prix " + quoted(priceUnitIri) + " : ni une devise ni une unité de vente"};
            }
            if (priceUnit->kind == UnitKind::Currency) record.currency = priceUnit->word;
        }

        const auto quantity = quantityOf(product);
        const std::string contents = contentsOf(product);
        if (priceUnit && priceUnit->kind != UnitKind::Currency) {
            // A price per kg (or per piece...): the product's quantity is then its packaging.
            record.price_unit = quantityText(sdk::Decimal::fromInt(1), *priceUnit);
            record.packaging = quantity ? quantity->text : contents;
        } else {
            if (!quantity) {
                throw Refusal{"quantité du produit manquante (dfc-b:hasQuantity) : le prix ne dit pas pour quelle quantité"};
            }
            record.price_unit = quantity->text;
            if (quantity->single) record.packaging = contents;  // "1 bouteille" of "75 cl"
        }

        record.product_type = product.iri("dfc-b:hasType");
        if (record.product_type.empty()) {
            if (auto group = product.object("dfc-b:isVariantOf")) record.product_type = group->iri("dfc-b:hasType");
        }
        for (const auto& certification : product.iris("dfc-b:hasCertification")) {
            std::string label = labelOf(certification, r_.settings_.labels);
            if (std::find(record.labels.begin(), record.labels.end(), label) == record.labels.end()) {
                record.labels.push_back(std::move(label));  // Organic-AB and Organic-EU are one BIO
            }
        }
        const std::string origin = product.iri("dfc-b:hasGeographicalOrigin");
        if (!origin.empty()) record.origin = std::string(localName(origin));
        record.quantity_available = stockOf(*chosen, item, quantity, warnings);

        record.producer = producers_.record(*enterprise, warnings);
        (isUrl(name_) ? record.producer.where.url : record.producer.where.file) = name_;
        return record;
    }

    CatalogReader& r_;
    const Graph& graph_;
    const std::string& name_;
    Producers producers_;
    std::unordered_set<std::string> soldProducts_, sellers_;
};

CatalogReader::CatalogReader(const Settings& settings, sdk::RecordSink& sink) : settings_(settings), sink_(sink) {}

sdk::Status CatalogReader::read(const Graph& graph, const std::string& name) {
    Document doc(*this, graph, name);
    return doc.run();
}

}  // namespace recolte::bioariegegaronne
