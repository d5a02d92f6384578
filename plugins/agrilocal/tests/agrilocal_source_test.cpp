// The connector as a source: the `elements` mapping, other options, bookmarks (content hash and
// HTTP validators), folders of site exports, HTTP failures, check, discover and progress.
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "agrilocal_fixture.hpp"
#include "recolte/sdk/decimal.hpp"
#include "support/http_test_server.hpp"
#include "sync/http_transport.hpp"

namespace recolte::testing {
namespace {

namespace fs = std::filesystem;

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

sdk::ConfigValue partnerNames() {
    return elementsOption({
        {"export", "extraction"},       {"site", "departement"},        {"consultations", "appels"},
        {"consultation", "appel"},      {"consultation_id", "numero"},  {"title", "objet"},
        {"buyer", "client"},            {"buyer_name", "raison-sociale"}, {"product", "article"},
        {"quantity", "qte"},            {"answer_deadline", "reponse-avant"}, {"status", "etat"},
        {"suppliers", "producteurs"},   {"supplier", "producteur"},     {"supplier_name", "raison-sociale"},
        {"price", "tarif"},
    });
}

TEST_F(AgrilocalConnectorTest, ElementNamesAreOverriddenByTheElementsOption) {
    auto run = read(agrilocalTestData("noms-personnalises.xml"), partnerNames());
    ASSERT_TRUE(run->ok()) << run->why();
    EXPECT_TRUE(run->sink.rejects.empty()) << run->sink.describeRejects();
    ASSERT_EQ(run->sink.needs.size(), 1u);
    const auto& need = run->sink.needs[0];
    EXPECT_EQ(need.source_id, "11:2026-77") << "the site read from the renamed attribute";
    EXPECT_EQ(need.title, "Fromage de chèvre pour le restaurant scolaire");
    EXPECT_EQ(need.buyer_name, "Commune de Castelnaudary");
    EXPECT_EQ(need.buyer_kind, "school");
    EXPECT_EQ(need.quantity->value, sdk::Decimal::fromInt(45));
    EXPECT_EQ(need.answer_deadline, "2026-12-15");
    EXPECT_EQ(need.where.element, "/extraction/appels/appel[1]");

    ASSERT_EQ(run->sink.offers.size(), 1u);
    const auto& offer = run->sink.offers[0];
    EXPECT_EQ(offer.source_id, "11:52147896600018:CASSOULET");
    EXPECT_EQ(offer.producer.name, "Domaine de Fanjeaux");
    EXPECT_EQ(offer.price, *sdk::Decimal::parse("11"));
    EXPECT_EQ(offer.price_unit, "bocal");
    EXPECT_EQ(offer.packaging, "1,5 kg");
    EXPECT_EQ(offer.where.element, "/extraction/producteurs/producteur[1]/article");

    // Without the mapping, the same file is refused as a whole, naming its root.
    auto unmapped = read(agrilocalTestData("noms-personnalises.xml"));
    ASSERT_FALSE(unmapped->ok());
    EXPECT_TRUE(contains(unmapped->error().message, "« extraction »")) << unmapped->error().message;
}

TEST_F(AgrilocalConnectorTest, BadElementsOptionIsAConfigErrorListingTheNames) {
    auto unknown = read(agrilocalTestData("export-ariege.xml"), elementsOption({{"consultations_list", "appels"}}));
    ASSERT_FALSE(unknown->ok());
    EXPECT_EQ(unknown->error().kind, sdk::ErrorKind::Config);
    EXPECT_EQ(unknown->error().where, "elements.consultations_list");
    EXPECT_TRUE(contains(unknown->error().message, "consultation_id")) << unknown->error().message;

    auto notAName = read(agrilocalTestData("export-ariege.xml"), elementsOption({{"quantity", "qte unite"}}));
    ASSERT_FALSE(notAName->ok());
    EXPECT_TRUE(contains(notAName->error().message, "« qte unite »")) << notAName->error().message;

    auto encoding = read(agrilocalTestData("export-ariege.xml"), mapValue({{"encoding", scalarValue("ebcdic")}}));
    ASSERT_FALSE(encoding->ok()) << "values outside the declared ones are refused by the option table";
}

TEST_F(AgrilocalConnectorTest, SiteOptionAppliesWhenTheExportDoesNotSay) {
    std::string text = slurp(agrilocalTestData("export-ariege.xml"));
    text.replace(text.find(" site=\"09\""), 10, "");
    const std::string file = temp.write("sans-site.xml", text);
    auto run = read(file, mapValue({{"site", scalarValue("09")}}));
    ASSERT_TRUE(run->ok()) << run->why();
    EXPECT_NE(run->need("09:AGL09-2026-0141"), nullptr);
    auto bare = read(file);
    ASSERT_TRUE(bare->ok()) << bare->why();
    EXPECT_NE(bare->need("AGL09-2026-0141"), nullptr) << "no site at all: the id alone";
}

TEST_F(AgrilocalConnectorTest, UnchangedExportCostsNothingAndAnyChangeRereads) {
    const std::string file = temp.write("export.xml", slurp(agrilocalTestData("export-ariege.xml")));
    auto first = read(file);
    ASSERT_TRUE(first->ok()) << first->why();
    EXPECT_FALSE(first->value().unchanged);
    const std::string bookmark = first->value().bookmark;
    EXPECT_TRUE(contains(bookmark, "sha256 ")) << bookmark;

    auto again = read(file, {}, bookmark);
    ASSERT_TRUE(again->ok()) << again->why();
    EXPECT_TRUE(again->value().unchanged);
    EXPECT_EQ(again->read(), 0u) << "nothing emitted";
    EXPECT_EQ(again->value().bookmark, bookmark);

    auto otherOptions = read(file, mapValue({{"site", scalarValue("09")}}), bookmark);
    ASSERT_TRUE(otherOptions->ok());
    EXPECT_FALSE(otherOptions->value().unchanged) << "a changed option re-reads unchanged bytes";

    std::string changed = slurp(file);
    changed.replace(changed.find("18,50"), 5, "18,90");
    temp.write("export.xml", changed);
    auto after = read(file, {}, bookmark);
    ASSERT_TRUE(after->ok()) << after->why();
    EXPECT_FALSE(after->value().unchanged);
    EXPECT_EQ(after->offer("09:81234567600017:TOMME")->price, *sdk::Decimal::parse("18.90"));
    EXPECT_NE(after->value().bookmark, bookmark);
}

TEST_F(AgrilocalConnectorTest, FolderReadsOneExportPerSiteInNameOrder) {
    auto run = read(agrilocalTestData("sites"));
    ASSERT_TRUE(run->ok()) << run->why();
    EXPECT_TRUE(run->sink.rejects.empty()) << run->sink.describeRejects();
    ASSERT_EQ(run->sink.needs.size(), 2u) << "lisezmoi.txt does not match *.xml";
    // Each site numbers its own consultations: the site keeps the ids apart.
    EXPECT_EQ(run->sink.needs[0].source_id, "09:2026-0141");
    EXPECT_EQ(run->sink.needs[1].source_id, "31:2026-0141");
    EXPECT_TRUE(contains(run->sink.needs[1].where.file, "agrilocal31.xml"));
    EXPECT_EQ(run->sink.needs[1].where.line, 4) << "lines start again in each file";
    ASSERT_EQ(run->sink.offers.size(), 2u);
    EXPECT_NE(run->offer("09:81234567600017:TOMME"), nullptr);
    EXPECT_NE(run->offer("31:81234567600017:TOMME"), nullptr);
    EXPECT_EQ(run->sink.producers.size(), 2u) << "one listing per site; the hub merges them by SIRET";
}

TEST_F(AgrilocalConnectorTest, ProgressCountsLinesOverTheWholeRead) {
    std::string doc = "<export site=\"09\"><consultations>\n";
    for (int i = 0; i < 3000; ++i) {
        doc += "<consultation id=\"C" + std::to_string(i) +
               "\"><acheteur><nom>CCAS</nom></acheteur><produit>Carottes</produit><quantite unite=\"kg\">5</quantite>"
               "<livraison debut=\"2027-01-04\"/><date-limite>2026-12-01</date-limite><statut>ouverte</statut>"
               "</consultation>\n";
    }
    doc += "</consultations></export>\n";
    auto run = read(temp.write("gros.xml", doc));
    ASSERT_TRUE(run->ok()) << run->why();
    EXPECT_EQ(run->sink.needs.size(), 3000u);
    ASSERT_GE(run->sink.progress_calls.size(), 2u);
    for (size_t i = 1; i < run->sink.progress_calls.size(); ++i)
        EXPECT_LE(run->sink.progress_calls[i - 1].first, run->sink.progress_calls[i].first);
    EXPECT_EQ(run->sink.progress_calls.back().first, run->sink.progress_calls.back().second);
    EXPECT_EQ(run->sink.progress_calls.back().second, 3003u);
}

TEST_F(AgrilocalConnectorTest, CheckAndDiscover) {
    EXPECT_TRUE(check(agrilocalTestData("export-ariege.xml")).ok());
    EXPECT_TRUE(check(agrilocalTestData("sites")).ok());
    auto missing = check(temp.file("absent.xml"));
    EXPECT_FALSE(missing.ok());
    auto wrongRoot = check(agrilocalTestData("racine-inconnue.xml"));
    ASSERT_FALSE(wrongRoot.ok());
    EXPECT_EQ(wrongRoot.error().kind, sdk::ErrorKind::Config);

    TestSource source(agrilocalTestData("export-ariege.xml"), files);
    ASSERT_TRUE(source.configure(connector->describe()).ok());
    auto ctx = source.context();
    auto streams = connector->discover(ctx);
    ASSERT_TRUE(streams.ok());
    ASSERT_EQ(streams->size(), 3u);
    EXPECT_EQ((*streams)[0].stream, sdk::Stream::Needs);
    EXPECT_EQ((*streams)[1].stream, sdk::Stream::Producers);
    EXPECT_EQ((*streams)[2].stream, sdk::Stream::Offers);
}

// --- Over HTTP -------------------------------------------------------------------------------

sync::TransportSettings quickHttp() {
    sync::TransportSettings s;
    s.timeout = std::chrono::milliseconds(500);
    s.retries = 2;
    s.backoff_base = std::chrono::milliseconds(10);
    return s;
}

TEST_F(AgrilocalConnectorTest, HttpExportIsReadThenAnsweredWith304) {
    HttpTestServer server;
    const std::string file = temp.write("export.xml", slurp(agrilocalTestData("export-ariege.xml")));
    server.serveFile("/agrilocal09/export.xml", file, "\"v1\"");
    sync::HttpTransport http(quickHttp());
    const std::string url = server.url("/agrilocal09/export.xml");

    auto first = read(url, {}, {}, &http);
    ASSERT_TRUE(first->ok()) << first->why();
    EXPECT_EQ(first->sink.needs.size(), 5u);
    EXPECT_EQ(first->sink.needs[0].where.url, url) << "a URL is named as such";
    EXPECT_EQ(first->sink.needs[0].where.file, "");
    EXPECT_TRUE(contains(first->value().bookmark, "etag \"v1\"")) << first->value().bookmark;

    auto second = read(url, {}, first->value().bookmark, &http);
    ASSERT_TRUE(second->ok()) << second->why();
    EXPECT_TRUE(second->value().unchanged);
    EXPECT_EQ(second->read(), 0u);
    const auto requests = server.requests("/agrilocal09/export.xml");
    ASSERT_EQ(requests.size(), 2u);
    EXPECT_EQ(requests[1].header("If-None-Match"), "\"v1\"");

    // Other options: the validators are not sent, the export is read again.
    auto third = read(url, mapValue({{"site", scalarValue("09")}}), first->value().bookmark, &http);
    ASSERT_TRUE(third->ok()) << third->why();
    EXPECT_FALSE(third->value().unchanged);
    EXPECT_EQ(server.requests("/agrilocal09/export.xml").back().header("If-None-Match"), "");
}

TEST_F(AgrilocalConnectorTest, HttpServerErrorIsRetriedThenReadAndTimeoutFails) {
    HttpTestServer server;
    const std::string body = slurp(agrilocalTestData("export-ariege.xml"));
    auto calls = std::make_shared<std::atomic<int>>(0);  // shared: the server may copy its handlers
    server.route("/flaky.xml", [calls, body](const HttpTestServer::Request&) {
        const bool fail = ++*calls < 2;
        return HttpTestServer::Response{fail ? 500 : 200, fail ? "indisponible" : body, {}, 0, false};
    });
    server.route("/slow.xml", [body](const HttpTestServer::Request&) {
        return HttpTestServer::Response{200, body, {}, 2000, false};
    });
    server.route("/truncated.xml", [body](const HttpTestServer::Request&) {
        return HttpTestServer::Response{200, body.substr(0, body.size() / 2), {}, 0, true};
    });
    sync::HttpTransport http(quickHttp());

    auto flaky = read(server.url("/flaky.xml"), {}, {}, &http);
    ASSERT_TRUE(flaky->ok()) << flaky->why();
    EXPECT_EQ(flaky->sink.needs.size(), 5u);
    EXPECT_EQ(server.requestCount("/flaky.xml"), 2);

    auto slow = read(server.url("/slow.xml"), {}, {}, &http);
    ASSERT_FALSE(slow->ok());
    EXPECT_EQ(slow->error().kind, sdk::ErrorKind::Transient) << slow->error().describe();

    auto truncated = read(server.url("/truncated.xml"), {}, {}, &http);
    EXPECT_FALSE(truncated->ok()) << "a cut body is never read as a shorter export";
}

}  // namespace
}  // namespace recolte::testing
