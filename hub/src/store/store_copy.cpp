#include "store/store_copy.hpp"

#include <chrono>
#include <filesystem>
#include <stdexcept>

#include "store/store.hpp"

namespace recolte::store {

namespace {

// The target gets its schema (or is migrated) the way a daemon would do it.
void prepareTarget(const StoreLocation& to) {
    StoreOptions options;
    if (to.engine == StoreLocation::Engine::SQLite) {
        options.sqlite_path = to.target;
    } else {
        options.postgresql = to.target;
        options.postgresql_password = to.password;
    }
    openStore(options);
}

std::string versionMismatch(const std::string& side, const StoreLocation& loc, int version) {
    if (version == 0) return side + " " + loc.describe() + " is not a Récolte store (no schema_migrations table)";
    return side + " " + loc.describe() + " is at schema version " + std::to_string(version) +
           ", this recolte writes version " + std::to_string(currentSchemaVersion()) +
           ": run the recolte of the same version as the store (its daemon migrates a store once started)";
}

// "offers 12 rows, changes 40 rows" for the tables of the target that hold rows.
std::string heldRows(StoreTables& target) {
    std::string held;
    for (const auto& t : storeTables())
        if (int64_t n = target.count(t.name)) held += (held.empty() ? "" : ", ") + t.name + " " + std::to_string(n) + " rows";
    return held;
}

bool sameStore(const StoreLocation& a, const StoreLocation& b) {
    if (a.engine != b.engine) return false;
    if (a.engine == StoreLocation::Engine::PostgreSQL) return a.target == b.target;
    std::error_code ec1, ec2;
    auto pa = std::filesystem::weakly_canonical(a.target, ec1), pb = std::filesystem::weakly_canonical(b.target, ec2);
    return ec1 || ec2 ? a.target == b.target : pa == pb;
}

CopyReport copyTables(StoreTables& source, StoreTables& target, const CopyOptions& options,
                      const std::function<void(const CopyProgress&)>& progress) {
    using Clock = std::chrono::steady_clock;
    CopyReport report;
    source.beginRead();
    for (const auto& t : storeTables()) report.tables.push_back({t.name, source.count(t.name), 0});

    const bool holding = !heldRows(target).empty();
    target.beginWrite();
    const auto& tables = storeTables();
    for (size_t i = 0; i < tables.size(); ++i) {
        const auto& t = tables[i];
        if (holding) target.clear(t);
        CopyProgress p{t.name, 0, report.tables[i].source, 0, false};
        const auto start = Clock::now();
        auto lastReport = start;
        auto appender = target.append(t);
        source.read(t, [&](const Row& row) {
            appender->add(row);
            ++p.done;
            if ((p.done & 1023) == 0 && Clock::now() - lastReport >= std::chrono::seconds(1)) {
                lastReport = Clock::now();
                p.seconds = std::chrono::duration<double>(lastReport - start).count();
                progress(p);
            }
        });
        appender->finish();
        target.resetSequence(t);
        p.seconds = std::chrono::duration<double>(Clock::now() - start).count();
        p.finished = true;
        progress(p);
    }
    target.commit();
    for (auto& c : report.tables) c.target = target.count(c.table);
    return report;
}

}  // namespace

bool CopyReport::countsMatch() const {
    for (const auto& t : tables)
        if (t.source != t.target) return false;
    return true;
}

sdk::Expected<CopyReport> copyStore(const CopyOptions& options, const std::function<void(const CopyProgress&)>& progress) {
    if (sameStore(options.from, options.to))
        return sdk::configError("the source and the target are the same store", options.to.describe());
    std::unique_ptr<StoreTables> source, target;
    try {
        source = openStoreTables(options.from, true);
        if (int v = source->schemaVersion(); v != currentSchemaVersion())
            return sdk::configError(versionMismatch("source", options.from, v));
    } catch (const std::exception& e) {
        return sdk::configError(std::string("cannot read the source: ") + e.what(), options.from.describe());
    }
    try {
        prepareTarget(options.to);
        target = openStoreTables(options.to, false);
        if (int v = target->schemaVersion(); v != currentSchemaVersion())
            return sdk::configError(versionMismatch("target", options.to, v));
        if (auto held = heldRows(*target); !held.empty() && !options.replace)
            return sdk::configError("the target already holds data (" + held +
                                        "): nothing copied; pass --replace to overwrite it",
                                    options.to.describe());
    } catch (const std::exception& e) {
        return sdk::configError(std::string("cannot open the target: ") + e.what(), options.to.describe());
    }
    try {
        return copyTables(*source, *target, options, progress);
    } catch (const std::exception& e) {
        return sdk::systemError(std::string("copy failed, the target is left as it was: ") + e.what());
    }
}

}  // namespace recolte::store
