// JSON of the common schema, written by hand for speed and exact decimals (no binary floats).
// The shapes are those of schemas/*.schema.json; tests validate real responses against them.
#pragma once

#include <string>
#include <string_view>

#include "model/catalog.hpp"

namespace recolte::model {

// Appends a JSON string literal (quoted, escaped; invalid UTF-8 replaced by U+FFFD).
void appendJsonString(std::string& out, std::string_view s);
std::string jsonString(std::string_view s);

std::string toJson(const Offer& offer);
std::string toJson(const Producer& producer);
std::string toJson(const Need& need);
std::string toJson(const StoredReject& reject);
std::string toJson(const SyncRun& run);

}  // namespace recolte::model
