// Socleo's codes -> words the hub's normalizer knows. Pure functions, French messages.
// What each code is assumed to mean is documented in FORMAT.md.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "recolte/sdk/decimal.hpp"
#include "recolte/sdk/expected.hpp"

namespace recolte::mangerbio {

// Unité de prix: "U" -> "pièce", "K" -> "kg" (case and spaces ignored); nullopt otherwise.
std::optional<std::string> priceUnitWord(std::string_view code);

// TVA: a code of `codes` ("1" -> 5.5), else a percentage that is a VAT rate in force in France
// ("5,5", "20 %"). Anything else is a data error whose message names the value and the codes.
sdk::Expected<sdk::Decimal> vatRate(std::string_view text, const std::map<std::string, sdk::Decimal>& codes);

// Code / Libellé Agriculture -> a label word for the normalizer ("BIO", "CONVERSION_BIO"), ""
// for conventional farming, or the libellé itself when it is neither (the normalizer then maps
// it or keeps a warning). `warning` is set when the code says nothing the connector knows.
struct AgricultureReading {
    std::string label;
    std::string warning;
};
AgricultureReading agricultureLabel(std::string_view code, std::string_view libelle);

// Logos: "[EU][AB]", "[LR] [IGP]", "AB, Label Rouge" -> raw label words ("BIO", "AB", "LR"...):
// Socleo's "[EU]" (the EU organic leaf) becomes "BIO"; the others pass through for the normalizer.
std::vector<std::string> logoLabels(std::string_view text);

// Référence EAN 13: 13 digits whose last is the GS1 check digit (spaces ignored). Returns the
// digits, or a data error saying what is wrong (for a warning: the EAN is then dropped).
sdk::Expected<std::string> checkedEan13(std::string_view text);

// A count or an amount as Socleo writes it: "6", "2,5", "12.0". nullopt when not a number.
std::optional<sdk::Decimal> parseNumber(std::string_view text);

}  // namespace recolte::mangerbio
