#include "settings.hpp"

#include <utility>

#include "recolte/sdk/text.hpp"

namespace recolte::bioariegegaronne {

namespace {

using sdk::OptionSpec;
using sdk::OptionType;

OptionSpec spec(std::string name, OptionType type, std::string defaultValue, std::string description) {
    OptionSpec s;
    s.name = std::move(name);
    s.type = type;
    s.default_value = std::move(defaultValue);
    s.description = std::move(description);
    return s;
}

std::vector<OptionSpec> makeSpecs() {
    return {
        spec("pattern", OptionType::String, "*.json*",
             "File name pattern when the location is a folder; matching files are read in name order"),
        spec("siret_properties", OptionType::StringList, "siret, hasSiret",
             "Local names (any prefix, any case) of the Enterprise property holding its SIRET: the DFC "
             "ontology has none, platforms add their own (\"dfc-b:siret\", \"ofn:siret\"...)"),
        spec("sirets", OptionType::StringMap, "",
             "SIRET per enterprise, for catalogues that publish none (Open Food Network): "
             "{\"https://.../enterprises/42\": \"81234567600017\"} keyed by the Enterprise @id or its exact name; "
             "wins over the document"),
        spec("labels", OptionType::StringMap, "",
             "Label per certification concept, for those the built-in table does not know: "
             "{NatureEtProgres: \"bio\"} keyed by the concept's local name or full IRI"),
        spec("default_vat", OptionType::String, "",
             "VAT rate in percent (\"5,5\") for prices without dfc-b:VATrate"),
    };
}

std::string describeValue(const sdk::OptionValues& options, const OptionSpec& option) {
    switch (option.type) {
        case OptionType::StringList: return sdk::join(options.getList(option.name), "\x1f");
        case OptionType::StringMap: {
            std::string out;
            for (const auto& [k, v] : options.getMap(option.name)) out += k + "\x1e" + v + "\x1f";
            return out;
        }
        case OptionType::Integer:
        case OptionType::Duration: return std::to_string(options.getInt(option.name));
        case OptionType::Boolean: return options.getBool(option.name) ? "true" : "false";
        case OptionType::String: break;
    }
    return options.getString(option.name);
}

}  // namespace

const std::vector<sdk::OptionSpec>& optionSpecs() {
    static const std::vector<OptionSpec> specs = makeSpecs();
    return specs;
}

sdk::Expected<Settings> settingsFrom(const sdk::OptionValues& options) {
    Settings s;
    s.pattern = sdk::trim(options.getString("pattern", "*.json*"));
    if (s.pattern.empty()) s.pattern = "*.json*";

    if (options.has("siret_properties")) s.siret_properties = options.getList("siret_properties");
    for (const auto& p : s.siret_properties) {
        if (p.find_first_of(" \t#/:") != std::string::npos) {
            return sdk::configError("siret_properties : « " + p + " » n'est pas un nom local de propriété (ex. siret)",
                                    "siret_properties");
        }
    }
    for (const auto& [enterprise, siret] : options.getMap("sirets")) {
        if (sdk::trim(siret).empty()) return sdk::configError("sirets : SIRET vide pour « " + enterprise + " »", "sirets");
        s.sirets[sdk::trim(enterprise)] = sdk::trim(siret);
    }
    for (const auto& [id, label] : options.getMap("labels")) {
        if (sdk::trim(label).empty()) return sdk::configError("labels : label vide pour « " + id + " »", "labels");
        s.labels[sdk::trim(id)] = sdk::trim(label);
    }
    const std::string vat = sdk::trim(options.getString("default_vat"));
    if (!vat.empty()) {
        const auto rate = sdk::Decimal::parse(vat);
        if (!rate || rate->isNegative() || *rate > sdk::Decimal::fromInt(100)) {
            return sdk::configError("default_vat « " + vat + " » n'est pas un taux en pourcentage (ex. 5,5)", "default_vat");
        }
        s.default_vat = rate;
    }
    for (const auto& option : optionSpecs()) s.fingerprint += option.name + "=" + describeValue(options, option) + "\n";
    return s;
}

}  // namespace recolte::bioariegegaronne
