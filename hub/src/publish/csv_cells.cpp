#include "publish/csv_cells.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>

namespace recolte::publish {

namespace {

bool allDigits(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
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

void civilFromDays(int64_t z, int64_t& y, unsigned& m, unsigned& d) {
    z += 719468;
    const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y = static_cast<int64_t>(yoe) + era * 400 + (m <= 2);
}

// Summer time in Paris: from the last Sunday of March to the last Sunday of October, 01:00 UTC.
int64_t parisOffset(int64_t utc) {
    int64_t y;
    unsigned m, d;
    civilFromDays(utc >= 0 ? utc / 86400 : (utc - 86399) / 86400, y, m, d);
    const auto lastSunday = [y](unsigned month) {
        const int64_t day31 = daysFromCivil(y, month, 31);
        return day31 - ((day31 + 4) % 7 + 7) % 7;
    };
    const int64_t start = lastSunday(3) * 86400 + 3600, end = lastSunday(10) * 86400 + 3600;
    return utc >= start && utc < end ? 7200 : 3600;
}

bool isoDate(std::string_view s, int& y, int& m, int& d) {
    if (s.size() < 10 || s[4] != '-' || s[7] != '-' || !allDigits(s.substr(0, 4)) || !allDigits(s.substr(5, 2)) ||
        !allDigits(s.substr(8, 2)))
        return false;
    y = std::stoi(std::string(s.substr(0, 4)));
    m = std::stoi(std::string(s.substr(5, 2)));
    d = std::stoi(std::string(s.substr(8, 2)));
    return m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

std::string ddmmyyyy(int64_t y, unsigned m, unsigned d) {
    char buf[48];  // room for any values, so the compiler sees no truncation
    std::snprintf(buf, sizeof buf, "%02u/%02u/%04lld", d, m, static_cast<long long>(y));
    return buf;
}

}  // namespace

CsvRow& CsvRow::text(std::string_view value) {
    std::string cell;
    cell.reserve(value.size() + 2);
    for (size_t i = 0; i < value.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(value[i]);
        if (c == '\r') {
            if (i + 1 < value.size() && value[i + 1] == '\n') continue;  // CRLF -> LF
            cell += '\n';
        } else if (c >= 0x20 || c == '\n' || c == '\t') {
            cell += static_cast<char>(c);
        }  // other control characters: dropped
    }
    // What Excel, LibreOffice and Google Sheets would evaluate (OWASP "CSV injection").
    // Checked on the cleaned text, so a dropped control character cannot hide an '='.
    const bool formula = (!cell.empty() && std::string_view("=+-@\t").find(cell.front()) != std::string_view::npos) ||
                         (!value.empty() && value.front() == '\r');
    if (formula) cell.insert(cell.begin(), '\'');
    if (cell.find_first_of(";\"\n") != std::string::npos) {
        std::string quoted = "\"";
        for (char c : cell) {
            if (c == '"') quoted += '"';
            quoted += c;
        }
        cell = quoted + "\"";
    }
    raw(std::move(cell));
    return *this;
}

CsvRow& CsvRow::number(std::optional<sdk::Decimal> value, int minDecimals) {
    raw(value ? value->toString(minDecimals, ',') : std::string());
    return *this;
}

CsvRow& CsvRow::integer(std::optional<int64_t> value) {
    raw(value ? std::to_string(*value) : std::string());
    return *this;
}

CsvRow& CsvRow::date(std::string_view iso) {
    int y, m, d;
    if (iso.size() != 10 || !isoDate(iso, y, m, d)) return text(iso);
    raw(ddmmyyyy(y, static_cast<unsigned>(m), static_cast<unsigned>(d)));
    return *this;
}

CsvRow& CsvRow::dateTime(std::string_view iso) {
    int y, mo, d;
    // What the hub writes: YYYY-MM-DDTHH:MM:SSZ.
    if (iso.size() != 20 || !isoDate(iso, y, mo, d) || iso[10] != 'T' || iso[19] != 'Z' || iso[13] != ':' ||
        iso[16] != ':' || !allDigits(iso.substr(11, 2)) || !allDigits(iso.substr(14, 2)) || !allDigits(iso.substr(17, 2)))
        return text(iso);
    const int64_t utc = daysFromCivil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d)) * 86400 +
                        std::stoi(std::string(iso.substr(11, 2))) * 3600 + std::stoi(std::string(iso.substr(14, 2))) * 60 +
                        std::stoi(std::string(iso.substr(17, 2)));
    const int64_t local = utc + parisOffset(utc);
    const int64_t days = local >= 0 ? local / 86400 : (local - 86399) / 86400;
    const int64_t secs = local - days * 86400;
    int64_t ly;
    unsigned lm, ld;
    civilFromDays(days, ly, lm, ld);
    char hm[8];
    std::snprintf(hm, sizeof hm, " %02d:%02d", static_cast<int>(secs / 3600), static_cast<int>(secs % 3600 / 60));
    raw(ddmmyyyy(ly, lm, ld) + hm);
    return *this;
}

void CsvRow::raw(std::string cell) {
    if (!first_) line_ += ';';
    first_ = false;
    line_ += cell;
}

std::string CsvRow::line() const { return line_ + "\r\n"; }

std::string csvHeader(const std::vector<std::string_view>& names, bool withBom) {
    CsvRow row;
    for (auto n : names) row.text(n);
    return (withBom ? std::string(kUtf8Bom) : std::string()) + row.line();
}

std::string spacedSiret(std::string_view siret) {
    if (siret.size() != 14 || !allDigits(siret)) return std::string(siret);
    const std::string s(siret);
    return s.substr(0, 3) + " " + s.substr(3, 3) + " " + s.substr(6, 3) + " " + s.substr(9);
}

std::string spacedPhone(std::string_view phone) {
    if (phone.size() != 10 || phone[0] != '0' || !allDigits(phone)) return std::string(phone);
    std::string out;
    for (size_t i = 0; i < 10; i += 2) out += (i ? " " : "") + std::string(phone.substr(i, 2));
    return out;
}

}  // namespace recolte::publish
