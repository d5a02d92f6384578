// The acceptance kit: runs a connector plugin through every check of docs/connectors.md ("The
// acceptance kit") against its acceptance.yaml. Used by `recolte connector-test` and by the
// GoogleTest suite over plugins/*/acceptance.yaml.
#pragma once

#include <string>
#include <vector>

namespace recolte::kit {

enum class Outcome { Pass, Fail, Skip };
const char* toString(Outcome o);  // "PASS", "FAIL", "SKIP"

struct CheckResult {
    std::string name;    // one of checkNames() (acceptance_config.hpp), or "load" / "config"
    Outcome outcome = Outcome::Fail;
    std::string detail;  // what was seen; for a skip, the reason given in acceptance.yaml
};

struct KitOptions {
    // Folder of *.schema.json to validate against; empty = the schemas compiled into this hub.
    std::string schema_dir;
    // Rewrite the expected-records file from this read instead of comparing with it.
    bool write_expected = false;
    // How the JSON Schema validator runs: Debian's python3 with python3-jsonschema.
    std::string python = "/usr/bin/python3";
};

std::vector<CheckResult> runAcceptance(const std::string& pluginPath, const std::string& acceptancePath,
                                       const KitOptions& options = {});

bool allPassed(const std::vector<CheckResult>& results);  // no Fail (skips allowed: they say why)

}  // namespace recolte::kit
