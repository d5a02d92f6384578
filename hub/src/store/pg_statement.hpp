// One PostgreSQL statement prepared once (libpq PQprepare) and run many times with binary
// parameters: the sync's hot per-row writes, on the same connection and transaction as the rest
// of the sync. Poco::Data prepares and describes a statement again on every execute().
#pragma once

#include <libpq-fe.h>

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "store/sql_engine.hpp"

namespace recolte::store {

class PgStatement : public FastStatement {
public:
    PgStatement(PGconn* conn, const std::string& sql);
    PgStatement(const PgStatement&) = delete;
    PgStatement& operator=(const PgStatement&) = delete;

    PgStatement& bind(int index, std::string_view text) override;
    PgStatement& bind(int index, int64_t value) override;
    void run() override;

private:
    void slot(int index);

    PGconn* conn_;
    std::string name_;
    std::string sql_;
    std::vector<const char*> values_;
    std::vector<int> lengths_;
    std::vector<int> formats_;
    // Big-endian int8, as the binary format wants. Pointed at from values_ only in run(): binding
    // a higher index grows (moves) this vector.
    std::vector<std::array<char, 8>> ints_;
    std::vector<char> isInt_;
};

// Runs one command on a raw connection; returns its first value ("" when none). Throws
// std::runtime_error with the server's message.
std::string pgExec(PGconn* conn, const std::string& sql, const std::vector<std::string>& params = {});

}  // namespace recolte::store
