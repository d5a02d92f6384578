// The YAML configuration: http, store, plugins, log, sources. Every error names the file, the
// line and the key. Connector options are checked against each connector's declared table.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "recolte/sdk/expected.hpp"
#include "recolte/sdk/options.hpp"
#include "sync/transport_options.hpp"

namespace recolte::registry { class PluginRegistry; }
namespace YAML { class Node; }

namespace recolte::config {

struct SourceConfig {
    std::string name;
    std::string connector;
    std::string location;  // resolved path, or URL
    bool is_url = false;
    int64_t every_seconds = 0;  // 0 = only at start
    int line = 0;
    sdk::ConfigValue raw;  // the whole source map; connector options are validated from it
};

// A bearer token for the finance routes, known only by its SHA-256 (`recolte hash-token`).
struct AuthToken {
    std::string name;
    std::vector<std::string> roles;  // finance, admin
    std::string sha256;              // 64 lowercase hex digits
};

// http: what one request may send, and how failed bearer tokens are slowed down. The header and
// URI limits may only be lowered: Poco 1.11 refuses more on its own (400) before the router runs.
struct HttpLimits {
    int64_t max_body_bytes = 1 << 20;           // any request body but an upload (413 beyond)
    int64_t max_upload_bytes = int64_t{50} << 20;  // PUT /api/v1/sources/{name}/files/{file}
    int64_t max_header_fields = 100;            // Poco's ceiling: 100
    int64_t max_header_name = 256;              // bytes; Poco's ceiling: 256
    int64_t max_header_value = 8192;            // bytes; Poco's ceiling: 8192
    int64_t max_uri = 8192;                     // bytes of the request target; Poco's ceiling: 16384
    int64_t auth_free_failures = 10;            // failed tokens from one address before 429
    int64_t auth_max_delay_seconds = 900;       // the longest a slowed-down address waits
};

// The roles a token may carry.
const std::vector<std::string>& knownRoles();

struct Config {
    std::string file;  // absolute path of the YAML
    std::string http_bind = "127.0.0.1";
    int http_port = 8080;
    HttpLimits http_limits;
    std::string sqlite_path;  // resolved
    std::string postgresql;   // libpq conninfo, without the password
    std::string postgresql_password_env;  // the environment variable holding the PostgreSQL password
    std::string plugins_dir;  // resolved; empty = next to the binary
    std::string log_level = "info";
    std::vector<SourceConfig> sources;
    std::vector<AuthToken> auth_tokens;  // auth: {tokens: [...]}
    // invoices: {local_km: N}: a seller within N km of the buyer is local (besides the same
    // département), when both addresses have coordinates. 0 = the département only.
    int64_t invoices_local_km = 0;
    // sync: {isolation, time_limit, memory_limit}: hub-wide run limits (sync/run_limits.hpp).
    sdk::ConfigValue sync_defaults;
};

// Keys of a source that belong to the host, not to the connector: name, connector, path, url,
// every, and the transport options of every source (sync/transport_options.hpp).
const std::vector<std::string>& hostSourceKeys();

// Parses and checks the host part. All problems are returned, each "FILE:LINE: KEY: reason".
struct LoadResult {
    Config config;
    std::vector<std::string> errors;
};
LoadResult loadConfig(const std::string& path);
LoadResult loadConfigFromString(const std::string& yaml, const std::string& pretendPath);

// One source map found in another YAML file (the acceptance kit's acceptance.yaml): the checks and
// path resolution of a `sources:` entry, relative to `file`'s folder; errors as in LoadResult, with
// `key` as the source's key path ("source", "broken[1]").
struct SourceResult {
    SourceConfig source;
    std::vector<std::string> errors;
};
SourceResult parseSourceNode(const YAML::Node& node, const std::string& key, const std::string& file);

// Checks each source's connector exists and its options (the connector's and the host's) are
// valid. Returns the errors found.
std::vector<std::string> checkSources(const Config& config, const registry::PluginRegistry& registry);

// The validated options of one source (connector must be loaded).
sdk::Expected<sdk::OptionValues> sourceOptions(const SourceConfig& source, const registry::PluginRegistry& registry);

// The host options of one source (timeout, retries, max_bytes, credentials), validated against
// sync::transportOptionSpecs(); errors name the line and key. Without `lookupEnv`, secrets named by
// an environment variable stay unresolved (checking a config must not need them).
sdk::Expected<sync::TransportSettings> transportSettings(const SourceConfig& source,
                                                         const registry::PluginRegistry& registry,
                                                         const sync::EnvLookup& lookupEnv = {});

}  // namespace recolte::config
