#include "settings.hpp"

#include <utility>

namespace recolte::mangerbio {

namespace {

using sdk::Decimal;
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
    std::string fieldKeys;
    for (const auto& info : fieldTable()) fieldKeys += (fieldKeys.empty() ? "" : ", ") + std::string(info.key);
    return {
        spec("pattern", OptionType::String, "*.csv",
             "File name pattern when the location is a folder; matching files are read in name order"),
        spec("encoding", OptionType::String, "auto",
             "Text encoding: auto detects a UTF-8 BOM, then valid UTF-8, else Windows-1252 (Socleo's usual export)",
             {"auto", "utf-8", "windows-1252"}),
        spec("delimiter", OptionType::String, "auto",
             "Field separator: Socleo writes ';'; auto also reads a file re-saved with ',' or tabs",
             {"auto", ";", ",", "tab"}),
        spec("columns", OptionType::StringMap, "",
             "Header text per field when an export names a column differently, e.g. {price: \"Prix HT\"} ('|' "
             "separates spellings; case, accents and punctuation are ignored). Fields: " + fieldKeys),
        spec("producer_sirets", OptionType::StringMap, "",
             "SIRET per Code Producteur, for exports without a SIRET column (or with empty cells), e.g. "
             "{P012: \"81234567600017\"}; a producer with a SIRET is merged with the same producer on other platforms"),
        spec("vat_codes", OptionType::StringMap, "",
             "TVA code -> rate in percent, added to or replacing the assumed Socleo codes "
             "(0 = 0 %, 1 = 5,5 %, 2 = 10 %, 3 = 20 %, 4 = 2,1 %), e.g. {\"5\": \"8,5\"}"),
    };
}

std::string describeValue(const sdk::OptionValues& options, const OptionSpec& option) {
    switch (option.type) {
        case OptionType::Integer:
        case OptionType::Duration: return std::to_string(options.getInt(option.name));
        case OptionType::Boolean: return options.getBool(option.name) ? "true" : "false";
        case OptionType::StringList: return sdk::join(options.getList(option.name), "\x1f");
        case OptionType::StringMap: {
            std::string out;
            for (const auto& [k, v] : options.getMap(option.name)) out += k + "\x1e" + v + "\x1f";
            return out;
        }
        case OptionType::String: break;
    }
    return options.getString(option.name);
}

}  // namespace

const std::vector<sdk::OptionSpec>& optionSpecs() {
    static const std::vector<OptionSpec> specs = makeSpecs();
    return specs;
}

const std::map<std::string, Decimal>& defaultVatCodes() {
    static const std::map<std::string, Decimal> codes = {
        {"0", Decimal::fromInt(0)},
        {"1", Decimal::fromRaw(55000)},  // 5.5 %: food
        {"2", Decimal::fromInt(10)},     // 10 %: some prepared food, plants
        {"3", Decimal::fromInt(20)},     // 20 %: alcohol, non-food
        {"4", Decimal::fromRaw(21000)},  // 2.1 %
    };
    return codes;
}

sdk::Expected<Settings> settingsFrom(const sdk::OptionValues& options) {
    Settings s;
    s.pattern = options.getString("pattern", "*.csv");
    if (s.pattern.empty()) s.pattern = "*.csv";

    const std::string encoding = options.getString("encoding", "auto");
    if (encoding == "utf-8") {
        s.encoding = sdk::Encoding::Utf8;
    } else if (encoding == "windows-1252") {
        s.encoding = sdk::Encoding::Windows1252;
    } else if (encoding != "auto") {
        return sdk::configError("encodage « " + encoding + " » inconnu (auto, utf-8 ou windows-1252)", "encoding");
    }

    const std::string delimiter = options.getString("delimiter", "auto");
    if (delimiter == ";" || delimiter == ",") {
        s.delimiter = delimiter[0];
    } else if (delimiter == "tab") {
        s.delimiter = '\t';
    } else if (delimiter != "auto") {
        return sdk::configError("séparateur « " + delimiter + " » inconnu (auto, ;, , ou tab)", "delimiter");
    }

    auto spellings = buildSpellings(options.getMap("columns"));
    if (!spellings) return spellings.error();
    s.spellings = std::move(spellings.value());

    for (const auto& [code, siret] : options.getMap("producer_sirets")) {
        const std::string key = sdk::trim(code);
        // The SIRET itself is checked by the hub (14 digits, Luhn) on every offer of that producer.
        if (key.empty() || sdk::trim(siret).empty())
            return sdk::configError("code producteur ou SIRET vide dans l'option producer_sirets", "producer_sirets");
        s.producer_sirets[key] = sdk::trim(siret);
    }

    s.vat_codes = defaultVatCodes();
    for (const auto& [code, rate] : options.getMap("vat_codes")) {
        std::string text = sdk::trim(rate);
        if (!text.empty() && text.back() == '%') text = sdk::trim(std::string_view(text).substr(0, text.size() - 1));
        const auto value = Decimal::parse(text);
        if (sdk::trim(code).empty() || !value || value->isNegative() || *value > Decimal::fromInt(100))
            return sdk::configError("vat_codes : « " + code + " » → « " + rate +
                                        " » n'est pas un code suivi d'un taux en pourcentage (ex. \"1\": \"5,5\")",
                                    "vat_codes." + code);
        s.vat_codes[sdk::trim(code)] = *value;
    }

    for (const auto& option : optionSpecs()) s.fingerprint += option.name + "=" + describeValue(options, option) + "\n";
    return s;
}

}  // namespace recolte::mangerbio
