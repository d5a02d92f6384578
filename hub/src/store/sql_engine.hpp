// What differs between the SQL engines behind the one SQL store (sql_store.cpp): how connections
// are opened and set up, the migrations' dialect, the locks that let several hub instances share
// one database, and the prepared statements of the sync's hot per-row writes. Everything else
// (queries, producer merge, paging, streaming) is written once, with $N placeholders.
#pragma once

#include <Poco/Data/Session.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace recolte::store {

// One statement prepared once and run many times on a sync's connection, inside its transaction.
class FastStatement {
public:
    virtual ~FastStatement() = default;
    // Parameters are numbered from 1, as the SQL's $1, $2... The text must outlive run().
    virtual FastStatement& bind(int index, std::string_view text) = 0;
    virtual FastStatement& bind(int index, int64_t value) = 0;
    // Runs to completion, then gets ready for the next run. Throws std::runtime_error on failure.
    virtual void run() = 0;
};

class SqlEngine {
public:
    virtual ~SqlEngine() = default;

    // "SQLite" or "PostgreSQL", for messages.
    virtual const char* name() const = 0;
    // A new connection of its own (a sync's transaction), set up for writing.
    virtual Poco::Data::Session connect() = 0;
    // A pooled connection for one read.
    virtual Poco::Data::Session pooled() = 0;
    // The migrations' `{serial}` and `{text}` tokens on this engine (migrations.hpp).
    virtual std::string serialPrimaryKey() const = 0;
    virtual std::string textType() const = 0;

    // Held while checking and applying migrations, so that instances starting at once migrate once.
    virtual void lockMigrations(Poco::Data::Session& s) = 0;
    virtual void unlockMigrations(Poco::Data::Session& s) = 0;
    // Called inside a sync's transaction, first: claims the source for this transaction or throws
    // SourceBusy when another instance is syncing it.
    virtual void claimSource(Poco::Data::Session& s, const std::string& source) = 0;
    // Called inside a sync's transaction before it writes rows that every source shares (the
    // change log's sequence, the merged producers, other sources' invoice statuses): held to the
    // end of the transaction, so that concurrent syncs of different sources wait, not fail, and
    // the change log's sequence grows in commit order.
    virtual void lockSharedRows(Poco::Data::Session& s) = 0;
    virtual std::unique_ptr<FastStatement> prepare(Poco::Data::Session& s, const std::string& sql) = 0;
};

class Store;

// The SQL store on this engine, migrated (sql_store.cpp).
std::unique_ptr<Store> openSqlStore(std::unique_ptr<SqlEngine> engine);

std::unique_ptr<SqlEngine> sqliteEngine(const std::string& path);
// conninfo = libpq key=value words without the password; password may be empty.
std::unique_ptr<SqlEngine> postgresqlEngine(const std::string& conninfo, const std::string& password);

}  // namespace recolte::store
