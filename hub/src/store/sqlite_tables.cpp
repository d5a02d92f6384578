// StoreTables on SQLite, through the C API: a copy of a million rows needs statements prepared once.
#include <sqlite3.h>

#include <filesystem>
#include <stdexcept>

#include "store/store_tables.hpp"

namespace recolte::store {

namespace {

class Stmt {
public:
    Stmt(sqlite3* db, const std::string& sql) : db_(db) {
        if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt_, nullptr) != SQLITE_OK)
            throw std::runtime_error(std::string(sqlite3_errmsg(db)) + " (" + sql + ")");
    }
    ~Stmt() { sqlite3_finalize(stmt_); }
    Stmt(const Stmt&) = delete;
    Stmt& operator=(const Stmt&) = delete;
    // SQLITE_ROW or SQLITE_DONE; throws on anything else.
    int step() {
        int rc = sqlite3_step(stmt_);
        if (rc != SQLITE_ROW && rc != SQLITE_DONE) throw std::runtime_error(sqlite3_errmsg(db_));
        return rc;
    }
    sqlite3_stmt* get() { return stmt_; }

private:
    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
};

class SqliteAppender : public RowAppender {
public:
    SqliteAppender(sqlite3* db, const TableSchema& table) : table_(table), insert_(db, insertSql(table)) {}
    void add(const Row& row) override {
        sqlite3_stmt* st = insert_.get();
        for (size_t i = 0; i < row.size(); ++i) {
            const int index = static_cast<int>(i) + 1;
            if (!row[i]) {
                sqlite3_bind_null(st, index);
            } else if (table_.columns[i].integer) {
                sqlite3_bind_int64(st, index, std::stoll(*row[i]));
            } else {
                sqlite3_bind_text(st, index, row[i]->data(), static_cast<int>(row[i]->size()), SQLITE_TRANSIENT);
            }
        }
        insert_.step();
        sqlite3_reset(st);
    }
    void finish() override {}

private:
    static std::string insertSql(const TableSchema& t) {
        std::string params;
        for (size_t i = 0; i < t.columns.size(); ++i) params += (i ? ", $" : "$") + std::to_string(i + 1);
        return "INSERT INTO " + t.name + " (" + t.columnList() + ") VALUES (" + params + ")";
    }
    const TableSchema& table_;
    Stmt insert_;
};

class SqliteTables : public StoreTables {
public:
    SqliteTables(const std::string& path, bool readOnly) : path_(path) {
        // sqlite3_open would create a missing file: say it is missing instead.
        std::error_code ec;
        if (!std::filesystem::is_regular_file(path, ec))
            throw std::runtime_error("SQLite store " + path + ": no such file");
        int flags = readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
        if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
            std::string why = db_ ? sqlite3_errmsg(db_) : "out of memory";
            sqlite3_close(db_);
            throw std::runtime_error("SQLite store " + path + ": " + why);
        }
        sqlite3_busy_timeout(db_, 15000);
        // SQLite opens lazily: a file that is not a database is only noticed at the first read.
        // A throwing constructor runs no destructor: close here.
        try {
            exec("SELECT COUNT(*) FROM sqlite_master");
        } catch (...) {
            sqlite3_close(db_);
            throw;
        }
    }
    ~SqliteTables() override {
        if (inTransaction_) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
        sqlite3_close(db_);
    }

    int schemaVersion() override {
        Stmt exists(db_, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'");
        exists.step();
        if (sqlite3_column_int(exists.get(), 0) == 0) return 0;
        Stmt st(db_, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
        st.step();
        return sqlite3_column_int(st.get(), 0);
    }

    int64_t count(const std::string& table) override {
        Stmt st(db_, "SELECT COUNT(*) FROM " + table);
        st.step();
        return sqlite3_column_int64(st.get(), 0);
    }

    void beginRead() override { begin("BEGIN"); }

    void read(const TableSchema& table, const std::function<void(const Row&)>& fn) override {
        std::string order = table.serial.empty() ? "rowid" : table.serial;
        Stmt st(db_, "SELECT " + table.columnList() + " FROM " + table.name + " ORDER BY " + order);
        Row row(table.columns.size());
        while (st.step() == SQLITE_ROW) {
            for (size_t i = 0; i < row.size(); ++i) {
                const int col = static_cast<int>(i);
                if (sqlite3_column_type(st.get(), col) == SQLITE_NULL) {
                    row[i].reset();
                } else {
                    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(st.get(), col));
                    row[i].emplace(text, static_cast<size_t>(sqlite3_column_bytes(st.get(), col)));
                }
            }
            fn(row);
        }
    }

    void beginWrite() override {
        exec("PRAGMA synchronous = NORMAL");
        begin("BEGIN IMMEDIATE");
    }
    void clear(const TableSchema& table) override { exec("DELETE FROM " + table.name); }
    std::unique_ptr<RowAppender> append(const TableSchema& table) override {
        return std::make_unique<SqliteAppender>(db_, table);
    }
    // INTEGER PRIMARY KEY takes max(rowid) + 1 by itself.
    void resetSequence(const TableSchema&) override {}
    void commit() override {
        exec("COMMIT");
        inTransaction_ = false;
    }

private:
    void begin(const char* sql) {
        exec(sql);
        inTransaction_ = true;
    }
    void exec(const std::string& sql) {
        char* err = nullptr;
        if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
            std::string why = err ? err : sqlite3_errmsg(db_);
            sqlite3_free(err);
            throw std::runtime_error("SQLite store " + path_ + ": " + why);
        }
    }

    std::string path_;
    sqlite3* db_ = nullptr;
    bool inTransaction_ = false;
};

}  // namespace

std::unique_ptr<StoreTables> openSqliteTables(const std::string& path, bool readOnly) {
    return std::make_unique<SqliteTables>(path, readOnly);
}

}  // namespace recolte::store
