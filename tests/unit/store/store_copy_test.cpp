// migrate-store's copy: the table list read from the migrations matches what a store really holds,
// every row comes across as it was (awkward text included), and the refusals say why.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <filesystem>
#include <map>

#include "store/store.hpp"
#include "store/store_copy.hpp"
#include "support/store_engines.hpp"
#include "support/temp_dir.hpp"

namespace recolte::store {
namespace {

using Rows = std::map<std::string, std::vector<Row>>;

StoreLocation sqliteAt(const std::string& path) { return {StoreLocation::Engine::SQLite, path, ""}; }

std::unique_ptr<Store> openSqliteStore(const std::string& path) {
    StoreOptions options;
    options.sqlite_path = path;
    return openStore(options);
}

// Column name -> declared type, as SQLite's catalogue of a freshly migrated store says.
std::vector<std::pair<std::string, std::string>> catalogueColumns(const std::string& path, const std::string& table) {
    sqlite3* db = nullptr;
    EXPECT_EQ(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
    sqlite3_stmt* st = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db, ("PRAGMA table_info(" + table + ")").c_str(), -1, &st, nullptr), SQLITE_OK);
    std::vector<std::pair<std::string, std::string>> out;
    while (sqlite3_step(st) == SQLITE_ROW)
        out.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(st, 1)),
                         reinterpret_cast<const char*>(sqlite3_column_text(st, 2)));
    sqlite3_finalize(st);
    sqlite3_close(db);
    return out;
}

std::vector<std::string> catalogueTables(const std::string& path) {
    sqlite3* db = nullptr;
    EXPECT_EQ(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
                       -1, &st, nullptr);
    std::vector<std::string> out;
    while (sqlite3_step(st) == SQLITE_ROW) out.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)));
    sqlite3_finalize(st);
    sqlite3_close(db);
    return out;
}

// Rows for every table, generated from the column list alone: distinct per row (primary keys and
// UNIQUE pairs hold), with the characters COPY and SQL quoting must carry (tab, line breaks,
// backslash, quote, accents), ids with gaps so that kept ids are told from renumbered ones.
Rows sampleRows(int perTable) {
    Rows rows;
    for (const auto& t : storeTables()) {
        for (int i = 1; i <= perTable; ++i) {
            Row row;
            for (const auto& c : t.columns) {
                if (c.integer) row.emplace_back(std::to_string(c.name == t.serial ? i * 7 + 3 : 1000 * i - 17));
                else row.emplace_back(t.name + "." + c.name + " " + std::to_string(i) + " é\t\"l'a\"\\n\r\n;€");
            }
            rows[t.name].push_back(row);
        }
    }
    return rows;
}

void writeRows(StoreTables& tables, const Rows& rows) {
    tables.beginWrite();
    for (const auto& t : storeTables()) {
        auto a = tables.append(t);
        for (const auto& r : rows.at(t.name)) a->add(r);
        a->finish();
        tables.resetSequence(t);
    }
    tables.commit();
}

Rows readRows(StoreTables& tables) {
    Rows rows;
    tables.beginRead();
    for (const auto& t : storeTables()) {
        rows[t.name];
        tables.read(t, [&](const Row& r) { rows[t.name].push_back(r); });
    }
    return rows;
}

// A store with rows in every table, through the same schema a daemon creates.
void makeSource(const std::string& path, int perTable) {
    openSqliteStore(path);
    writeRows(*openSqliteTables(path, false), sampleRows(perTable));
}

void noProgress(const CopyProgress&) {}

TEST(StoreTables, TheTableListOfTheMigrationsIsWhatAStoreHolds) {
    testing::TempDir dir;
    const std::string path = dir.file("hub.db");
    openSqliteStore(path);
    std::vector<std::string> listed{"schema_migrations"};
    for (const auto& t : storeTables()) listed.push_back(t.name);
    std::sort(listed.begin(), listed.end());
    EXPECT_EQ(catalogueTables(path), listed);
    for (const auto& t : storeTables()) {
        auto cols = catalogueColumns(path, t.name);
        ASSERT_EQ(cols.size(), t.columns.size()) << t.name;
        for (size_t i = 0; i < cols.size(); ++i) {
            EXPECT_EQ(cols[i].first, t.columns[i].name) << t.name;
            const bool integer = cols[i].second == "BIGINT" || cols[i].second == "INTEGER";
            EXPECT_EQ(integer, t.columns[i].integer) << t.name << "." << cols[i].first << " " << cols[i].second;
        }
    }
    const auto* changes = &storeTables()[0];
    for (const auto& t : storeTables())
        if (t.name == "changes") changes = &t;
    EXPECT_EQ(changes->serial, "seq");
    EXPECT_GE(storeTables().size(), 10u);
}

