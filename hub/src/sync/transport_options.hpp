// Options every source accepts, whatever its connector: how the host fetches the bytes (timeout,
// retries, size limit, credentials). Declared once here; the config checker validates them, the
// connectors never see them, `recolte connectors --describe` prints them.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "recolte/sdk/expected.hpp"
#include "recolte/sdk/options.hpp"

namespace recolte::sync {

// The host's option table (timeout, retries, max_bytes, bearer_token, api_key..., and the run
// limits of sync/run_limits.hpp: isolation, time_limit, memory_limit).
const std::vector<sdk::OptionSpec>& transportOptionSpecs();

// What the transports of one source are built from. Secrets are resolved (config value or
// environment variable) and must never be logged.
struct TransportSettings {
    std::chrono::milliseconds timeout{30'000};  // connect, and each read or write
    int retries = 3;                            // extra attempts after a transient failure
    uint64_t max_bytes = 1ull << 30;
    std::chrono::milliseconds max_download_time{600'000};  // one whole HTTP exchange, headers to last byte
    std::chrono::milliseconds backoff_base{1'000};      // wait before retry n: base * 2^(n-1)
    std::chrono::milliseconds retry_after_cap{60'000};  // longest Retry-After honoured
    int max_redirects = 5;
    std::string bearer_token;    // Authorization: Bearer ...
    std::string api_key_header;  // header name for api_key
    std::string api_key;
};

// Reads an environment variable; nullopt when unset. Injected so tests need not touch the process
// environment.
using EnvLookup = std::function<std::optional<std::string>(const std::string& name)>;
std::optional<std::string> processEnv(const std::string& name);

// Range and consistency checks that the table cannot express (timeout > 0, a secret given both
// inline and through an environment variable...). The errors name the option; with `lookupEnv`,
// the secrets are resolved too (a named variable that is unset is a config error).
sdk::Expected<TransportSettings> transportSettingsFrom(const sdk::OptionValues& options, const EnvLookup& lookupEnv = {});

}  // namespace recolte::sync
