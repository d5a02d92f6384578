// SIRET checks: 14 digits whose Luhn sum is a multiple of 10. La Poste's establishments share the
// SIREN 356 000 000 and are too many for the NIC's Luhn key: INSEE numbers them so that the sum of
// the 14 digits is a multiple of 5 instead.
#include <string>

#include "model/normalize.hpp"

namespace recolte::model {

namespace {

constexpr std::string_view kLaPosteSiren = "356000000";

bool allDigits(std::string_view s) {
    for (const char c : s) {
        if (c < '0' || c > '9') return false;
    }
    return true;
}

}  // namespace

bool isValidSiret(std::string_view siret) {
    if (siret.size() != 14 || !allDigits(siret)) return false;
    int luhn = 0;
    int digitSum = 0;
    for (size_t i = 0; i < siret.size(); ++i) {
        int d = siret[siret.size() - 1 - i] - '0';
        digitSum += d;
        if (i % 2 == 1) {
            d *= 2;
            if (d > 9) d -= 9;
        }
        luhn += d;
    }
    if (luhn % 10 == 0) return true;
    return siret.substr(0, 9) == kLaPosteSiren && digitSum % 5 == 0;
}

std::string compactSiret(std::string_view raw) {
    std::string out;
    out.reserve(raw.size());
    for (size_t i = 0; i < raw.size(); ++i) {
        const char c = raw[i];
        if (c == ' ' || c == '.' || c == '-' || c == '\t') continue;
        const auto u = [&](size_t k) { return k < raw.size() ? static_cast<unsigned char>(raw[k]) : 0u; };
        if (u(i) == 0xC2 && u(i + 1) == 0xA0) {  // NBSP
            ++i;
            continue;
        }
        if (u(i) == 0xE2 && u(i + 1) == 0x80 && (u(i + 2) == 0xAF || u(i + 2) == 0x87)) {  // narrow NBSP, figure space
            i += 2;
            continue;
        }
        out += c;
    }
    return out;
}

}  // namespace recolte::model
