#include "settings.hpp"

#include <utility>

#include "recolte/sdk/text.hpp"

namespace recolte::choruspro {

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

}  // namespace

const std::vector<sdk::OptionSpec>& optionSpecs() {
    static const std::vector<OptionSpec> specs = {
        spec("pattern", OptionType::String, "*",
             "File name pattern when the location is a folder; every matching file is read, its kind found from its "
             "content (UBL, CII, Factur-X PDF, Chorus Pro pivot or status XML, invoice-list JSON)"),
        spec("zip_max_bytes", OptionType::Integer, "67108864",
             "Largest total uncompressed size of a pivot's ZIP attachment (and of a file attached to a PDF), in bytes"),
        spec("zip_max_entries", OptionType::Integer, "100", "Most entries a pivot's ZIP attachment may hold"),
        spec("zip_max_ratio", OptionType::Integer, "200",
             "Largest uncompressed/compressed size ratio of a ZIP entry (beyond it the archive is taken for a ZIP bomb)"),
    };
    return specs;
}

sdk::Expected<Settings> settingsFrom(const sdk::OptionValues& options) {
    Settings s;
    s.pattern = sdk::trim(options.getString("pattern", "*"));
    if (s.pattern.empty()) s.pattern = "*";
    const int64_t bytes = options.getInt("zip_max_bytes", 64ll << 20);
    const int64_t entries = options.getInt("zip_max_entries", 100);
    const int64_t ratio = options.getInt("zip_max_ratio", 200);
    if (bytes <= 0) return sdk::configError("zip_max_bytes doit être positif", "zip_max_bytes");
    if (entries <= 0) return sdk::configError("zip_max_entries doit être positif", "zip_max_entries");
    if (ratio <= 0) return sdk::configError("zip_max_ratio doit être positif", "zip_max_ratio");
    s.zip.max_total_bytes = static_cast<uint64_t>(bytes);
    s.zip.max_entries = static_cast<uint64_t>(entries);
    s.zip.max_ratio = static_cast<uint64_t>(ratio);
    s.fingerprint = "pattern=" + s.pattern + "\nzip_max_bytes=" + std::to_string(bytes) +
                    "\nzip_max_entries=" + std::to_string(entries) + "\nzip_max_ratio=" + std::to_string(ratio) + "\n";
    return s;
}

}  // namespace recolte::choruspro
