// The connector as a source: bookmarks (file hash + options, HTTP validators), folders, HTTP
// failures and retries, check, discover and its option table.
#include <chrono>
#include <filesystem>
#include <memory>

#include "bag_fixture.hpp"
#include "support/http_test_server.hpp"
#include "sync/http_transport.hpp"

namespace recolte::testing {
namespace {

sync::TransportSettings quickHttp() {
    sync::TransportSettings s;
    s.timeout = std::chrono::milliseconds(500);
    s.retries = 2;
    s.backoff_base = std::chrono::milliseconds(10);
    return s;
}

TEST_F(BagConnectorTest, UnchangedFileAndOptionsCostNothingAndAChangeReadsEverything) {
    const std::string file = temp.write("catalogue.json", bagSlurp(bagTestData("ofn-catalog-items.json")));
    auto first = read(file);
    ASSERT_TRUE(first->ok()) << first->why();
    EXPECT_FALSE(first->value().unchanged);
    const std::string bookmark = first->value().bookmark;
    EXPECT_TRUE(bagContains(bookmark, file + "\t\t\t")) << "a file has no HTTP validators: " << bookmark;

    auto again = read(file, {}, bookmark);
    ASSERT_TRUE(again->ok()) << again->why();
    EXPECT_TRUE(again->value().unchanged);
    EXPECT_EQ(again->value().bookmark, bookmark);
    EXPECT_EQ(again->read(), 0u) << "an unchanged source emits nothing";

    auto otherOptions = read(file, mapValue({{"default_vat", scalarValue("5,5")}}), bookmark);
    ASSERT_TRUE(otherOptions->ok()) << otherOptions->why();
    EXPECT_FALSE(otherOptions->value().unchanged) << "other options may read the same bytes differently";
    EXPECT_EQ(otherOptions->sink.offers.size(), 4u);

    std::string text = bagSlurp(file);
    text.replace(text.find("\"dfc-b:value\": 2.8"), 18, "\"dfc-b:value\": 2.9");
    temp.write("catalogue.json", text);
    auto changed = read(file, {}, bookmark);
    ASSERT_TRUE(changed->ok()) << changed->why();
    EXPECT_FALSE(changed->value().unchanged);
    EXPECT_EQ(changed->sink.offers.size(), 4u) << "a full read: the hub removes what disappeared";
    EXPECT_NE(changed->value().bookmark, bookmark);

    EXPECT_FALSE(read(file, {}, "du texte qui n'est pas un signet")->value().unchanged);
}

TEST_F(BagConnectorTest, FolderIsReadDocumentByDocumentInNameOrder) {
    const std::string dir = (temp.path() / "catalogues").string();
    std::filesystem::create_directories(dir);
    temp.write("catalogues/b-ofn.json", bagSlurp(bagTestData("ofn-catalog-items.json")));
    temp.write("catalogues/a-officiel.jsonld", bagSlurp(bagTestData("connecteur-dfc-officiel.jsonld")));
    temp.write("catalogues/lisezmoi.txt", "pas un catalogue");
    auto run = read(dir);
    ASSERT_TRUE(run->ok()) << run->why();
    ASSERT_EQ(run->sink.offers.size(), 11u);
    EXPECT_EQ(std::filesystem::path(run->sink.offers.front().where.file).filename(), "a-officiel.jsonld");
    EXPECT_EQ(std::filesystem::path(run->sink.offers.back().where.file).filename(), "b-ofn.json");

    auto again = read(dir, {}, run->value().bookmark);
    ASSERT_TRUE(again->ok());
    EXPECT_TRUE(again->value().unchanged);

    temp.write("catalogues/c-nouveau.json", bagSlurp(bagTestData("imbrique.jsonld")));
    auto added = read(dir, {}, run->value().bookmark);
    ASSERT_TRUE(added->ok()) << added->why();
    EXPECT_FALSE(added->value().unchanged) << "a new document in the folder";
    EXPECT_EQ(added->sink.offers.size(), 13u);

    auto only = read(dir, mapValue({{"pattern", scalarValue("b-*.json")}}));
    ASSERT_TRUE(only->ok()) << only->why();
    EXPECT_EQ(only->sink.offers.size(), 4u);
    auto none = read(dir, mapValue({{"pattern", scalarValue("*.xml")}}));
    ASSERT_FALSE(none->ok());
    EXPECT_EQ(none->error().kind, sdk::ErrorKind::Config);
}

TEST_F(BagConnectorTest, HttpCatalogueIsReadThenAnswered304) {
    HttpTestServer server;
    const std::string file = temp.write("catalog_items.json", bagSlurp(bagTestData("ofn-catalog-items.json")));
    server.serveFile("/api/dfc/enterprises/2043/catalog_items", file, "\"v1\"");
    sync::HttpTransport http(quickHttp());
    const std::string url = server.url("/api/dfc/enterprises/2043/catalog_items");

    auto first = read(url, {}, {}, &http);
    ASSERT_TRUE(first->ok()) << first->why();
    EXPECT_EQ(first->sink.offers.size(), 4u);
    EXPECT_EQ(first->sink.offers[0].where.url, url) << "a URL is named as such";
    EXPECT_EQ(first->sink.offers[0].where.file, "");
    EXPECT_TRUE(bagContains(first->value().bookmark, url + "\t\"v1\"\t")) << first->value().bookmark;

    auto second = read(url, {}, first->value().bookmark, &http);
    ASSERT_TRUE(second->ok()) << second->why();
    EXPECT_TRUE(second->value().unchanged);
    EXPECT_EQ(second->read(), 0u);
    const auto requests = server.requests("/api/dfc/enterprises/2043/catalog_items");
    ASSERT_EQ(requests.size(), 2u);
    EXPECT_EQ(requests[0].header("If-None-Match"), "") << "no validator on a first read";
    EXPECT_EQ(requests[1].header("If-None-Match"), "\"v1\"");
    EXPECT_NE(requests[1].header("If-Modified-Since"), "");

    // The server's new version (new ETag) is read in full.
    server.serveFile("/api/dfc/enterprises/2043/catalog_items", bagTestData("connecteur-dfc-officiel.jsonld"), "\"v2\"");
    auto third = read(url, {}, second->value().bookmark, &http);
    ASSERT_TRUE(third->ok()) << third->why();
    EXPECT_FALSE(third->value().unchanged);
    EXPECT_EQ(third->sink.offers.size(), 7u);
}

TEST_F(BagConnectorTest, HttpWithoutValidatorsFallsBackOnTheContentHash) {
    HttpTestServer server;
    const std::string body = bagSlurp(bagTestData("imbrique.jsonld"));
    server.route("/catalogue.jsonld", [body](const HttpTestServer::Request&) { return HttpTestServer::Response{200, body}; });
    sync::HttpTransport http(quickHttp());
    auto first = read(server.url("/catalogue.jsonld"), {}, {}, &http);
    ASSERT_TRUE(first->ok()) << first->why();
    auto second = read(server.url("/catalogue.jsonld"), {}, first->value().bookmark, &http);
    ASSERT_TRUE(second->ok()) << second->why();
    EXPECT_TRUE(second->value().unchanged) << "same bytes, same options";
    EXPECT_EQ(server.requestCount("/catalogue.jsonld"), 2);
}

TEST_F(BagConnectorTest, HttpServerErrorIsRetriedTimeoutAndCutBodiesFail) {
    HttpTestServer server;
    const std::string body = bagSlurp(bagTestData("ofn-catalog-items.json"));
    auto calls = std::make_shared<int>(0);  // the server may copy its handlers: the count is shared
    server.route("/flaky", [calls, body](const HttpTestServer::Request&) {
        const bool first = ++*calls == 1;
        return HttpTestServer::Response{first ? 500 : 200, first ? "indisponible" : body};
    });
    server.route("/slow", [body](const HttpTestServer::Request&) {
        HttpTestServer::Response r{200, body};
        r.delay_ms = 2000;
        return r;
    });
    server.route("/cut", [body](const HttpTestServer::Request&) {
        HttpTestServer::Response r{200, body.substr(0, body.size() / 2)};
        r.truncate = true;
        return r;
    });
    server.route("/gone", [](const HttpTestServer::Request&) { return HttpTestServer::Response{404, "introuvable"}; });
    sync::HttpTransport http(quickHttp());

    auto flaky = read(server.url("/flaky"), {}, {}, &http);
    ASSERT_TRUE(flaky->ok()) << flaky->why();
    EXPECT_EQ(flaky->sink.offers.size(), 4u);
    EXPECT_EQ(server.requestCount("/flaky"), 2) << "a 500, then the catalogue";

    auto slow = read(server.url("/slow"), {}, {}, &http);
    ASSERT_FALSE(slow->ok());
    EXPECT_EQ(slow->error().kind, sdk::ErrorKind::Transient) << slow->error().describe();
    EXPECT_TRUE(slow->sink.offers.empty());

    auto cut = read(server.url("/cut"), {}, {}, &http);
    ASSERT_FALSE(cut->ok()) << "a cut body is never read as a shorter catalogue";
    EXPECT_TRUE(cut->sink.offers.empty());

    auto gone = read(server.url("/gone"), {}, {}, &http);
    ASSERT_FALSE(gone->ok());
    EXPECT_TRUE(gone->sink.offers.empty());
}

TEST_F(BagConnectorTest, CheckDiscoverAndOptions) {
    EXPECT_TRUE(check(bagTestData("ofn-catalog-items.json")).ok());
    const auto notDfc = check(bagTestData("pas-un-catalogue.json"));
    ASSERT_FALSE(notDfc.ok());
    EXPECT_TRUE(bagContains(notDfc.error().message, "pas un catalogue DFC")) << notDfc.error().message;
    EXPECT_FALSE(check(bagTestData("tronque.json")).ok());
    EXPECT_FALSE(check(bagTestData("absent.json")).ok());

    TestSource source(bagTestData("ofn-catalog-items.json"), files);
    ASSERT_TRUE(source.configure(connector->describe()).ok());
    auto ctx = source.context();
    auto streams = connector->discover(ctx);
    ASSERT_TRUE(streams.ok());
    ASSERT_EQ(streams->size(), 2u);
    EXPECT_EQ((*streams)[0].stream, sdk::Stream::Offers);
    EXPECT_EQ((*streams)[1].stream, sdk::Stream::Producers);

    const auto& d = connector->describe();
    EXPECT_EQ(d.name, "bioariegegaronne");
    std::vector<std::string> names;
    for (const auto& o : d.options) names.push_back(o.name);
    EXPECT_EQ(names, (std::vector<std::string>{"pattern", "siret_properties", "sirets", "labels", "default_vat"}));

    auto badVat = read(bagTestData("ofn-catalog-items.json"), mapValue({{"default_vat", scalarValue("cinq")}}));
    ASSERT_FALSE(badVat->ok());
    EXPECT_EQ(badVat->error().kind, sdk::ErrorKind::Config);
    EXPECT_EQ(badVat->error().where, "default_vat");
    auto badProperty = read(bagTestData("ofn-catalog-items.json"), mapValue({{"siret_properties", listValue({"dfc-b:siret"})}}));
    ASSERT_FALSE(badProperty->ok());
    EXPECT_EQ(badProperty->error().where, "siret_properties");
    auto unknown = read(bagTestData("ofn-catalog-items.json"), mapValue({{"siret", scalarValue("x")}}));
    ASSERT_FALSE(unknown->ok()) << "an unknown option is refused";
}

}  // namespace
}  // namespace recolte::testing
