#include "support/store_engines.hpp"

#include <libpq-fe.h>

#include <atomic>
#include <cstdlib>
#include <memory>
#include <random>
#include <stdexcept>

namespace recolte::testing {

namespace {

using Connection = std::unique_ptr<PGconn, decltype(&PQfinish)>;
using Result = std::unique_ptr<PGresult, decltype(&PQclear)>;

std::string env(const char* name) {
    const char* v = std::getenv(name);
    return v ? v : "";
}

// Runs one command; returns "" on success and sets `value` to the first value, or the error.
std::string run(const std::string& conninfo, const std::string& sql, std::string* value = nullptr) {
    Connection conn(PQconnectdb(conninfo.c_str()), &PQfinish);
    if (PQstatus(conn.get()) != CONNECTION_OK) return PQerrorMessage(conn.get());
    Result r(PQexec(conn.get(), sql.c_str()), &PQclear);
    const auto status = PQresultStatus(r.get());
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) return PQresultErrorMessage(r.get());
    if (value && status == PGRES_TUPLES_OK && PQntuples(r.get()) > 0) *value = PQgetvalue(r.get(), 0, 0);
    return "";
}

std::string randomName() {
    static std::atomic<int> counter{0};
    std::random_device rd;
    return "recolte_test_" + std::to_string(rd() % 1000000000) + "_" + std::to_string(++counter);
}

}  // namespace

void PrintTo(StoreEngine engine, std::ostream* out) { *out << (engine == StoreEngine::SQLite ? "SQLite" : "PostgreSQL"); }

std::vector<StoreEngine> storeEngines() { return {StoreEngine::SQLite, StoreEngine::PostgreSQL}; }

std::string storeEngineName(const ::testing::TestParamInfo<StoreEngine>& info) {
    return info.param == StoreEngine::SQLite ? "SQLite" : "PostgreSQL";
}

bool postgresqlRequired() { return env("RECOLTE_REQUIRE_POSTGRESQL") == "1"; }

StoreLocation::StoreLocation(StoreEngine engine) : engine_(engine) {
    if (engine_ == StoreEngine::SQLite) return;
    admin_ = env("RECOLTE_TEST_POSTGRESQL");
    if (admin_.empty()) {
        problem_ = "RECOLTE_TEST_POSTGRESQL is not set: no PostgreSQL server to test on (scripts/test starts one)";
        return;
    }
    const std::string name = randomName();
    // The server's default locale: the store's own columns make orders byte order (migrations.hpp).
    const std::string error = run(admin_, "CREATE DATABASE " + name);
    if (!error.empty()) {
        problem_ = "the PostgreSQL test server (" + admin_ + ") cannot create a database: " + error;
        return;
    }
    database_ = name;
}

StoreLocation::~StoreLocation() {
    if (!database_.empty()) run(admin_, "DROP DATABASE IF EXISTS " + database_ + " WITH (FORCE)");
}

store::StoreOptions StoreLocation::options() const {
    store::StoreOptions o;
    if (engine_ == StoreEngine::SQLite) o.sqlite_path = dir_.file("sub/dir/hub.db");  // parent folders are created
    else o.postgresql = admin_ + " dbname=" + database_;  // the last dbname wins
    return o;
}

std::string StoreLocation::query(const std::string& sql) const {
    if (database_.empty()) throw std::logic_error("not a PostgreSQL location");
    std::string value;
    const std::string error = run(admin_ + " dbname=" + database_, sql, &value);
    if (!error.empty()) throw std::runtime_error(error);
    return value;
}

}  // namespace recolte::testing
