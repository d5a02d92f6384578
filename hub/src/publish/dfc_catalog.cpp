#include "publish/dfc_catalog.hpp"

#include "model/json.hpp"
#include "model/normalize.hpp"
#include "publish/doc.hpp"
#include "publish/html.hpp"

namespace recolte::publish {

namespace {

using sdk::Decimal;

void key(std::string& out, bool& first, const char* name) {
    out += first ? "\n    " : ",\n    ";
    first = false;
    model::appendJsonString(out, name);
    out += ": ";
}

void text(std::string& out, bool& first, const char* name, std::string_view value) {
    key(out, first, name);
    model::appendJsonString(out, value);
}

void iriList(std::string& out, bool& first, const char* name, const std::vector<std::string>& iris) {
    key(out, first, name);
    out += '[';
    for (size_t i = 0; i < iris.size(); ++i) {
        if (i) out += ", ";
        model::appendJsonString(out, iris[i]);
    }
    out += ']';
}

std::string dfcUnit(const std::string& baseUnit) {
    if (baseUnit == "kg") return "dfc-m:Kilogram";
    if (baseUnit == "l") return "dfc-m:Litre";
    return "dfc-m:Piece";
}

// The unit price the normalizer would compute for `price` over `amount` base units (4 decimals,
// half away from zero).
int64_t unitPriceRaw(int64_t priceRaw, int64_t amountRaw) {
    const __int128 num = static_cast<__int128>(priceRaw) * Decimal::kOne;
    return static_cast<int64_t>((num + amountRaw / 2) / amountRaw);
}

// What one price buys, in the unit price's base unit: the price unit's own quantity ("500 g",
// "douzaine") or the packaging's ("pot" of "125 g"), whichever gives back the stored unit price.
// nullopt when neither does (a figure we could not vouch for is better left out).
std::optional<Decimal> productQuantity(const JsonValue& offer) {
    auto price = member(offer, "price");
    auto unitPrice = member(offer, "unit_price");
    if (!price || !unitPrice) return std::nullopt;
    auto amount = decimal(*price, "amount");
    auto perUnit = decimal(*unitPrice, "amount");
    const std::string base = str(*unitPrice, "unit");
    if (!amount || !perUnit) return std::nullopt;
    for (const std::string& candidate : {str(*price, "unit"), str(offer, "packaging")}) {
        if (candidate.empty()) continue;
        auto q = model::parseQuantityUnit(candidate);
        if (!q || q->amount.raw() <= 0 || model::toString(q->unit) != base) continue;
        if (unitPriceRaw(amount->raw(), q->amount.raw()) == perUnit->raw()) return q->amount;
    }
    return std::nullopt;
}

}  // namespace

std::string dfcCertification(const std::string& code) {
    // Facet names as the connector 1.0.0-beta.2 writes them (facets.rdf keeps them as exact
    // matches of the newer lower-case names). Labels DFC has no concept for are left out.
    if (code == "BIO") return "dfc-f:Organic-AB";
    if (code == "LABEL_ROUGE") return "dfc-f:RedLabel_FR";
    if (code == "AOCAOP") return "dfc-f:AOP_EU";
    if (code == "IGP") return "dfc-f:IGP_EU";
    if (code == "HVE") return "dfc-f:HEV";
    return {};
}

DfcCatalogWriter::DfcCatalogWriter(std::string base) : base_(std::move(base)) {}

std::string DfcCatalogWriter::iri(const char* kind, const std::string& id) const {
    return base_ + "/api/dfc/catalog#" + kind + "/" + urlEncode(id);
}

void DfcCatalogWriter::separator(std::string& out) {
    out += first_ ? "\n  " : ",\n  ";
    first_ = false;
}

std::string DfcCatalogWriter::begin() {
    std::string out = "{\n  \"@context\": ";
    model::appendJsonString(out, kDfcContext);
    out += ",\n  \"@graph\": [";
    return out;
}

std::string DfcCatalogWriter::offer(const std::string& doc) {
    const auto d = parseDoc(doc);
    const auto o = d.root();
    const std::string id = str(o, "id");
    const std::string productIri = iri("supplied-products", id);
    const std::string itemIri = iri("catalog-items", id);
    const std::string offerIri = iri("offers", id);
    std::string out;
    out.reserve(1500);

    separator(out);
    bool first = true;
    out += '{';
    text(out, first, "@id", productIri);
    text(out, first, "@type", "dfc-b:SuppliedProduct");
    text(out, first, "dfc-b:name", str(o, "name"));
    if (const std::string description = str(o, "description"); !description.empty())
        text(out, first, "dfc-b:description", description);
    if (const std::string type = str(o, "product_type"); !type.empty()) text(out, first, "dfc-b:hasType", "dfc-pt:" + type);
    if (auto quantity = productQuantity(o)) {
        key(out, first, "dfc-b:hasQuantity");
        out += "{\"@type\": \"dfc-b:QuantitativeValue\", \"dfc-b:hasUnit\": ";
        model::appendJsonString(out, dfcUnit(str(*member(o, "unit_price"), "unit")));
        out += ", \"dfc-b:value\": ";
        model::appendJsonString(out, quantity->toString(0));
        out += '}';
    }
    std::vector<std::string> certifications;
    for (const auto& code : strings(o, "labels"))
        if (auto c = dfcCertification(code); !c.empty()) certifications.push_back(c);
    if (!certifications.empty()) iriList(out, first, "dfc-b:hasCertification", certifications);
    text(out, first, "dfc-b:referencedBy", itemIri);
    out += "\n  }";

    separator(out);
    first = true;
    out += '{';
    text(out, first, "@id", itemIri);
    text(out, first, "@type", "dfc-b:CatalogItem");
    text(out, first, "dfc-b:references", productIri);
    text(out, first, "dfc-b:offeredThrough", offerIri);
    text(out, first, "dfc-b:sku", str(o, "source_id"));
    out += "\n  }";

    separator(out);
    first = true;
    out += '{';
    text(out, first, "@id", offerIri);
    text(out, first, "@type", "dfc-b:Offer");
    text(out, first, "dfc-b:offeredItem", itemIri);
    if (auto price = member(o, "price")) {
        key(out, first, "dfc-b:hasPrice");
        out += "{\"@type\": \"dfc-b:Price\"";
        if (auto amount = decimal(*price, "amount")) {
            out += ", \"dfc-b:value\": ";
            model::appendJsonString(out, amount->toString(2));
        }
        if (auto vat = decimal(*price, "vat_rate")) {
            out += ", \"dfc-b:VATrate\": ";
            model::appendJsonString(out, vat->toString(0));
        }
        out += ", \"dfc-b:hasUnit\": \"dfc-m:Euro\"}";
    }
    out += "\n  }";

    if (auto p = member(o, "producer")) {
        const std::string producerId = str(*p, "id");
        auto [it, inserted] = producers_.try_emplace(producerId);
        if (inserted) {
            it->second.name = str(*p, "name");
            producerOrder_.push_back(producerId);
        }
        it->second.offerIds.push_back(id);
    }
    return out;
}

std::string DfcCatalogWriter::enterprise(const std::string& producerId, const std::optional<std::string>& producerDoc) {
    const auto found = producers_.find(producerId);
    if (found == producers_.end()) return {};
    const Supplied& supplied = found->second;
    std::optional<sdk::json::Document> d;
    if (producerDoc) d = parseDoc(*producerDoc);
    const std::string addressIri = iri("addresses", producerId);
    std::optional<JsonValue> address;
    if (d) address = member(d->root(), "address");
    const bool hasAddress = address && (!str(*address, "street").empty() || !str(*address, "postcode").empty() ||
                                        !str(*address, "city").empty());

    std::string out;
    separator(out);
    bool first = true;
    out += '{';
    text(out, first, "@id", iri("enterprises", producerId));
    text(out, first, "@type", "dfc-b:Enterprise");
    text(out, first, "dfc-b:name", d ? str(d->root(), "name") : supplied.name);
    // The DFC ontology has no SIRET: a term of our own, whose local name DFC readers that look
    // for a "siret" property (such as the hub's own bioariegegaronne connector) find.
    if (d) {
        if (const std::string siret = str(d->root(), "siret"); !siret.empty())
            text(out, first, "https://recolte.example/ns#siret", siret);
    }
    if (hasAddress) text(out, first, "dfc-b:hasAddress", addressIri);
    std::vector<std::string> products, items;
    for (const auto& id : supplied.offerIds) {
        products.push_back(iri("supplied-products", id));
        items.push_back(iri("catalog-items", id));
    }
    iriList(out, first, "dfc-b:supplies", products);
    iriList(out, first, "dfc-b:manages", items);
    out += "\n  }";

    if (hasAddress) {
        separator(out);
        first = true;
        out += '{';
        text(out, first, "@id", addressIri);
        text(out, first, "@type", "dfc-b:Address");
        if (auto street = str(*address, "street"); !street.empty()) text(out, first, "dfc-b:hasStreet", street);
        if (auto postcode = str(*address, "postcode"); !postcode.empty()) text(out, first, "dfc-b:hasPostalCode", postcode);
        if (auto city = str(*address, "city"); !city.empty()) text(out, first, "dfc-b:hasCity", city);
        if (auto lat = member(*address, "lat")) {
            key(out, first, "dfc-b:latitude");
            model::appendJsonString(out, lat->text());
        }
        if (auto lon = member(*address, "lon")) {
            key(out, first, "dfc-b:longitude");
            model::appendJsonString(out, lon->text());
        }
        out += "\n  }";
    }
    return out;
}

std::string DfcCatalogWriter::end() { return "\n  ]\n}\n"; }

}  // namespace recolte::publish
