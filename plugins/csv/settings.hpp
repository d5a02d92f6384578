// The connector's options, declared once, and the settings read from them.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "column_map.hpp"
#include "recolte/sdk/decimal.hpp"
#include "recolte/sdk/expected.hpp"
#include "recolte/sdk/options.hpp"
#include "recolte/sdk/text.hpp"

namespace recolte::csv_connector {

const std::vector<sdk::OptionSpec>& optionSpecs();

struct Settings {
    std::string pattern = "*.csv";
    std::optional<sdk::Encoding> encoding;  // nullopt = detect per file
    char delimiter = 0;                     // 0 = detect per file
    AliasTable aliases;
    int64_t header_line = 0;  // 0 = the first row (among the first few) naming the required columns
    // Per-field fallback when the file has no such column or the cell is empty: producer_* options,
    // default_price_unit, default_vat.
    std::array<std::string, kFieldCount> defaults;
    std::string fingerprint;  // every option value, for the bookmark

    const std::string& fallback(Field f) const { return defaults[static_cast<size_t>(f)]; }
    // name, price, and price_unit unless default_price_unit is set.
    std::vector<Field> requiredFields() const;
};

sdk::Expected<Settings> settingsFrom(const sdk::OptionValues& options);

}  // namespace recolte::csv_connector
