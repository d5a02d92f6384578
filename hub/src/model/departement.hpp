// Internal to the model: département codes (departementFromPostcode is in normalize.hpp).
#pragma once

#include <string_view>

namespace recolte::model {

// "01"-"95" but "20", "2A", "2B", overseas 971-978 and 984, 986-988.
bool isDepartementCode(std::string_view code);

}  // namespace recolte::model
