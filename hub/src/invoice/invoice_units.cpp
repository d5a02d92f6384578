#include "invoice/invoice_units.hpp"

#include <map>

#include "recolte/sdk/text.hpp"

namespace recolte::invoice {

std::string rec20UnitCode(std::string_view unit) {
    // The words producers write on an invoice; H87 (piece) is what Chorus Pro shows as "pièce".
    static const std::map<std::string, std::string> words{
        {"kg", "KGM"},        {"kilo", "KGM"},      {"kilogramme", "KGM"}, {"kilogrammes", "KGM"},
        {"g", "GRM"},         {"gramme", "GRM"},    {"grammes", "GRM"},    {"t", "TNE"},
        {"tonne", "TNE"},     {"l", "LTR"},         {"litre", "LTR"},      {"litres", "LTR"},
        {"cl", "CLT"},        {"ml", "MLT"},        {"piece", "H87"},      {"pieces", "H87"},
        {"unite", "H87"},     {"unites", "H87"},    {"u", "H87"},          {"douzaine", "DZN"},
        {"douzaines", "DZN"}, {"heure", "HUR"},     {"heures", "HUR"},     {"h", "HUR"},
        {"jour", "DAY"},      {"jours", "DAY"},     {"forfait", "C62"},
    };
    const std::string folded = sdk::foldWords(unit);
    if (auto it = words.find(folded); it != words.end()) return it->second;
    if (unit.size() >= 2 && unit.size() <= 3) {
        for (const char c : unit)
            if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return {};
        return std::string(unit);
    }
    return {};
}

}  // namespace recolte::invoice
