#include <gtest/gtest.h>

#include "config/config.hpp"
#include "registry/plugin_registry.hpp"
#include "support/temp_dir.hpp"

namespace recolte::config {
namespace {

std::string joined(const std::vector<std::string>& errors) {
    std::string out;
    for (const auto& e : errors) out += e + "\n";
    return out;
}

TEST(Config, ParsesHostKeysAndResolvesPathsAgainstTheConfigFolder) {
    auto r = loadConfigFromString(R"(
http: {bind: 127.0.0.1, port: 9090}
store: {sqlite: ../var/hub.db}
log: {level: debug}
sources:
  - name: ferme
    connector: csv
    path: data/prix.csv
    every: 15m
  - name: distante
    connector: csv
    url: http://127.0.0.1:1/x.csv
    every: 1d
)",
                                  "/etc/recolte/recolte.yaml");
    ASSERT_TRUE(r.errors.empty()) << joined(r.errors);
    EXPECT_EQ(r.config.http_port, 9090);
    EXPECT_EQ(r.config.sqlite_path, "/etc/var/hub.db");
    EXPECT_EQ(r.config.log_level, "debug");
    ASSERT_EQ(r.config.sources.size(), 2u);
    EXPECT_EQ(r.config.sources[0].location, "/etc/recolte/data/prix.csv");
    EXPECT_EQ(r.config.sources[0].every_seconds, 900);
    EXPECT_EQ(r.config.sources[0].line, 6);
    EXPECT_TRUE(r.config.sources[1].is_url);
    EXPECT_EQ(r.config.sources[1].every_seconds, 86400);
}

TEST(Config, EveryErrorNamesFileLineAndKey) {
    auto r = loadConfigFromString(R"(store: {sqlite: x.db}
http: {port: huit}
colour: blue
sources:
  - name: a
    connector: csv
    path: a.csv
    every: 10 minutes
  - name: a
    path: b.csv
  - name: "b c"
    connector: csv
)",
                                  "/tmp/r.yaml");
    const std::string all = joined(r.errors);
    EXPECT_NE(all.find("/tmp/r.yaml:2: http.port: expected a port number"), std::string::npos) << all;
    EXPECT_NE(all.find("/tmp/r.yaml:3: colour: unknown key; valid keys are: http, store, plugins, log, sources"),
              std::string::npos)
        << all;
    EXPECT_NE(all.find("/tmp/r.yaml:8: sources[0].every: invalid duration \"10 minutes\""), std::string::npos) << all;
    EXPECT_NE(all.find("/tmp/r.yaml:9: sources[1].name: duplicate source name \"a\""), std::string::npos) << all;
    EXPECT_NE(all.find("sources[1].connector: missing"), std::string::npos) << all;
    EXPECT_NE(all.find("sources[2].name: use letters, digits"), std::string::npos) << all;
    EXPECT_NE(all.find("sources[2]: missing path or url"), std::string::npos) << all;
}

TEST(Config, YamlSyntaxErrorNamesTheLine) {
    auto r = loadConfigFromString("store: {sqlite: x.db}\nsources:\n  - name: [unclosed\n", "/tmp/bad.yaml");
    ASSERT_EQ(r.errors.size(), 1u);
    EXPECT_NE(r.errors[0].find("/tmp/bad.yaml:"), std::string::npos);
    EXPECT_NE(r.errors[0].find("YAML syntax error"), std::string::npos);
}

TEST(Config, MissingFileAndMissingStoreAreErrors) {
    auto missing = loadConfig("/nonexistent/recolte.yaml");
    ASSERT_EQ(missing.errors.size(), 1u);
    EXPECT_NE(missing.errors[0].find("cannot read"), std::string::npos);
    auto noStore = loadConfigFromString("sources: []\n", "/tmp/x.yaml");
    ASSERT_EQ(noStore.errors.size(), 1u);
    EXPECT_NE(noStore.errors[0].find("store: missing"), std::string::npos);
}

TEST(Config, UnknownConnectorOptionListsTheValidOnes) {
    registry::PluginRegistry reg;
    ASSERT_TRUE(reg.loadFile(std::string(RECOLTE_TEST_BAD_PLUGIN_DIR) + "/libtest_good.so").ok());
    auto r = loadConfigFromString(R"(store: {sqlite: x.db}
sources:
  - name: t
    connector: test_good
    path: whatever
    count: 5
    colour: red
  - name: u
    connector: nosuch
    path: whatever
  - name: v
    connector: test_good
    path: whatever
    count: many
)",
                                  "/tmp/opts.yaml");
    ASSERT_TRUE(r.errors.empty()) << joined(r.errors);
    auto errors = checkSources(r.config, reg);
    const std::string all = joined(errors);
    ASSERT_EQ(errors.size(), 3u) << all;
    EXPECT_EQ(errors[0],
              "/tmp/opts.yaml:7: sources[0].colour: unknown option \"colour\"; valid options are: api_key, api_key_env, "
              "api_key_header, bad_invoices, bearer_token, bearer_token_env, connector, count, every, fail_after, "
              "invoice_statuses, invoices, isolation, max_bytes, max_download_time, memory_limit, name, needs, path, "
              "retries, time_limit, timeout, token, url");
    EXPECT_NE(errors[1].find("unknown connector \"nosuch\"; loaded connectors are: test_good"), std::string::npos) << all;
    EXPECT_NE(errors[2].find("/tmp/opts.yaml:14: sources[2].count: expected an integer, got \"many\""), std::string::npos)
        << all;
    auto ok = sourceOptions(r.config.sources[0], reg);
    EXPECT_FALSE(ok.ok());
}

