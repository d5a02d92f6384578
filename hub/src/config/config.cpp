#include "config/config.hpp"

#include <yaml-cpp/yaml.h>

#include <Poco/Path.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "registry/plugin_registry.hpp"
#include "sync/run_limits.hpp"

namespace recolte::config {

namespace {

namespace fs = std::filesystem;

int lineOf(const YAML::Node& n) { return n.Mark().line >= 0 ? n.Mark().line + 1 : 0; }

sdk::ConfigValue toConfigValue(const YAML::Node& node, const std::string& path) {
    sdk::ConfigValue v;
    v.line = lineOf(node);
    v.path = path;
    if (!node || node.IsNull()) {
        v.kind = sdk::ConfigValue::Kind::Null;
    } else if (node.IsScalar()) {
        v.kind = sdk::ConfigValue::Kind::Scalar;
        v.scalar = node.Scalar();
    } else if (node.IsSequence()) {
        v.kind = sdk::ConfigValue::Kind::List;
        size_t i = 0;
        for (const auto& item : node) v.list.push_back(toConfigValue(item, path + "[" + std::to_string(i++) + "]"));
    } else if (node.IsMap()) {
        v.kind = sdk::ConfigValue::Kind::Map;
        for (const auto& kv : node) {
            std::string key = kv.first.Scalar();
            auto child = toConfigValue(kv.second, path.empty() ? key : path + "." + key);
            if (child.line == 0) child.line = lineOf(kv.first);
            v.map.emplace_back(key, std::move(child));
        }
    }
    return v;
}

class Checker {
public:
    Checker(std::string file, std::vector<std::string>& errors) : file_(std::move(file)), errors_(errors) {}

    void error(const YAML::Node& at, const std::string& key, const std::string& reason) {
        error(lineOf(at), key, reason);
    }
    void error(int line, const std::string& key, const std::string& reason) {
        std::string msg = file_;
        if (line > 0) msg += ":" + std::to_string(line);
        msg += ": " + key + ": " + reason;
        errors_.push_back(msg);
    }
    void unknownKeys(const YAML::Node& map, const std::string& prefix, const std::vector<std::string>& valid) {
        for (const auto& kv : map) {
            const std::string key = kv.first.Scalar();
            if (std::find(valid.begin(), valid.end(), key) == valid.end()) {
                std::string list;
                for (const auto& k : valid) list += (list.empty() ? "" : ", ") + k;
                error(kv.first, prefix + key, "unknown key; valid keys are: " + list);
            }
        }
    }

private:
    std::string file_;
    std::vector<std::string>& errors_;
};

std::string resolve(const std::string& baseDir, const std::string& p) {
    if (p.empty()) return p;
    fs::path path(p);
    if (path.is_absolute()) return path.lexically_normal().string();
    return (fs::path(baseDir) / path).lexically_normal().string();
}

bool scalarString(const YAML::Node& node, Checker& check, const std::string& key, std::string& out) {
    if (!node) return false;
    if (!node.IsScalar()) {
        check.error(node, key, "expected a plain value");
        return false;
    }
    out = node.Scalar();
    return true;
}

// One whole number from `min` to `max` (a limit under http:).
void boundedInteger(const YAML::Node& node, Checker& check, const std::string& key, int64_t min, int64_t max,
                    const std::string& why, int64_t& out) {
    std::string text;
    if (!scalarString(node, check, key, text)) return;
    const bool digits = !text.empty() && text.size() <= 18 &&
                        std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c); });
    const int64_t v = digits ? std::stoll(text) : -1;
    if (v < min || v > max)
        return check.error(node, key, "expected a whole number from " + std::to_string(min) + " to " +
                                          std::to_string(max) + why + ", got \"" + text + "\"");
    out = v;
}

