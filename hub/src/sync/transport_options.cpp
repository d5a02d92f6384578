#include "sync/transport_options.hpp"

#include <cctype>
#include <cstdlib>
#include <utility>

#include "sync/run_limits.hpp"

namespace recolte::sync {

namespace {

using sdk::OptionSpec;
using sdk::OptionType;

OptionSpec spec(std::string name, OptionType type, std::string defaultValue, std::string description,
                bool secret = false) {
    OptionSpec s;
    s.name = std::move(name);
    s.type = type;
    s.default_value = std::move(defaultValue);
    s.secret = secret;
    s.description = std::move(description);
    return s;
}

std::vector<OptionSpec> makeSpecs() {
    std::vector<OptionSpec> specs{
        spec("timeout", OptionType::Duration, "30s",
             "HTTP: longest wait to connect, and for each read or write once connected"),
        spec("max_download_time", OptionType::Duration, "10m",
             "HTTP: longest time for one whole request, from connecting to the last byte, however steadily the "
             "server sends (a server trickling bytes passes every per-read timeout); a longer one fails the sync"),
        spec("retries", OptionType::Integer, "3",
             "HTTP: extra attempts after a transient failure (connection refused or reset, timeout, 5xx, 408, 429), "
             "waiting 1 s, 2 s, 4 s... or the server's Retry-After (at most 60 s); 0 to 10"),
        spec("max_bytes", OptionType::Integer, "1073741824",
             "Largest file or HTTP body read, in bytes; a bigger one fails the sync (it is never truncated)"),
        spec("bearer_token", OptionType::String, "", "HTTP: token sent as \"Authorization: Bearer ...\"", true),
        spec("bearer_token_env", OptionType::String, "",
             "HTTP: name of the environment variable holding the bearer token (instead of bearer_token)"),
        spec("api_key_header", OptionType::String, "X-Api-Key", "HTTP: header that carries api_key"),
        spec("api_key", OptionType::String, "", "HTTP: API key sent in the api_key_header header", true),
        spec("api_key_env", OptionType::String, "",
             "HTTP: name of the environment variable holding the API key (instead of api_key)"),
    };
    // How the connector itself is run (checked by runLimitsFrom, not here).
    for (const auto& s : runLimitSpecs()) specs.push_back(s);
    return specs;
}

bool isEnvName(const std::string& s) {
    if (s.empty() || std::isdigit(static_cast<unsigned char>(s[0]))) return false;
    for (unsigned char c : s)
        if (!std::isalnum(c) && c != '_') return false;
    return true;
}

// RFC 7230 token characters: what a header name may be made of.
bool isHeaderName(const std::string& s) {
    if (s.empty()) return false;
    for (unsigned char c : s)
        if (!std::isalnum(c) && std::string("!#$%&'*+-.^_`|~").find(static_cast<char>(c)) == std::string::npos)
            return false;
    return true;
}

// A secret given inline or through a variable; never both. The value itself never appears in a
// message.
sdk::Expected<std::string> secret(const sdk::OptionValues& options, const std::string& inlineKey,
                                  const std::string& envKey, const EnvLookup& lookupEnv) {
    const std::string value = options.getString(inlineKey);
    const std::string var = options.getString(envKey);
    if (!value.empty() && !var.empty())
        return sdk::configError("give " + inlineKey + " or " + envKey + ", not both", envKey);
    if (var.empty()) return value;
    if (!isEnvName(var))
        return sdk::configError("\"" + var + "\" is not an environment variable name (letters, digits and _)", envKey);
    if (!lookupEnv) return std::string();  // checking the config only: resolved when the source syncs
    auto found = lookupEnv(var);
    if (!found) return sdk::configError("the environment variable " + var + " is not set", envKey);
    if (found->empty()) return sdk::configError("the environment variable " + var + " is empty", envKey);
    return *found;
}

// Header values cannot hold line breaks (they would inject headers).
bool headerSafe(const std::string& value) { return value.find_first_of("\r\n") == std::string::npos; }

}  // namespace

const std::vector<sdk::OptionSpec>& transportOptionSpecs() {
    static const std::vector<OptionSpec> specs = makeSpecs();
    return specs;
}

std::optional<std::string> processEnv(const std::string& name) {
    const char* v = std::getenv(name.c_str());
    if (!v) return std::nullopt;
    return std::string(v);
}

sdk::Expected<TransportSettings> transportSettingsFrom(const sdk::OptionValues& options, const EnvLookup& lookupEnv) {
    TransportSettings s;
    const int64_t timeout = options.getInt("timeout", 30);
    if (timeout <= 0 || timeout > 3600)
        return sdk::configError("expected a duration from 1s to 1h, got " + std::to_string(timeout) + " s", "timeout");
    s.timeout = std::chrono::seconds(timeout);
    const int64_t maxTime = options.getInt("max_download_time", 600);
    if (maxTime <= 0 || maxTime > 86400)
        return sdk::configError("expected a duration from 1s to 1d, got " + std::to_string(maxTime) + " s",
                                "max_download_time");
    s.max_download_time = std::chrono::seconds(maxTime);
    const int64_t retries = options.getInt("retries", 3);
    if (retries < 0 || retries > 10)
        return sdk::configError("expected 0 to 10 retries, got " + std::to_string(retries), "retries");
    s.retries = static_cast<int>(retries);
    const int64_t maxBytes = options.getInt("max_bytes", static_cast<int64_t>(s.max_bytes));
    if (maxBytes <= 0) return sdk::configError("expected a positive number of bytes, got " + std::to_string(maxBytes), "max_bytes");
    s.max_bytes = static_cast<uint64_t>(maxBytes);

    s.api_key_header = options.getString("api_key_header", "X-Api-Key");
    if (!isHeaderName(s.api_key_header))
        return sdk::configError("\"" + s.api_key_header + "\" is not an HTTP header name", "api_key_header");

    auto bearer = secret(options, "bearer_token", "bearer_token_env", lookupEnv);
    if (!bearer) return bearer.error();
    if (!headerSafe(*bearer)) return sdk::configError("the bearer token holds a line break", "bearer_token");
    s.bearer_token = std::move(bearer.value());
    auto key = secret(options, "api_key", "api_key_env", lookupEnv);
    if (!key) return key.error();
    if (!headerSafe(*key)) return sdk::configError("the API key holds a line break", "api_key");
    s.api_key = std::move(key.value());
    return s;
}

}  // namespace recolte::sync
