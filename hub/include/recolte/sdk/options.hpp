// A connector declares its options once, in a table (Fluent Bit's config_map). The same table
// validates the YAML (unknown key = error listing the valid ones), prints `recolte connectors
// --describe` and documents the plugin.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "recolte/sdk/expected.hpp"

namespace recolte::sdk {

enum class OptionType { String, Integer, Boolean, Duration, StringList, StringMap };
const char* toString(OptionType t);

struct OptionSpec {
    std::string name;
    OptionType type = OptionType::String;
    std::string default_value;  // as it would be written in YAML; empty = none
    bool required = false;
    bool secret = false;  // never logged, never printed back
    std::string description;
    std::vector<std::string> allowed;  // for String: the only accepted values, when not empty
};

// A configuration value independent of the YAML library: scalars keep their text, maps and lists
// nest. `line` (1-based) lets every error name where it is.
struct ConfigEntry;

struct ConfigValue {
    enum class Kind { Null, Scalar, List, Map };
    Kind kind = Kind::Null;
    std::string scalar;
    std::vector<ConfigValue> list;
    // In file order. Not a std::pair: a pair of an incomplete type is refused by clang's checks.
    std::vector<ConfigEntry> map;
    int line = 0;
    std::string path;  // "sources[0].columns"
};

// One key of a map, read like a std::pair (first, second) and usable with structured bindings.
struct ConfigEntry {
    ConfigEntry(std::string key, ConfigValue value) : first(std::move(key)), second(std::move(value)) {}
    std::string first;
    ConfigValue second;
};

using OptionValue = std::variant<std::monostate, std::string, int64_t, bool, std::vector<std::string>,
                                 std::map<std::string, std::string>>;

// Validated options of one source. Getters return the declared default when the key was absent.
class OptionValues {
public:
    void set(const std::string& name, OptionValue v) { values_[name] = std::move(v); }
    bool has(const std::string& name) const;
    std::string getString(const std::string& name, const std::string& fallback = {}) const;
    int64_t getInt(const std::string& name, int64_t fallback = 0) const;  // Duration: seconds
    bool getBool(const std::string& name, bool fallback = false) const;
    std::vector<std::string> getList(const std::string& name) const;
    std::map<std::string, std::string> getMap(const std::string& name) const;

private:
    std::map<std::string, OptionValue> values_;
};

// Parses "30s", "15m", "6h", "1d", "90" (seconds). nullopt when malformed.
std::optional<int64_t> parseDurationSeconds(const std::string& text);

// Checks `given` (a map of key -> value) against `specs`: unknown keys (listing the valid ones),
// missing required keys, wrong types, values outside `allowed`. Keys in `ignored` belong to the
// host (name, connector, path...) and are skipped. Errors name the key path and the line.
Expected<OptionValues> validateOptions(const std::vector<OptionSpec>& specs, const ConfigValue& given,
                                       const std::vector<std::string>& ignored = {});

// Applies only the defaults (for `check`/acceptance runs without a config).
OptionValues defaultOptions(const std::vector<OptionSpec>& specs);

// Human-readable option table, as printed by `recolte connectors --describe`.
std::string describeOptions(const std::vector<OptionSpec>& specs);

}  // namespace recolte::sdk
