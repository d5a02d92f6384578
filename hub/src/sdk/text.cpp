// Text helpers: encodings as French spreadsheets write them, accent folding for matching headers
// and searching, dates as people type them.
#include "recolte/sdk/text.hpp"

#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>

#include <array>
#include <cstdint>
#include <cstring>

namespace recolte::sdk {

namespace {

constexpr char32_t kReplacement = 0xFFFD;

void appendUtf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// Decodes one code point at s[i]; returns its length in bytes, 0 when the sequence is invalid
// (truncated, overlong, surrogate, beyond U+10FFFF).
size_t decodeUtf8(std::string_view s, size_t i, char32_t& cp) {
    const auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char c = b(i);
    if (c < 0x80) {
        cp = c;
        return 1;
    }
    size_t len;
    char32_t min;
    if ((c & 0xE0) == 0xC0) {
        len = 2, cp = c & 0x1F, min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
        len = 3, cp = c & 0x0F, min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
        len = 4, cp = c & 0x07, min = 0x10000;
    } else {
        return 0;
    }
    if (i + len > s.size()) return 0;
    for (size_t k = 1; k < len; ++k) {
        if ((b(i + k) & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (b(i + k) & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return len;
}

bool hasBom(std::string_view s) { return s.size() >= 3 && s.substr(0, 3) == "\xEF\xBB\xBF"; }

// Windows-1252 0x80..0x9F; the five holes of the code page become U+FFFD.
constexpr std::array<char32_t, 32> kCp1252High = {
    0x20AC, kReplacement, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,  // 80
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, kReplacement, 0x017D, kReplacement,  // 88
    kReplacement, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,  // 90
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, kReplacement, 0x017E, 0x0178,  // 98
};

// Lower-case ASCII spelling of U+00C0..U+017F without accents; "" = keep as is (× ÷).
constexpr std::array<const char*, 192> kLatinFold = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",  // U+00C0
    "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "ss",  // U+00D0
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",  // U+00E0
    "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "y",  // U+00F0
    "a", "a", "a", "a", "a", "a", "c", "c", "c", "c", "c", "c", "c", "c", "d", "d",  // U+0100
    "d", "d", "e", "e", "e", "e", "e", "e", "e", "e", "e", "e", "g", "g", "g", "g",  // U+0110
    "g", "g", "g", "g", "h", "h", "h", "h", "i", "i", "i", "i", "i", "i", "i", "i",  // U+0120
    "i", "i", "ij", "ij", "j", "j", "k", "k", "k", "l", "l", "l", "l", "l", "l", "l",  // U+0130
    "l", "l", "l", "n", "n", "n", "n", "n", "n", "n", "n", "n", "o", "o", "o", "o",  // U+0140
    "o", "o", "oe", "oe", "r", "r", "r", "r", "r", "r", "s", "s", "s", "s", "s", "s",  // U+0150
    "s", "s", "t", "t", "t", "t", "t", "t", "u", "u", "u", "u", "u", "u", "u", "u",  // U+0160
    "u", "u", "u", "u", "w", "w", "y", "y", "y", "z", "z", "z", "z", "z", "z", "s",  // U+0170
};

// Folding of one code point outside ASCII; nullptr = copy it unchanged.
const char* foldCodePoint(char32_t cp) {
    if (cp >= 0xC0 && cp <= 0x17F) {
        const char* f = kLatinFold[cp - 0xC0];
        return *f ? f : nullptr;
    }
    if (cp >= 0x300 && cp <= 0x36F) return "";  // combining accents of decomposed (NFD) text
    switch (cp) {
        case 0xA0: case 0x2007: case 0x202F: return " ";  // no-break spaces
        case 0x2018: case 0x2019: return "'";              // typographic apostrophes
        case 0xFB00: return "ff";
        case 0xFB01: return "fi";
        case 0xFB02: return "fl";
        case 0xFB03: return "ffi";
        case 0xFB04: return "ffl";
        default: return nullptr;
    }
}

bool isTrimSpace(std::string_view s, size_t i, size_t& len) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v') {
        len = 1;
        return true;
    }
    char32_t cp = 0;
    const size_t n = decodeUtf8(s, i, cp);
    if (n > 1 && (cp == 0xA0 || cp == 0x202F || cp == 0x2007 || cp == 0xFEFF)) {
        len = n;
        return true;
    }
    return false;
}

// Start of the UTF-8 sequence that ends at s[end-1] (skipping back over continuation bytes).
size_t sequenceStart(std::string_view s, size_t end) {
    size_t i = end - 1;
    int back = 0;
    while (i > 0 && back < 3 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i, ++back;
    return i;
}

bool readNumber(std::string_view s, size_t& i, size_t minDigits, size_t maxDigits, int& value) {
    size_t n = 0;
    value = 0;
    while (i < s.size() && n < maxDigits && s[i] >= '0' && s[i] <= '9') {
        value = value * 10 + (s[i] - '0');
        ++i, ++n;
    }
    return n >= minDigits;
}

bool isLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

bool validDate(int y, int m, int d) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1) return false;
    const int max = kDays[m - 1] + (m == 2 && isLeap(y) ? 1 : 0);
    return d <= max;
}

// Spreadsheets often export a date cell with a midnight time: "01/03/2024 00:00:00".
bool isTimeSuffix(std::string_view rest) {
    if (rest.empty()) return true;
    if (rest[0] != ' ' && rest[0] != 'T') return false;
    rest.remove_prefix(1);
    if (rest.size() < 4) return false;
    for (char c : rest) {
        const bool ok = (c >= '0' && c <= '9') || c == ':' || c == '.' || c == 'Z' || c == '+' || c == '-';
        if (!ok) return false;
    }
    return rest[1] == ':' || rest[2] == ':';
}

// YYYY-MM-DD (validDate() bounds the year to four digits).
std::string formatDate(int y, int m, int d) {
    std::string out = "0000-00-00";
    for (int k = 3; k >= 0; --k, y /= 10) out[static_cast<size_t>(k)] = static_cast<char>('0' + y % 10);
    out[5] = static_cast<char>('0' + m / 10);
    out[6] = static_cast<char>('0' + m % 10);
    out[8] = static_cast<char>('0' + d / 10);
    out[9] = static_cast<char>('0' + d % 10);
    return out;
}

}  // namespace

const char* toString(Encoding e) {
    switch (e) {
        case Encoding::Utf8: return "utf-8";
        case Encoding::Utf8Bom: return "utf-8-bom";
        case Encoding::Windows1252: return "windows-1252";
    }
    return "utf-8";
}

bool isValidUtf8(std::string_view bytes) {
    size_t i = 0;
    const size_t n = bytes.size();
    while (i < n) {
        // ASCII fast path, eight bytes at a time.
        while (i + 8 <= n) {
            uint64_t word;
            std::memcpy(&word, bytes.data() + i, 8);
            if (word & 0x8080808080808080ull) break;
            i += 8;
        }
        if (i >= n) break;
        if (static_cast<unsigned char>(bytes[i]) < 0x80) {
            ++i;
            continue;
        }
        char32_t cp;
        const size_t len = decodeUtf8(bytes, i, cp);
        if (len == 0) return false;
        i += len;
    }
    return true;
}

bool isMostlyUtf8(std::string_view bytes) {
    size_t valid = 0, invalid = 0;
    for (size_t i = 0; i < bytes.size();) {
        if (static_cast<unsigned char>(bytes[i]) < 0x80) {
            ++i;
            continue;
        }
        char32_t cp;
        const size_t len = decodeUtf8(bytes, i, cp);
        if (len == 0) {
            ++invalid;
            ++i;
        } else {
            ++valid;
            i += len;
        }
    }
    return valid > invalid;
}

Encoding detectEncoding(std::string_view bytes) {
    if (hasBom(bytes)) return Encoding::Utf8Bom;
    return isValidUtf8(bytes) ? Encoding::Utf8 : Encoding::Windows1252;
}

std::string toUtf8(std::string_view bytes, Encoding from) {
    if (from == Encoding::Windows1252) {
        std::string out;
        out.reserve(bytes.size() + bytes.size() / 8);
        for (char ch : bytes) {
            const unsigned char c = static_cast<unsigned char>(ch);
            if (c < 0x80) {
                out += ch;
            } else if (c < 0xA0) {
                appendUtf8(out, kCp1252High[c - 0x80]);
            } else {
                appendUtf8(out, c);  // 0xA0..0xFF are Latin-1, same code points
            }
        }
        return out;
    }
    if (hasBom(bytes)) bytes.remove_prefix(3);
    if (isValidUtf8(bytes)) return std::string(bytes);
    // Declared UTF-8 but not valid: keep the text readable, mark each bad byte with U+FFFD.
    std::string out;
    out.reserve(bytes.size() + 16);
    for (size_t i = 0; i < bytes.size();) {
        char32_t cp;
        const size_t len = decodeUtf8(bytes, i, cp);
        if (len == 0) {
            appendUtf8(out, kReplacement);
            ++i;
        } else {
            out.append(bytes.data() + i, len);
            i += len;
        }
    }
    return out;
}

std::string trim(std::string_view s) {
    // Fast path (most cells): printable ASCII at both ends.
    const auto plain = [](char c) { return c > ' ' && c < 0x7F; };
    if (!s.empty() && plain(s.front()) && plain(s.back())) return std::string(s);
    size_t len = 0;
    size_t begin = 0;
    while (begin < s.size() && isTrimSpace(s, begin, len)) begin += len;
    size_t end = s.size();
    while (end > begin) {
        const size_t start = sequenceStart(s, end);
        if (!isTrimSpace(s, start, len) || start + len != end) break;
        end = start;
    }
    return std::string(s.substr(begin, end - begin));
}

std::string foldForSearch(std::string_view utf8) {
    std::string out;
    out.reserve(utf8.size());
    for (size_t i = 0; i < utf8.size();) {
        const unsigned char c = static_cast<unsigned char>(utf8[i]);
        if (c < 0x80) {
            out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : static_cast<char>(c);
            ++i;
            continue;
        }
        char32_t cp;
        const size_t len = decodeUtf8(utf8, i, cp);
        if (len == 0) {
            appendUtf8(out, kReplacement);
            ++i;
            continue;
        }
        if (const char* folded = foldCodePoint(cp)) {
            out += folded;
        } else {
            out.append(utf8.data() + i, len);
        }
        i += len;
    }
    return out;
}

std::string foldWords(std::string_view utf8) {
    const std::string folded = foldForSearch(utf8);
    std::string out;
    out.reserve(folded.size());
    bool pendingSpace = false;
    for (const char ch : folded) {
        const auto c = static_cast<unsigned char>(ch);
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {  // non-ASCII left by folding is punctuation
            pendingSpace = true;
            continue;
        }
        if (pendingSpace && !out.empty()) out += ' ';
        pendingSpace = false;
        out += static_cast<char>(c);
    }
    return out;
}

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
    std::string out;
    for (size_t i = 0; i < parts.size(); ++i) {
        if (i > 0) out += sep;
        out += parts[i];
    }
    return out;
}

