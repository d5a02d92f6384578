// HttpTransport credentials and redirects: bearer token and API key sent (from the config or an
// environment variable), never shown in an error or a log line, never sent to another host.
#include <gtest/gtest.h>

#include "support/capture_sink.hpp"
#include "support/http_test_server.hpp"
#include "sync/http_transport.hpp"

namespace recolte::sync {
namespace {

using Request = testing::HttpTestServer::Request;
using Response = testing::HttpTestServer::Response;

const std::string kToken = "jeton-tres-secret-42";
const std::string kKey = "cle-api-tres-secrete-7";

TransportSettings fastSettings() {
    TransportSettings s;
    s.timeout = std::chrono::milliseconds(1000);
    s.retries = 1;
    s.backoff_base = std::chrono::milliseconds(10);
    return s;
}

// Settings as a source's YAML would give them, through the option table.
TransportSettings fromOptions(std::vector<std::pair<std::string, std::string>> given, const EnvLookup& env) {
    sdk::ConfigValue map;
    map.kind = sdk::ConfigValue::Kind::Map;
    for (auto& [k, v] : given) {
        sdk::ConfigValue value;
        value.kind = sdk::ConfigValue::Kind::Scalar;
        value.scalar = v;
        map.map.emplace_back(k, value);
    }
    auto options = sdk::validateOptions(transportOptionSpecs(), map);
    EXPECT_TRUE(options.ok()) << options.error().describe();
    auto settings = transportSettingsFrom(options.value(), env);
    EXPECT_TRUE(settings.ok()) << settings.error().describe();
    TransportSettings s = settings.ok() ? settings.value() : TransportSettings{};
    s.backoff_base = std::chrono::milliseconds(10);
    s.timeout = std::chrono::milliseconds(1000);
    return s;
}

class HttpAuthTest : public ::testing::Test {
protected:
    void SetUp() override {
        server_.route("/catalogue", [](const Request&) { return Response{200, "{}"}; });
        server_.route("/down", [](const Request&) { return Response{503, "maintenance"}; });
    }

    // Nothing the transport logged or returned holds a secret.
    void expectNoSecret(const std::string& text) {
        EXPECT_EQ(text.find(kToken), std::string::npos) << text;
        EXPECT_EQ(text.find(kKey), std::string::npos) << text;
    }
    void expectNoSecretLogged() {
        for (const auto& [level, line] : log_.lines) expectNoSecret(line);
    }

