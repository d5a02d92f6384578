// The store tests run on both engines: an SQLite file in a temporary folder, and a fresh
// PostgreSQL database on the server that RECOLTE_TEST_POSTGRESQL names (a libpq conninfo, e.g.
// "host=127.0.0.1 port=55432 user=postgres"; scripts/test starts a throwaway one). Without that
// variable the PostgreSQL cases are skipped, with a message, except when
// RECOLTE_REQUIRE_POSTGRESQL=1, where a missing or unreachable server fails them (CI).
#pragma once

#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <vector>

#include "store/store.hpp"
#include "support/temp_dir.hpp"

namespace recolte::testing {

enum class StoreEngine { SQLite, PostgreSQL };

// gtest prints the parameter of a failed case with this.
void PrintTo(StoreEngine engine, std::ostream* out);
// Both engines, for INSTANTIATE_TEST_SUITE_P.
std::vector<StoreEngine> storeEngines();
// "SQLite" / "PostgreSQL", as a test name suffix.
std::string storeEngineName(const ::testing::TestParamInfo<StoreEngine>& info);
bool postgresqlRequired();

// A fresh, empty place for a store: a folder, or a new database with a random name, dropped (with
// every connection still on it) when this object goes. Declare it before the store it holds.
class StoreLocation {
public:
    explicit StoreLocation(StoreEngine engine);
    ~StoreLocation();
    StoreLocation(const StoreLocation&) = delete;
    StoreLocation& operator=(const StoreLocation&) = delete;

    // Empty when usable; otherwise why this engine cannot run here.
    const std::string& problem() const { return problem_; }
    store::StoreOptions options() const;
    // PostgreSQL only: runs one SQL command in this database and returns its first value.
    std::string query(const std::string& sql) const;

private:
    StoreEngine engine_;
    TempDir dir_;
    std::string admin_;     // conninfo of the test server
    std::string database_;  // PostgreSQL: this test's database
    std::string problem_;
};

}  // namespace recolte::testing

// In a test (or SetUp): skips, or fails under RECOLTE_REQUIRE_POSTGRESQL=1, when the location's
// engine cannot run here.
#define RECOLTE_REQUIRE_STORE(location)                                                        \
    do {                                                                                       \
        if (!(location).problem().empty()) {                                                   \
            if (::recolte::testing::postgresqlRequired()) FAIL() << (location).problem();      \
            GTEST_SKIP() << (location).problem();                                              \
        }                                                                                      \
    } while (0)
