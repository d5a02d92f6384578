#include <gtest/gtest.h>

#include "config/config.hpp"

namespace recolte::config {
namespace {

LoadResult load(const std::string& http) {
    return loadConfigFromString("store: {sqlite: x.db}\nhttp:\n" + http, "/etc/recolte/recolte.yaml");
}

std::string joined(const std::vector<std::string>& errors) {
    std::string out;
    for (const auto& e : errors) out += e + "\n";
    return out;
}

TEST(HttpLimitsConfig, DefaultsWhenNotGiven) {
    auto r = load("  port: 8080\n");
    ASSERT_TRUE(r.errors.empty()) << joined(r.errors);
    const HttpLimits& l = r.config.http_limits;
    EXPECT_EQ(l.max_body_bytes, 1 << 20);
    EXPECT_EQ(l.max_upload_bytes, int64_t{50} << 20);
    EXPECT_EQ(l.max_header_fields, 100);
    EXPECT_EQ(l.max_header_name, 256);
    EXPECT_EQ(l.max_header_value, 8192);
    EXPECT_EQ(l.max_uri, 8192);
    EXPECT_EQ(l.auth_free_failures, 10);
    EXPECT_EQ(l.auth_max_delay_seconds, 900);
}

TEST(HttpLimitsConfig, EveryLimitIsRead) {
    auto r = load("  max_body_bytes: 2048\n  max_upload_bytes: 1000000\n  max_header_fields: 40\n"
                  "  max_header_name: 64\n  max_header_value: 1024\n  max_uri: 2000\n  auth_free_failures: 3\n"
                  "  auth_max_delay_seconds: 60\n");
    ASSERT_TRUE(r.errors.empty()) << joined(r.errors);
    const HttpLimits& l = r.config.http_limits;
    EXPECT_EQ(l.max_body_bytes, 2048);
    EXPECT_EQ(l.max_upload_bytes, 1000000);
    EXPECT_EQ(l.max_header_fields, 40);
    EXPECT_EQ(l.max_header_name, 64);
    EXPECT_EQ(l.max_header_value, 1024);
    EXPECT_EQ(l.max_uri, 2000);
    EXPECT_EQ(l.auth_free_failures, 3);
    EXPECT_EQ(l.auth_max_delay_seconds, 60);
}

TEST(HttpLimitsConfig, ValuesBeyondPocoOrMalformedAreErrorsNamingLineAndKey) {
    auto r = load("  max_header_fields: 500\n  max_header_value: 10k\n  max_body_bytes: 0\n  max_taille: 3\n");
    const std::string all = joined(r.errors);
    EXPECT_NE(all.find("/etc/recolte/recolte.yaml:3: http.max_header_fields: expected a whole number from 1 to 100 "
                       "(Poco refuses more by itself), got \"500\""),
              std::string::npos)
        << all;
    EXPECT_NE(all.find("/etc/recolte/recolte.yaml:4: http.max_header_value: expected a whole number from 64 to 8192"),
              std::string::npos)
        << all;
    EXPECT_NE(all.find("/etc/recolte/recolte.yaml:5: http.max_body_bytes: expected a whole number from 1 to"),
              std::string::npos)
        << all;
    EXPECT_NE(all.find("/etc/recolte/recolte.yaml:6: http.max_taille: unknown key"), std::string::npos) << all;
    EXPECT_EQ(r.config.http_limits.max_header_fields, 100) << "a bad value leaves the default";
}

}  // namespace
}  // namespace recolte::config
