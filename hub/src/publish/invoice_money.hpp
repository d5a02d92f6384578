// Decimal arithmetic the invoice exports need and sdk::Decimal does not offer: a percentage of an
// amount rounded to the cent, and a share as a fraction. Exact integers, never a binary float.
#pragma once

#include <optional>

#include "recolte/sdk/decimal.hpp"

namespace recolte::publish {

// amount × rate / 100, rounded half away from zero to 2 decimals (the VAT of a line).
sdk::Decimal percentOf(sdk::Decimal amount, sdk::Decimal ratePercent);
// part / whole with 4 decimals, rounded half away from zero; nullopt when whole is zero.
std::optional<sdk::Decimal> shareOf(sdk::Decimal part, sdk::Decimal whole);

}  // namespace recolte::publish
