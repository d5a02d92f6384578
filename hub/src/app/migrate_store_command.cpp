// `recolte migrate-store`: copies a hub's store (catalogue, history, rejects, invoices) into another
// store, SQLite or PostgreSQL, then prints the rows of each table on both sides.
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <map>

#include "app/commands.hpp"
#include "app/runtime.hpp"
#include "store/store_copy.hpp"

namespace recolte::app {

namespace {

constexpr const char* kMigrateStoreHelp =
    "usage: recolte migrate-store --from STORE --to STORE [--password-env NAME] [--replace]\n\n"
    "Copies every table of a hub's store (offers, needs, producers, change log, sync runs, rejects,\n"
    "invoices...) with their ids and sequence numbers into another store, in one transaction on the\n"
    "target, then prints the rows of each table in the source and in the target (exit status 1 on\n"
    "any difference). Stop the daemons of both stores first.\n\n"
    "  STORE                sqlite:PATH or postgresql:CONNINFO (\"host=... dbname=...\" or a\n"
    "                       postgresql:// URI); both directions work, and SQLite to SQLite\n"
    "  --password-env NAME  the PostgreSQL password is in this environment variable (without it,\n"
    "                       libpq reads PGPASSWORD or ~/.pgpass)\n"
    "  --replace            empty a target that already holds data (refused otherwise)\n\n"
    "The target's schema is created (or migrated) first; the source must be at the schema version of\n"
    "this recolte.\n";

int usageError(const std::string& message) {
    std::cerr << "recolte migrate-store: " << message << "\nTry 'recolte migrate-store --help'.\n";
    return kExitUsage;
}

void printProgress(const store::CopyProgress& p) {
    const double rate = p.seconds > 0 ? static_cast<double>(p.done) / p.seconds : 0;
    if (p.finished)
        std::fprintf(stderr, "%s: %lld rows copied in %.1f s (%.0f rows/s)\n", p.table.c_str(), (long long)p.done,
                     p.seconds, rate);
    else
        std::fprintf(stderr, "%s: %lld / %lld rows (%.0f rows/s)\n", p.table.c_str(), (long long)p.done,
                     (long long)p.total, rate);
    std::fflush(stderr);
}

}  // namespace

int runMigrateStore(int argc, char** argv) {
    std::map<std::string, std::string> opts;
    bool replace = false;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--help" || a == "-h") {
            std::cout << kMigrateStoreHelp;
            return kExitOk;
        }
        if (a == "--replace") {
            replace = true;
            continue;
        }
        std::string value;
        if (auto eq = a.find('='); eq != std::string::npos) {
            value = a.substr(eq + 1);
            a = a.substr(0, eq);
        } else if (i + 1 < argc) {
            value = argv[++i];
        } else {
            return usageError(a + " needs a value");
        }
        if (a != "--from" && a != "--to" && a != "--password-env") return usageError("unknown option \"" + a + "\"");
        if (!opts.emplace(a, value).second) return usageError(a + " given twice");
    }
    if (!opts.count("--from") || !opts.count("--to")) return usageError("--from STORE and --to STORE are required");

    store::CopyOptions options;
    options.replace = replace;
    std::string error;
    auto from = store::parseStoreLocation(opts["--from"], error);
    if (!from) return usageError("--from: " + error);
    auto to = store::parseStoreLocation(opts["--to"], error);
    if (!to) return usageError("--to: " + error);
    if (opts.count("--password-env")) {
        const char* password = std::getenv(opts["--password-env"].c_str());
        if (!password) return usageError("--password-env: the environment variable " + opts["--password-env"] + " is not set");
        from->password = to->password = password;
    }
    options.from = *from;
    options.to = *to;

    auto report = store::copyStore(options, printProgress);
    if (!report) {
        std::cerr << "recolte migrate-store: " << report.error().describe() << "\n";
        return kExitConfig;
    }
    std::printf("%-20s %12s %12s\n", "table", "source", "target");
    for (const auto& t : report->tables)
        std::printf("%-20s %12lld %12lld%s\n", t.table.c_str(), (long long)t.source, (long long)t.target,
                    t.source == t.target ? "" : "  MISMATCH");
    if (!report->countsMatch()) {
        std::printf("the counts differ: the target does not hold what the source held\n");
        return kExitSyncFailed;
    }
    std::printf("copied %s to %s: every count matches\n", options.from.describe().c_str(), options.to.describe().c_str());
    return kExitOk;
}

}  // namespace recolte::app
