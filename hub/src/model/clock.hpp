// Wall-clock timestamps as the schema writes them: ISO 8601 UTC, second precision.
#pragma once

#include <chrono>
#include <string>

namespace recolte::model {

std::string isoUtc(std::chrono::system_clock::time_point t);
inline std::string isoNow() { return isoUtc(std::chrono::system_clock::now()); }

}  // namespace recolte::model
