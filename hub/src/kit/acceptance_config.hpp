// acceptance.yaml: what `recolte connector-test` runs a connector against (docs/connectors.md,
// "The acceptance kit"). Paths in it are relative to the file; every error names the file, the
// line and the key.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "config/config.hpp"
#include "kit/record_capture.hpp"
#include "recolte/sdk/expected.hpp"

namespace recolte::kit {

// A sample that must not be read as good data.
struct BrokenSample {
    config::SourceConfig source;
    std::optional<int64_t> rejects;  // exactly this many rejects; absent = at least one
    std::string error;               // "config", "data"...: the read must fail with this kind instead
};

// One text replacement in the copy of the source made for the resumed read.
struct Edit {
    std::string file;  // relative to the copied folder (a single-file source: its file name)
    std::string replace;
    std::string with;
};

struct BookmarkPlan {
    std::vector<Edit> edits;
    // Record keys ("offers/ID", "needs/ID", "producers/ID") the edited source must add, change and
    // remove compared with the first read.
    std::vector<std::string> added, changed, removed;
    std::optional<std::string> future;  // a bookmark later than any state of the source
};

struct AcceptanceConfig {
    std::string file;  // absolute path of acceptance.yaml
    config::SourceConfig source;
    std::optional<config::SourceConfig> bad_config;
    std::string expected;  // absolute path of the expected-records file; empty = none
    std::vector<BrokenSample> broken;
    std::optional<BookmarkPlan> bookmark;
    std::map<std::string, std::string> skip;  // check name -> why it does not apply
};

// Reads acceptance.yaml for the connector `connector` (the name its probe reports).
sdk::Expected<AcceptanceConfig> loadAcceptanceConfig(const std::string& path, const std::string& connector);

// The names of the checks, in the order they run; `skip:` keys must be among them.
const std::vector<std::string>& checkNames();

}  // namespace recolte::kit