TEST(StoreLocation, ParsesBothEnginesAndHidesPasswords) {
    std::string error;
    auto s = parseStoreLocation("sqlite:/var/lib/recolte/hub.db", error);
    ASSERT_TRUE(s);
    EXPECT_EQ(s->engine, StoreLocation::Engine::SQLite);
    EXPECT_EQ(s->target, "/var/lib/recolte/hub.db");
    auto p = parseStoreLocation("postgresql:host=db dbname=recolte password=s3cret user=hub", error);
    ASSERT_TRUE(p);
    EXPECT_EQ(p->engine, StoreLocation::Engine::PostgreSQL);
    EXPECT_EQ(p->target, "host=db dbname=recolte password=s3cret user=hub");
    EXPECT_EQ(p->describe().find("s3cret"), std::string::npos) << p->describe();
    auto u = parseStoreLocation("postgresql://hub:s3cret@db/recolte", error);
    ASSERT_TRUE(u);
    EXPECT_EQ(u->target, "postgresql://hub:s3cret@db/recolte");
    EXPECT_EQ(u->describe().find("s3cret"), std::string::npos) << u->describe();
    EXPECT_FALSE(parseStoreLocation("mysql:x", error));
    EXPECT_NE(error.find("sqlite:PATH or postgresql:CONNINFO"), std::string::npos) << error;
    EXPECT_FALSE(parseStoreLocation("sqlite:", error));
}

TEST(StoreCopy, SqliteToSqliteKeepsEveryRowAndId) {
    testing::TempDir dir;
    makeSource(dir.file("from.db"), 25);
    std::vector<CopyProgress> seen;
    auto report = copyStore({sqliteAt(dir.file("from.db")), sqliteAt(dir.file("to.db")), false},
                            [&](const CopyProgress& p) { seen.push_back(p); });
    ASSERT_TRUE(report) << report.error().describe();
    EXPECT_TRUE(report->countsMatch());
    ASSERT_EQ(report->tables.size(), storeTables().size());
    for (const auto& t : report->tables) EXPECT_EQ(t.target, 25) << t.table;
    EXPECT_EQ(seen.size(), storeTables().size());  // small tables: one "finished" each
    EXPECT_TRUE(seen.back().finished);
    EXPECT_EQ(readRows(*openSqliteTables(dir.file("to.db"), true)), readRows(*openSqliteTables(dir.file("from.db"), true)));
    // The copy is a store a daemon opens, and its sequences go on past the copied ids.
    auto copied = openSqliteStore(dir.file("to.db"));
    model::SyncRun run;
    run.source = "later";
    run.connector = "csv";
    run.outcome = "failed";
    copied->recordFailedRun(run);
    auto runs = readRows(*openSqliteTables(dir.file("to.db"), true))["sync_runs"];
    EXPECT_EQ(*runs.back()[0], std::to_string(25 * 7 + 3 + 1));
}

TEST(StoreCopy, ATargetHoldingDataIsRefusedUnlessReplace) {
    testing::TempDir dir;
    makeSource(dir.file("from.db"), 3);
    makeSource(dir.file("to.db"), 5);
    auto refused = copyStore({sqliteAt(dir.file("from.db")), sqliteAt(dir.file("to.db")), false}, noProgress);
    ASSERT_FALSE(refused);
    EXPECT_NE(refused.error().message.find("already holds data (offers 5 rows"), std::string::npos)
        << refused.error().describe();
    EXPECT_NE(refused.error().message.find("--replace"), std::string::npos);
    EXPECT_EQ(openSqliteTables(dir.file("to.db"), true)->count("offers"), 5);  // untouched

    auto replaced = copyStore({sqliteAt(dir.file("from.db")), sqliteAt(dir.file("to.db")), true}, noProgress);
    ASSERT_TRUE(replaced) << replaced.error().describe();
    EXPECT_EQ(readRows(*openSqliteTables(dir.file("to.db"), true)), readRows(*openSqliteTables(dir.file("from.db"), true)));
}

