// Decimal parsing and formatting. Parsing is strict on purpose: a price that is not clearly a number
// must become a reject, never a guess.
#include "recolte/sdk/decimal.hpp"

#include <algorithm>
#include <limits>

namespace recolte::sdk {

namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }

bool isAsciiSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }

// Length of a space-like separator at `s[i]`: ASCII space, NBSP (C2 A0), narrow NBSP (E2 80 AF),
// figure space (E2 80 87). French spreadsheets group thousands with these. 0 when none.
size_t spaceLength(std::string_view s, size_t i) {
    const auto u = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
    if (s[i] == ' ') return 1;
    if (u(i) == 0xC2 && i + 1 < s.size() && u(i + 1) == 0xA0) return 2;
    if (u(i) == 0xE2 && i + 2 < s.size() && u(i + 1) == 0x80 && (u(i + 2) == 0xAF || u(i + 2) == 0x87)) return 3;
    return 0;
}

std::string_view trimAscii(std::string_view s) {
    while (!s.empty() && isAsciiSpace(s.front())) s.remove_prefix(1);
    while (!s.empty() && isAsciiSpace(s.back())) s.remove_suffix(1);
    return s;
}

}  // namespace

std::optional<Decimal> Decimal::parse(std::string_view text) {
    std::string_view s = trimAscii(text);
    if (s.empty()) return std::nullopt;

    bool negative = false;
    size_t i = 0;
    if (s[0] == '+' || s[0] == '-') {
        negative = s[0] == '-';
        ++i;
    }

    constexpr int64_t kMaxUnits = std::numeric_limits<int64_t>::max() / kOne - 1;
    int64_t units = 0;
    int intDigits = 0;
    bool lastWasDigit = false;
    // Integer part; a space-like separator is only accepted between two digits.
    while (i < s.size()) {
        if (isDigit(s[i])) {
            units = units * 10 + (s[i] - '0');
            if (units > kMaxUnits) return std::nullopt;
            ++intDigits;
            lastWasDigit = true;
            ++i;
            continue;
        }
        const size_t sp = spaceLength(s, i);
        if (sp > 0 && lastWasDigit && i + sp < s.size() && isDigit(s[i + sp])) {
            i += sp;
            lastWasDigit = false;
            continue;
        }
        break;
    }

    int64_t fraction = 0;  // in 1/10000
    int fracDigits = 0;
    bool roundUp = false;
    if (i < s.size() && (s[i] == '.' || s[i] == ',')) {
        ++i;
        while (i < s.size() && isDigit(s[i])) {
            if (fracDigits < kScale) {
                fraction = fraction * 10 + (s[i] - '0');
            } else if (fracDigits == kScale) {
                roundUp = s[i] >= '5';  // half away from zero: only the first dropped digit matters
            }
            ++fracDigits;
            ++i;
        }
    }
    if (i != s.size()) return std::nullopt;  // junk, a second separator, a trailing sign...
    if (intDigits == 0 && fracDigits == 0) return std::nullopt;

    for (int k = std::min(fracDigits, kScale); k < kScale; ++k) fraction *= 10;
    int64_t raw = units * kOne + fraction + (roundUp ? 1 : 0);
    return fromRaw(negative ? -raw : raw);
}

std::string Decimal::toString(int minDecimals, char point) const {
    if (minDecimals < 0) minDecimals = 0;
    if (minDecimals > kScale) minDecimals = kScale;

    // Work on the magnitude as unsigned so that INT64_MIN does not overflow.
    const bool negative = raw_ < 0;
    const uint64_t magnitude = negative ? uint64_t(0) - static_cast<uint64_t>(raw_) : static_cast<uint64_t>(raw_);
    const uint64_t units = magnitude / static_cast<uint64_t>(kOne);
    uint64_t fraction = magnitude % static_cast<uint64_t>(kOne);

    std::string digits(kScale, '0');
    for (int k = kScale - 1; k >= 0; --k) {
        digits[static_cast<size_t>(k)] = static_cast<char>('0' + fraction % 10);
        fraction /= 10;
    }
    size_t keep = kScale;
    while (keep > static_cast<size_t>(minDecimals) && digits[keep - 1] == '0') --keep;

    std::string out;
    if (negative && magnitude != 0) out += '-';
    out += std::to_string(units);
    if (keep > 0) {
        out += point;
        out.append(digits, 0, keep);
    }
    return out;
}

}  // namespace recolte::sdk
