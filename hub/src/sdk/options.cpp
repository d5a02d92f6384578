#include "recolte/sdk/options.hpp"

#include <algorithm>
#include <cctype>
#include <sstream>

namespace recolte::sdk {

const char* toString(OptionType t) {
    switch (t) {
        case OptionType::String: return "string";
        case OptionType::Integer: return "integer";
        case OptionType::Boolean: return "boolean";
        case OptionType::Duration: return "duration";
        case OptionType::StringList: return "list of strings";
        case OptionType::StringMap: return "map of strings";
    }
    return "?";
}

bool OptionValues::has(const std::string& name) const {
    auto it = values_.find(name);
    return it != values_.end() && !std::holds_alternative<std::monostate>(it->second);
}

std::string OptionValues::getString(const std::string& name, const std::string& fallback) const {
    auto it = values_.find(name);
    if (it == values_.end()) return fallback;
    if (auto* s = std::get_if<std::string>(&it->second)) return *s;
    if (auto* i = std::get_if<int64_t>(&it->second)) return std::to_string(*i);
    if (auto* b = std::get_if<bool>(&it->second)) return *b ? "true" : "false";
    return fallback;
}

int64_t OptionValues::getInt(const std::string& name, int64_t fallback) const {
    auto it = values_.find(name);
    if (it == values_.end()) return fallback;
    if (auto* i = std::get_if<int64_t>(&it->second)) return *i;
    return fallback;
}

bool OptionValues::getBool(const std::string& name, bool fallback) const {
    auto it = values_.find(name);
    if (it == values_.end()) return fallback;
    if (auto* b = std::get_if<bool>(&it->second)) return *b;
    return fallback;
}

std::vector<std::string> OptionValues::getList(const std::string& name) const {
    auto it = values_.find(name);
    if (it == values_.end()) return {};
    if (auto* l = std::get_if<std::vector<std::string>>(&it->second)) return *l;
    return {};
}

std::map<std::string, std::string> OptionValues::getMap(const std::string& name) const {
    auto it = values_.find(name);
    if (it == values_.end()) return {};
    if (auto* m = std::get_if<std::map<std::string, std::string>>(&it->second)) return *m;
    return {};
}

std::optional<int64_t> parseDurationSeconds(const std::string& text) {
    if (text.empty()) return std::nullopt;
    size_t i = 0;
    int64_t value = 0;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) {
        if (value > 1'000'000'000) return std::nullopt;
        value = value * 10 + (text[i] - '0');
        ++i;
    }
    if (i == 0) return std::nullopt;
    std::string unit = text.substr(i);
    if (unit.empty() || unit == "s") return value;
    if (unit == "m") return value * 60;
    if (unit == "h") return value * 3600;
    if (unit == "d") return value * 86400;
    return std::nullopt;
}

namespace {

std::string where(const ConfigValue& v, const std::string& key) {
    std::string path = v.path.empty() ? key : v.path;
    return v.line > 0 ? "line " + std::to_string(v.line) + ": " + path : path;
}

std::string validKeys(const std::vector<OptionSpec>& specs, const std::vector<std::string>& ignored) {
    std::vector<std::string> keys(ignored.begin(), ignored.end());
    for (const auto& s : specs) keys.push_back(s.name);
    std::sort(keys.begin(), keys.end());
    std::string out;
    for (const auto& k : keys) out += (out.empty() ? "" : ", ") + k;
    return out;
}

Expected<OptionValue> parseBool(const std::string& s) {
    std::string l = s;
    std::transform(l.begin(), l.end(), l.begin(), [](unsigned char c) { return std::tolower(c); });
    if (l == "true" || l == "yes" || l == "on" || l == "1") return OptionValue{true};
    if (l == "false" || l == "no" || l == "off" || l == "0") return OptionValue{false};
    return configError("expected a boolean (true or false), got \"" + s + "\"");
}

Expected<OptionValue> parseInt(const std::string& s) {
    if (s.empty()) return configError("expected an integer, got an empty value");
    size_t i = (s[0] == '-' || s[0] == '+') ? 1 : 0;
    if (i == s.size()) return configError("expected an integer, got \"" + s + "\"");
    for (size_t j = i; j < s.size(); ++j)
        if (!std::isdigit(static_cast<unsigned char>(s[j]))) return configError("expected an integer, got \"" + s + "\"");
    if (s.size() > 18) return configError("integer out of range: \"" + s + "\"");
    return OptionValue{static_cast<int64_t>(std::stoll(s))};
}

// Converts a text (from YAML or a default) to the option's type.
Expected<OptionValue> convertScalar(const OptionSpec& spec, const std::string& text) {
    switch (spec.type) {
        case OptionType::String:
            if (!spec.allowed.empty() && std::find(spec.allowed.begin(), spec.allowed.end(), text) == spec.allowed.end()) {
                std::string list;
                for (const auto& a : spec.allowed) list += (list.empty() ? "" : ", ") + a;
                return configError("\"" + text + "\" is not one of: " + list);
            }
            return OptionValue{text};
        case OptionType::Integer: return parseInt(text);
        case OptionType::Boolean: return parseBool(text);
        case OptionType::Duration: {
            auto d = parseDurationSeconds(text);
            if (!d) return configError("invalid duration \"" + text + "\" (expected e.g. 30s, 15m, 6h, 1d)");
            return OptionValue{*d};
        }
        case OptionType::StringList: {
            std::vector<std::string> items;
            std::stringstream ss(text);
            std::string item;
            while (std::getline(ss, item, ',')) {
                auto b = item.find_first_not_of(" \t");
                auto e = item.find_last_not_of(" \t");
                if (b != std::string::npos) items.push_back(item.substr(b, e - b + 1));
            }
            return OptionValue{items};
        }
        case OptionType::StringMap:
            if (text.empty()) return OptionValue{std::map<std::string, std::string>{}};
            return configError("expected a map of key: value");
    }
    return configError("unsupported option type");
}

Expected<OptionValue> convert(const OptionSpec& spec, const ConfigValue& v) {
    switch (v.kind) {
        case ConfigValue::Kind::Null: return OptionValue{};
        case ConfigValue::Kind::Scalar: return convertScalar(spec, v.scalar);
        case ConfigValue::Kind::List: {
            if (spec.type != OptionType::StringList)
                return configError(std::string("expected a ") + toString(spec.type) + ", got a list");
            std::vector<std::string> items;
            for (const auto& item : v.list) {
                if (item.kind != ConfigValue::Kind::Scalar) return configError("list items must be plain values");
                items.push_back(item.scalar);
            }
            return OptionValue{items};
        }
        case ConfigValue::Kind::Map: {
            if (spec.type != OptionType::StringMap)
                return configError(std::string("expected a ") + toString(spec.type) + ", got a map");
            std::map<std::string, std::string> m;
            for (const auto& [k, item] : v.map) {
                if (item.kind != ConfigValue::Kind::Scalar)
                    return configError("the value of \"" + k + "\" must be a plain value");
                m[k] = item.scalar;
            }
            return OptionValue{m};
        }
    }
    return configError("unsupported value");
}

}  // namespace

Expected<OptionValues> validateOptions(const std::vector<OptionSpec>& specs, const ConfigValue& given,
                                       const std::vector<std::string>& ignored) {
    OptionValues values = defaultOptions(specs);
    if (given.kind != ConfigValue::Kind::Map && given.kind != ConfigValue::Kind::Null)
        return configError("expected a map of options", where(given, given.path));
    for (const auto& entry : given.map) {
        const std::string& key = entry.first;  // not a structured binding: lambdas capture it
        const ConfigValue& value = entry.second;
        if (std::find(ignored.begin(), ignored.end(), key) != ignored.end()) continue;
        auto spec = std::find_if(specs.begin(), specs.end(), [&](const OptionSpec& s) { return s.name == key; });
        if (spec == specs.end())
            return configError("unknown option \"" + key + "\"; valid options are: " + validKeys(specs, ignored),
                               where(value, key));
        auto converted = convert(*spec, value);
        if (!converted) return configError(converted.error().message, where(value, key));
        values.set(key, std::move(converted.value()));
    }
    for (const auto& spec : specs) {
        if (spec.required && !values.has(spec.name))
            return configError("missing required option \"" + spec.name + "\" (" + spec.description + ")",
                               where(given, given.path));
    }
    return values;
}

OptionValues defaultOptions(const std::vector<OptionSpec>& specs) {
    OptionValues values;
    for (const auto& spec : specs) {
        if (spec.default_value.empty()) continue;
        auto v = convertScalar(spec, spec.default_value);
        if (v) values.set(spec.name, std::move(v.value()));
    }
    return values;
}

std::string describeOptions(const std::vector<OptionSpec>& specs) {
    std::ostringstream out;
    for (const auto& s : specs) {
        out << "  " << s.name << " (" << toString(s.type);
        if (s.required) out << ", required";
        if (s.secret) out << ", secret";
        if (!s.default_value.empty()) out << ", default " << (s.secret ? "<hidden>" : s.default_value);
        out << ")\n      " << s.description << "\n";
        if (!s.allowed.empty()) {
            out << "      one of:";
            for (const auto& a : s.allowed) out << " " << a;
            out << "\n";
        }
    }
    return out.str();
}

}  // namespace recolte::sdk
