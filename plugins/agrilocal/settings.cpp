#include "settings.hpp"

#include <utility>

#include "recolte/sdk/text.hpp"

namespace recolte::agrilocal {

namespace {

using sdk::OptionSpec;
using sdk::OptionType;

OptionSpec spec(std::string name, OptionType type, std::string defaultValue, std::string description,
                std::vector<std::string> allowed = {}) {
    OptionSpec s;
    s.name = std::move(name);
    s.type = type;
    s.default_value = std::move(defaultValue);
    s.description = std::move(description);
    s.allowed = std::move(allowed);
    return s;
}

std::vector<OptionSpec> makeSpecs() {
    std::string keys;
    for (const auto& info : nameTable()) keys += (keys.empty() ? "" : ", ") + std::string(info.key);
    return {
        spec("pattern", OptionType::String, "*.xml",
             "File name pattern when the location is a folder (one export per département site); matching files "
             "are read in name order"),
        spec("encoding", OptionType::String, "auto",
             "Input encoding: auto follows the XML declaration (UTF-8 without one); any other value overrides the "
             "declaration",
             {"auto", "utf-8", "iso-8859-1", "windows-1252"}),
        spec("site", OptionType::String, "",
             "Département site (\"09\" for agrilocal09.fr) when the export's root element does not give it"),
        spec("elements", OptionType::StringMap, "",
             "Element or attribute name per logical name when an export differs from FORMAT.md, e.g. "
             "{consultation: \"appel\", quantity: \"qte\"}. Logical names: " + keys),
    };
}

}  // namespace

const std::vector<sdk::OptionSpec>& optionSpecs() {
    static const std::vector<OptionSpec> specs = makeSpecs();
    return specs;
}

sdk::Expected<Settings> settingsFrom(const sdk::OptionValues& options) {
    Settings s;
    s.pattern = sdk::trim(options.getString("pattern", "*.xml"));
    if (s.pattern.empty()) s.pattern = "*.xml";

    const std::string encoding = options.getString("encoding", "auto");
    if (encoding == "utf-8") {
        s.encoding = "UTF-8";
    } else if (encoding == "iso-8859-1") {
        s.encoding = "ISO-8859-1";
    } else if (encoding == "windows-1252") {
        s.encoding = "windows-1252";
    } else if (encoding != "auto") {
        return sdk::configError("encodage « " + encoding + " » inconnu (auto, utf-8, iso-8859-1 ou windows-1252)",
                                "encoding");
    }

    s.site = sdk::trim(options.getString("site"));
    auto names = namesFrom(options.getMap("elements"));
    if (!names) return names.error();
    s.names = std::move(names.value());

    s.fingerprint = "pattern=" + s.pattern + "\nencoding=" + encoding + "\nsite=" + s.site +
                    "\nelements=" + s.names.fingerprint() + "\n";
    return s;
}

}  // namespace recolte::agrilocal
