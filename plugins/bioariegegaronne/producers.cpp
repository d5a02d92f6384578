#include "producers.hpp"

#include <algorithm>
#include <cstdlib>

#include "recolte/sdk/text.hpp"
#include "vocabulary.hpp"

namespace recolte::bioariegegaronne {

namespace {

// The first non-empty text among several spellings of one property.
std::string firstText(const Node& n, std::initializer_list<std::string_view> terms) {
    for (const auto t : terms) {
        std::string v = n.text(t);
        if (!v.empty()) return v;
    }
    return {};
}

std::optional<double> coordinate(const Node& n, std::string_view term) {
    auto v = n.literal(term);
    if (!v) return std::nullopt;
    const std::string text = sdk::trim(v->text());
    if (text.empty()) return std::nullopt;
    char* end = nullptr;
    const double d = std::strtod(text.c_str(), &end);  // coordinates are not money
    if (end != text.c_str() + text.size()) return std::nullopt;
    return d;
}

bool contains(const std::vector<std::string>& list, std::string_view value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

// A point of sale's kind from its name's first words, when they say it ("Marché de...", "AMAP
// des..."); "" otherwise, which the hub shows as not given.
std::string kindFromName(const std::string& name) {
    const std::string folded = sdk::foldForSearch(name);
    const auto startsWith = [&](std::string_view w) {
        return folded.rfind(w, 0) == 0 && (folded.size() == w.size() || folded[w.size()] == ' ');
    };
    if (startsWith("marche")) return "marché";
    if (startsWith("amap")) return "amap";
    if (startsWith("drive")) return "drive";
    if (startsWith("magasin") || startsWith("boutique") || startsWith("epicerie")) return "magasin";
    if (folded.find("a la ferme") != std::string::npos) return "vente à la ferme";
    return "";
}

std::string openingHours(const Node& place) {
    std::vector<std::string> parts;
    for (const auto& spec : place.objects("dfc-b:hasOpeningHours")) {
        std::string day;
        if (auto d = spec.literalByLocalName("dayOfWeek")) day = dayName(sdk::trim(d->text()));
        if (day.empty()) {
            const std::string iri = spec.iri("schema:dayOfWeek");
            if (!iri.empty()) day = dayName(iri);
        }
        std::string opens, closes;
        if (auto o = spec.literalByLocalName("opens")) opens = sdk::trim(o->text());
        if (auto c = spec.literalByLocalName("closes")) closes = sdk::trim(c->text());
        std::string part = day;
        if (!opens.empty() || !closes.empty()) part += (part.empty() ? "" : " ") + opens + "-" + closes;
        if (!part.empty()) parts.push_back(part);
    }
    if (parts.empty()) return place.text("dfc-b:hasOpeningHours");  // written as plain text
    return sdk::join(parts, " ; ");
}

}  // namespace

sdk::Address readAddress(const Node& a) {
    sdk::Address out;
    out.street = firstText(a, {"dfc-b:hasStreet", "dfc-b:street"});
    out.postcode = firstText(a, {"dfc-b:hasPostalCode", "dfc-b:postcode", "dfc-b:postalCode"});
    // A postcode written as a JSON number has lost its leading zero: 9200 is 09200.
    for (const auto t : {"dfc-b:hasPostalCode", "dfc-b:postcode", "dfc-b:postalCode"}) {
        if (auto v = a.literal(t); v && v->isNumber() && out.postcode.size() == 4) out.postcode = "0" + out.postcode;
    }
    out.city = firstText(a, {"dfc-b:hasCity", "dfc-b:city"});
    std::string country = a.iri("dfc-b:hasCountry");
    if (country.empty()) country = firstText(a, {"dfc-b:country"});
    if (!country.empty()) out.country = countryCode(country);
    out.lat = coordinate(a, "dfc-b:latitude");
    out.lon = coordinate(a, "dfc-b:longitude");
    return out;
}

Producers::Producers(const Graph& graph, const Settings& settings)
    : graph_(graph), settings_(settings), enterprises_(graph.nodesOfType(kEnterprise)),
      places_(graph.nodesOfType(kPhysicalPlace)) {}

std::optional<Node> Producers::enterpriseOf(const Node& item, const std::optional<Node>& product) const {
    const auto enterprise = [](const std::vector<Node>& nodes) -> std::optional<Node> {
        for (const auto& n : nodes) {
            if (n.is(kEnterprise)) return n;
        }
        return std::nullopt;
    };
    if (auto e = enterprise(item.objects("dfc-b:managedBy"))) return e;
    if (!item.id().empty()) {
        if (auto e = enterprise(graph_.referrers(kEnterprise, "dfc-b:manages", item.id()))) return e;
    }
    if (product) {
        if (auto e = enterprise(product->objects("dfc-b:suppliedBy"))) return e;
        if (!product->id().empty()) {
            if (auto e = enterprise(graph_.referrers(kEnterprise, "dfc-b:supplies", product->id()))) return e;
        }
    }
    std::vector<Node> catalogs = item.objects("dfc-b:listedIn");
    if (!item.id().empty()) {
        for (auto& c : graph_.referrers(kCatalog, "dfc-b:lists", item.id())) catalogs.push_back(std::move(c));
    }
    for (const auto& catalog : catalogs) {
        if (auto e = enterprise(catalog.objects("dfc-b:maintainedBy"))) return e;
        if (!catalog.id().empty()) {
            if (auto e = enterprise(graph_.referrers(kEnterprise, "dfc-b:maintains", catalog.id()))) return e;
        }
    }
    // Written inside the enterprise (nested, without @id): its JSON ancestors tell.
    for (auto p = item.primary().parent(); p; p = p->parent()) {
        if (p->isObject() && (graph_.typeBitsOf(*p) & kEnterprise)) return graph_.nodeFor(*p);
    }
    if (enterprises_.size() == 1) return enterprises_.front();
    return std::nullopt;
}

std::string Producers::siretOf(const Node& enterprise, const std::string& name) const {
    // The configuration first: it is how an OFN enterprise, which publishes none, gets one.
    const std::string id(enterprise.id());
    for (const std::string* key : {&id, &name}) {
        if (key->empty()) continue;
        if (auto it = settings_.sirets.find(*key); it != settings_.sirets.end()) return it->second;
    }
    if (!enterprise.id().empty()) {
        for (const auto& [key, siret] : settings_.sirets) {
            if (graph_.canonicalIri(key) == enterprise.id()) return siret;
        }
    }
    for (const auto& property : settings_.siret_properties) {
        if (auto v = enterprise.literalByLocalName(property)) return sdk::trim(v->text());
    }
    return {};
}

sdk::Address Producers::address(const Node& owner, std::vector<std::string>& warnings) const {
    auto a = owner.object("dfc-b:hasAddress");
    if (a) return readAddress(*a);
    const std::string ref = owner.iri("dfc-b:hasAddress");
    if (!ref.empty()) {
        warnings.push_back("adresse « " + ref + " » absente du document (dfc-b:hasAddress) : « " +
                           owner.text("dfc-b:name") + " » reste sans adresse");
    }
    return {};
}

std::vector<sdk::PointOfSale> Producers::pointsOfSale(const Node& enterprise, std::vector<std::string>& warnings) const {
    std::vector<sdk::PointOfSale> out;
    const std::vector<std::string> enterpriseLinks = enterprise.allIris();
    for (const auto& place : places_) {
        // Linked either way, by any property (DFC 1.16 names none for an enterprise's shops):
        // the place's dfc-b:hasMainContact, the enterprise's own reference to the place...
        bool linked = (!place.id().empty() && contains(enterpriseLinks, place.id())) ||
                      (!enterprise.id().empty() && contains(place.allIris(), enterprise.id()));
        if (!linked && enterprises_.size() == 1) linked = true;
        if (!linked) continue;
        sdk::PointOfSale pos;
        pos.name = place.text("dfc-b:name");
        pos.kind = kindFromName(pos.name);
        pos.address = address(place, warnings);
        pos.opening_hours = openingHours(place);
        out.push_back(std::move(pos));
    }
    return out;
}

const sdk::ProducerRecord& Producers::record(const Node& enterprise, std::vector<std::string>& warnings) {
    const std::string key = enterprise.id().empty() ? enterprise.primary().path() : std::string(enterprise.id());
    if (auto it = records_.find(key); it != records_.end()) return it->second;

    sdk::ProducerRecord p;
    p.name = enterprise.text("dfc-b:name");
    p.source_key = enterprise.isBlank() ? p.name : std::string(enterprise.id());
    p.siret = siretOf(enterprise, p.name);
    p.address = address(enterprise, warnings);

    sdk::Contact contact;
    if (auto person = enterprise.object("dfc-b:hasMainContact"); person && person->is(kPerson)) {
        contact.name = sdk::trim(person->text("dfc-b:firstName") + " " + person->text("dfc-b:familyName"));
    }
    contact.email = enterprise.text("dfc-b:email");
    if (contact.email.empty()) contact.email = enterprise.iri("dfc-b:email");
    if (contact.email.rfind("mailto:", 0) == 0) contact.email = contact.email.substr(7);
    if (auto phone = enterprise.object("dfc-b:hasPhoneNumber")) {
        const std::string number = phone->text("dfc-b:phoneNumber");
        const std::string country = phone->text("dfc-b:countryCode");
        // +33 5 61...: the country code replaces the national leading zero.
        if (!country.empty() && !number.empty() && number[0] != '+') {
            contact.phone = "+" + country + " " + (number[0] == '0' ? number.substr(1) : number);
        } else {
            contact.phone = number;
        }
    } else {
        contact.phone = enterprise.text("dfc-b:hasPhoneNumber");
    }
    contact.website = enterprise.text("dfc-b:websitePage");
    if (contact.website.empty()) contact.website = enterprise.iri("dfc-b:websitePage");
    if (!contact.name.empty() || !contact.email.empty() || !contact.phone.empty() || !contact.website.empty()) {
        p.contacts.push_back(std::move(contact));
    }
    p.points_of_sale = pointsOfSale(enterprise, warnings);
    p.where.element = enterprise.primary().path();
    p.where.line = enterprise.primary().line();
    return records_.emplace(key, std::move(p)).first->second;
}

}  // namespace recolte::bioariegegaronne
