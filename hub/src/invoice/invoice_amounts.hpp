// Invoice arithmetic on sdk::Decimal (1/10000): products and percentages computed exactly in 128 bits,
// then rounded half away from zero, as EN 16931 computes line amounts, VAT and totals.
#pragma once

#include "recolte/sdk/decimal.hpp"

namespace recolte::invoice {

// `value` rounded half away from zero to `decimals` (0..4) decimals.
sdk::Decimal roundTo(sdk::Decimal value, int decimals);
inline sdk::Decimal round2(sdk::Decimal value) { return roundTo(value, 2); }
// a * b, rounded to `decimals` decimals.
sdk::Decimal multiply(sdk::Decimal a, sdk::Decimal b, int decimals);
// a * b / c (c not zero), rounded to `decimals` decimals: a line amount with a base quantity.
sdk::Decimal multiplyDivide(sdk::Decimal a, sdk::Decimal b, sdk::Decimal c, int decimals);
// amount * percent / 100, rounded to 2 decimals: a VAT amount.
sdk::Decimal percentOf(sdk::Decimal amount, sdk::Decimal percent);
// How many decimals the value needs (0..4): 12.50 -> 1, 12.345 -> 3.
int decimalsUsed(sdk::Decimal value);
// 2-decimal text of an amount ("12.50", "-3.00"): what EN 16931 amounts are written with.
std::string amountText(sdk::Decimal value);

}  // namespace recolte::invoice
