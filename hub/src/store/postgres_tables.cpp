// StoreTables on PostgreSQL, through libpq: rows stream out in single-row mode and in with COPY,
// the fastest way PostgreSQL takes rows (no statement per row).
#include <libpq-fe.h>

#include <stdexcept>

#include "store/store_tables.hpp"

namespace recolte::store {

namespace {

using Result = std::unique_ptr<PGresult, decltype(&PQclear)>;

std::string quoteLiteral(PGconn* c, const std::string& s) {
    char* q = PQescapeLiteral(c, s.data(), s.size());
    if (!q) throw std::runtime_error(PQerrorMessage(c));
    std::string out(q);
    PQfreemem(q);
    return out;
}

std::string errorOf(PGconn* c) {
    std::string e = PQerrorMessage(c);
    while (!e.empty() && (e.back() == '\n' || e.back() == ' ')) e.pop_back();
    return e;
}

// COPY's text format: backslash escapes for the characters that separate values and rows.
void appendCopyValue(std::string& out, const std::optional<std::string>& v) {
    if (!v) {
        out += "\\N";
        return;
    }
    for (char c : *v) {
        switch (c) {
            case '\\': out += "\\\\"; break;
            case '\t': out += "\\t"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            default: out += c;
        }
    }
}

class PostgresAppender : public RowAppender {
public:
    PostgresAppender(PGconn* c, const TableSchema& table) : conn_(c) {
        Result r(PQexec(c, ("COPY " + table.name + " (" + table.columnList() + ") FROM STDIN").c_str()), PQclear);
        if (PQresultStatus(r.get()) != PGRES_COPY_IN) throw std::runtime_error(errorOf(c));
    }
    ~PostgresAppender() override {
        if (!finished_) PQputCopyEnd(conn_, "abandoned");  // the transaction is rolled back anyway
    }
    void add(const Row& row) override {
        for (size_t i = 0; i < row.size(); ++i) {
            if (i) buffer_ += '\t';
            appendCopyValue(buffer_, row[i]);
        }
        buffer_ += '\n';
        if (buffer_.size() >= (1u << 20)) flush();
    }
    void finish() override {
        flush();
        finished_ = true;
        if (PQputCopyEnd(conn_, nullptr) != 1) throw std::runtime_error(errorOf(conn_));
        Result r(PQgetResult(conn_), PQclear);
        if (PQresultStatus(r.get()) != PGRES_COMMAND_OK) throw std::runtime_error(errorOf(conn_));
        while (PGresult* rest = PQgetResult(conn_)) PQclear(rest);
    }

private:
    void flush() {
        if (buffer_.empty()) return;
        if (PQputCopyData(conn_, buffer_.data(), static_cast<int>(buffer_.size())) != 1)
            throw std::runtime_error(errorOf(conn_));
        buffer_.clear();
    }
    PGconn* conn_;
    std::string buffer_;
    bool finished_ = false;
};

class PostgresTables : public StoreTables {
public:
    PostgresTables(const std::string& conninfo, const std::string& password) {
        // The conninfo is expanded as libpq's dbname; a password given apart comes after, so it wins.
        const char* keys[] = {"dbname", password.empty() ? nullptr : "password", nullptr};
        const char* values[] = {conninfo.c_str(), password.c_str(), nullptr};
        conn_ = PQconnectdbParams(keys, values, 1);
        if (PQstatus(conn_) != CONNECTION_OK) {
            std::string why = errorOf(conn_);
            PQfinish(conn_);
            throw std::runtime_error("PostgreSQL: " + why);
        }
        exec("SET client_min_messages = warning");
    }
    ~PostgresTables() override {
        if (inTransaction_) PQclear(PQexec(conn_, "ROLLBACK"));
        PQfinish(conn_);
    }

    int schemaVersion() override {
        if (value("SELECT COALESCE(to_regclass('schema_migrations')::text, '')").empty()) return 0;
        return std::stoi(value("SELECT COALESCE(MAX(version), 0) FROM schema_migrations"));
    }
    int64_t count(const std::string& table) override { return std::stoll(value("SELECT COUNT(*) FROM " + table)); }

    void beginRead() override { begin("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"); }

    void read(const TableSchema& table, const std::function<void(const Row&)>& fn) override {
        std::string order = table.serial.empty() ? "" : " ORDER BY " + table.serial;
        std::string sql = "SELECT " + table.columnList() + " FROM " + table.name + order;
        if (!PQsendQuery(conn_, sql.c_str()) || !PQsetSingleRowMode(conn_)) throw std::runtime_error(errorOf(conn_));
        Row row(table.columns.size());
        std::string failure;
        while (PGresult* raw = PQgetResult(conn_)) {
            Result r(raw, PQclear);
            auto status = PQresultStatus(raw);
            if (status == PGRES_SINGLE_TUPLE) {
                if (!failure.empty()) continue;  // drain the rest after a failure in fn
                for (int i = 0; i < static_cast<int>(row.size()); ++i) {
                    if (PQgetisnull(raw, 0, i)) row[i].reset();
                    else row[i].emplace(PQgetvalue(raw, 0, i), static_cast<size_t>(PQgetlength(raw, 0, i)));
                }
                try {
                    fn(row);
                } catch (const std::exception& e) {
                    failure = e.what();
                }
            } else if (status != PGRES_TUPLES_OK) {
                failure = PQresultErrorMessage(raw);
            }
        }
        if (!failure.empty()) throw std::runtime_error(failure);
    }

    void beginWrite() override { begin("BEGIN"); }
    void clear(const TableSchema& table) override { exec("TRUNCATE " + table.name); }
    std::unique_ptr<RowAppender> append(const TableSchema& table) override {
        return std::make_unique<PostgresAppender>(conn_, table);
    }
    void resetSequence(const TableSchema& table) override {
        if (table.serial.empty()) return;
        const std::string seq = value("SELECT COALESCE(pg_get_serial_sequence(" + quoteLiteral(conn_, table.name) + ", " +
                                      quoteLiteral(conn_, table.serial) + "), '')");
        if (seq.empty()) throw std::runtime_error("no sequence behind " + table.name + "." + table.serial);
        // nextval() then gives max + 1 (or 1 on an empty table).
        value("SELECT setval(" + quoteLiteral(conn_, seq) + ", COALESCE(MAX(" + table.serial + "), 0) + 1, false) FROM " +
              table.name);
    }
    void commit() override {
        exec("COMMIT");
        inTransaction_ = false;
    }

private:
    void begin(const std::string& sql) {
        exec(sql);
        inTransaction_ = true;
    }
    void exec(const std::string& sql) {
        Result r(PQexec(conn_, sql.c_str()), PQclear);
        if (PQresultStatus(r.get()) != PGRES_COMMAND_OK) throw std::runtime_error(errorOf(conn_));
    }
    std::string value(const std::string& sql) {
        Result r(PQexec(conn_, sql.c_str()), PQclear);
        if (PQresultStatus(r.get()) != PGRES_TUPLES_OK) throw std::runtime_error(errorOf(conn_));
        if (PQntuples(r.get()) != 1 || PQnfields(r.get()) != 1) throw std::runtime_error("one value expected: " + sql);
        return PQgetvalue(r.get(), 0, 0);
    }

    PGconn* conn_ = nullptr;
    bool inTransaction_ = false;
};

}  // namespace

std::unique_ptr<StoreTables> openPostgresTables(const std::string& conninfo, const std::string& password) {
    return std::make_unique<PostgresTables>(conninfo, password);
}

}  // namespace recolte::store
