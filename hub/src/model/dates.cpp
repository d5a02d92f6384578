#include "model/dates.hpp"

namespace recolte::model {

namespace {

bool digitsAt(std::string_view s, size_t pos, size_t n, int& value) {
    if (pos + n > s.size()) return false;
    value = 0;
    for (size_t i = pos; i < pos + n; ++i) {
        if (s[i] < '0' || s[i] > '9') return false;
        value = value * 10 + (s[i] - '0');
    }
    return true;
}

bool isLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

// HH:MM[:SS[.fraction]][Z|+HH:MM|-HH:MM]
bool isTime(std::string_view t) {
    int h = 0, m = 0, sec = 0;
    if (!digitsAt(t, 0, 2, h) || t.size() < 5 || t[2] != ':' || !digitsAt(t, 3, 2, m)) return false;
    if (h > 23 || m > 59) return false;
    size_t i = 5;
    if (i < t.size() && t[i] == ':') {
        if (!digitsAt(t, i + 1, 2, sec) || sec > 60) return false;  // 60: leap second
        i += 3;
        if (i < t.size() && t[i] == '.') {
            const size_t start = ++i;
            while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i;
            if (i == start) return false;
        }
    }
    if (i == t.size()) return true;
    if (t[i] == 'Z') return i + 1 == t.size();
    if (t[i] != '+' && t[i] != '-') return false;
    int oh = 0, om = 0;
    return t.size() == i + 6 && digitsAt(t, i + 1, 2, oh) && t[i + 3] == ':' && digitsAt(t, i + 4, 2, om) &&
           oh <= 14 && om <= 59;
}

}  // namespace

bool isIsoDate(std::string_view s) {
    int y = 0, m = 0, d = 0;
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    if (!digitsAt(s, 0, 4, y) || !digitsAt(s, 5, 2, m) || !digitsAt(s, 8, 2, d)) return false;
    if (y < 1 || m < 1 || m > 12 || d < 1) return false;
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const int last = (m == 2 && isLeap(y)) ? 29 : kDays[m - 1];
    return d <= last;
}

bool isIsoDateOrDateTime(std::string_view s) {
    if (s.size() == 10) return isIsoDate(s);
    if (s.size() < 16 || (s[10] != 'T' && s[10] != ' ')) return false;
    return isIsoDate(s.substr(0, 10)) && isTime(s.substr(11));
}

}  // namespace recolte::model
