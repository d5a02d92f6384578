// HttpTransport against a real server on 127.0.0.1: files, conditional GET, retries, timeouts,
// truncated and oversized bodies. Timeouts and backoff are short so each test stays fast.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>

#include "support/capture_sink.hpp"
#include "support/http_test_server.hpp"
#include "support/temp_dir.hpp"
#include "sync/http_transport.hpp"

namespace recolte::sync {
namespace {

using Request = testing::HttpTestServer::Request;
using Response = testing::HttpTestServer::Response;

TransportSettings fastSettings(int retries = 2) {
    TransportSettings s;
    s.timeout = std::chrono::milliseconds(1000);
    s.retries = retries;
    s.backoff_base = std::chrono::milliseconds(10);
    s.retry_after_cap = std::chrono::milliseconds(300);
    return s;
}

class HttpTransportTest : public ::testing::Test {
protected:
    std::string contains(const std::string& haystack, const std::string& needle) {
        return haystack.find(needle) == std::string::npos ? "\"" + needle + "\" not in \"" + haystack + "\"" : "";
    }

    testing::TempDir dir_;
    testing::HttpTestServer server_;
    testing::NullLog log_;
};

TEST_F(HttpTransportTest, FetchesAFileWithItsValidators) {
    const std::string csv = "produit;prix\nPommes;2,50\n";
    server_.serveFile("/prix.csv", dir_.write("prix.csv", csv), "\"v1\"");
    HttpTransport transport(fastSettings(), &log_);
    auto blob = transport.fetch(server_.url("/prix.csv"));
    ASSERT_TRUE(blob.ok()) << blob.error().describe();
    EXPECT_EQ(blob->bytes, csv);
    EXPECT_EQ(blob->name, server_.url("/prix.csv"));
    EXPECT_EQ(blob->etag, "\"v1\"");
    EXPECT_NE(blob->last_modified.find("GMT"), std::string::npos) << blob->last_modified;
    EXPECT_FALSE(blob->not_modified);
    // One debug line per request, with the URL and the status.
    ASSERT_FALSE(log_.lines.empty());
    EXPECT_EQ(log_.lines[0].first, "debug");
    EXPECT_EQ(log_.lines[0].second, "GET " + server_.url("/prix.csv") + " -> HTTP 200 OK");
}

TEST_F(HttpTransportTest, ListReturnsTheUrlItself) {
    HttpTransport transport(fastSettings());
    auto files = transport.list(server_.url("/a.csv"), "*.csv");
    ASSERT_TRUE(files.ok());
    EXPECT_EQ(*files, std::vector<std::string>{server_.url("/a.csv")});
    EXPECT_EQ(server_.requestCount("/a.csv"), 0);
}

TEST_F(HttpTransportTest, AMatchingETagGetsA304AndNoBytes) {
    server_.serveFile("/prix.csv", dir_.write("prix.csv", "a;b\n1;2\n"), "\"v1\"");
    HttpTransport transport(fastSettings());
    sdk::FetchOptions options;
    options.if_none_match = "\"v1\"";
    auto blob = transport.fetch(server_.url("/prix.csv"), options);
    ASSERT_TRUE(blob.ok()) << blob.error().describe();
    EXPECT_TRUE(blob->not_modified);
    EXPECT_TRUE(blob->bytes.empty());
    EXPECT_EQ(blob->etag, "\"v1\"");
    EXPECT_EQ(server_.requests("/prix.csv").at(0).header("If-None-Match"), "\"v1\"");

    // The file changed on the server: its new ETag no longer matches, the bytes come back.
    server_.serveFile("/prix.csv", dir_.write("prix.csv", "a;b\n1;3\n"), "\"v2\"");
    blob = transport.fetch(server_.url("/prix.csv"), options);
    ASSERT_TRUE(blob.ok()) << blob.error().describe();
    EXPECT_FALSE(blob->not_modified);
    EXPECT_EQ(blob->bytes, "a;b\n1;3\n");
    EXPECT_EQ(blob->etag, "\"v2\"");
}

TEST_F(HttpTransportTest, LastModifiedGivesA304Too) {
    server_.serveFile("/prix.csv", dir_.write("prix.csv", "a;b\n1;2\n"));
    HttpTransport transport(fastSettings());
    auto first = transport.fetch(server_.url("/prix.csv"));
    ASSERT_TRUE(first.ok()) << first.error().describe();
    ASSERT_FALSE(first->last_modified.empty());
    EXPECT_TRUE(first->etag.empty());
    sdk::FetchOptions options;
    options.if_modified_since = first->last_modified;
    auto second = transport.fetch(server_.url("/prix.csv"), options);
    ASSERT_TRUE(second.ok()) << second.error().describe();
    EXPECT_TRUE(second->not_modified);
    EXPECT_EQ(second->last_modified, first->last_modified);
    EXPECT_EQ(server_.requests("/prix.csv").at(1).header("If-Modified-Since"), first->last_modified);
}

TEST_F(HttpTransportTest, A500ThenSuccessIsRetried) {
    int calls = 0;
    server_.route("/flaky", [&calls](const Request&) {
        return ++calls <= 2 ? Response{500, "panne"} : Response{200, "enfin"};
    });
    HttpTransport transport(fastSettings(3), &log_);
    auto blob = transport.fetch(server_.url("/flaky"));
    ASSERT_TRUE(blob.ok()) << blob.error().describe();
    EXPECT_EQ(blob->bytes, "enfin");
    EXPECT_EQ(server_.requestCount("/flaky"), 3);
    int warnings = 0;
    for (const auto& [level, line] : log_.lines)
        if (level == "warn") {
            ++warnings;
            EXPECT_EQ(contains(line, "HTTP 500"), "");
        }
    EXPECT_EQ(warnings, 2);
}

TEST_F(HttpTransportTest, A500ForeverGivesUpAfterTheRetriesWithATransientError) {
    server_.route("/down", [](const Request&) { return Response{500, "panne"}; });
    HttpTransport transport(fastSettings(2));
    auto blob = transport.fetch(server_.url("/down"));
    ASSERT_FALSE(blob.ok());
    EXPECT_EQ(blob.error().kind, sdk::ErrorKind::Transient);
    EXPECT_EQ(blob.error().where, server_.url("/down"));
    EXPECT_EQ(contains(blob.error().message, "HTTP 500"), "");
    EXPECT_EQ(contains(blob.error().message, "abandon après 3 tentatives"), "");
    EXPECT_EQ(server_.requestCount("/down"), 3);
}

TEST_F(HttpTransportTest, ClientErrorsAreNotRetried) {
    for (int status : {400, 401, 403, 404, 410}) {
        const std::string path = "/status" + std::to_string(status);
        server_.route(path, [status](const Request&) { return Response{status, "non"}; });
        HttpTransport transport(fastSettings(3));
        auto blob = transport.fetch(server_.url(path));
        ASSERT_FALSE(blob.ok()) << status;
        EXPECT_EQ(blob.error().kind, sdk::ErrorKind::Config) << status;
        EXPECT_EQ(blob.error().where, server_.url(path));
        EXPECT_EQ(contains(blob.error().message, "HTTP " + std::to_string(status)), "");
        EXPECT_EQ(server_.requestCount(path), 1) << status;
    }
    EXPECT_EQ(contains(HttpTransport(fastSettings()).fetch(server_.url("/status404")).error().message, "introuvable"), "");
}

TEST_F(HttpTransportTest, TimeoutsAndBusyAnswersAreRetried) {
    for (int status : {408, 429, 502, 503, 504}) {
        const std::string path = "/status" + std::to_string(status);
        server_.route(path, [status](const Request&) { return Response{status, "plus tard"}; });
        HttpTransport transport(fastSettings(1));
        auto blob = transport.fetch(server_.url(path));
        ASSERT_FALSE(blob.ok()) << status;
        EXPECT_EQ(blob.error().kind, sdk::ErrorKind::Transient) << status;
        EXPECT_EQ(server_.requestCount(path), 2) << status;
    }
}

TEST_F(HttpTransportTest, RetryAfterIsHonouredUpToTheCap) {
    int calls = 0;
    server_.route("/busy", [&calls](const Request&) {
        Response r{429, "trop de requêtes"};
        r.headers["Retry-After"] = "3600";
        return ++calls == 1 ? r : Response{200, "ok"};
    });
    HttpTransport transport(fastSettings(1));  // backoff 10 ms, Retry-After capped at 300 ms
    const auto t0 = std::chrono::steady_clock::now();
    auto blob = transport.fetch(server_.url("/busy"));
    const auto took = std::chrono::steady_clock::now() - t0;
    ASSERT_TRUE(blob.ok()) << blob.error().describe();
    EXPECT_GE(took, std::chrono::milliseconds(300));
    EXPECT_LT(took, std::chrono::milliseconds(3000));
}

TEST_F(HttpTransportTest, ASlowAnswerBeyondTheTimeoutIsATransientError) {
    server_.route("/slow", [](const Request&) { return Response{200, "trop tard", {}, 3000}; });
    HttpTransport transport(fastSettings(1));  // 1 s timeout, one retry
    const auto t0 = std::chrono::steady_clock::now();
    auto blob = transport.fetch(server_.url("/slow"));
    const auto took = std::chrono::steady_clock::now() - t0;
    ASSERT_FALSE(blob.ok());
    EXPECT_EQ(blob.error().kind, sdk::ErrorKind::Transient);
    EXPECT_EQ(contains(blob.error().message, "timeout 1 s"), "");
    EXPECT_EQ(server_.requestCount("/slow"), 2);
    EXPECT_LT(took, std::chrono::milliseconds(2900));  // two attempts of about 1 s, not the server's 3 s
}

TEST_F(HttpTransportTest, ATruncatedBodyIsATransientError) {
    server_.route("/cut", [](const Request&) { return Response{200, "produit;prix\nPom", {}, 0, true}; });
    HttpTransport transport(fastSettings(1));
    auto blob = transport.fetch(server_.url("/cut"));
    ASSERT_FALSE(blob.ok());
    EXPECT_EQ(blob.error().kind, sdk::ErrorKind::Transient);
    EXPECT_EQ(contains(blob.error().message, "réponse tronquée : 16 octets reçus sur 1040 annoncés"), "");
    EXPECT_EQ(server_.requestCount("/cut"), 2);
}

TEST_F(HttpTransportTest, AChunkedBodyCutShortIsATransientError) {
    // A server that starts a chunked body and hangs up: no Content-Length to compare with, the
    // broken stream itself must be noticed.
    Poco::Net::ServerSocket listener(Poco::Net::SocketAddress("127.0.0.1", 0));
    std::thread server([&listener] {
        for (int i = 0; i < 2; ++i) {  // the first attempt and one retry
            Poco::Net::StreamSocket peer = listener.acceptConnection();
            char request[4096];
            peer.receiveBytes(request, sizeof request);
            const std::string answer = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n";
            peer.sendBytes(answer.data(), static_cast<int>(answer.size()));
            peer.close();
        }
    });
    const std::string url = "http://127.0.0.1:" + std::to_string(listener.address().port()) + "/flux";
    HttpTransport transport(fastSettings(1));
    auto blob = transport.fetch(url);
    server.join();
    ASSERT_FALSE(blob.ok()) << "accepted a cut body: \"" << blob->bytes << "\"";
    EXPECT_EQ(blob.error().kind, sdk::ErrorKind::Transient);
    EXPECT_EQ(contains(blob.error().message, "après 5 octets"), "");
}

TEST_F(HttpTransportTest, ABodyOverMaxBytesIsAnErrorNotATruncation) {
    server_.route("/big", [](const Request&) { return Response{200, std::string(5000, 'x')}; });
    server_.route("/big-chunked", [](const Request&) { return Response{200, std::string(200'000, 'y'), {}, 0, false, true}; });
    TransportSettings settings = fastSettings(3);
    settings.max_bytes = 4096;
    HttpTransport transport(settings);
    auto announced = transport.fetch(server_.url("/big"));
    ASSERT_FALSE(announced.ok());
    EXPECT_EQ(announced.error().kind, sdk::ErrorKind::Data);
    EXPECT_EQ(contains(announced.error().message, "5000 octets annoncés (limite 4096 octets, option max_bytes)"), "");
    EXPECT_EQ(server_.requestCount("/big"), 1);

    // No Content-Length: the limit is checked while reading.
    auto streamed = transport.fetch(server_.url("/big-chunked"));
    ASSERT_FALSE(streamed.ok());
    EXPECT_EQ(streamed.error().kind, sdk::ErrorKind::Data);
    EXPECT_EQ(contains(streamed.error().message, "plus de 4096 octets reçus"), "");

    // The connector may ask for less than the host allows, not more.
    settings.max_bytes = 1 << 20;
    HttpTransport roomy(settings);
    sdk::FetchOptions small;
    small.max_bytes = 1000;
    EXPECT_FALSE(roomy.fetch(server_.url("/big"), small).ok());
    auto whole = roomy.fetch(server_.url("/big-chunked"));
    ASSERT_TRUE(whole.ok()) << whole.error().describe();
    EXPECT_EQ(whole->bytes.size(), 200'000u);
}

TEST_F(HttpTransportTest, ARefusedConnectionIsRetriedThenReported) {
    uint16_t closedPort = 0;
    {
        Poco::Net::ServerSocket probe(Poco::Net::SocketAddress("127.0.0.1", 0));
        closedPort = probe.address().port();
    }
    const std::string url = "http://127.0.0.1:" + std::to_string(closedPort) + "/x.csv";
    HttpTransport transport(fastSettings(1), &log_);
    auto blob = transport.fetch(url);
    ASSERT_FALSE(blob.ok());
    EXPECT_EQ(blob.error().kind, sdk::ErrorKind::Transient);
    EXPECT_EQ(blob.error().where, url);
    EXPECT_EQ(contains(blob.error().message, "connexion refusée"), "");
    EXPECT_EQ(contains(blob.error().message, "2 tentatives"), "");
}

TEST(HttpPolicy, RetryAfterReadsSecondsAndDates) {
    EXPECT_EQ(parseRetryAfter("120"), 120);
    EXPECT_EQ(parseRetryAfter(" 0 "), 0);
    EXPECT_EQ(parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT"), 0);  // in the past: now
    EXPECT_EQ(parseRetryAfter("bientôt"), std::nullopt);
    EXPECT_EQ(parseRetryAfter("Wed, 21 Oct 2015"), std::nullopt);
    EXPECT_EQ(parseRetryAfter(""), std::nullopt);
}

TEST(HttpPolicy, UrlsAreShownWithoutTheirPassword) {
    EXPECT_EQ(displayUrl("https://user:pa55@example.org/x?a=b"), "https://***@example.org/x?a=b");
    EXPECT_EQ(displayUrl("http://example.org/a@b"), "http://example.org/a@b");
    EXPECT_EQ(displayUrl("http://127.0.0.1:8080/"), "http://127.0.0.1:8080/");
}

TEST(HttpPolicy, RedirectsMayUpgradeButNeverDowngrade) {
    EXPECT_EQ(redirectRefusal("http://a.org/x", "https://a.org/x"), "");
    EXPECT_EQ(redirectRefusal("https://a.org/x", "https://b.org/y"), "");
    EXPECT_NE(redirectRefusal("https://a.org/x", "http://a.org/x").find("https vers http"), std::string::npos);
    EXPECT_NE(redirectRefusal("HTTPS://a.org/x", "Http://a.org/x").find("https vers http"), std::string::npos);
    EXPECT_NE(redirectRefusal("http://a.org/x", "ftp://a.org/x").find("pas http(s)"), std::string::npos);
    EXPECT_NE(redirectRefusal("http://a.org/x", "file:///etc/passwd").find("pas http(s)"), std::string::npos);
}

}  // namespace
}  // namespace recolte::sync
