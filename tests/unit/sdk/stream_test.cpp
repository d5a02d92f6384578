// Stream names and their schema files, as the config, the API and schemas/ spell them.
#include <gtest/gtest.h>

#include <filesystem>

#include "recolte/sdk/connector.hpp"

namespace recolte::sdk {
namespace {

TEST(Stream, NamesAndSchemaFiles) {
    EXPECT_STREQ(toString(Stream::Offers), "offers");
    EXPECT_STREQ(toString(Stream::Producers), "producers");
    EXPECT_STREQ(toString(Stream::Needs), "needs");
    EXPECT_STREQ(toString(Stream::Invoices), "invoices");
    EXPECT_STREQ(schemaFileOf(Stream::Offers), "offer.schema.json");
    EXPECT_STREQ(schemaFileOf(Stream::Producers), "producer.schema.json");
    EXPECT_STREQ(schemaFileOf(Stream::Needs), "need.schema.json");
    EXPECT_STREQ(schemaFileOf(Stream::Invoices), "invoice.schema.json");
}

TEST(Stream, EverySchemaFileExists) {
    for (Stream s : {Stream::Offers, Stream::Producers, Stream::Needs, Stream::Invoices}) {
        const auto path = std::filesystem::path(RECOLTE_TEST_SOURCE_DIR) / "schemas" / schemaFileOf(s);
        EXPECT_TRUE(std::filesystem::exists(path)) << path;
    }
}

}  // namespace
}  // namespace recolte::sdk
