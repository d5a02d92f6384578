// Money and quantities are never binary floats: a Decimal is a signed integer count of 1/10000.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace recolte::sdk {

class Decimal {
public:
    static constexpr int kScale = 4;
    static constexpr int64_t kOne = 10000;

    constexpr Decimal() = default;
    static constexpr Decimal fromRaw(int64_t raw) { Decimal d; d.raw_ = raw; return d; }
    static constexpr Decimal fromInt(int64_t units) { return fromRaw(units * kOne); }

    // Accepts "12", "12.5", "12,50", "-3", "1 234,56" (spaces and NBSP as thousand separators),
    // "+2.5". More than 4 decimals are rounded half away from zero. Empty or junk -> nullopt.
    static std::optional<Decimal> parse(std::string_view text);

    constexpr int64_t raw() const { return raw_; }
    constexpr bool isNegative() const { return raw_ < 0; }
    constexpr bool isZero() const { return raw_ == 0; }

    // "12.50": at least minDecimals, at most 4, trailing zeros beyond minDecimals dropped.
    std::string toString(int minDecimals = 2, char point = '.') const;

    friend constexpr bool operator==(Decimal a, Decimal b) { return a.raw_ == b.raw_; }
    friend constexpr auto operator<=>(Decimal a, Decimal b) { return a.raw_ <=> b.raw_; }
    friend constexpr Decimal operator+(Decimal a, Decimal b) { return fromRaw(a.raw_ + b.raw_); }
    friend constexpr Decimal operator-(Decimal a, Decimal b) { return fromRaw(a.raw_ - b.raw_); }

private:
    int64_t raw_ = 0;
};

}  // namespace recolte::sdk
