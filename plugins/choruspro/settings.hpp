// The connector's options, declared once, and the settings read from them.
#pragma once

#include <string>
#include <vector>

#include "recolte/sdk/expected.hpp"
#include "recolte/sdk/options.hpp"
#include "zip_archive.hpp"

namespace recolte::choruspro {

const std::vector<sdk::OptionSpec>& optionSpecs();

struct Settings {
    std::string pattern = "*";
    ZipLimits zip;            // pivot attachments; zip.max_total_bytes also caps a PDF's attachment
    std::string fingerprint;  // every option value, for the bookmark
};

sdk::Expected<Settings> settingsFrom(const sdk::OptionValues& options);

}  // namespace recolte::choruspro
