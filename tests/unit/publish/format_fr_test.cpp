// How the pages write money, numbers, dates and durations for a French reader.
#include "publish/format_fr.hpp"

#include <gtest/gtest.h>

namespace {

using namespace recolte::publish;
using recolte::sdk::Decimal;

const std::string kNbsp = "\xC2\xA0";
const std::string kNarrow = "\xE2\x80\xAF";

Decimal dec(const char* text) { return *Decimal::parse(text); }

TEST(FormatFr, MoneyAndUnitPrices) {
    EXPECT_EQ(euros(dec("2.5")), "2,50" + kNbsp + "€");
    EXPECT_EQ(unitPrice(dec("2.5"), "kg"), "2,50" + kNbsp + "€/kg");
    EXPECT_EQ(unitPrice(dec("1.2"), "l"), "1,20" + kNbsp + "€/L");
    EXPECT_EQ(unitPrice(dec("0.3417"), "piece"), "0,3417" + kNbsp + "€/pièce");
    EXPECT_EQ(euros(dec("1234.5")), "1" + kNarrow + "234,50" + kNbsp + "€");
    EXPECT_EQ(euros(dec("-1234567")), "-1" + kNarrow + "234" + kNarrow + "567,00" + kNbsp + "€");
    EXPECT_EQ(percent(dec("5.5")), "5,5" + kNbsp + "%");
    EXPECT_EQ(frenchNumber(dec("40")), "40");
    EXPECT_EQ(frenchInteger(100000), "100" + kNarrow + "000");
    EXPECT_EQ(frenchInteger(999), "999");
}

TEST(FormatFr, Dates) {
    EXPECT_EQ(frenchDate("2026-05-01"), "1er mai 2026");
    EXPECT_EQ(frenchDate("2026-08-15"), "15 août 2026");
    EXPECT_EQ(frenchDate("2026-02-30"), "2026-02-30");  // not a day: shown as given
    EXPECT_EQ(frenchDate(""), "");
}

TEST(FormatFr, DateTimesAreShownInParisTime) {
    // Winter: UTC+1; summer: UTC+2, switching on the last Sundays of March and October at 01:00 UTC.
    EXPECT_EQ(frenchDateTime("2026-01-15T08:30:00Z"), "15 janvier 2026 à 9" + kNbsp + "h" + kNbsp + "30");
    EXPECT_EQ(frenchDateTime("2026-07-01T22:05:00Z"), "2 juillet 2026 à 0" + kNbsp + "h" + kNbsp + "05");
    EXPECT_EQ(frenchDateTime("2026-03-29T00:59:59Z"), "29 mars 2026 à 1" + kNbsp + "h" + kNbsp + "59");
    EXPECT_EQ(frenchDateTime("2026-03-29T01:00:00Z"), "29 mars 2026 à 3" + kNbsp + "h" + kNbsp + "00");
    EXPECT_EQ(frenchDateTime("2026-10-25T00:59:00Z"), "25 octobre 2026 à 2" + kNbsp + "h" + kNbsp + "59");
    EXPECT_EQ(frenchDateTime("2026-10-25T01:00:00Z"), "25 octobre 2026 à 2" + kNbsp + "h" + kNbsp + "00");
    EXPECT_EQ(frenchDateTime("2026-06-01T12:00:00+02:00"), "1er juin 2026 à 12" + kNbsp + "h" + kNbsp + "00");
    // No zone: a French wall-clock time as the source wrote it.
    EXPECT_EQ(frenchDateTime("2026-11-30T12:00"), "30 novembre 2026 à 12" + kNbsp + "h" + kNbsp + "00");
    EXPECT_EQ(frenchDateTime("2026-11-30"), "30 novembre 2026");
    EXPECT_EQ(frenchDateTime("hier"), "hier");
}

TEST(FormatFr, TodayInParisIsAnIsoDate) {
    const std::string today = todayInParis();
    ASSERT_EQ(today.size(), 10u);
    EXPECT_EQ(frenchDate(today).find('-'), std::string::npos) << today;  // a real calendar day
}

TEST(FormatFr, DurationsAndCounts) {
    EXPECT_EQ(frenchDuration(0.035), "35" + kNbsp + "ms");
    EXPECT_EQ(frenchDuration(1.24), "1,2" + kNbsp + "s");
    EXPECT_EQ(frenchDuration(125), "2" + kNbsp + "min" + kNbsp + "05" + kNbsp + "s");
    EXPECT_EQ(countOf(0, "offre", "offres"), "0 offre");
    EXPECT_EQ(countOf(1, "offre", "offres"), "1 offre");
    EXPECT_EQ(countOf(2, "offre", "offres"), "2 offres");
}

}  // namespace
