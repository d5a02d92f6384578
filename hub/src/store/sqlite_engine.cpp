// The SQLite engine of the SQL store: one file, one writer at a time (SQLite's own lock), WAL so
// that readers never wait for a sync.
#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/SQLite/Utility.h>
#include <Poco/Data/SessionPool.h>

#include <filesystem>
#include <stdexcept>

#include "store/sql_engine.hpp"
#include "store/sqlite_statement.hpp"

namespace recolte::store {

using namespace Poco::Data::Keywords;
using Poco::Data::Session;

namespace {

constexpr std::size_t kLoginTimeoutSeconds = 5;

void configureConnection(Session& s) {
    s << "PRAGMA busy_timeout = 15000", now;
    s << "PRAGMA synchronous = NORMAL", now;
    s << "PRAGMA foreign_keys = ON", now;
}

class SqliteEngine : public SqlEngine {
public:
    explicit SqliteEngine(const std::string& path) : path_(path) {
        Poco::Data::SQLite::Connector::registerConnector();
        std::error_code ec;
        auto parent = std::filesystem::path(path).parent_path();
        if (!parent.empty()) std::filesystem::create_directories(parent, ec);
        // Poco waits for its whole login timeout when SQLite cannot open: fail fast on a bad folder.
        if (!parent.empty() && !std::filesystem::is_directory(parent))
            throw std::runtime_error("cannot open the SQLite store " + path + ": cannot create the folder " +
                                     parent.string() + (ec ? ": " + ec.message() : ""));
        Session s("SQLite", path_, kLoginTimeoutSeconds);
        configureConnection(s);
        std::string mode;
        s << "PRAGMA journal_mode = WAL", into(mode), now;
        pool_ = std::make_unique<Poco::Data::SessionPool>("SQLite", path_, 1, 64, 60);
    }

    const char* name() const override { return "SQLite"; }

    Session connect() override {
        Session s("SQLite", path_, kLoginTimeoutSeconds);
        configureConnection(s);
        s << "PRAGMA cache_size = -65536", now;
        s << "PRAGMA temp_store = MEMORY", now;
        return s;
    }

    Session pooled() override {
        Session s = pool_->get();
        s << "PRAGMA busy_timeout = 15000", now;
        return s;
    }

    std::string serialPrimaryKey() const override { return "INTEGER PRIMARY KEY"; }
    std::string textType() const override { return "TEXT"; }

    // One writer per file: SQLite's own lock serializes migrations and syncs.
    void lockMigrations(Session&) override {}
    void unlockMigrations(Session&) override {}
    void claimSource(Session&, const std::string&) override {}
    void lockSharedRows(Session&) override {}

    std::unique_ptr<FastStatement> prepare(Session& s, const std::string& sql) override {
        return std::make_unique<SqliteStatement>(Poco::Data::SQLite::Utility::dbHandle(s), sql);
    }

private:
    std::string path_;
    std::unique_ptr<Poco::Data::SessionPool> pool_;
};

}  // namespace

std::unique_ptr<SqlEngine> sqliteEngine(const std::string& path) { return std::make_unique<SqliteEngine>(path); }

}  // namespace recolte::store
