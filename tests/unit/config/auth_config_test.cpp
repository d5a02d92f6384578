#include <gtest/gtest.h>

#include "config/config.hpp"

namespace recolte::config {
namespace {

const std::string kHash = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

LoadResult load(const std::string& extra) {
    return loadConfigFromString("store: {sqlite: x.db}\n" + extra, "/etc/recolte/recolte.yaml");
}

std::string joined(const std::vector<std::string>& errors) {
    std::string out;
    for (const auto& e : errors) out += e + "\n";
    return out;
}

TEST(AuthConfig, TokensWithRolesAndHashes) {
    auto r = load("auth:\n  tokens:\n    - {name: compta, roles: [finance], sha256: " + kHash +
                  "}\n    - name: deux\n      roles: [admin, finance]\n      sha256: " + std::string(64, 'A') +
                  "\ninvoices: {local_km: 40}\n");
    ASSERT_TRUE(r.errors.empty()) << joined(r.errors);
    ASSERT_EQ(r.config.auth_tokens.size(), 2u);
    EXPECT_EQ(r.config.auth_tokens[0].name, "compta");
    EXPECT_EQ(r.config.auth_tokens[0].roles, std::vector<std::string>{"finance"});
    EXPECT_EQ(r.config.auth_tokens[0].sha256, kHash);
    EXPECT_EQ(r.config.auth_tokens[1].roles, (std::vector<std::string>{"admin", "finance"}));
    EXPECT_EQ(r.config.auth_tokens[1].sha256, std::string(64, 'a')) << "hex is kept in lower case";
    EXPECT_EQ(r.config.invoices_local_km, 40);
}

TEST(AuthConfig, ErrorsNameFileLineAndKey) {
    auto r = load("auth:\n  tokens:\n    - {name: a, roles: [finance, compta], sha256: abc}\n"
                  "    - {roles: [], sha256: " + kHash + ", couleur: bleu}\n  jetons: []\n");
    const std::string all = joined(r.errors);
    EXPECT_NE(all.find("/etc/recolte/recolte.yaml:4: auth.tokens[0].roles[1]: unknown role \"compta\"; valid roles are: finance, admin"),
              std::string::npos) << all;
    EXPECT_NE(all.find("/etc/recolte/recolte.yaml:4: auth.tokens[0].sha256: expected 64 hexadecimal digits"),
              std::string::npos) << all;
    EXPECT_EQ(all.find("abc"), std::string::npos) << "a wrong hash (maybe the token itself) is never echoed";
    EXPECT_NE(all.find(":5: auth.tokens[1].couleur: unknown key; valid keys are: name, roles, sha256"),
              std::string::npos) << all;
    EXPECT_NE(all.find(":5: auth.tokens[1].name: missing"), std::string::npos) << all;
    EXPECT_NE(all.find(":5: auth.tokens[1].roles: expected a non-empty list"), std::string::npos) << all;
    EXPECT_NE(all.find(":6: auth.jetons: unknown key; valid keys are: tokens"), std::string::npos) << all;
}

TEST(AuthConfig, LocalKmMustBeAWholeNumber) {
    auto r = load("invoices: {local_km: 12.5, rayon: 3}\n");
    const std::string all = joined(r.errors);
    EXPECT_NE(all.find("invoices.local_km: expected a whole number of kilometres"), std::string::npos) << all;
    EXPECT_NE(all.find("invoices.rayon: unknown key; valid keys are: local_km"), std::string::npos) << all;
}

TEST(AuthConfig, TheTopLevelListsTheNewKeys) {
    auto r = load("authentification: {}\n");
    EXPECT_NE(joined(r.errors).find("valid keys are: http, store, plugins, log, sources, auth, invoices"),
              std::string::npos) << joined(r.errors);
}

}  // namespace
}  // namespace recolte::config
