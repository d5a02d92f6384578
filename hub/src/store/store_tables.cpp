// The table list of the migrations, and store locations. The tables and their columns are read
// from the CREATE TABLE statements of migrations.cpp, so a new table or column is copied by
// `migrate-store` without a second list to keep in step.
#include "store/store_tables.hpp"

#include <algorithm>
#include <cctype>
#include <stdexcept>

#include "store/migrations.hpp"

namespace recolte::store {

namespace {

std::string trim(const std::string& s) {
    size_t b = s.find_first_not_of(" \t\r\n"), e = s.find_last_not_of(" \t\r\n");
    return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

std::string upper(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

std::vector<std::string> wordsOf(const std::string& s) {
    std::vector<std::string> out;
    std::string w;
    for (char c : s) {
        if (std::isspace(static_cast<unsigned char>(c)) || c == '(' || c == ')' || c == ',') {
            if (!w.empty()) out.push_back(w);
            w.clear();
        } else {
            w += c;
        }
    }
    if (!w.empty()) out.push_back(w);
    return out;
}

bool startsWith(const std::string& upperSql, const std::string& prefix) { return upperSql.rfind(prefix, 0) == 0; }

// "name TYPE ..." -> the column; table constraints (UNIQUE (...), PRIMARY KEY (...)) -> nullopt.
std::optional<ColumnSchema> columnOf(const std::string& definition, std::string& serial) {
    auto w = wordsOf(definition);
    if (w.empty()) return std::nullopt;
    static const std::vector<std::string> constraints{"UNIQUE", "PRIMARY", "CONSTRAINT", "FOREIGN", "CHECK"};
    if (std::find(constraints.begin(), constraints.end(), upper(w[0])) != constraints.end()) return std::nullopt;
    if (w.size() < 2) throw std::logic_error("migrate-store: a column without a type: " + definition);
    ColumnSchema c{w[0], false};
    const std::string type = upper(w[1]);
    if (type == "{SERIAL}") {
        c.integer = true;
        serial = c.name;
    } else if (type == "BIGINT" || type == "INTEGER" || type == "INT" || type == "SMALLINT") {
        c.integer = true;
    } else if (type != "TEXT") {
        throw std::logic_error("migrate-store: column type " + w[1] + " is not known: " + definition);
    }
    return c;
}

// The comma-separated definitions between the outer parentheses of a CREATE TABLE.
std::vector<std::string> definitionsOf(const std::string& sql) {
    size_t open = sql.find('('), close = sql.rfind(')');
    if (open == std::string::npos || close == std::string::npos || close < open)
        throw std::logic_error("migrate-store: cannot read " + sql);
    std::vector<std::string> out;
    std::string cur;
    int depth = 0;
    for (size_t i = open + 1; i < close; ++i) {
        char c = sql[i];
        if (c == '(') ++depth;
        if (c == ')') --depth;
        if (c == ',' && depth == 0) {
            out.push_back(trim(cur));
            cur.clear();
        } else {
            cur += c;
        }
    }
    if (!trim(cur).empty()) out.push_back(trim(cur));
    return out;
}

TableSchema* findTable(std::vector<TableSchema>& tables, const std::string& name) {
    for (auto& t : tables)
        if (t.name == name) return &t;
    throw std::logic_error("migrate-store: a migration changes table " + name + ", which no migration creates");
}

std::vector<TableSchema> readMigrations() {
    std::vector<TableSchema> tables;
    for (const auto& m : migrations()) {
        for (const auto& raw : m.statements) {
            const std::string sql = trim(raw);
            const std::string up = upper(sql);
            auto w = wordsOf(sql);
            if (startsWith(up, "CREATE INDEX") || startsWith(up, "CREATE UNIQUE INDEX") || startsWith(up, "DROP INDEX"))
                continue;
            if (startsWith(up, "CREATE TABLE")) {
                TableSchema t;
                t.name = w.at(2);
                for (const auto& d : definitionsOf(sql))
                    if (auto c = columnOf(d, t.serial)) t.columns.push_back(*c);
                tables.push_back(std::move(t));
            } else if (startsWith(up, "ALTER TABLE") && w.size() >= 6 && upper(w[3]) == "ADD" && upper(w[4]) == "COLUMN") {
                auto* t = findTable(tables, w[2]);
                std::string definition = sql.substr(up.find("COLUMN") + 6);
                if (auto c = columnOf(trim(definition), t->serial)) t->columns.push_back(*c);
            } else if (startsWith(up, "DROP TABLE")) {
                findTable(tables, w.back());
                tables.erase(std::remove_if(tables.begin(), tables.end(), [&](const TableSchema& t) { return t.name == w.back(); }),
                             tables.end());
            } else {
                throw std::logic_error("migrate-store does not know how to follow migration " + std::to_string(m.version) +
                                       ": " + sql);
            }
        }
    }
    return tables;
}

}  // namespace

std::string TableSchema::columnList() const {
    std::string out;
    for (const auto& c : columns) out += (out.empty() ? "" : ", ") + c.name;
    return out;
}

const std::vector<TableSchema>& storeTables() {
    static const std::vector<TableSchema> tables = readMigrations();
    return tables;
}

int currentSchemaVersion() { return migrations().empty() ? 0 : migrations().back().version; }

std::string StoreLocation::describe() const {
    if (engine == Engine::SQLite) return "sqlite:" + target;
    // A password written in the conninfo (password=... or user:password@ in a URI) is not shown.
    std::string shown = target;
    if (auto p = shown.find("password="); p != std::string::npos) {
        size_t end = shown.find(' ', p);
        shown.replace(p + 9, (end == std::string::npos ? shown.size() : end) - (p + 9), "***");
    }
    if (auto scheme = shown.find("://"); scheme != std::string::npos) {
        size_t at = shown.find('@', scheme), colon = shown.find(':', scheme + 3);
        if (at != std::string::npos && colon != std::string::npos && colon < at) shown.replace(colon + 1, at - colon - 1, "***");
    }
    return shown.rfind("postgresql://", 0) == 0 ? shown : "postgresql:" + shown;
}

std::optional<StoreLocation> parseStoreLocation(const std::string& text, std::string& error) {
    StoreLocation loc;
    if (text.rfind("sqlite:", 0) == 0) {
        loc.engine = StoreLocation::Engine::SQLite;
        loc.target = text.substr(7);
    } else if (text.rfind("postgresql:", 0) == 0) {
        loc.engine = StoreLocation::Engine::PostgreSQL;
        loc.target = text.substr(11);
        // "postgresql://host/db" is itself a libpq URI: keep it whole.
        if (loc.target.rfind("//", 0) == 0) loc.target = text;
    } else {
        error = "\"" + text + "\" is not a store: write sqlite:PATH or postgresql:CONNINFO";
        return std::nullopt;
    }
    if (loc.target.empty()) {
        error = "\"" + text + "\" names no " + (loc.engine == StoreLocation::Engine::SQLite ? "file" : "database");
        return std::nullopt;
    }
    return loc;
}

std::unique_ptr<StoreTables> openStoreTables(const StoreLocation& location, bool readOnly) {
    if (location.engine == StoreLocation::Engine::SQLite) return openSqliteTables(location.target, readOnly);
    return openPostgresTables(location.target, location.password);
}

}  // namespace recolte::store