std::vector<std::string> splitList(std::string_view s, std::string_view separators) {
    std::vector<std::string> out;
    size_t start = 0;
    for (size_t i = 0; i <= s.size(); ++i) {
        if (i == s.size() || separators.find(s[i]) != std::string_view::npos) {
            std::string part = trim(s.substr(start, i - start));
            if (!part.empty()) out.push_back(std::move(part));
            start = i + 1;
        }
    }
    return out;
}

std::string parseDate(std::string_view text) {
    const std::string t = trim(text);
    const std::string_view s = t;
    int y = 0, m = 0, d = 0;
    size_t i = 0;

    // ISO: YYYY-MM-DD
    if (s.size() >= 10 && s[4] == '-') {
        if (!readNumber(s, i, 4, 4, y) || s[i++] != '-') return {};
        if (!readNumber(s, i, 2, 2, m) || i >= s.size() || s[i++] != '-') return {};
        if (!readNumber(s, i, 2, 2, d)) return {};
        if (!isTimeSuffix(s.substr(i)) || !validDate(y, m, d)) return {};
        return formatDate(y, m, d);
    }

    // French order: D/M/Y with '/', '-' or '.', day and month on one or two digits.
    if (!readNumber(s, i, 1, 2, d) || i >= s.size()) return {};
    const char sep = s[i++];
    if (sep != '/' && sep != '-' && sep != '.') return {};
    if (!readNumber(s, i, 1, 2, m) || i >= s.size() || s[i++] != sep) return {};
    const size_t yearStart = i;
    if (!readNumber(s, i, 2, 4, y)) return {};
    const size_t yearDigits = i - yearStart;
    if (yearDigits == 3) return {};
    if (yearDigits == 2) {
        if (sep != '/') return {};  // DD/MM/YY only, as documented
        y += 2000;
    }
    if (!isTimeSuffix(s.substr(i)) || !validDate(y, m, d)) return {};
    return formatDate(y, m, d);
}

std::string excerpt(std::string_view raw, size_t max) {
    if (raw.size() > max) {
        size_t end = max;
        // Never cut inside a sequence: back up to the lead byte when the next byte continues it.
        while (end > 0 && (static_cast<unsigned char>(raw[end]) & 0xC0) == 0x80) --end;
        raw = raw.substr(0, end);
    }
    // A reject's excerpt is shown and stored: bytes that are not UTF-8 never go with it.
    return isValidUtf8(raw) ? std::string(raw) : toUtf8(raw, Encoding::Utf8);
}

std::string sha256Hex(std::string_view bytes) {
    Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
    engine.update(bytes.data(), bytes.size());
    return Poco::DigestEngine::digestToHex(engine.digest());
}

}  // namespace recolte::sdk
