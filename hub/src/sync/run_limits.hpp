// How a source's connector is run: in a child worker process (the default) or in the daemon, and
// the wall-clock and memory limits of that child. Hub-wide defaults come from the config's `sync:`
// map, each source may override them with the same keys; the table documents them.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "recolte/sdk/expected.hpp"
#include "recolte/sdk/options.hpp"

namespace recolte::sync {

struct RunLimits {
    bool isolated = true;                        // isolation: process (default) | inline
    std::chrono::seconds time_limit{30 * 60};    // the worker is killed after this
    uint64_t memory_limit = 2ull << 30;          // bytes of data segment (RLIMIT_DATA)
};

// isolation, time_limit, memory_limit; part of every source's host options.
const std::vector<sdk::OptionSpec>& runLimitSpecs();

// `hub` is the config's `sync:` map (Null when absent), `source` the source's map: a key of the
// source overrides the hub's. Errors name the key and its line.
sdk::Expected<RunLimits> runLimitsFrom(const sdk::ConfigValue& hub, const sdk::ConfigValue& source);

// "512MiB", "2GiB", "300M", "1048576": bytes. Binary units; nullopt when malformed.
std::optional<uint64_t> parseByteSize(const std::string& text);

// 268435456 -> "256 Mio" (how the French reasons name a memory limit).
std::string mebibytesFr(uint64_t bytes);

}  // namespace recolte::sync