void parseHttp(const YAML::Node& http, Checker& check, Config& cfg) {
    if (!http.IsMap()) return check.error(http, "http", "expected a map with bind and port");
    check.unknownKeys(http, "http.", {"bind", "port", "max_body_bytes", "max_upload_bytes", "max_header_fields",
                                      "max_header_name", "max_header_value", "max_uri", "auth_free_failures",
                                      "auth_max_delay_seconds"});
    scalarString(http["bind"], check, "http.bind", cfg.http_bind);
    std::string port;
    if (scalarString(http["port"], check, "http.port", port)) {
        try {
            size_t used = 0;
            int p = std::stoi(port, &used);
            if (used != port.size() || p < 0 || p > 65535) throw std::out_of_range("port");
            cfg.http_port = p;
        } catch (const std::exception&) {
            check.error(http["port"], "http.port", "expected a port number 0-65535, got \"" + port + "\"");
        }
    }
    HttpLimits& l = cfg.http_limits;
    const std::string poco = " (Poco refuses more by itself)";
    boundedInteger(http["max_body_bytes"], check, "http.max_body_bytes", 1, int64_t{1} << 40, "", l.max_body_bytes);
    boundedInteger(http["max_upload_bytes"], check, "http.max_upload_bytes", 1, int64_t{1} << 40, "", l.max_upload_bytes);
    boundedInteger(http["max_header_fields"], check, "http.max_header_fields", 1, 100, poco, l.max_header_fields);
    boundedInteger(http["max_header_name"], check, "http.max_header_name", 16, 256, poco, l.max_header_name);
    boundedInteger(http["max_header_value"], check, "http.max_header_value", 64, 8192, poco, l.max_header_value);
    boundedInteger(http["max_uri"], check, "http.max_uri", 64, 16384, poco, l.max_uri);
    boundedInteger(http["auth_free_failures"], check, "http.auth_free_failures", 1, 1000000, "", l.auth_free_failures);
    boundedInteger(http["auth_max_delay_seconds"], check, "http.auth_max_delay_seconds", 1, 86400, "",
                   l.auth_max_delay_seconds);
}

void parseStore(const YAML::Node& store, Checker& check, Config& cfg, const std::string& baseDir) {
    if (!store.IsMap()) return check.error(store, "store", "expected {sqlite: PATH} or {postgresql: CONNINFO}");
    check.unknownKeys(store, "store.", {"sqlite", "postgresql", "password_env"});
    std::string s;
    if (scalarString(store["sqlite"], check, "store.sqlite", s)) cfg.sqlite_path = resolve(baseDir, s);
    if (scalarString(store["postgresql"], check, "store.postgresql", s)) {
        cfg.postgresql = s;
        // The password lives only in the environment, never in a file that gets copied around.
        if (s.find("password") != std::string::npos)
            check.error(store["postgresql"], "store.postgresql",
                        "no password here: name the environment variable that holds it with store.password_env");
    }
    if (scalarString(store["password_env"], check, "store.password_env", s)) {
        cfg.postgresql_password_env = s;
        if (cfg.postgresql.empty())
            check.error(store["password_env"], "store.password_env", "only with store.postgresql");
    }
    if (!cfg.sqlite_path.empty() && !cfg.postgresql.empty())
        check.error(store, "store", "either sqlite or postgresql, not both");
    if (cfg.sqlite_path.empty() && cfg.postgresql.empty())
        check.error(store, "store", "expected {sqlite: PATH} or {postgresql: CONNINFO, password_env: NAME}");
}

SourceConfig parseSource(const YAML::Node& node, const std::string& key, Checker& check, const std::string& baseDir) {
    SourceConfig src;
    src.line = lineOf(node);
    src.raw = toConfigValue(node, key);
    if (!scalarString(node["name"], check, key + ".name", src.name) || src.name.empty()) {
        check.error(node, key + ".name", "missing: every source needs a name");
    } else {
        bool ok = std::all_of(src.name.begin(), src.name.end(), [](unsigned char c) {
            return std::isalnum(c) || c == '-' || c == '_';
        });
        if (!ok) check.error(node["name"], key + ".name", "use letters, digits, - and _ only, got \"" + src.name + "\"");
    }
    if (!scalarString(node["connector"], check, key + ".connector", src.connector) || src.connector.empty())
        check.error(node, key + ".connector", "missing: which connector reads this source");
    std::string path, url;
    bool hasPath = scalarString(node["path"], check, key + ".path", path);
    bool hasUrl = scalarString(node["url"], check, key + ".url", url);
    if (hasPath && hasUrl) check.error(node, key, "give either path or url, not both");
    else if (!hasPath && !hasUrl) check.error(node, key, "missing path or url");
    else if (hasUrl) {
        if (url.rfind("http://", 0) != 0 && url.rfind("https://", 0) != 0)
            check.error(node["url"], key + ".url", "expected an http:// or https:// URL, got \"" + url + "\"");
        src.location = url;
        src.is_url = true;
    } else {
        src.location = resolve(baseDir, path);
    }
    std::string every;
    if (scalarString(node["every"], check, key + ".every", every)) {
        auto secs = sdk::parseDurationSeconds(every);
        if (!secs || *secs <= 0) check.error(node["every"], key + ".every", "invalid duration \"" + every + "\" (expected e.g. 30s, 15m, 6h, 1d)");
        else src.every_seconds = *secs;
    }
    return src;
}

