// DFC taxonomy concepts -> the words the hub's normalizer reads: units of measures.rdf (dfc-m),
// certifications of facets.rdf (dfc-f), days of the week, country codes.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "recolte/sdk/decimal.hpp"

namespace recolte::bioariegegaronne {

enum class UnitKind {
    Measure,    // kg, g, l, cl...: "500 g"
    Count,      // pieces, dozens, packs of n: "6 pièces"
    Container,  // a bottle, a jar, a crate: "1 bouteille", one piece whose contents may be known
    Currency,   // a price's unit: EUR, AUD...
    Other,      // a dimension or a length: not what a food product is sold by
};

struct Unit {
    UnitKind kind = UnitKind::Other;
    std::string word;      // Measure: "kg"; Count: "pièce"; Container: "bouteille"; Currency: "EUR"
    sdk::Decimal factor = sdk::Decimal::fromInt(1);  // value multiplier into `word` (Dozen: 12 pièces)
};

// `iri` is canonical ("dfc-m:Kilogram"). nullopt for a concept the connector does not know.
std::optional<Unit> unitOf(std::string_view iri);

// "500 g", "1,5 kg", "6 pièces", "1 bouteille", "2 bocaux": the value in the unit, as the
// normalizer reads it and a person writes it (decimal comma, French plurals).
std::string quantityText(sdk::Decimal value, const Unit& unit);

// A certification concept -> the hub's label code ("BIO", "LABEL_ROUGE", "AOCAOP", "IGP", "STG",
// "HVE", "PECHE_DURABLE", "COMMERCE_EQUITABLE"). `extra` (the `labels` option: local name or
// IRI -> label) is consulted first. When nothing matches, the concept's local name comes back as
// written, so that the hub warns about an unknown label rather than losing it.
std::string labelOf(std::string_view iri, const std::map<std::string, std::string>& extra);

// "Saturday", "schema:Saturday", "https://schema.org/Saturday" -> "samedi"; else the text as is.
std::string dayName(std::string_view dayOfWeek);

// "FR", "FRA", "France", ".../country/FRA" -> "FR"; "" when unknown.
std::string countryCode(std::string_view raw);

}  // namespace recolte::bioariegegaronne
