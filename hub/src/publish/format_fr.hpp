// How the pages write numbers, money, dates and durations for a French reader:
// "1 234,50 €", "2,50 €/kg", "1er mai 2026", "3 mai 2026 à 14 h 05" (Paris time), "1,2 s".
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "recolte/sdk/decimal.hpp"

namespace recolte::publish {

// Decimal comma, digits grouped by a narrow no-break space from 1 000 on; at least minDecimals.
std::string frenchNumber(sdk::Decimal d, int minDecimals = 0);
std::string frenchInteger(int64_t n);
// "2,50 €" (no-break space before the sign).
std::string euros(sdk::Decimal d);
// "kg", "L", "pièce" for the normalized base units "kg", "l", "piece".
std::string baseUnitName(std::string_view unit);
// "2,50 €/kg".
std::string unitPrice(sdk::Decimal amount, std::string_view baseUnit);
// "5,5 %".
std::string percent(sdk::Decimal d);

// "2026-05-01" -> "1er mai 2026"; "" -> ""; anything not an ISO date is returned as given.
std::string frenchDate(std::string_view isoDate);
// "2026-05-01T08:30:00Z" -> "1er mai 2026 à 10 h 30" in Europe/Paris time; a bare date -> frenchDate.
std::string frenchDateTime(std::string_view isoUtc);
// Today in Europe/Paris as YYYY-MM-DD ("open needs" are those whose deadline has not passed there).
std::string todayInParis();
// "35 ms", "1,2 s", "2 min 05 s".
std::string frenchDuration(double seconds);
// "1 offre", "12 offres", "0 offre" (French singular for 0 and 1).
std::string countOf(int64_t n, std::string_view singular, std::string_view plural);

}  // namespace recolte::publish
