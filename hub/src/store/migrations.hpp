// Numbered schema migrations, written once for every engine. `{serial}` is the one dialect token
// (INTEGER PRIMARY KEY on SQLite, BIGSERIAL PRIMARY KEY on PostgreSQL), and every " TEXT " column
// type becomes the engine's text type: TEXT COLLATE "C" on PostgreSQL, so that comparisons and
// orders are byte order there as on SQLite (same pages, same LIKE behaviour on both engines).
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
std::string applyDialect(const std::string& sql, const std::string& serialPrimaryKey, const std::string& textType = "TEXT");

}  // namespace recolte::store