TEST(StoreCopy, AMissingCorruptOrOtherVersionSourceIsAClearError) {
    testing::TempDir dir;
    auto missing = copyStore({sqliteAt(dir.file("nothing.db")), sqliteAt(dir.file("to.db")), false}, noProgress);
    ASSERT_FALSE(missing);
    EXPECT_NE(missing.error().describe().find("nothing.db: no such file"), std::string::npos) << missing.error().describe();
    EXPECT_FALSE(std::filesystem::exists(dir.file("nothing.db")));  // not created by the attempt

    const std::string corrupt = dir.write("corrupt.db", std::string(8192, 'x'));
    auto bad = copyStore({sqliteAt(corrupt), sqliteAt(dir.file("to.db")), false}, noProgress);
    ASSERT_FALSE(bad);
    EXPECT_NE(bad.error().describe().find("not a database"), std::string::npos) << bad.error().describe();

    const std::string empty = dir.write("empty.db", "");  // an empty file is an empty SQLite database
    auto notStore = copyStore({sqliteAt(empty), sqliteAt(dir.file("to.db")), false}, noProgress);
    ASSERT_FALSE(notStore);
    EXPECT_NE(notStore.error().describe().find("is not a Récolte store"), std::string::npos) << notStore.error().describe();

    makeSource(dir.file("future.db"), 1);
    sqlite3* db = nullptr;
    sqlite3_open(dir.file("future.db").c_str(), &db);
    sqlite3_exec(db, "INSERT INTO schema_migrations (version, description, applied_at) VALUES (99, 'x', 'y')", nullptr,
                 nullptr, nullptr);
    sqlite3_close(db);
    auto future = copyStore({sqliteAt(dir.file("future.db")), sqliteAt(dir.file("to.db")), false}, noProgress);
    ASSERT_FALSE(future);
    EXPECT_NE(future.error().describe().find("schema version 99, this recolte writes version " +
                                             std::to_string(currentSchemaVersion())),
              std::string::npos)
        << future.error().describe();

    auto same = copyStore({sqliteAt(dir.file("future.db")), sqliteAt(dir.path().string() + "/./future.db"), true}, noProgress);
    ASSERT_FALSE(same);
    EXPECT_NE(same.error().describe().find("the same store"), std::string::npos);
}

// The same copy through PostgreSQL (COPY in, single-row reads out) and back, when a test server is
// there (RECOLTE_TEST_POSTGRESQL; skipped without it, failed without it under RECOLTE_REQUIRE_POSTGRESQL=1).
TEST(StoreCopy, SqliteToPostgresqlAndBackKeepsEveryRowAndSetsTheSequences) {
    testing::StoreLocation pg(testing::StoreEngine::PostgreSQL);
    RECOLTE_REQUIRE_STORE(pg);
    testing::TempDir dir;
    makeSource(dir.file("from.db"), 40);
    const StoreLocation to{StoreLocation::Engine::PostgreSQL, pg.options().postgresql, pg.options().postgresql_password};
    auto report = copyStore({sqliteAt(dir.file("from.db")), to, false}, noProgress);
    ASSERT_TRUE(report) << report.error().describe();
    EXPECT_TRUE(report->countsMatch());
    const Rows source = readRows(*openSqliteTables(dir.file("from.db"), true));
    EXPECT_EQ(readRows(*openStoreTables(to, true)), source);
    // Every serial column goes on after the highest copied id.
    for (const auto& t : storeTables()) {
        if (t.serial.empty()) continue;
        EXPECT_EQ(pg.query("SELECT nextval(pg_get_serial_sequence('" + t.name + "', '" + t.serial + "'))"),
                  std::to_string(40 * 7 + 3 + 1))
            << t.name;
    }

    auto again = copyStore({sqliteAt(dir.file("from.db")), to, false}, noProgress);
    ASSERT_FALSE(again);
    EXPECT_NE(again.error().message.find("already holds data"), std::string::npos) << again.error().describe();

    auto back = copyStore({to, sqliteAt(dir.file("back.db")), false}, noProgress);
    ASSERT_TRUE(back) << back.error().describe();
    EXPECT_EQ(readRows(*openSqliteTables(dir.file("back.db"), true)), source);
}

}  // namespace
}  // namespace recolte::store
