// The tables come from the DFC taxonomies (measures.rdf and facets.rdf of
// github.com/datafoodconsortium/taxonomies; concept ids checked against the connector libraries'
// thesaurus files). Only concepts that name one unit or one label for sure are mapped.
#include "vocabulary.hpp"

#include <array>
#include <cctype>

#include "jsonld.hpp"

namespace recolte::bioariegegaronne {

namespace {

using sdk::Decimal;

struct UnitEntry {
    std::string_view id;  // local name in dfc-m
    UnitKind kind;
    std::string_view word;
    std::string_view factor;  // "" = 1
};

constexpr std::array kUnits = {
    // Mass and volume: the normalizer computes EUR/kg and EUR/L from these.
    UnitEntry{"Kilogram", UnitKind::Measure, "kg", ""},
    UnitEntry{"Gram", UnitKind::Measure, "g", ""},
    UnitEntry{"Milligram", UnitKind::Measure, "mg", ""},
    UnitEntry{"Tonne", UnitKind::Measure, "kg", "1000"},
    UnitEntry{"PoundMass", UnitKind::Measure, "g", "453.59237"},
    UnitEntry{"Litre", UnitKind::Measure, "L", ""},
    UnitEntry{"Decilitre", UnitKind::Measure, "dl", ""},
    UnitEntry{"Centilitre", UnitKind::Measure, "cl", ""},
    UnitEntry{"Millilitre", UnitKind::Measure, "ml", ""},
    UnitEntry{"Gallon", UnitKind::Measure, "L", "4.54609"},  // the imperial gallon of measures.rdf
    // Counts.
    UnitEntry{"Piece", UnitKind::Count, "pièce", ""},
    UnitEntry{"Dozen", UnitKind::Count, "pièce", "12"},
    UnitEntry{"HalfDozen", UnitKind::Count, "pièce", "6"},
    UnitEntry{"Pair", UnitKind::Count, "pièce", "2"},
    UnitEntry{"4Pack", UnitKind::Count, "pièce", "4"},
    UnitEntry{"6Pack", UnitKind::Count, "pièce", "6"},
    // Containers: one piece each, whose weight or volume a physical characteristic may give.
    UnitEntry{"Bag", UnitKind::Container, "sac", ""},
    UnitEntry{"Basket", UnitKind::Container, "panier", ""},
    UnitEntry{"Bottle", UnitKind::Container, "bouteille", ""},
    UnitEntry{"Box", UnitKind::Container, "boîte", ""},
    UnitEntry{"Bucket", UnitKind::Container, "seau", ""},
    UnitEntry{"Bunch", UnitKind::Container, "botte", ""},
    UnitEntry{"Bundle", UnitKind::Container, "botte", ""},
    UnitEntry{"Can", UnitKind::Container, "boîte", ""},
    UnitEntry{"Tin", UnitKind::Container, "boîte", ""},
    UnitEntry{"Carton", UnitKind::Container, "carton", ""},
    UnitEntry{"Crate", UnitKind::Container, "cagette", ""},
    UnitEntry{"BeerCrate", UnitKind::Container, "caisse", ""},
    UnitEntry{"Cup", UnitKind::Container, "pot", ""},
    UnitEntry{"Jar", UnitKind::Container, "bocal", ""},
    UnitEntry{"Net", UnitKind::Container, "filet", ""},
    UnitEntry{"Package", UnitKind::Container, "colis", ""},
    UnitEntry{"Packet", UnitKind::Container, "paquet", ""},
    UnitEntry{"Pot", UnitKind::Container, "pot", ""},
    UnitEntry{"Pouch", UnitKind::Container, "sachet", ""},
    UnitEntry{"Punnet", UnitKind::Container, "barquette", ""},
    UnitEntry{"Tablet", UnitKind::Container, "tablette", ""},
    UnitEntry{"Tray", UnitKind::Container, "plateau", ""},
    UnitEntry{"Tub", UnitKind::Container, "pot", ""},
    // Currencies of measures.rdf.
    UnitEntry{"Euro", UnitKind::Currency, "EUR", ""},
    UnitEntry{"AustralianDollar", UnitKind::Currency, "AUD", ""},
    UnitEntry{"CanadianDollar", UnitKind::Currency, "CAD", ""},
    UnitEntry{"PoundSterling", UnitKind::Currency, "GBP", ""},
    UnitEntry{"USDollar", UnitKind::Currency, "USD", ""},
    // Known, but nothing a food offer is priced by.
    UnitEntry{"Metre", UnitKind::Other, "", ""},
    UnitEntry{"Centimetre", UnitKind::Other, "", ""},
    UnitEntry{"Decimetre", UnitKind::Other, "", ""},
    UnitEntry{"Kilometre", UnitKind::Other, "", ""},
    UnitEntry{"Inch", UnitKind::Other, "", ""},
    UnitEntry{"Percent", UnitKind::Other, "", ""},
};

// Certifications by their folded local name (lower case, letters and digits only), so that the
// spellings found in facets.rdf's versions (Organic-AB, RedLabel_FR and RedLabelFR, AOC_FR and
// AOCFR...) all match.
struct LabelEntry {
    std::string_view key;
    std::string_view code;
};
constexpr std::array kLabels = {
    LabelEntry{"organicab", "BIO"},
    LabelEntry{"organiceu", "BIO"},
    LabelEntry{"ab", "BIO"},
    LabelEntry{"eurofeuille", "BIO"},
    LabelEntry{"redlabelfr", "LABEL_ROUGE"},
    LabelEntry{"labelrougefr", "LABEL_ROUGE"},
    LabelEntry{"labelrouge", "LABEL_ROUGE"},
    LabelEntry{"aopeu", "AOCAOP"},
    LabelEntry{"aocfr", "AOCAOP"},
    LabelEntry{"pdoeu", "AOCAOP"},
    LabelEntry{"igpeu", "IGP"},
    LabelEntry{"pgieu", "IGP"},
    LabelEntry{"stgeu", "STG"},
    LabelEntry{"tsgeu", "STG"},
    LabelEntry{"hev", "HVE"},
    LabelEntry{"hve", "HVE"},
    LabelEntry{"msc", "PECHE_DURABLE"},
    LabelEntry{"fairtrademaxhaavelar", "COMMERCE_EQUITABLE"},
    LabelEntry{"fairtrademaxhavelaar", "COMMERCE_EQUITABLE"},
    LabelEntry{"fairtrade", "COMMERCE_EQUITABLE"},
};

std::string fold(std::string_view s) {
    std::string out;
    for (const char c : s) {
        const unsigned char u = static_cast<unsigned char>(c);
        if (std::isalnum(u) && u < 0x80) out += static_cast<char>(std::tolower(u));
    }
    return out;
}

struct Named {
    std::string_view from;
    std::string_view to;
};
constexpr std::array kDays = {
    Named{"monday", "lundi"},     Named{"tuesday", "mardi"},   Named{"wednesday", "mercredi"},
    Named{"thursday", "jeudi"},   Named{"friday", "vendredi"}, Named{"saturday", "samedi"},
    Named{"sunday", "dimanche"},  Named{"publicholidays", "jours fériés"},
};

// ISO 3166 alpha-3 (as the EU's country authority table writes them) and names -> alpha-2, for
// the countries a catalogue of the region may name.
constexpr std::array kCountries = {
    Named{"fra", "FR"}, Named{"france", "FR"},   Named{"esp", "ES"}, Named{"espagne", "ES"}, Named{"spain", "ES"},
    Named{"and", "AD"}, Named{"andorre", "AD"},  Named{"andorra", "AD"}, Named{"bel", "BE"}, Named{"belgique", "BE"},
    Named{"belgium", "BE"}, Named{"ita", "IT"},  Named{"italie", "IT"}, Named{"italy", "IT"}, Named{"deu", "DE"},
    Named{"allemagne", "DE"}, Named{"germany", "DE"}, Named{"che", "CH"}, Named{"suisse", "CH"}, Named{"lux", "LU"},
    Named{"prt", "PT"}, Named{"portugal", "PT"}, Named{"nld", "NL"}, Named{"gbr", "GB"}, Named{"unitedkingdom", "GB"},
    Named{"aus", "AU"}, Named{"australia", "AU"}, Named{"usa", "US"}, Named{"can", "CA"}, Named{"canada", "CA"},
};

}  // namespace

std::optional<Unit> unitOf(std::string_view iri) {
    if (iri.rfind("dfc-m:", 0) != 0) return std::nullopt;
    const std::string_view id = iri.substr(6);
    for (const auto& u : kUnits) {
        if (u.id != id) continue;
        Unit out;
        out.kind = u.kind;
        out.word = std::string(u.word);
        if (!u.factor.empty()) out.factor = *Decimal::parse(u.factor);
        return out;
    }
    return std::nullopt;
}

std::string quantityText(Decimal value, const Unit& unit) {
    // Decimal * Decimal: exact enough for quantities (4 decimals), computed on raw integers.
    const __int128 product = static_cast<__int128>(value.raw()) * unit.factor.raw() / Decimal::kOne;
    const Decimal amount = Decimal::fromRaw(static_cast<int64_t>(product));
    std::string word = unit.word;
    if (unit.kind != UnitKind::Measure && amount > Decimal::fromInt(1)) {
        if (word == "bocal") {
            word = "bocaux";
        } else if (!word.empty() && word.back() != 's' && word.back() != 'x') {
            word += 's';
        }
    }
    return amount.toString(0, ',') + " " + word;
}

std::string labelOf(std::string_view iri, const std::map<std::string, std::string>& extra) {
    const std::string_view local = localName(iri);
    for (const auto& [k, v] : extra) {
        if (k == iri || k == local || fold(k) == fold(local)) return v;
    }
    const std::string key = fold(local);
    for (const auto& l : kLabels) {
        if (l.key == key) return std::string(l.code);
    }
    return std::string(local);
}

std::string dayName(std::string_view dayOfWeek) {
    const std::string key = fold(localName(dayOfWeek));
    for (const auto& d : kDays) {
        if (d.from == key) return std::string(d.to);
    }
    return std::string(dayOfWeek);
}

std::string countryCode(std::string_view raw) {
    const std::string key = fold(localName(raw));
    if (key.size() == 2) return std::string{static_cast<char>(std::toupper(key[0])), static_cast<char>(std::toupper(key[1]))};
    for (const auto& c : kCountries) {
        if (c.from == key) return std::string(c.to);
    }
    return "";
}

}  // namespace recolte::bioariegegaronne
