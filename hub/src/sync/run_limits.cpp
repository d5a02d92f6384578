#include "sync/run_limits.hpp"

#include <algorithm>
#include <cctype>

namespace recolte::sync {

namespace {

constexpr uint64_t kMinMemory = 32ull << 20;  // below this the worker cannot even load a plugin

std::string whereOf(const sdk::ConfigValue& merged, const std::string& key) {
    for (const auto& e : merged.map)
        if (e.first == key) return "line " + std::to_string(e.second.line) + ": " + e.second.path;
    return key;
}

}  // namespace

const std::vector<sdk::OptionSpec>& runLimitSpecs() {
    static const std::vector<sdk::OptionSpec> specs{
        // name, type, default, required, secret, description, allowed values
        {"isolation", sdk::OptionType::String, "process", false, false,
         "How the connector runs: `process` (a child worker process, killed at its limits; a crash "
         "fails only this sync) or `inline` (inside the daemon, for debugging)",
         {"process", "inline"}},
        {"time_limit", sdk::OptionType::Duration, "30m", false, false,
         "Longest wall-clock time of one read in the worker process (1s to 7d); the worker is then killed", {}},
        {"memory_limit", sdk::OptionType::String, "2GiB", false, false,
         "Largest memory of the worker process (RLIMIT_DATA), e.g. 512MiB, 2GiB; at least 32MiB", {}},
    };
    return specs;
}

std::optional<uint64_t> parseByteSize(const std::string& text) {
    size_t i = 0;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i;
    if (i == 0 || i > 18) return std::nullopt;
    const uint64_t n = std::stoull(text.substr(0, i));
    std::string unit = text.substr(i);
    unit.erase(std::remove(unit.begin(), unit.end(), ' '), unit.end());
    uint64_t mult = 0;
    if (unit.empty() || unit == "B") mult = 1;
    else if (unit == "K" || unit == "KiB" || unit == "k") mult = 1ull << 10;
    else if (unit == "M" || unit == "MiB") mult = 1ull << 20;
    else if (unit == "G" || unit == "GiB") mult = 1ull << 30;
    else return std::nullopt;
    if (n > (UINT64_MAX / mult)) return std::nullopt;
    return n * mult;
}

std::string mebibytesFr(uint64_t bytes) { return std::to_string(bytes >> 20) + " Mio"; }

sdk::Expected<RunLimits> runLimitsFrom(const sdk::ConfigValue& hub, const sdk::ConfigValue& source) {
    const auto& specs = runLimitSpecs();
    auto isLimitKey = [&](const std::string& k) {
        return std::any_of(specs.begin(), specs.end(), [&](const sdk::OptionSpec& s) { return s.name == k; });
    };
    // The hub's keys, then the source's over them.
    sdk::ConfigValue merged;
    merged.kind = sdk::ConfigValue::Kind::Map;
    merged.path = hub.path;
    merged.line = hub.line;
    if (hub.kind == sdk::ConfigValue::Kind::Map) merged.map = hub.map;  // the hub map has only these keys
    for (const auto& e : source.map) {
        if (!isLimitKey(e.first)) continue;
        auto it = std::find_if(merged.map.begin(), merged.map.end(), [&](const sdk::ConfigEntry& m) { return m.first == e.first; });
        if (it != merged.map.end()) it->second = e.second;
        else merged.map.emplace_back(e.first, e.second);
    }
    auto values = sdk::validateOptions(specs, merged);
    if (!values) return values.error();
    RunLimits limits;
    limits.isolated = values->getString("isolation", "process") == "process";
    const int64_t secs = values->getInt("time_limit", 1800);
    if (secs < 1 || secs > 7 * 86400)
        return sdk::configError("expected a duration from 1s to 7d, got " + std::to_string(secs) + " s",
                                whereOf(merged, "time_limit"));
    limits.time_limit = std::chrono::seconds(secs);
    const std::string mem = values->getString("memory_limit", "2GiB");
    auto bytes = parseByteSize(mem);
    if (!bytes) return sdk::configError("expected a size like 512MiB or 2GiB, got \"" + mem + "\"", whereOf(merged, "memory_limit"));
    if (*bytes < kMinMemory)
        return sdk::configError("expected at least 32MiB, got \"" + mem + "\"", whereOf(merged, "memory_limit"));
    limits.memory_limit = *bytes;
    return limits;
}

}  // namespace recolte::sync
