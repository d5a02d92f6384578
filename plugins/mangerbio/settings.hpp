// The connector's options, declared once, and the settings read from them.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "columns.hpp"
#include "recolte/sdk/decimal.hpp"
#include "recolte/sdk/expected.hpp"
#include "recolte/sdk/options.hpp"
#include "recolte/sdk/text.hpp"

namespace recolte::mangerbio {

const std::vector<sdk::OptionSpec>& optionSpecs();

// Socleo's TVA codes as this connector assumes them (FORMAT.md); `vat_codes` overrides them.
const std::map<std::string, sdk::Decimal>& defaultVatCodes();

struct Settings {
    std::string pattern = "*.csv";
    std::optional<sdk::Encoding> encoding;  // nullopt = detect per file
    char delimiter = 0;                     // 0 = detect per file
    HeaderSpellings spellings;
    std::map<std::string, std::string> producer_sirets;  // code producteur -> SIRET, as written
    std::map<std::string, sdk::Decimal> vat_codes;       // TVA code -> percent
    std::string fingerprint;                             // every option value, for the bookmark
};

sdk::Expected<Settings> settingsFrom(const sdk::OptionValues& options);

}  // namespace recolte::mangerbio
