#include "publish/invoice_money.hpp"

namespace recolte::publish {

namespace {

// n / d rounded half away from zero (d > 0).
__int128 roundedDiv(__int128 n, __int128 d) {
    const __int128 q = ((n < 0 ? -n : n) + d / 2) / d;
    return n < 0 ? -q : q;
}

}  // namespace

sdk::Decimal percentOf(sdk::Decimal amount, sdk::Decimal ratePercent) {
    // raw × raw is in 1e-8 units of (amount × percent); / 100 percent, then to cents.
    const __int128 product = static_cast<__int128>(amount.raw()) * ratePercent.raw();
    const __int128 cents = roundedDiv(product, static_cast<__int128>(sdk::Decimal::kOne) * sdk::Decimal::kOne);
    return sdk::Decimal::fromRaw(static_cast<int64_t>(cents * (sdk::Decimal::kOne / 100)));
}

std::optional<sdk::Decimal> shareOf(sdk::Decimal part, sdk::Decimal whole) {
    if (whole.isZero()) return std::nullopt;
    const __int128 n = static_cast<__int128>(part.raw()) * sdk::Decimal::kOne;
    const __int128 d = whole.raw();
    const __int128 q = d < 0 ? roundedDiv(-n, -d) : roundedDiv(n, d);
    return sdk::Decimal::fromRaw(static_cast<int64_t>(q));
}

}  // namespace recolte::publish
