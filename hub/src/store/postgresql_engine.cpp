// The PostgreSQL engine of the SQL store: one database shared by several hub instances.
// Advisory locks keep them out of each other's way: migrations run under a session lock (the
// first instance migrates, the others wait and find it done); a sync holds its source's
// transaction lock (a second instance gets SourceBusy instead of syncing it twice); and rows that
// every source shares are written under one transaction lock (sql_engine.hpp).
#include <Poco/Data/PostgreSQL/Connector.h>
#include <Poco/Data/PostgreSQL/SessionImpl.h>
#include <Poco/Data/SessionPool.h>
#include <Poco/Exception.h>

#include <cctype>
#include <sstream>
#include <stdexcept>

#include "store/pg_statement.hpp"
#include "store/sql_engine.hpp"
#include "store/store.hpp"

namespace recolte::store {

using Poco::Data::Session;

namespace {

constexpr std::size_t kLoginTimeoutSeconds = 10;
// pg_advisory_lock(int4, int4) keys: the first number says "Récolte", the second what is locked.
// Source locks use their own first number with hashtext(source) as the second.
constexpr const char* kLockSpace = "1919251055";        // "reco" in ASCII
constexpr const char* kSourceLockSpace = "1919251056";
constexpr const char* kMigrationsLock = "1";
constexpr const char* kSharedRowsLock = "2";

// The password as one conninfo value. Poco splits the connection string at spaces (no quoting),
// so the value goes unquoted with \ and ' escaped (libpq's rules), and cannot hold a space.
std::string escaped(const std::string& value) {
    std::string out;
    for (char c : value) {
        if (std::isspace(static_cast<unsigned char>(c)))
            throw std::runtime_error("the PostgreSQL password (store.password_env) cannot contain spaces: "
                                     "Poco's connection string cannot carry them");
        if (c == '\\' || c == '\'') out += '\\';
        out += c;
    }
    return out;
}

// What a message may say of the server: every conninfo word but a password.
std::string describe(const std::string& conninfo) {
    std::istringstream in(conninfo);
    std::string out;
    for (std::string word; in >> word;)
        if (word.rfind("password", 0) != 0) out += (out.empty() ? "" : " ") + word;
    return out;
}

PGconn* handle(Session& s) {
    auto* impl = dynamic_cast<Poco::Data::PostgreSQL::SessionImpl*>(s.impl());
    if (!impl) throw std::logic_error("not a direct PostgreSQL session");
    return static_cast<PGconn*>(impl->handle());
}

class PostgresqlEngine : public SqlEngine {
public:
    PostgresqlEngine(const std::string& conninfo, const std::string& password)
        : where_(describe(conninfo)), password_(password) {
        Poco::Data::PostgreSQL::Connector::registerConnector();
        full_ = conninfo;
        if (full_.find("connect_timeout") == std::string::npos) full_ += " connect_timeout=" + std::to_string(kLoginTimeoutSeconds);
        if (full_.find("application_name") == std::string::npos) full_ += " application_name=recolte";
        if (!password.empty()) full_ += " password=" + escaped(password);
        connect();  // fails here, with a clear message, when the server cannot be reached
        pool_ = std::make_unique<Poco::Data::SessionPool>("PostgreSQL", full_, 1, 64, 60);
    }

    const char* name() const override { return "PostgreSQL"; }

    Session connect() override {
        try {
            Session s("PostgreSQL", full_, kLoginTimeoutSeconds);
            // The migrations' "relation already exists, skipping" would go to stderr: warnings and up only.
            pgExec(handle(s), "SET client_min_messages = warning");
            return s;
        } catch (const Poco::Exception& e) {
            throw std::runtime_error("cannot connect to the PostgreSQL store (" + where_ + "): " + scrub(e.message()));
        }
    }

    Session pooled() override { return pool_->get(); }

    std::string serialPrimaryKey() const override { return "BIGSERIAL PRIMARY KEY"; }
    std::string textType() const override { return "TEXT COLLATE \"C\""; }

    void lockMigrations(Session& s) override {
        pgExec(handle(s), "SELECT pg_advisory_lock($1::int4, $2::int4)", {kLockSpace, kMigrationsLock});
    }
    void unlockMigrations(Session& s) override {
        pgExec(handle(s), "SELECT pg_advisory_unlock($1::int4, $2::int4)", {kLockSpace, kMigrationsLock});
    }

    // Released by commit, rollback, or the end of the connection (a killed instance).
    void claimSource(Session& s, const std::string& source) override {
        const std::string got = pgExec(handle(s), "SELECT pg_try_advisory_xact_lock($1::int4, hashtext($2))",
                                       {kSourceLockSpace, source});
        if (got != "t") throw SourceBusy(source);
    }

    void lockSharedRows(Session& s) override {
        pgExec(handle(s), "SELECT pg_advisory_xact_lock($1::int4, $2::int4)", {kLockSpace, kSharedRowsLock});
    }

    std::unique_ptr<FastStatement> prepare(Session& s, const std::string& sql) override {
        return std::make_unique<PgStatement>(handle(s), sql);
    }

private:
    // libpq's messages do not repeat the password, but never take the chance.
    std::string scrub(std::string message) const {
        if (password_.empty()) return message;
        for (size_t pos; (pos = message.find(password_)) != std::string::npos;) message.replace(pos, password_.size(), "***");
        return message;
    }

    std::string where_;
    std::string password_;
    std::string full_;
    std::unique_ptr<Poco::Data::SessionPool> pool_;
};

}  // namespace

std::unique_ptr<SqlEngine> postgresqlEngine(const std::string& conninfo, const std::string& password) {
    return std::make_unique<PostgresqlEngine>(conninfo, password);
}

}  // namespace recolte::store
