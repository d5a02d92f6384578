// The connector's options, declared once, and the settings read from them.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "recolte/sdk/decimal.hpp"
#include "recolte/sdk/expected.hpp"
#include "recolte/sdk/options.hpp"

namespace recolte::bioariegegaronne {

const std::vector<sdk::OptionSpec>& optionSpecs();

struct Settings {
    std::string pattern = "*.json*";
    // Local names (any namespace, any case) of an Enterprise property holding its SIRET.
    std::vector<std::string> siret_properties = {"siret", "hasSiret"};
    // Enterprise @id (as written, or its canonical spelling) or exact name -> SIRET: for platforms
    // that publish none (OFN). Wins over the document.
    std::map<std::string, std::string> sirets;
    // Certification (local name or IRI) -> label word, consulted before the built-in table.
    std::map<std::string, std::string> labels;
    std::optional<sdk::Decimal> default_vat;  // percent, when a Price has no dfc-b:VATrate
    std::string fingerprint;                  // every option value, for the bookmark
};

sdk::Expected<Settings> settingsFrom(const sdk::OptionValues& options);

}  // namespace recolte::bioariegegaronne
