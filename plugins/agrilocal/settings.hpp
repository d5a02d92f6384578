// The connector's options, declared once, and the settings read from them.
#pragma once

#include <string>
#include <vector>

#include "names.hpp"
#include "recolte/sdk/expected.hpp"
#include "recolte/sdk/options.hpp"

namespace recolte::agrilocal {

const std::vector<sdk::OptionSpec>& optionSpecs();

struct Settings {
    std::string pattern = "*.xml";
    std::string encoding;  // forced input encoding for libxml2; "" = the XML declaration's, else UTF-8
    std::string site;      // département site when the export does not say ("09")
    Names names;
    std::string fingerprint;  // every option value, for the bookmark
};

sdk::Expected<Settings> settingsFrom(const sdk::OptionValues& options);

}  // namespace recolte::agrilocal
