// One SQLite statement prepared once and run many times. Poco::Data re-prepares its statements on
// every execute() (bench: 46 % of a 1M-row sync), so the sync's per-row writes use SQLite directly,
// on the same connection and inside the same transaction as the rest of the sync.
#pragma once

#include <sqlite3.h>

#include "store/sql_engine.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace recolte::store {

class SqliteStatement : public FastStatement {
public:
    SqliteStatement(sqlite3* db, const std::string& sql);
    ~SqliteStatement() override;
    SqliteStatement(const SqliteStatement&) = delete;
    SqliteStatement& operator=(const SqliteStatement&) = delete;

    // Parameters are numbered from 1, as the SQL's $1, $2... The text must outlive run().
    SqliteStatement& bind(int index, std::string_view text) override;
    SqliteStatement& bind(int index, int64_t value) override;
    // Steps to completion, then resets for the next run. Throws std::runtime_error on failure.
    void run() override;

private:
    void check(int rc, const char* what);

    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
};

}  // namespace recolte::store