void parseSources(const YAML::Node& sources, Checker& check, Config& cfg, const std::string& baseDir) {
    if (!sources.IsSequence()) return check.error(sources, "sources", "expected a list of sources");
    std::set<std::string> names;
    size_t i = 0;
    for (const auto& node : sources) {
        const std::string key = "sources[" + std::to_string(i++) + "]";
        if (!node.IsMap()) {
            check.error(node, key, "expected a map with name, connector, path or url, every");
            continue;
        }
        SourceConfig src = parseSource(node, key, check, baseDir);
        if (!src.name.empty() && !names.insert(src.name).second)
            check.error(node["name"], key + ".name", "duplicate source name \"" + src.name + "\"");
        cfg.sources.push_back(std::move(src));
    }
}

bool isLowerOrUpperHex64(const std::string& s) {
    return s.size() == 64 && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isxdigit(c); });
}

void parseAuth(const YAML::Node& auth, Checker& check, Config& cfg) {
    if (!auth.IsMap()) return check.error(auth, "auth", "expected a map with tokens");
    check.unknownKeys(auth, "auth.", {"tokens"});
    const YAML::Node tokens = auth["tokens"];
    if (!tokens) return;
    if (!tokens.IsSequence()) return check.error(tokens, "auth.tokens", "expected a list of {name, roles, sha256}");
    std::set<std::string> names;
    size_t i = 0;
    for (const auto& node : tokens) {
        const std::string key = "auth.tokens[" + std::to_string(i++) + "]";
        if (!node.IsMap()) {
            check.error(node, key, "expected a map with name, roles, sha256");
            continue;
        }
        check.unknownKeys(node, key + ".", {"name", "roles", "sha256"});
        AuthToken t;
        if (!scalarString(node["name"], check, key + ".name", t.name) || t.name.empty())
            check.error(node, key + ".name", "missing: every token needs a name (it is what the log shows)");
        else if (!names.insert(t.name).second)
            check.error(node["name"], key + ".name", "duplicate token name \"" + t.name + "\"");
        const YAML::Node roles = node["roles"];
        if (!roles) {
            check.error(node, key + ".roles", "missing: the token's roles, e.g. [finance]");
        } else if (!roles.IsSequence() || roles.size() == 0) {
            check.error(roles, key + ".roles", "expected a non-empty list of roles, e.g. [finance]");
        } else {
            size_t j = 0;
            for (const auto& r : roles) {
                const std::string rkey = key + ".roles[" + std::to_string(j++) + "]";
                std::string role;
                if (!scalarString(r, check, rkey, role)) continue;
                const auto& known = knownRoles();
                if (std::find(known.begin(), known.end(), role) == known.end()) {
                    std::string list;
                    for (const auto& k : known) list += (list.empty() ? "" : ", ") + k;
                    check.error(r, rkey, "unknown role \"" + role + "\"; valid roles are: " + list);
                    continue;
                }
                if (std::find(t.roles.begin(), t.roles.end(), role) == t.roles.end()) t.roles.push_back(role);
            }
        }
        if (!scalarString(node["sha256"], check, key + ".sha256", t.sha256)) {
            check.error(node, key + ".sha256", "missing: the token's SHA-256, as `recolte hash-token` prints it");
        } else if (!isLowerOrUpperHex64(t.sha256)) {
            // Never echo the value: someone may have pasted the token itself here.
            check.error(node["sha256"], key + ".sha256",
                        "expected 64 hexadecimal digits (the SHA-256 that `recolte hash-token` prints), got " +
                            std::to_string(t.sha256.size()) + " characters");
        } else {
            std::transform(t.sha256.begin(), t.sha256.end(), t.sha256.begin(),
                           [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        }
        cfg.auth_tokens.push_back(std::move(t));
    }
}

void parseInvoices(const YAML::Node& invoices, Checker& check, Config& cfg) {
    if (!invoices.IsMap()) return check.error(invoices, "invoices", "expected a map with local_km");
    check.unknownKeys(invoices, "invoices.", {"local_km"});
    std::string km;
    if (!scalarString(invoices["local_km"], check, "invoices.local_km", km)) return;
    const bool digits = !km.empty() && km.size() <= 5 &&
                        std::all_of(km.begin(), km.end(), [](unsigned char c) { return std::isdigit(c); });
    if (!digits) return check.error(invoices["local_km"], "invoices.local_km",
                                    "expected a whole number of kilometres (0-99999), got \"" + km + "\"");
    cfg.invoices_local_km = std::stoll(km);
}

LoadResult parse(const YAML::Node& root, const std::string& file) {
    LoadResult result;
    Checker check(file, result.errors);
    Config& cfg = result.config;
    cfg.file = file;
    const std::string baseDir = fs::path(file).parent_path().string();
    if (!root.IsMap()) {
        check.error(root, "(top)", "expected a map with http, store, plugins, log, sources, auth, invoices");
        return result;
    }
    check.unknownKeys(root, "", {"http", "store", "plugins", "log", "sources", "auth", "invoices", "sync"});
    if (root["sync"]) {
        cfg.sync_defaults = toConfigValue(root["sync"], "sync");
        if (auto limits = sync::runLimitsFrom(cfg.sync_defaults, {}); !limits)
            result.errors.push_back(file + ": " + limits.error().describe());
    }
    if (root["auth"]) parseAuth(root["auth"], check, cfg);
    if (root["invoices"]) parseInvoices(root["invoices"], check, cfg);
    if (root["http"]) parseHttp(root["http"], check, cfg);
    if (root["store"]) parseStore(root["store"], check, cfg, baseDir);
    else check.error(0, "store", "missing: where the hub keeps its data, e.g. store: {sqlite: recolte.db}");
    std::string s;
    if (scalarString(root["plugins"], check, "plugins", s)) cfg.plugins_dir = resolve(baseDir, s);
    if (const auto log = root["log"]) {
        if (!log.IsMap()) check.error(log, "log", "expected a map with level");
        else {
            check.unknownKeys(log, "log.", {"level"});
            if (scalarString(log["level"], check, "log.level", cfg.log_level)) {
                static const std::vector<std::string> levels{"trace", "debug", "info", "warn", "error", "critical", "off"};
                if (std::find(levels.begin(), levels.end(), cfg.log_level) == levels.end())
                    check.error(log["level"], "log.level", "expected one of trace, debug, info, warn, error, critical, off");
            }
        }
    }
    if (root["sources"]) parseSources(root["sources"], check, cfg, baseDir);
    return result;
}

LoadResult parseText(const std::string& text, const std::string& file) {
    try {
        return parse(YAML::Load(text), file);
    } catch (const YAML::Exception& e) {
        LoadResult r;
        r.config.file = file;
        r.errors.push_back(file + ":" + std::to_string(e.mark.line + 1) + ": YAML syntax error: " + e.msg);
        return r;
    }
}

// The keys every source has, whatever its connector and transport.
const std::vector<std::string>& baseSourceKeys() {
    static const std::vector<std::string> keys{"name", "connector", "path", "url", "every"};
    return keys;
}

// "line N: sources[i].KEY" for a key of the source (as the SDK names places), for checks made
// after validateOptions, which only know the option's name.
std::string whereInSource(const SourceConfig& source, const std::string& key) {
    for (const auto& [k, v] : source.raw.map)
        if (k == key) return "line " + std::to_string(v.line) + ": " + v.path;
    return "line " + std::to_string(source.line) + ": " + source.raw.path + "." + key;
}

// The SDK names places as "line N: key"; the host writes "FILE:N: key" like compilers do.
std::string locate(const std::string& file, const sdk::Error& e) {
    const std::string prefix = "line ";
    if (e.where.rfind(prefix, 0) == 0) {
        auto colon = e.where.find(": ");
        if (colon != std::string::npos)
            return file + ":" + e.where.substr(prefix.size(), colon - prefix.size()) + ": " + e.where.substr(colon + 2) +
                   ": " + e.message;
    }
    return file + ": " + e.describe();
}

}  // namespace

const std::vector<std::string>& knownRoles() {
    static const std::vector<std::string> roles{"finance", "admin"};
    return roles;
}

const std::vector<std::string>& hostSourceKeys() {
    static const std::vector<std::string> keys = [] {
        std::vector<std::string> all = baseSourceKeys();
        for (const auto& spec : sync::transportOptionSpecs()) all.push_back(spec.name);
        return all;
    }();
    return keys;
}

LoadResult loadConfig(const std::string& path) {
    std::string abs = fs::absolute(path).lexically_normal().string();
    std::ifstream in(abs, std::ios::binary);
    if (!in) {
        LoadResult r;
        r.config.file = abs;
        r.errors.push_back(path + ": cannot read the configuration file");
        return r;
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    return parseText(ss.str(), abs);
}

LoadResult loadConfigFromString(const std::string& yaml, const std::string& pretendPath) {
    return parseText(yaml, fs::absolute(pretendPath).lexically_normal().string());
}

SourceResult parseSourceNode(const YAML::Node& node, const std::string& key, const std::string& file) {
    SourceResult result;
    const std::string abs = fs::absolute(file).lexically_normal().string();
    Checker check(abs, result.errors);
    if (!node.IsMap()) {
        check.error(node, key, "expected a map with path or url and the connector's options");
        return result;
    }
    result.source = parseSource(node, key, check, fs::path(abs).parent_path().string());
    return result;
}

sdk::Expected<sdk::OptionValues> sourceOptions(const SourceConfig& source, const registry::PluginRegistry& registry) {
    const auto* desc = registry.description(source.connector);
    if (!desc) {
        std::string list;
        for (const auto& n : registry.names()) list += (list.empty() ? "" : ", ") + n;
        return sdk::configError("unknown connector \"" + source.connector + "\"; loaded connectors are: " +
                                    (list.empty() ? "(none)" : list),
                                "line " + std::to_string(source.line) + ": " + source.raw.path + ".connector");
    }
    return sdk::validateOptions(desc->options, source.raw, hostSourceKeys());
}

sdk::Expected<sync::TransportSettings> transportSettings(const SourceConfig& source,
                                                         const registry::PluginRegistry& registry,
                                                         const sync::EnvLookup& lookupEnv) {
    // The connector's own keys are not the host's business; any other key is unknown, and the
    // error lists the valid keys of both.
    std::vector<std::string> others = baseSourceKeys();
    if (const auto* desc = registry.description(source.connector))
        for (const auto& spec : desc->options) others.push_back(spec.name);
    auto values = sdk::validateOptions(sync::transportOptionSpecs(), source.raw, others);
    if (!values) return values.error();
    auto settings = sync::transportSettingsFrom(values.value(), lookupEnv);
    if (!settings) {
        sdk::Error e = settings.error();
        e.where = whereInSource(source, e.where);
        return e;
    }
    return settings;
}

std::vector<std::string> checkSources(const Config& config, const registry::PluginRegistry& registry) {
    std::vector<std::string> errors;
    for (const auto& src : config.sources) {
        if (src.connector.empty()) continue;  // already reported by loadConfig
        // One error per source: an unknown key would otherwise be reported by both checks.
        auto opts = sourceOptions(src, registry);
        if (!opts) {
            errors.push_back(locate(config.file, opts.error()));
            continue;
        }
        auto transport = transportSettings(src, registry);
        if (!transport) errors.push_back(locate(config.file, transport.error()));
        else if (auto limits = sync::runLimitsFrom(config.sync_defaults, src.raw); !limits)
            errors.push_back(locate(config.file, limits.error()));
    }
    return errors;
}

}  // namespace recolte::config
