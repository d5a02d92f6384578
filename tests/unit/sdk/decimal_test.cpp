// Decimal: money parsing as people type it, exact arithmetic, formatting.
#include <gtest/gtest.h>

#include "recolte/sdk/decimal.hpp"

namespace recolte::sdk {
namespace {

int64_t rawOf(const char* text) {
    auto d = Decimal::parse(text);
    EXPECT_TRUE(d.has_value()) << text;
    return d ? d->raw() : INT64_MIN;
}

TEST(DecimalParse, AcceptsPointCommaSignsAndThousandSeparators) {
    EXPECT_EQ(rawOf("12"), 120000);
    EXPECT_EQ(rawOf("12.5"), 125000);
    EXPECT_EQ(rawOf("12,50"), 125000);
    EXPECT_EQ(rawOf("-3"), -30000);
    EXPECT_EQ(rawOf("+2.5"), 25000);
    EXPECT_EQ(rawOf("1 234,56"), 12345600);
    EXPECT_EQ(rawOf("1\xC2\xA0" "234,56"), 12345600) << "NBSP";
    EXPECT_EQ(rawOf("1\xE2\x80\xAF" "234,56"), 12345600) << "narrow NBSP (French Excel)";
    EXPECT_EQ(rawOf("  0,95 "), 9500) << "surrounding spaces";
    EXPECT_EQ(rawOf("0,0001"), 1);
    EXPECT_EQ(rawOf(",5"), 5000);
    EXPECT_EQ(rawOf("7."), 70000);
}

TEST(DecimalParse, RoundsBeyondFourDecimalsHalfAwayFromZero) {
    EXPECT_EQ(rawOf("1.23454"), 12345);
    EXPECT_EQ(rawOf("1.23455"), 12346);
    EXPECT_EQ(rawOf("-1.23455"), -12346);
    EXPECT_EQ(rawOf("0.00004999"), 0);
    EXPECT_EQ(rawOf("0.99995"), 10000);
}

TEST(DecimalParse, RefusesEmptyAndJunk) {
    for (const char* bad : {"", "   ", "-", "+", ",", "abc", "12a", "1,2,3", "1.234,56", "12 ,5", "1 2 3 ,",
                            "--1", "1-", "2,50 €", "1e3", "0x10", "99999999999999999999"}) {
        EXPECT_FALSE(Decimal::parse(bad).has_value()) << "\"" << bad << "\"";
    }
}

TEST(DecimalFormat, KeepsAtLeastMinDecimalsAndDropsTrailingZeros) {
    EXPECT_EQ(Decimal::fromRaw(125000).toString(), "12.50");
    EXPECT_EQ(Decimal::fromRaw(125000).toString(0), "12.5");
    EXPECT_EQ(Decimal::fromRaw(120000).toString(0), "12");
    EXPECT_EQ(Decimal::fromRaw(12345).toString(), "1.2345");
    EXPECT_EQ(Decimal::fromRaw(12345).toString(2, ','), "1,2345");
    EXPECT_EQ(Decimal::fromRaw(-5000).toString(), "-0.50");
    EXPECT_EQ(Decimal::fromRaw(0).toString(), "0.00");
    EXPECT_EQ(Decimal::fromRaw(10).toString(4), "0.0010");
    EXPECT_EQ(Decimal::fromRaw(INT64_MIN).toString(0), "-922337203685477.5808");
}

TEST(DecimalFormat, RoundTripsThroughParse) {
    for (int64_t raw : {int64_t(0), int64_t(1), int64_t(-1), int64_t(9999), int64_t(10000), int64_t(123456789),
                        int64_t(-987654321)}) {
        const Decimal d = Decimal::fromRaw(raw);
        EXPECT_EQ(Decimal::parse(d.toString(0)), d) << raw;
        EXPECT_EQ(Decimal::parse(d.toString(2, ',')), d) << raw;
    }
}

TEST(DecimalArithmetic, IsExact) {
    // 0.1 + 0.2 is 0.3 here, unlike with binary floats.
    EXPECT_EQ(*Decimal::parse("0,1") + *Decimal::parse("0,2"), *Decimal::parse("0,3"));
    EXPECT_EQ(*Decimal::parse("5") - *Decimal::parse("7,25"), *Decimal::parse("-2,25"));
    EXPECT_LT(*Decimal::parse("1,99"), *Decimal::parse("2"));
    EXPECT_TRUE(Decimal::parse("-0,01")->isNegative());
    EXPECT_TRUE(Decimal::parse("-0")->isZero());
}

}  // namespace
}  // namespace recolte::sdk
