// The csv connector on a URL: the bookmark keeps the HTTP validators, so an unchanged document
// costs one 304 and emits nothing; changed options or bytes are read in full again.
#include <gtest/gtest.h>

#include "csv_fixture.hpp"
#include "support/http_test_server.hpp"
#include "support/temp_dir.hpp"
#include "sync/http_transport.hpp"

namespace recolte::testing {
namespace {

class CsvHttpTest : public CsvConnectorTest {
protected:
    std::unique_ptr<ReadRun> readUrl(const sdk::ConfigValue& options, const std::string& bookmark) {
        auto run = std::make_unique<ReadRun>();
        TestSource source(server.url("/prix.csv"), http, "web");
        auto configured = source.configure(connector->describe(), options);
        EXPECT_TRUE(configured.ok());
        source.bookmark = bookmark;
        sdk::Context ctx{source.source, source.options, http, run->log, source.bookmark};
        run->result = connector->read(ctx, run->sink);
        return run;
    }

    TempDir dir;
    HttpTestServer server;
    sync::HttpTransport http{sync::TransportSettings{}};
};

TEST_F(CsvHttpTest, AnUnchangedUrlIsA304AndEmitsNothing) {
    const std::string csv = "produit;prix;unité;producteur\nPommes;2,50;kg;Ferme du Couserans\n";
    server.serveFile("/prix.csv", dir.write("prix.csv", csv), "\"v1\"");
    auto first = readUrl({}, "");
    ASSERT_TRUE(first->ok()) << first->why();
    EXPECT_EQ(first->sink.offers.size(), 1u);
    const std::string bookmark = first->value().bookmark;

    auto second = readUrl({}, bookmark);
    ASSERT_TRUE(second->ok()) << second->why();
    EXPECT_TRUE(second->value().unchanged);
    EXPECT_EQ(second->value().bookmark, bookmark);
    EXPECT_TRUE(second->sink.offers.empty());
    ASSERT_EQ(server.requestCount("/prix.csv"), 2);
    EXPECT_EQ(server.requests("/prix.csv")[1].header("If-None-Match"), "\"v1\"");

    // Other options: the validators are not sent, the document is read in full.
    auto remapped = readUrl(mapValue({{"default_vat", scalarValue("5,5")}}), bookmark);
    ASSERT_TRUE(remapped->ok()) << remapped->why();
    EXPECT_FALSE(remapped->value().unchanged);
    EXPECT_EQ(remapped->sink.offers.size(), 1u);
    EXPECT_EQ(server.requests("/prix.csv")[2].header("If-None-Match"), "");

    // New bytes under a new ETag: a full read.
    server.serveFile("/prix.csv", dir.write("prix.csv", csv + "Poires;3,10;kg;Ferme du Couserans\n"), "\"v2\"");
    auto changed = readUrl({}, bookmark);
    ASSERT_TRUE(changed->ok()) << changed->why();
    EXPECT_FALSE(changed->value().unchanged);
    EXPECT_EQ(changed->sink.offers.size(), 2u);
    EXPECT_NE(changed->value().bookmark, bookmark);
}

}  // namespace
}  // namespace recolte::testing
