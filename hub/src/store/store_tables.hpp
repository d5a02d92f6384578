// Row-level access to a store's tables, for `recolte migrate-store`: which tables and columns the
// migrations create (the one list of them, read from the migrations themselves), and a connection
// per engine that reads a table row by row in one snapshot or appends rows in one transaction.
// Not the Store interface: a copy moves every row as it is, ids and sequence numbers included.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace recolte::store {

struct ColumnSchema {
    std::string name;
    bool integer = false;  // BIGINT, INTEGER or {serial}; otherwise TEXT
};

struct TableSchema {
    std::string name;
    std::vector<ColumnSchema> columns;
    std::string serial;  // the {serial} column, "" when none: its sequence is set past the copied ids

    std::string columnList() const;  // "a, b, c"
};

// Every table the numbered migrations create, in creation order (schema_migrations excluded: each
// store writes its own). Throws std::logic_error on a migration statement it cannot follow, so a
// new kind of migration is noticed by the tests rather than copied wrongly.
const std::vector<TableSchema>& storeTables();

// The schema version this binary writes (the last migration's number).
int currentSchemaVersion();

// "sqlite:PATH" or "postgresql:CONNINFO" (a libpq key=value string or a postgresql:// URI).
struct StoreLocation {
    enum class Engine { SQLite, PostgreSQL } engine = Engine::SQLite;
    std::string target;        // the path or the conninfo
    std::string password;      // PostgreSQL: from --password-env (else libpq's PGPASSWORD applies)

    std::string describe() const;  // for messages; never shows the password
};

// Parses "sqlite:PATH" / "postgresql:CONNINFO"; nullopt with `error` set on anything else.
std::optional<StoreLocation> parseStoreLocation(const std::string& text, std::string& error);

using Row = std::vector<std::optional<std::string>>;  // one value per column, as text; nullopt = NULL

// Receives the rows of one table inside the write transaction.
class RowAppender {
public:
    virtual ~RowAppender() = default;
    virtual void add(const Row& row) = 0;
    virtual void finish() = 0;  // flushes; the rows are then visible inside the transaction
};

// One connection to a store. Every method throws std::runtime_error with the engine's message.
class StoreTables {
public:
    virtual ~StoreTables() = default;
    // The highest applied migration; 0 when the database has no schema_migrations table.
    virtual int schemaVersion() = 0;
    virtual int64_t count(const std::string& table) = 0;

    // Source side: a read snapshot, so counts and rows agree even if a daemon writes meanwhile.
    virtual void beginRead() = 0;
    virtual void read(const TableSchema& table, const std::function<void(const Row&)>& fn) = 0;

    // Target side: one transaction; nothing is visible to others before commit().
    virtual void beginWrite() = 0;
    virtual void clear(const TableSchema& table) = 0;
    virtual std::unique_ptr<RowAppender> append(const TableSchema& table) = 0;
    // The next generated id of table.serial is past the highest one copied.
    virtual void resetSequence(const TableSchema& table) = 0;
    virtual void commit() = 0;
};

// Opens an existing database (never creates one: a missing SQLite file is an error).
std::unique_ptr<StoreTables> openSqliteTables(const std::string& path, bool readOnly);
std::unique_ptr<StoreTables> openPostgresTables(const std::string& conninfo, const std::string& password);
std::unique_ptr<StoreTables> openStoreTables(const StoreLocation& location, bool readOnly);

}  // namespace recolte::store
