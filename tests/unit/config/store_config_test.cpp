// store: {sqlite: PATH} or {postgresql: CONNINFO, password_env: NAME}: the password only ever comes
// from the environment, and an unset variable is an error naming it.
#include <gtest/gtest.h>

#include <map>

#include "config/config.hpp"
#include "config/store_options.hpp"

namespace recolte::config {
namespace {

LoadResult load(const std::string& store) {
    return loadConfigFromString("store: " + store + "\n", "/etc/recolte/recolte.yaml");
}

sync::EnvLookup env(std::map<std::string, std::string> vars) {
    return [vars](const std::string& name) -> std::optional<std::string> {
        auto it = vars.find(name);
        if (it == vars.end()) return std::nullopt;
        return it->second;
    };
}

TEST(StoreConfig, PostgresqlWithThePasswordFromTheEnvironment) {
    auto r = load("{postgresql: \"host=db port=5432 dbname=recolte user=hub\", password_env: HUB_DB_PASSWORD}");
    ASSERT_TRUE(r.errors.empty()) << ::testing::PrintToString(r.errors);
    auto options = storeOptions(r.config, env({{"HUB_DB_PASSWORD", "s3cret"}}));
    ASSERT_TRUE(options) << options.error().describe();
    EXPECT_EQ(options->postgresql, "host=db port=5432 dbname=recolte user=hub");
    EXPECT_EQ(options->postgresql_password, "s3cret");
    EXPECT_TRUE(options->sqlite_path.empty());
}

TEST(StoreConfig, AnUnsetPasswordVariableIsAConfigErrorNamingIt) {
    auto r = load("{postgresql: \"host=db dbname=recolte\", password_env: HUB_DB_PASSWORD}");
    ASSERT_TRUE(r.errors.empty()) << ::testing::PrintToString(r.errors);
    auto options = storeOptions(r.config, env({}));
    ASSERT_FALSE(options);
    EXPECT_EQ(options.error().kind, sdk::ErrorKind::Config);
    EXPECT_NE(options.error().describe().find("store.password_env: the environment variable HUB_DB_PASSWORD is not set"),
              std::string::npos)
        << options.error().describe();
}

TEST(StoreConfig, NoPasswordInTheFileNorBothEnginesNorAStrayPasswordEnv) {
    auto inFile = load("{postgresql: \"host=db password=oops\"}");
    ASSERT_EQ(inFile.errors.size(), 1u) << ::testing::PrintToString(inFile.errors);
    EXPECT_NE(inFile.errors[0].find("store.postgresql: no password here"), std::string::npos) << inFile.errors[0];
    auto both = load("{sqlite: hub.db, postgresql: \"host=db\"}");
    ASSERT_EQ(both.errors.size(), 1u) << ::testing::PrintToString(both.errors);
    EXPECT_NE(both.errors[0].find("either sqlite or postgresql"), std::string::npos) << both.errors[0];
    auto stray = load("{sqlite: hub.db, password_env: X}");
    ASSERT_EQ(stray.errors.size(), 1u) << ::testing::PrintToString(stray.errors);
    EXPECT_NE(stray.errors[0].find("store.password_env: only with store.postgresql"), std::string::npos)
        << stray.errors[0];
}

TEST(StoreConfig, WithoutPasswordEnvNoPasswordIsSent) {
    auto r = load("{postgresql: \"host=db dbname=recolte\"}");
    ASSERT_TRUE(r.errors.empty()) << ::testing::PrintToString(r.errors);
    auto options = storeOptions(r.config, env({{"PGPASSWORD", "ignored"}}));
    ASSERT_TRUE(options);
    EXPECT_TRUE(options->postgresql_password.empty());
}

}  // namespace
}  // namespace recolte::config