TEST(Config, ValidOptionsGetTheirTypesAndDefaults) {
    registry::PluginRegistry reg;
    ASSERT_TRUE(reg.loadFile(std::string(RECOLTE_TEST_BAD_PLUGIN_DIR) + "/libtest_good.so").ok());
    auto r = loadConfigFromString("store: {sqlite: x.db}\nsources:\n  - {name: t, connector: test_good, path: p, count: 7}\n",
                                  "/tmp/o.yaml");
    ASSERT_TRUE(r.errors.empty()) << joined(r.errors);
    auto opts = sourceOptions(r.config.sources[0], reg);
    ASSERT_TRUE(opts.ok()) << opts.error().describe();
    EXPECT_EQ(opts->getInt("count"), 7);
    EXPECT_EQ(opts->getInt("fail_after"), -1);  // the declared default
}

TEST(Config, HostOptionsAreCheckedOnEverySource) {
    registry::PluginRegistry reg;
    ASSERT_TRUE(reg.loadFile(std::string(RECOLTE_TEST_BAD_PLUGIN_DIR) + "/libtest_good.so").ok());
    auto r = loadConfigFromString(R"(store: {sqlite: x.db}
sources:
  - name: a
    connector: test_good
    url: https://example.org/a.csv
    count: 2
    timeout: soon
  - name: b
    connector: test_good
    url: https://example.org/b.csv
    retries: 50
  - name: c
    connector: test_good
    url: https://example.org/c.csv
    bearer_token: abc
    bearer_token_env: B_TOKEN
  - name: d
    connector: test_good
    path: d.csv
    max_bytes: lots
)",
                                  "/tmp/host.yaml");
    ASSERT_TRUE(r.errors.empty()) << joined(r.errors);
    auto errors = checkSources(r.config, reg);
    const std::string all = joined(errors);
    ASSERT_EQ(errors.size(), 4u) << all;
    EXPECT_EQ(errors[0], "/tmp/host.yaml:7: sources[0].timeout: invalid duration \"soon\" (expected e.g. 30s, 15m, 6h, 1d)");
    EXPECT_EQ(errors[1], "/tmp/host.yaml:11: sources[1].retries: expected 0 to 10 retries, got 50");
    EXPECT_EQ(errors[2], "/tmp/host.yaml:16: sources[2].bearer_token_env: give bearer_token or bearer_token_env, not both");
    EXPECT_EQ(errors[3], "/tmp/host.yaml:20: sources[3].max_bytes: expected an integer, got \"lots\"");
    EXPECT_EQ(all.find("abc"), std::string::npos) << "a secret was printed: " << all;
}

TEST(Config, ValidHostOptionsLeaveTheConnectorOptionsAlone) {
    registry::PluginRegistry reg;
    ASSERT_TRUE(reg.loadFile(std::string(RECOLTE_TEST_BAD_PLUGIN_DIR) + "/libtest_good.so").ok());
    auto r = loadConfigFromString(R"(store: {sqlite: x.db}
sources:
  - name: a
    connector: test_good
    url: https://example.org/a.csv
    count: 3
    timeout: 10s
    retries: 0
    api_key_header: X-Cle
    api_key_env: PARTNER_KEY
)",
                                  "/tmp/host.yaml");
    ASSERT_TRUE(r.errors.empty()) << joined(r.errors);
    EXPECT_TRUE(checkSources(r.config, reg).empty()) << joined(checkSources(r.config, reg));
    auto opts = sourceOptions(r.config.sources[0], reg);
    ASSERT_TRUE(opts.ok()) << opts.error().describe();
    EXPECT_EQ(opts->getInt("count"), 3);
    EXPECT_FALSE(opts->has("timeout"));  // the connector never sees the host's options
    auto transport = transportSettings(r.config.sources[0], reg, [](const std::string& name) -> std::optional<std::string> {
        if (name == "PARTNER_KEY") return std::string("k-1");
        return std::nullopt;
    });
    ASSERT_TRUE(transport.ok()) << transport.error().describe();
    EXPECT_EQ(transport->timeout, std::chrono::seconds(10));
    EXPECT_EQ(transport->retries, 0);
    EXPECT_EQ(transport->api_key_header, "X-Cle");
    EXPECT_EQ(transport->api_key, "k-1");
    auto unset = transportSettings(r.config.sources[0], reg, [](const std::string&) { return std::optional<std::string>(); });
    ASSERT_FALSE(unset.ok());
    EXPECT_EQ(unset.error().describe(), "line 10: sources[0].api_key_env: the environment variable PARTNER_KEY is not set");
}

}  // namespace
}  // namespace recolte::config
