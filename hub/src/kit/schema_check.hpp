// Validates captured records against the JSON Schemas (2020-12) with the project's validator
// (tests/support/validate_json.py, embedded) run by Debian's python3 + python3-jsonschema.
#pragma once

#include <string>
#include <vector>

#include "kit/record_capture.hpp"
#include "recolte/sdk/expected.hpp"

namespace recolte::kit {

// Every record's problems ("offers/ID: $.price.amount: ..."); empty when all are valid. An error
// when a schema is missing from `schemaDir` or the validator cannot run.
sdk::Expected<std::vector<std::string>> validateRecords(const std::vector<CapturedRecord>& records,
                                                        const std::string& schemaDir, const std::string& workDir,
                                                        const std::string& python);

// "offers" -> "offer.schema.json", "invoices" -> "invoice.schema.json".
std::string schemaFileOfStream(const std::string& stream);

// Writes the schemas compiled into the hub into `dir`; returns `dir`.
std::string writeEmbeddedSchemas(const std::string& dir);

}  // namespace recolte::kit
