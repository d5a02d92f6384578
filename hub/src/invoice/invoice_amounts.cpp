#include "invoice/invoice_amounts.hpp"

#include <string>

namespace recolte::invoice {

namespace {

constexpr int64_t pow10(int n) {
    int64_t p = 1;
    for (int i = 0; i < n; ++i) p *= 10;
    return p;
}

// num / den rounded half away from zero (den > 0).
__int128 divRound(__int128 num, __int128 den) {
    const bool negative = num < 0;
    const __int128 mag = negative ? -num : num;
    const __int128 q = (mag + den / 2) / den;
    return negative ? -q : q;
}

sdk::Decimal fromRaw128(__int128 raw) { return sdk::Decimal::fromRaw(static_cast<int64_t>(raw)); }

}  // namespace

sdk::Decimal roundTo(sdk::Decimal value, int decimals) {
    if (decimals >= sdk::Decimal::kScale) return value;
    if (decimals < 0) decimals = 0;
    const int64_t step = pow10(sdk::Decimal::kScale - decimals);
    return fromRaw128(divRound(value.raw(), step) * step);
}

sdk::Decimal multiply(sdk::Decimal a, sdk::Decimal b, int decimals) {
    const __int128 product = static_cast<__int128>(a.raw()) * b.raw();  // scale 10^8
    const int64_t step = pow10(sdk::Decimal::kScale - decimals);
    return fromRaw128(divRound(product, static_cast<__int128>(sdk::Decimal::kOne) * step) * step);
}

sdk::Decimal multiplyDivide(sdk::Decimal a, sdk::Decimal b, sdk::Decimal c, int decimals) {
    __int128 num = static_cast<__int128>(a.raw()) * b.raw();  // scale 10^8 / scale 10^4 -> 10^4
    __int128 den = c.raw();
    if (den < 0) {
        num = -num;
        den = -den;
    }
    const int64_t step = pow10(sdk::Decimal::kScale - decimals);
    return fromRaw128(divRound(num, den * step) * step);
}

sdk::Decimal percentOf(sdk::Decimal amount, sdk::Decimal percent) {
    const __int128 product = static_cast<__int128>(amount.raw()) * percent.raw();  // scale 10^8, x100
    const int64_t step = pow10(sdk::Decimal::kScale - 2);
    return fromRaw128(divRound(product, static_cast<__int128>(sdk::Decimal::kOne) * 100 * step) * step);
}

int decimalsUsed(sdk::Decimal value) {
    int64_t r = value.raw() < 0 ? -value.raw() : value.raw();
    int used = sdk::Decimal::kScale;
    while (used > 0 && r % 10 == 0) {
        r /= 10;
        --used;
    }
    return used;
}

std::string amountText(sdk::Decimal value) { return round2(value).toString(2); }

}  // namespace recolte::invoice
