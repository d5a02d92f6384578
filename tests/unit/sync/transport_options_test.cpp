// The host's option table and the checks the table cannot express.
#include <gtest/gtest.h>

#include "sync/transport_options.hpp"

namespace recolte::sync {
namespace {

sdk::ConfigValue options(std::vector<std::pair<std::string, std::string>> given) {
    sdk::ConfigValue map;
    map.kind = sdk::ConfigValue::Kind::Map;
    int line = 1;
    for (auto& [k, v] : given) {
        sdk::ConfigValue value;
        value.kind = sdk::ConfigValue::Kind::Scalar;
        value.scalar = v;
        value.line = ++line;
        value.path = "sources[0]." + k;
        map.map.emplace_back(k, value);
    }
    return map;
}

sdk::Expected<TransportSettings> settings(std::vector<std::pair<std::string, std::string>> given,
                                          const EnvLookup& env = {}) {
    auto values = sdk::validateOptions(transportOptionSpecs(), options(std::move(given)));
    if (!values) return values.error();
    return transportSettingsFrom(values.value(), env);
}

TEST(TransportOptions, DefaultsAreThoseTheTableDeclares) {
    auto s = settings({});
    ASSERT_TRUE(s.ok()) << s.error().describe();
    EXPECT_EQ(s->timeout, std::chrono::seconds(30));
    EXPECT_EQ(s->retries, 3);
    EXPECT_EQ(s->max_bytes, 1ull << 30);
    EXPECT_EQ(s->max_download_time, std::chrono::minutes(10));
    EXPECT_EQ(s->api_key_header, "X-Api-Key");
    EXPECT_TRUE(s->bearer_token.empty());
    EXPECT_TRUE(s->api_key.empty());
}

TEST(TransportOptions, SecretsAreMarkedSecret) {
    for (const auto& spec : transportOptionSpecs()) {
        const bool secret = spec.name == "bearer_token" || spec.name == "api_key";
        EXPECT_EQ(spec.secret, secret) << spec.name;
    }
}

TEST(TransportOptions, ValuesAreTypedAndChecked) {
    auto s = settings({{"timeout", "2m"}, {"retries", "0"}, {"max_bytes", "1048576"}, {"max_download_time", "1h"}});
    ASSERT_TRUE(s.ok()) << s.error().describe();
    EXPECT_EQ(s->timeout, std::chrono::seconds(120));
    EXPECT_EQ(s->max_download_time, std::chrono::hours(1));
    EXPECT_EQ(s->retries, 0);
    EXPECT_EQ(s->max_bytes, 1048576u);

    auto badTimeout = settings({{"timeout", "bientôt"}});
    ASSERT_FALSE(badTimeout.ok());
    EXPECT_EQ(badTimeout.error().where, "line 2: sources[0].timeout");
    EXPECT_NE(badTimeout.error().message.find("invalid duration \"bientôt\""), std::string::npos);

    auto zero = settings({{"timeout", "0s"}});
    ASSERT_FALSE(zero.ok());
    EXPECT_EQ(zero.error().where, "timeout");
    EXPECT_FALSE(settings({{"retries", "11"}}).ok());
    EXPECT_FALSE(settings({{"retries", "-1"}}).ok());
    EXPECT_FALSE(settings({{"max_bytes", "0"}}).ok());
    EXPECT_FALSE(settings({{"max_download_time", "0s"}}).ok());
    EXPECT_FALSE(settings({{"max_download_time", "2d"}}).ok());
    EXPECT_FALSE(settings({{"api_key_header", "X Api Key"}}).ok());
}

TEST(TransportOptions, ASecretComesFromTheConfigOrAVariableNeverBoth) {
    auto both = settings({{"bearer_token", "abcd"}, {"bearer_token_env", "TOKEN"}});
    ASSERT_FALSE(both.ok());
    EXPECT_EQ(both.error().message, "give bearer_token or bearer_token_env, not both");
    EXPECT_EQ(settings({{"api_key_env", "2BAD"}}).error().where, "api_key_env");
}

TEST(TransportOptions, VariablesAreResolvedOnlyWhenALookupIsGiven) {
    // Checking a config: the variable need not exist yet.
    auto checked = settings({{"api_key_env", "PARTNER_KEY"}});
    ASSERT_TRUE(checked.ok()) << checked.error().describe();
    EXPECT_TRUE(checked->api_key.empty());

    auto env = [](const std::string& name) -> std::optional<std::string> {
        if (name == "PARTNER_KEY") return std::string("k-123");
        if (name == "EMPTY") return std::string();
        return std::nullopt;
    };
    auto resolved = settings({{"api_key_env", "PARTNER_KEY"}}, env);
    ASSERT_TRUE(resolved.ok()) << resolved.error().describe();
    EXPECT_EQ(resolved->api_key, "k-123");

    auto unset = settings({{"bearer_token_env", "NOPE"}}, env);
    ASSERT_FALSE(unset.ok());
    EXPECT_EQ(unset.error().kind, sdk::ErrorKind::Config);
    EXPECT_EQ(unset.error().message, "the environment variable NOPE is not set");
    EXPECT_EQ(settings({{"bearer_token_env", "EMPTY"}}, env).error().message, "the environment variable EMPTY is empty");
}

TEST(TransportOptions, ALineBreakInASecretIsRefusedWithoutShowingIt) {
    auto s = settings({{"bearer_token", "abc\r\nX-Injected: 1"}});
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().describe().find("abc"), std::string::npos) << s.error().describe();
}

}  // namespace
}  // namespace recolte::sync
