#include "publish/format_fr.hpp"

#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>

namespace recolte::publish {

namespace {

constexpr std::string_view kNarrowNbsp = "\xE2\x80\xAF";  // U+202F, between digit groups
constexpr std::string_view kNbsp = "\xC2\xA0";            // U+00A0, before € and %

constexpr std::array<const char*, 12> kMonths = {"janvier", "février", "mars",      "avril",   "mai",      "juin",
                                                 "juillet", "août",    "septembre", "octobre", "novembre", "décembre"};

// Groups the digits of "-1234567,5" -> "-1 234 567,5".
std::string groupDigits(const std::string& plain) {
    size_t start = plain.empty() || plain[0] != '-' ? 0 : 1;
    size_t end = plain.find(',');
    if (end == std::string::npos) end = plain.size();
    if (end - start < 4) return plain;
    std::string out = plain.substr(0, start);
    for (size_t i = start; i < end; ++i) {
        if (i > start && (end - i) % 3 == 0) out += kNarrowNbsp;
        out += plain[i];
    }
    out += plain.substr(end);
    return out;
}

// Howard Hinnant's days_from_civil / civil_from_days (proleptic Gregorian, 1970-01-01 = 0).
int64_t daysFromCivil(int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    const int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

struct Civil {
    int64_t y;
    unsigned m, d;
};

Civil civilFromDays(int64_t z) {
    z += 719468;
    const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int64_t y = static_cast<int64_t>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return {y + (m <= 2), m, d};
}

// Days since 1970-01-01 of the last Sunday of a 31-day month.
int64_t lastSunday(int64_t year, unsigned month) {
    const int64_t day31 = daysFromCivil(year, month, 31);
    const int64_t weekday = ((day31 + 4) % 7 + 7) % 7;  // 0 = Sunday (1970-01-01 was a Thursday)
    return day31 - weekday;
}

// Europe/Paris offset from UTC at a UTC instant: summer time from the last Sunday of March 01:00
// UTC to the last Sunday of October 01:00 UTC (EU rule since 1996).
int64_t parisOffsetSeconds(int64_t utcSeconds) {
    const int64_t year = civilFromDays(utcSeconds >= 0 ? utcSeconds / 86400 : (utcSeconds - 86399) / 86400).y;
    const int64_t start = lastSunday(year, 3) * 86400 + 3600;
    const int64_t end = lastSunday(year, 10) * 86400 + 3600;
    return utcSeconds >= start && utcSeconds < end ? 7200 : 3600;
}

bool digits(std::string_view s, size_t pos, size_t n, int& value) {
    if (pos + n > s.size()) return false;
    value = 0;
    for (size_t i = pos; i < pos + n; ++i) {
        if (s[i] < '0' || s[i] > '9') return false;
        value = value * 10 + (s[i] - '0');
    }
    return true;
}

bool parseDate(std::string_view s, int& y, int& m, int& d) {
    if (s.size() < 10 || s[4] != '-' || s[7] != '-') return false;
    if (!digits(s, 0, 4, y) || !digits(s, 5, 2, m) || !digits(s, 8, 2, d)) return false;
    if (m < 1 || m > 12 || d < 1) return false;
    const Civil back = civilFromDays(daysFromCivil(y, static_cast<unsigned>(m), static_cast<unsigned>(d)));
    return back.m == static_cast<unsigned>(m) && back.d == static_cast<unsigned>(d);
}

std::string dateWords(int64_t y, unsigned m, unsigned d) {
    return (d == 1 ? std::string("1er") : std::to_string(d)) + " " + kMonths[m - 1] + " " + std::to_string(y);
}

std::string twoDigits(int64_t v) { return (v < 10 ? "0" : "") + std::to_string(v); }

}  // namespace

std::string frenchNumber(sdk::Decimal d, int minDecimals) { return groupDigits(d.toString(minDecimals, ',')); }

std::string frenchInteger(int64_t n) { return groupDigits(std::to_string(n)); }

std::string euros(sdk::Decimal d) { return frenchNumber(d, 2) + std::string(kNbsp) + "€"; }

std::string baseUnitName(std::string_view unit) {
    if (unit == "l") return "L";
    if (unit == "piece") return "pièce";
    return std::string(unit);
}

std::string unitPrice(sdk::Decimal amount, std::string_view baseUnit) {
    return euros(amount) + "/" + baseUnitName(baseUnit);
}

std::string percent(sdk::Decimal d) { return frenchNumber(d, 0) + std::string(kNbsp) + "%"; }

std::string frenchDate(std::string_view isoDate) {
    int y, m, d;
    if (isoDate.size() != 10 || !parseDate(isoDate, y, m, d)) return std::string(isoDate);
    return dateWords(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
}

std::string frenchDateTime(std::string_view iso) {
    if (iso.size() == 10) return frenchDate(iso);
    int y, mo, d, h, mi, s = 0;
    if (iso.size() < 16 || !parseDate(iso, y, mo, d) || (iso[10] != 'T' && iso[10] != ' ') ||
        !digits(iso, 11, 2, h) || iso[13] != ':' || !digits(iso, 14, 2, mi) || h > 23 || mi > 59)
        return std::string(iso);
    size_t pos = 16;
    if (pos < iso.size() && iso[pos] == ':') {
        if (!digits(iso, pos + 1, 2, s)) return std::string(iso);
        pos += 3;
    }
    while (pos < iso.size() && (iso[pos] == '.' || (iso[pos] >= '0' && iso[pos] <= '9'))) ++pos;  // fraction
    int64_t zone = 0;  // seconds east of UTC as written
    bool zoned = pos < iso.size() && iso[pos] == 'Z';
    if (pos < iso.size() && (iso[pos] == '+' || iso[pos] == '-')) {
        zoned = true;
        int zh, zm;
        if (!digits(iso, pos + 1, 2, zh) || pos + 3 >= iso.size() || iso[pos + 3] != ':' || !digits(iso, pos + 4, 2, zm))
            return std::string(iso);
        zone = (iso[pos] == '+' ? 1 : -1) * (zh * 3600 + zm * 60);
    }
    const int64_t utc = daysFromCivil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d)) * 86400 + h * 3600 +
                        mi * 60 + s - zone;
    // Without a zone the time is a French wall-clock time as the source wrote it: shown unchanged.
    const int64_t local = zoned ? utc + parisOffsetSeconds(utc) : utc;
    const int64_t days = local >= 0 ? local / 86400 : (local - 86399) / 86400;
    const int64_t secs = local - days * 86400;
    const Civil c = civilFromDays(days);
    return dateWords(c.y, c.m, c.d) + " à " + std::to_string(secs / 3600) + std::string(kNbsp) + "h" +
           std::string(kNbsp) + twoDigits((secs % 3600) / 60);
}

std::string todayInParis() {
    const int64_t utc =
        std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
    const int64_t local = utc + parisOffsetSeconds(utc);
    const Civil c = civilFromDays(local / 86400);
    return std::to_string(c.y) + "-" + twoDigits(c.m) + "-" + twoDigits(c.d);
}

std::string frenchDuration(double seconds) {
    if (!std::isfinite(seconds) || seconds < 0) return "—";
    if (seconds < 1.0) return std::to_string(std::llround(seconds * 1000)) + std::string(kNbsp) + "ms";
    if (seconds < 60.0) {
        const auto tenths = std::llround(seconds * 10);
        return std::to_string(tenths / 10) + "," + std::to_string(tenths % 10) + std::string(kNbsp) + "s";
    }
    const auto total = std::llround(seconds);
    return std::to_string(total / 60) + std::string(kNbsp) + "min" + std::string(kNbsp) + twoDigits(total % 60) +
           std::string(kNbsp) + "s";
}

std::string countOf(int64_t n, std::string_view singular, std::string_view plural) {
    return frenchInteger(n) + " " + std::string(n > 1 ? plural : singular);
}

}  // namespace recolte::publish
