// Copies a whole store (every table of the migrations, ids and sequence numbers kept) into another,
// on either engine, in one transaction on the target: `recolte migrate-store`.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "recolte/sdk/expected.hpp"
#include "store/store_tables.hpp"

namespace recolte::store {

struct CopyOptions {
    StoreLocation from, to;
    bool replace = false;  // a target that holds data is emptied first (else refused)
};

// Reported while a table is copied (about once a second) and when it is done.
struct CopyProgress {
    std::string table;
    int64_t done = 0, total = 0;
    double seconds = 0;
    bool finished = false;
};

struct TableCount {
    std::string table;
    int64_t source = 0;  // in the source's read snapshot
    int64_t target = 0;  // in the target after the commit
};

struct CopyReport {
    std::vector<TableCount> tables;
    bool countsMatch() const;
};

// Errors name the side (source or target) and the cause: a missing or unreadable source, a schema
// version other than this binary's, a target that already holds data, an engine failure.
sdk::Expected<CopyReport> copyStore(const CopyOptions& options, const std::function<void(const CopyProgress&)>& progress);

}  // namespace recolte::store
