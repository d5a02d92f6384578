#include "vocabulary.hpp"

#include <array>
#include <utility>

#include "recolte/sdk/text.hpp"

namespace recolte::agrilocal {

namespace {

using Pair = std::pair<const char*, const char*>;

// Folded, '-' and '_' as spaces, runs of spaces collapsed, trimmed.
std::string codeKey(std::string_view raw) {
    const std::string folded = sdk::foldForSearch(sdk::trim(raw));
    std::string out;
    for (char c : folded) {
        if (c == '-' || c == '_' || c == '.') c = ' ';
        if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
        out += c;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

template <size_t N>
const char* lookup(const std::array<Pair, N>& table, const std::string& key) {
    for (const auto& [k, v] : table) {
        if (key == k) return v;
    }
    return nullptr;
}

constexpr std::array kUnits = {
    Pair{"kg", "kg"},           Pair{"kilo", "kg"},           Pair{"kilogramme", "kg"},
    Pair{"g", "g"},             Pair{"gramme", "g"},          Pair{"t", "tonne"},
    Pair{"tonne", "tonne"},     Pair{"l", "l"},               Pair{"litre", "l"},
    Pair{"cl", "cl"},           Pair{"piece", "pièce"},       Pair{"pce", "pièce"},
    Pair{"u", "pièce"},         Pair{"unite", "pièce"},       Pair{"douzaine", "douzaine"},
    Pair{"botte", "botte"},     Pair{"barquette", "barquette"}, Pair{"sachet", "sachet"},
    Pair{"pot", "pot"},         Pair{"bouteille", "bouteille"}, Pair{"colis", "colis"},
    Pair{"caisse", "caisse"},   Pair{"plateau", "plateau"},   Pair{"bocal", "bocal"},
};

constexpr std::array kBuyerKinds = {
    Pair{"college", "college"},   Pair{"lycee", "school"},     Pair{"ecole", "school"},
    Pair{"ccas", "ccas"},         Pair{"cias", "ccas"},        Pair{"ehpad", "other"},
    Pair{"commune", "other"},     Pair{"mairie", "other"},     Pair{"hopital", "hospital"},
    Pair{"association", "association"}, Pair{"autre", "other"},
};

struct StatusEntry {
    const char* key;
    Status status;
};
constexpr std::array kStatuses = {
    StatusEntry{"ouverte", {"open", false}},     StatusEntry{"ouvert", {"open", false}},
    StatusEntry{"en cours", {"open", false}},    StatusEntry{"publiee", {"open", false}},
    StatusEntry{"attribuee", {"awarded", false}}, StatusEntry{"attribue", {"awarded", false}},
    StatusEntry{"sans suite", {"closed", true}}, StatusEntry{"classee sans suite", {"closed", true}},
    StatusEntry{"infructueuse", {"closed", true}}, StatusEntry{"annulee", {"closed", true}},
    StatusEntry{"cloturee", {"closed", false}},  StatusEntry{"close", {"closed", false}},
};

bool digits(std::string_view s, size_t from, size_t count) {
    if (from + count > s.size()) return false;
    for (size_t i = from; i < from + count; ++i) {
        if (s[i] < '0' || s[i] > '9') return false;
    }
    return true;
}

// "HH:MM" or "HH:MM:SS" with real hours and minutes; the length read, 0 when not a time.
size_t timeLength(std::string_view s, size_t at) {
    if (!digits(s, at, 2) || at + 2 >= s.size() || s[at + 2] != ':' || !digits(s, at + 3, 2)) return 0;
    const int h = (s[at] - '0') * 10 + (s[at + 1] - '0');
    const int m = (s[at + 3] - '0') * 10 + (s[at + 4] - '0');
    if (h > 23 || m > 59) return 0;
    size_t n = 5;
    if (at + 5 < s.size() && s[at + 5] == ':') {
        if (!digits(s, at + 6, 2) || (s[at + 6] - '0') * 10 + (s[at + 7] - '0') > 59) return 0;
        n = 8;
    }
    return n;
}

// "Z", "+01:00", "-05:00" or nothing.
bool isOffset(std::string_view s) {
    if (s.empty() || s == "Z") return true;
    return s.size() == 6 && (s[0] == '+' || s[0] == '-') && digits(s, 1, 2) && s[3] == ':' && digits(s, 4, 2);
}

}  // namespace

std::string unitWord(std::string_view code) {
    const char* word = lookup(kUnits, codeKey(code));
    return word ? word : "";
}

const std::string& knownUnits() {
    static const std::string list =
        "kg, g, t, l, cl, pièce (ou u, unité), douzaine, botte, barquette, sachet, pot, bouteille, bocal, colis, "
        "caisse, plateau";
    return list;
}

std::string buyerKind(std::string_view code) {
    const std::string key = codeKey(code);
    if (key.empty()) return "";
    const char* kind = lookup(kBuyerKinds, key);
    return kind ? std::string(kind) : sdk::trim(code);  // the hub maps other words, else "other"
}

std::optional<Status> statusOf(std::string_view code) {
    const std::string key = codeKey(code);
    for (const auto& e : kStatuses) {
        if (key == e.key) return e.status;
    }
    return std::nullopt;
}

std::string deadlineIso(std::string_view raw) {
    const std::string text = sdk::trim(raw);
    const std::string_view s = text;
    if (digits(s, 0, 4) && s.size() >= 10 && s[4] == '-') {  // ISO, kept as written when valid
        const std::string day = sdk::parseDate(s.substr(0, 10));
        if (day.empty()) return "";
        if (s.size() == 10) return day;
        if (s[10] != 'T' && s[10] != ' ') return "";
        const size_t n = timeLength(s, 11);
        if (n == 0 || !isOffset(s.substr(11 + n))) return "";
        return day + "T" + std::string(s.substr(11));
    }
    // French: "28/11/2026" or "28/11/2026 12:00".
    const size_t space = s.find(' ');
    const std::string day = sdk::parseDate(s.substr(0, space));
    if (day.empty()) return "";
    if (space == std::string_view::npos) return day;
    const std::string rest = sdk::trim(s.substr(space + 1));
    const size_t n = timeLength(rest, 0);
    if (n == 0 || n != rest.size()) return "";
    return day + "T" + rest;
}

}  // namespace recolte::agrilocal
