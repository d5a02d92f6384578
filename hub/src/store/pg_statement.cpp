#include "store/pg_statement.hpp"

#include <atomic>
#include <memory>
#include <stdexcept>

namespace recolte::store {

namespace {

using Result = std::unique_ptr<PGresult, decltype(&PQclear)>;

void check(PGconn* conn, const Result& r, const std::string& sql) {
    const auto status = PQresultStatus(r.get());
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return;
    std::string message = r ? PQresultErrorMessage(r.get()) : PQerrorMessage(conn);
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
    throw std::runtime_error("PostgreSQL: " + message + " (" + sql.substr(0, 80) + "...)");
}

}  // namespace

PgStatement::PgStatement(PGconn* conn, const std::string& sql) : conn_(conn), sql_(sql) {
    // Unique per process: a connection may outlive one sync's statements only in tests.
    static std::atomic<uint64_t> counter{0};
    name_ = "recolte_fast_" + std::to_string(++counter);
    Result r(PQprepare(conn_, name_.c_str(), sql.c_str(), 0, nullptr), &PQclear);
    check(conn_, r, sql_);
}

void PgStatement::slot(int index) {
    const auto n = static_cast<size_t>(index);
    if (values_.size() < n) {
        values_.resize(n, nullptr);
        lengths_.resize(n, 0);
        formats_.resize(n, 1);
        ints_.resize(n);
        isInt_.resize(n, 0);
    }
}

PgStatement& PgStatement::bind(int index, std::string_view text) {
    slot(index);
    // Binary text is the bytes themselves; an empty view may have no data pointer (that would be NULL).
    values_[index - 1] = text.data() ? text.data() : "";
    lengths_[index - 1] = static_cast<int>(text.size());
    isInt_[index - 1] = 0;
    return *this;
}

PgStatement& PgStatement::bind(int index, int64_t value) {
    slot(index);
    auto& buf = ints_[index - 1];
    auto u = static_cast<uint64_t>(value);
    for (int i = 7; i >= 0; --i, u >>= 8) buf[i] = static_cast<char>(u & 0xFF);
    lengths_[index - 1] = 8;
    isInt_[index - 1] = 1;
    return *this;
}

void PgStatement::run() {
    for (size_t i = 0; i < values_.size(); ++i)
        if (isInt_[i]) values_[i] = ints_[i].data();
    Result r(PQexecPrepared(conn_, name_.c_str(), static_cast<int>(values_.size()), values_.data(), lengths_.data(),
                            formats_.data(), 0),
             &PQclear);
    check(conn_, r, sql_);
}

std::string pgExec(PGconn* conn, const std::string& sql, const std::vector<std::string>& params) {
    std::vector<const char*> values;
    for (const auto& p : params) values.push_back(p.c_str());
    Result r(PQexecParams(conn, sql.c_str(), static_cast<int>(values.size()), nullptr, values.data(), nullptr, nullptr, 0),
             &PQclear);
    check(conn, r, sql);
    if (PQresultStatus(r.get()) != PGRES_TUPLES_OK || PQntuples(r.get()) == 0 || PQnfields(r.get()) == 0) return "";
    return PQgetvalue(r.get(), 0, 0);
}

}  // namespace recolte::store
