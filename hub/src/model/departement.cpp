// The département of a French postcode. Corsica's postcodes start with 20: 200xx-201xx are
// Corse-du-Sud (2A), 202xx-206xx Haute-Corse (2B). Overseas postcodes carry a 3-digit code
// (971 Guadeloupe ... 976 Mayotte, 986-988 Pacific); 980xx is Monaco, not France.
#include "model/departement.hpp"

#include <string>

#include "model/normalize.hpp"

namespace recolte::model {

std::string departementFromPostcode(std::string_view postcode) {
    std::string digits;
    for (const char c : postcode) {
        if (c == ' ') continue;
        if (c < '0' || c > '9') return "";
        digits += c;
    }
    if (digits.size() != 5) return "";
    const std::string two = digits.substr(0, 2);
    if (two == "00") return "";
    if (two == "20") {
        const char third = digits[2];
        if (third == '0' || third == '1') return "2A";
        if (third >= '2' && third <= '6') return "2B";
        return "";
    }
    if (two == "97" || two == "98") {
        const std::string three = digits.substr(0, 3);
        return three == "980" ? "" : three;
    }
    if (two == "96" || two == "99") return "";  // not départements
    return two;
}

bool isDepartementCode(std::string_view code) {
    const auto digit = [](char c) { return c >= '0' && c <= '9'; };
    if (code == "2A" || code == "2B") return true;
    if (code.size() == 2 && digit(code[0]) && digit(code[1])) {
        const int n = (code[0] - '0') * 10 + (code[1] - '0');
        return n >= 1 && n <= 95 && n != 20;
    }
    if (code.size() == 3 && digit(code[2]) && (code.substr(0, 2) == "97" || code.substr(0, 2) == "98")) {
        const char c = code[2];
        return code[1] == '7' ? (c >= '1' && c <= '8') : (c == '4' || (c >= '6' && c <= '8'));
    }
    return false;
}

}  // namespace recolte::model
