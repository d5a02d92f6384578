// Reading the store's JSON documents in the pages. sdk::json keeps numbers as written, so prices go
// straight to sdk::Decimal and are never a binary float.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "recolte/sdk/decimal.hpp"
#include "recolte/sdk/json.hpp"

namespace recolte::publish {

using JsonValue = sdk::json::Value;

// Parses a document the store wrote; a broken one is a bug: throws std::runtime_error.
sdk::json::Document parseDoc(std::string text);

// A member's text ("" when missing or null); numbers come as written.
std::string str(const JsonValue& obj, std::string_view key);
// A member, or nullopt when missing or null.
std::optional<JsonValue> member(const JsonValue& obj, std::string_view key);
std::optional<sdk::Decimal> decimal(const JsonValue& obj, std::string_view key);
std::vector<std::string> strings(const JsonValue& obj, std::string_view key);

}  // namespace recolte::publish
