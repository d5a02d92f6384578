#include "store/sqlite_statement.hpp"

#include <stdexcept>

namespace recolte::store {

SqliteStatement::SqliteStatement(sqlite3* db, const std::string& sql) : db_(db) {
    check(sqlite3_prepare_v3(db_, sql.c_str(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr),
          "prepare");
}

SqliteStatement::~SqliteStatement() { sqlite3_finalize(stmt_); }

SqliteStatement& SqliteStatement::bind(int index, std::string_view text) {
    // An empty view may have no data pointer, which SQLite would store as NULL.
    const char* p = text.data() ? text.data() : "";
    check(sqlite3_bind_text(stmt_, index, p, static_cast<int>(text.size()), SQLITE_STATIC), "bind");
    return *this;
}

SqliteStatement& SqliteStatement::bind(int index, int64_t value) {
    check(sqlite3_bind_int64(stmt_, index, value), "bind");
    return *this;
}

void SqliteStatement::run() {
    const int rc = sqlite3_step(stmt_);
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW) check(rc, "step");
}

void SqliteStatement::check(int rc, const char* what) {
    if (rc == SQLITE_OK) return;
    std::string sql = stmt_ ? sqlite3_sql(stmt_) : "";
    throw std::runtime_error(std::string("SQLite ") + what + " failed: " + sqlite3_errmsg(db_) +
                             (sql.empty() ? "" : " (" + sql.substr(0, 80) + "...)"));
}

}  // namespace recolte::store
