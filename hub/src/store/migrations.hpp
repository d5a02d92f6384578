// Numbered schema migrations, written once for every engine; `{serial}` is the only dialect
// token (INTEGER PRIMARY KEY on SQLite, BIGSERIAL PRIMARY KEY on PostgreSQL).
#pragma once

#include <string>
#include <vector>

namespace recolte::store {

struct Migration {
    int version;
    std::string description;
    std::vector<std::string> statements;
};

const std::vector<Migration>& migrations();
std::string applyDialect(const std::string& sql, const std::string& serialPrimaryKey);

}  // namespace recolte::store
