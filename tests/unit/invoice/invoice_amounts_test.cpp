#include <gtest/gtest.h>

#include "invoice/invoice_amounts.hpp"

namespace recolte::invoice {
namespace {

using sdk::Decimal;

Decimal d(const char* text) { return *Decimal::parse(text); }

TEST(InvoiceAmounts, RoundsHalfAwayFromZeroToTheCent) {
    EXPECT_EQ(round2(d("2.345")), d("2.35"));
    EXPECT_EQ(round2(d("2.3449")), d("2.34"));
    EXPECT_EQ(round2(d("-2.345")), d("-2.35"));
    EXPECT_EQ(round2(d("-2.3449")), d("-2.34"));
    EXPECT_EQ(round2(d("0.005")), d("0.01"));
    EXPECT_EQ(roundTo(d("12.5"), 0), d("13"));
    EXPECT_EQ(roundTo(d("-12.5"), 0), d("-13"));
}

TEST(InvoiceAmounts, MultipliesExactlyThenRounds) {
    EXPECT_EQ(multiply(d("4.333"), d("18.47"), 2), d("80.03"));   // 80.03051
    EXPECT_EQ(multiply(d("7"), d("6.666"), 2), d("46.66"));       // 46.662
    EXPECT_EQ(multiply(d("12"), d("2.915"), 2), d("34.98"));
    EXPECT_EQ(multiply(d("0.125"), d("0.1"), 2), d("0.01"));      // 0.0125
    EXPECT_EQ(multiply(d("-3"), d("0.335"), 2), d("-1.01"));      // -1.005
    // No overflow on large amounts: 900,000 kg at 9,999.9999 / kg.
    EXPECT_EQ(multiply(d("900000"), d("9999.9999"), 2), d("8999999910"));
    EXPECT_EQ(multiplyDivide(d("25"), d("2.35"), d("10"), 2), d("5.88"));  // 5.875 per base quantity 10
}

TEST(InvoiceAmounts, VatIsTheRoundedPercentage) {
    EXPECT_EQ(percentOf(d("58.75"), d("5.5")), d("3.23"));  // 3.23125
    EXPECT_EQ(percentOf(d("0.10"), d("5.5")), d("0.01"));   // 0.0055
    EXPECT_EQ(percentOf(d("12.50"), d("20")), d("2.50"));
    EXPECT_EQ(percentOf(d("-72.50"), d("19")), d("-13.78"));  // -13.775, away from zero
    EXPECT_EQ(percentOf(d("100"), d("0")), d("0"));
}

TEST(InvoiceAmounts, CountsTheDecimalsAValueNeeds) {
    EXPECT_EQ(decimalsUsed(d("12")), 0);
    EXPECT_EQ(decimalsUsed(d("12.50")), 1);
    EXPECT_EQ(decimalsUsed(d("12.345")), 3);
    EXPECT_EQ(decimalsUsed(d("-0.0001")), 4);
    EXPECT_EQ(amountText(d("12.5")), "12.50");
    EXPECT_EQ(amountText(d("-3")), "-3.00");
}

}  // namespace
}  // namespace recolte::invoice
