// Where a record comes from, written the way a PAT officer reads it.
#include "recolte/sdk/model.hpp"

namespace recolte::sdk {

// "prix.csv:12, colonne « prix »", "https://…/catalogue.json, élément « offers[3].price »",
// "ligne 12" when the file is unknown.
std::string Location::describe() const {
    std::string out = file.empty() ? url : file;
    if (line > 0) {
        out += out.empty() ? "ligne " + std::to_string(line) : ":" + std::to_string(line);
    }
    const auto part = [&out](const char* what, const std::string& value) {
        if (value.empty()) return;
        if (!out.empty()) out += ", ";
        out += what;
        out += " « " + value + " »";
    };
    part("colonne", column);
    part("élément", element);
    return out;
}

}  // namespace recolte::sdk