    testing::HttpTestServer server_;
    testing::NullLog log_;
};

TEST_F(HttpAuthTest, BearerTokenFromTheConfigIsSent) {
    HttpTransport transport(fromOptions({{"bearer_token", kToken}}, {}), &log_);
    ASSERT_TRUE(transport.fetch(server_.url("/catalogue")).ok());
    const auto sent = server_.requests("/catalogue").at(0);
    EXPECT_EQ(sent.header("Authorization"), "Bearer " + kToken);
    EXPECT_EQ(sent.header("X-Api-Key"), "");
    expectNoSecretLogged();
}

TEST_F(HttpAuthTest, ApiKeyFromAnEnvironmentVariableIsSentInTheNamedHeader) {
    auto env = [](const std::string& name) -> std::optional<std::string> {
        if (name == "BAG_API_KEY") return kKey;
        return std::nullopt;
    };
    HttpTransport transport(fromOptions({{"api_key_env", "BAG_API_KEY"}, {"api_key_header", "X-Cle"}}, env), &log_);
    ASSERT_TRUE(transport.fetch(server_.url("/catalogue")).ok());
    const auto sent = server_.requests("/catalogue").at(0);
    EXPECT_EQ(sent.header("X-Cle"), kKey);
    EXPECT_EQ(sent.header("Authorization"), "");
    expectNoSecretLogged();
}

TEST_F(HttpAuthTest, TheTokenFromTheProcessEnvironmentWorksToo) {
    ::setenv("RECOLTE_TEST_HTTP_TOKEN", kToken.c_str(), 1);
    HttpTransport transport(fromOptions({{"bearer_token_env", "RECOLTE_TEST_HTTP_TOKEN"}}, processEnv), &log_);
    ::unsetenv("RECOLTE_TEST_HTTP_TOKEN");
    ASSERT_TRUE(transport.fetch(server_.url("/catalogue")).ok());
    EXPECT_EQ(server_.requests("/catalogue").at(0).header("Authorization"), "Bearer " + kToken);
}

TEST_F(HttpAuthTest, SecretsNeverAppearInErrorsOrLogs) {
    TransportSettings settings = fastSettings();
    settings.bearer_token = kToken;
    settings.api_key_header = "X-Api-Key";
    settings.api_key = kKey;
    HttpTransport transport(settings, &log_);
    auto down = transport.fetch(server_.url("/down"));  // retried: a warning per retry
    ASSERT_FALSE(down.ok());
    expectNoSecret(down.error().describe());
    // A redirect whose target holds the token (a server echoing it back): the refusal names the
    // target, with the token masked.
    server_.route("/echo", [](const Request& req) {
        Response r{302, ""};
        r.headers["Location"] = "ftp://127.0.0.1/" + req.header("Authorization").substr(7) + "/" + req.header("X-Api-Key");
        return r;
    });
    auto echoed = transport.fetch(server_.url("/echo"));
    ASSERT_FALSE(echoed.ok());
    EXPECT_EQ(echoed.error().kind, sdk::ErrorKind::Config);
    EXPECT_NE(echoed.error().message.find("ftp://127.0.0.1/***/***"), std::string::npos) << echoed.error().message;
    expectNoSecret(echoed.error().describe());
    ASSERT_GE(log_.lines.size(), 3u);
    expectNoSecretLogged();
}

TEST_F(HttpAuthTest, RedirectsAreFollowedAndTheBlobKeepsTheConfiguredUrl) {
    server_.route("/ancien", [this](const Request&) {
        Response r{301, ""};
        r.headers["Location"] = server_.url("/relais");
        return r;
    });
    server_.route("/relais", [](const Request&) {
        Response r{307, ""};
        r.headers["Location"] = "/catalogue?v=2";  // relative
        return r;
    });
    HttpTransport transport(fastSettings(), &log_);
    auto blob = transport.fetch(server_.url("/ancien"));
    ASSERT_TRUE(blob.ok()) << blob.error().describe();
    EXPECT_EQ(blob->bytes, "{}");
    EXPECT_EQ(blob->name, server_.url("/ancien"));
    ASSERT_EQ(server_.requests("/catalogue").size(), 1u);
    EXPECT_EQ(server_.requests("/catalogue")[0].query, "v=2");
    EXPECT_EQ(log_.lines.at(0).second, "GET " + server_.url("/ancien") + " -> HTTP 301 Moved Permanently");
}

TEST_F(HttpAuthTest, ARedirectLoopStops) {
    server_.route("/boucle", [this](const Request&) {
        Response r{302, ""};
        r.headers["Location"] = server_.url("/boucle");
        return r;
    });
    HttpTransport transport(fastSettings());
    auto blob = transport.fetch(server_.url("/boucle"));
    ASSERT_FALSE(blob.ok());
    EXPECT_EQ(blob.error().kind, sdk::ErrorKind::Config);
    EXPECT_NE(blob.error().message.find("plus de 5 redirections"), std::string::npos) << blob.error().message;
    EXPECT_EQ(server_.requestCount("/boucle"), 6);  // the first request and 5 redirects, no retry
}

TEST_F(HttpAuthTest, CredentialsAreNotSentToTheHostARedirectPointsTo) {
    // Same server, another host name: what a redirect to a third party looks like.
    server_.route("/ailleurs", [this](const Request&) {
        Response r{302, ""};
        r.headers["Location"] = "http://localhost:" + std::to_string(server_.port()) + "/catalogue";
        return r;
    });
    TransportSettings settings = fastSettings();
    settings.bearer_token = kToken;
    HttpTransport transport(settings);
    ASSERT_TRUE(transport.fetch(server_.url("/ailleurs")).ok());
    EXPECT_EQ(server_.requests("/ailleurs").at(0).header("Authorization"), "Bearer " + kToken);
    EXPECT_EQ(server_.requests("/catalogue").at(0).header("Authorization"), "");
}

TEST_F(HttpAuthTest, ARedirectToHttpsIsFollowed) {
    // This server speaks plain HTTP only: the TLS handshake to it fails, which shows the redirect
    // was followed over https.
    server_.route("/vers-https", [this](const Request&) {
        Response r{302, ""};
        r.headers["Location"] = "https://127.0.0.1:" + std::to_string(server_.port()) + "/catalogue";
        return r;
    });
    HttpTransport transport(fastSettings());
    auto blob = transport.fetch(server_.url("/vers-https"));
    ASSERT_FALSE(blob.ok());
    EXPECT_NE(blob.error().message.find("TLS"), std::string::npos) << blob.error().describe();
    EXPECT_EQ(blob.error().where, server_.url("/vers-https"));
}

}  // namespace
}  // namespace recolte::sync
