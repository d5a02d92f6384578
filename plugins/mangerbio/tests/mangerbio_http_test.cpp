// A catalogue published at a URL, read through the hub's HTTP transport against a real server on
// 127.0.0.1: conditional GET (304 = unchanged), a 500 then success, a timeout, a cut body, and a
// UTF-16 export.
#include <fstream>
#include <memory>
#include <sstream>

#include "mangerbio_fixture.hpp"
#include "support/http_test_server.hpp"
#include "sync/http_transport.hpp"

namespace recolte::testing::mangerbio {
namespace {

using namespace std::chrono_literals;

std::string fileBytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

class MangerBioHttpTest : public MangerBioTest {
protected:
    MangerBioHttpTest() {
        settings.timeout = 300ms;
        settings.retries = 2;
        settings.backoff_base = 10ms;
    }
    sync::TransportSettings settings;
    HttpTestServer server;
};

TEST_F(MangerBioHttpTest, UnchangedUrlCostsA304AndAChangedOneIsReadAgain) {
    const std::string copy = write("catalogue.csv", fileBytes(testData("catalogue-windows1252.csv")));
    server.serveFile("/export/catalogue.csv", copy, "\"v1\"");
    sync::HttpTransport http(settings);
    const std::string url = server.url("/export/catalogue.csv");

    auto first = readWith(http, url);
    ASSERT_TRUE(first->ok()) << first->why();
    ASSERT_EQ(first->sink.offers.size(), 8u);
    EXPECT_EQ(first->sink.offers[0].where.url, url);  // a URL, not a file
    EXPECT_EQ(first->sink.offers[0].where.file, "");
    EXPECT_EQ(first->sink.offers[0].where.line, 2);

    auto second = readWith(http, url, {}, first->value().bookmark);
    ASSERT_TRUE(second->ok()) << second->why();
    EXPECT_TRUE(second->value().unchanged);
    EXPECT_EQ(second->value().bookmark, first->value().bookmark);
    EXPECT_EQ(second->sink.recordCount(), 0u);
    const auto requests = server.requests("/export/catalogue.csv");
    ASSERT_EQ(requests.size(), 2u);
    EXPECT_EQ(requests[1].header("If-None-Match"), "\"v1\"");

    // Other options: the validators are not used, the bytes are read again.
    auto otherOptions = readWith(http, url, mapValue({{"vat_codes", mapValue({{"9", scalarValue("20")}})}}),
                                 first->value().bookmark);
    ASSERT_TRUE(otherOptions->ok()) << otherOptions->why();
    EXPECT_FALSE(otherOptions->value().unchanged);
    EXPECT_EQ(server.requests("/export/catalogue.csv").back().header("If-None-Match"), "");

    // A new version on the server.
    write("catalogue.csv", fileBytes(testData("catalogue-utf8.csv")));
    server.serveFile("/export/catalogue.csv", copy, "\"v2\"");
    auto third = readWith(http, url, {}, first->value().bookmark);
    ASSERT_TRUE(third->ok()) << third->why();
    EXPECT_FALSE(third->value().unchanged);
    EXPECT_EQ(third->sink.offers.size(), 8u);
    EXPECT_NE(third->value().bookmark, first->value().bookmark);
}

TEST_F(MangerBioHttpTest, ServerErrorThenSuccessIsRetriedByTheTransport) {
    const std::string body = fileBytes(testData("catalogue-utf8.csv"));
    // The server copies a handler for each request: the count lives outside it.
    auto calls = std::make_shared<int>(0);
    server.route("/flaky.csv", [calls, body](const HttpTestServer::Request&) {
        return ++*calls < 3 ? HttpTestServer::Response{500, "erreur"} : HttpTestServer::Response{200, body};
    });
    sync::HttpTransport http(settings);
    auto run = readWith(http, server.url("/flaky.csv"));
    ASSERT_TRUE(run->ok()) << run->why();
    EXPECT_EQ(run->sink.offers.size(), 8u);
    EXPECT_EQ(server.requestCount("/flaky.csv"), 3);
}

TEST_F(MangerBioHttpTest, TimeoutAndCutBodyFailTheReadWithoutRecords) {
    const std::string body = fileBytes(testData("catalogue-utf8.csv"));
    server.route("/lent.csv", [body](const HttpTestServer::Request&) { return HttpTestServer::Response{200, body, {}, 2000}; });
    server.route("/coupe.csv", [body](const HttpTestServer::Request&) {
        return HttpTestServer::Response{200, body.substr(0, body.size() / 2), {}, 0, true};
    });
    settings.retries = 0;
    sync::HttpTransport http(settings);

    auto slow = readWith(http, server.url("/lent.csv"));
    ASSERT_FALSE(slow->ok());
    EXPECT_EQ(slow->error().kind, sdk::ErrorKind::Transient);
    EXPECT_EQ(slow->sink.recordCount() + slow->sink.rejects.size(), 0u);

    auto cut = readWith(http, server.url("/coupe.csv"));
    ASSERT_FALSE(cut->ok());
    EXPECT_EQ(cut->sink.recordCount() + cut->sink.rejects.size(), 0u);
}

TEST_F(MangerBioTest, Utf16ExportIsOneClearError) {
    std::string utf16 = "\xFF\xFE";
    for (const char c : std::string(kHeader) + row("R-1", "Tomme", "17,90", "K")) {
        utf16 += c;
        utf16 += '\0';
    }
    auto run = read(write("unicode.csv", utf16));
    ASSERT_FALSE(run->ok());
    EXPECT_EQ(run->error().kind, sdk::ErrorKind::Data);
    EXPECT_NE(run->error().message.find("UTF-16"), std::string::npos) << run->error().message;
    EXPECT_EQ(run->error().where, temp.file("unicode.csv"));
}

TEST_F(MangerBioTest, ForcedWrongEncodingFailsOnTheHeaderNotSilently) {
    // A Windows-1252 export read as UTF-8: "Référence" becomes "R�f�rence", which names no column.
    auto run = read(testData("catalogue-windows1252.csv"), mapValue({{"encoding", scalarValue("utf-8")}}));
    ASSERT_FALSE(run->ok());
    EXPECT_EQ(run->error().kind, sdk::ErrorKind::Config);
    EXPECT_NE(run->error().message.find("référence"), std::string::npos) << run->error().message;
    EXPECT_NE(run->error().message.find("\xEF\xBF\xBD"), std::string::npos) << "the headers found show the damage";
}

}  // namespace
}  // namespace recolte::testing::mangerbio
