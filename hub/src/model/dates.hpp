// Internal to the model: the checks on dates that connectors already wrote in ISO form.
#pragma once

#include <string_view>

namespace recolte::model {

// YYYY-MM-DD and a real calendar day (2024-02-29 yes, 2023-02-29 no).
bool isIsoDate(std::string_view s);
// An ISO date, or a date and a time: "2024-05-01T12:00", "2024-05-01 12:00:30",
// "2024-05-01T12:00:00.5Z", "2024-05-01T12:00:00+02:00".
bool isIsoDateOrDateTime(std::string_view s);

}  // namespace recolte::model
