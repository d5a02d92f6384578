// Units of an invoice description mapped to UN/ECE recommendation 20 codes (BT-130).
#pragma once

#include <string>
#include <string_view>

namespace recolte::invoice {

// "kg" -> KGM, "l" -> LTR, "pièce" -> H87... (case and accent insensitive), or a code written as
// such ("KGM", "C62": 2 or 3 capital letters or digits). "" when the text is neither.
std::string rec20UnitCode(std::string_view unit);

}  // namespace recolte::invoice
