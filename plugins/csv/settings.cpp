#include "settings.hpp"

#include <utility>

namespace recolte::csv_connector {

namespace {

using sdk::OptionSpec;
using sdk::OptionType;

// Producer options: one price list usually comes from one producer, whose details are then given
// once in the config rather than repeated on every row.
const std::vector<std::pair<Field, const char*>> kProducerOptions = {
    {Field::ProducerName, "producer name"},
    {Field::ProducerSiret, "producer SIRET (14 digits; checked by the hub, not here)"},
    {Field::ProducerKey, "producer code in this source (default: the SIRET, else the name)"},
    {Field::ProducerStreet, "producer street address"},
    {Field::ProducerPostcode, "producer postcode"},
    {Field::ProducerCity, "producer town"},
    {Field::ProducerDepartement, "producer département number (default: from the postcode)"},
    {Field::ProducerEmail, "producer e-mail"},
    {Field::ProducerPhone, "producer phone"},
};

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
    std::vector<OptionSpec> specs = {
        spec("pattern", OptionType::String, "*.csv",
             "File name pattern when the location is a folder; matching files are read in name order"),
        spec("encoding", OptionType::String, "auto",
             "Text encoding: auto detects a UTF-8 BOM, then valid UTF-8, else Windows-1252",
             {"auto", "utf-8", "windows-1252"}),
        spec("delimiter", OptionType::String, "auto",
             "Field separator: auto picks the one among ; , tab that splits the header line most",
             {"auto", ";", ",", "tab"}),
        spec("columns", OptionType::StringMap, "",
             "Header text per record field when the French defaults do not recognize it, e.g. "
             "{price: \"Prix HT (€)\", name: \"Produit|Article\"} ('|' separates spellings; case, accents and "
             "punctuation are ignored). Fields: " + fieldKeys),
        spec("header_line", OptionType::Integer, "0",
             "Physical line of the header row; 0 = the first of the first 10 rows that names the required columns "
             "(title lines above it are skipped with a warning)"),
        spec("default_price_unit", OptionType::String, "",
             "What the price is for (\"kg\", \"pièce\"...) when the file has no price unit column or the cell is "
             "empty; when set, the price unit column is no longer required"),
        spec("default_vat", OptionType::String, "",
             "VAT rate in percent (\"5,5\") when the file has no VAT column or the cell is empty"),
    };
    for (const auto& [field, what] : kProducerOptions) {
        specs.push_back(spec(infoOf(field).key, OptionType::String, "",
                             std::string("Default ") + what + " when the file has no such column or the cell is empty"));
    }
    return specs;
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

std::vector<Field> Settings::requiredFields() const {
    std::vector<Field> out = {Field::Name, Field::Price};
    if (fallback(Field::PriceUnit).empty()) out.push_back(Field::PriceUnit);
    return out;
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

    auto aliases = buildAliases(options.getMap("columns"));
    if (!aliases) return aliases.error();
    s.aliases = std::move(aliases.value());

    s.header_line = options.getInt("header_line", 0);
    if (s.header_line < 0) return sdk::configError("header_line doit être 0 (détection) ou un numéro de ligne", "header_line");

    s.defaults[static_cast<size_t>(Field::PriceUnit)] = sdk::trim(options.getString("default_price_unit"));
    const std::string vat = sdk::trim(options.getString("default_vat"));
    if (!vat.empty()) {
        const auto rate = sdk::Decimal::parse(vat);
        if (!rate || rate->isNegative() || *rate > sdk::Decimal::fromInt(100))
            return sdk::configError("default_vat « " + vat + " » n'est pas un taux en pourcentage (ex. 5,5)", "default_vat");
        s.defaults[static_cast<size_t>(Field::Vat)] = vat;
    }
    for (const auto& [field, what] : kProducerOptions)
        s.defaults[static_cast<size_t>(field)] = sdk::trim(options.getString(infoOf(field).key));

    for (const auto& option : optionSpecs()) s.fingerprint += option.name + "=" + describeValue(options, option) + "\n";
    return s;
}

}  // namespace recolte::csv_connector
