// Quality labels -> the codes Ma Cantine uses for EGalim purchases (its Purchase characteristics:
// BIO, CONVERSION_BIO, LABEL_ROUGE, AOCAOP, IGP, STG, HVE, PECHE_DURABLE, RUP, FERMIER,
// COMMERCE_EQUITABLE...). Only wordings that name one label for sure are listed: a label the hub
// does not know stays a warning for a person to read, never a guess.
#include <array>
#include <string>

#include "model/match_key.hpp"
#include "model/normalize.hpp"

namespace recolte::model {

namespace {

struct LabelWording {
    const char* key;  // a match key: folded, punctuation as single spaces
    const char* code;
};

constexpr std::array kWordings = {
    // Organic: the AB mark, the EU leaf ("Eurofeuille"), the words.
    LabelWording{"ab", "BIO"},
    LabelWording{"bio", "BIO"},
    LabelWording{"biologique", "BIO"},
    LabelWording{"agriculture biologique", "BIO"},
    LabelWording{"issu de l agriculture biologique", "BIO"},
    LabelWording{"produit bio", "BIO"},
    LabelWording{"produit biologique", "BIO"},
    LabelWording{"label ab", "BIO"},
    LabelWording{"label bio", "BIO"},
    LabelWording{"logo ab", "BIO"},
    LabelWording{"certifie ab", "BIO"},
    LabelWording{"certifie bio", "BIO"},
    LabelWording{"eurofeuille", "BIO"},
    LabelWording{"euro feuille", "BIO"},
    LabelWording{"eu organic", "BIO"},
    LabelWording{"organic", "BIO"},
    LabelWording{"organic farming", "BIO"},
    LabelWording{"conversion bio", "CONVERSION_BIO"},
    LabelWording{"en conversion", "CONVERSION_BIO"},
    LabelWording{"en conversion bio", "CONVERSION_BIO"},
    LabelWording{"en conversion vers l agriculture biologique", "CONVERSION_BIO"},
    LabelWording{"label rouge", "LABEL_ROUGE"},
    LabelWording{"lr", "LABEL_ROUGE"},
    LabelWording{"aoc", "AOCAOP"},
    LabelWording{"aop", "AOCAOP"},
    LabelWording{"aocaop", "AOCAOP"},
    LabelWording{"aoc aop", "AOCAOP"},
    LabelWording{"aop aoc", "AOCAOP"},
    LabelWording{"appellation d origine controlee", "AOCAOP"},
    LabelWording{"appellation d origine protegee", "AOCAOP"},
    LabelWording{"pdo", "AOCAOP"},
    LabelWording{"igp", "IGP"},
    LabelWording{"indication geographique protegee", "IGP"},
    LabelWording{"pgi", "IGP"},
    LabelWording{"stg", "STG"},
    LabelWording{"specialite traditionnelle garantie", "STG"},
    LabelWording{"tsg", "STG"},
    LabelWording{"hve", "HVE"},
    LabelWording{"hve3", "HVE"},
    LabelWording{"hve 3", "HVE"},
    LabelWording{"hve niveau 3", "HVE"},
    LabelWording{"haute valeur environnementale", "HVE"},
    LabelWording{"fermier", "FERMIER"},
    LabelWording{"fermiere", "FERMIER"},
    LabelWording{"produit fermier", "FERMIER"},
    LabelWording{"produit de la ferme", "FERMIER"},
    LabelWording{"commerce equitable", "COMMERCE_EQUITABLE"},
    LabelWording{"equitable", "COMMERCE_EQUITABLE"},
    LabelWording{"fairtrade", "COMMERCE_EQUITABLE"},
    LabelWording{"fair trade", "COMMERCE_EQUITABLE"},
    LabelWording{"max havelaar", "COMMERCE_EQUITABLE"},
    LabelWording{"peche durable", "PECHE_DURABLE"},
    LabelWording{"msc", "PECHE_DURABLE"},
    LabelWording{"ecolabel peche durable", "PECHE_DURABLE"},
    LabelWording{"ecolabel peche", "PECHE_DURABLE"},
    LabelWording{"rup", "RUP"},
    LabelWording{"region ultraperipherique", "RUP"},
    LabelWording{"regions ultraperipheriques", "RUP"},
};

// "FR-BIO-01": the code of an approved organic certification body, printed on organic products.
bool isOrganicBodyCode(const std::string& key) {
    constexpr std::string_view prefix = "fr bio ";
    if (key.size() <= prefix.size() || key.compare(0, prefix.size(), prefix) != 0) return false;
    for (size_t i = prefix.size(); i < key.size(); ++i) {
        if (key[i] < '0' || key[i] > '9') return false;
    }
    return true;
}

}  // namespace

std::optional<std::string> labelCode(std::string_view raw) {
    const std::string key = matchKey(raw);
    if (key.empty()) return std::nullopt;
    // The codes themselves come back unchanged: "LABEL_ROUGE" has the key "label rouge".
    for (const auto& w : kWordings) {
        if (key == w.key) return std::string(w.code);
    }
    // The EU organic logo is often exported as the text "[EU]"; "EU" alone is not a label.
    if (key == "eu") {
        std::string compact;
        for (const char c : raw) {
            if (c != ' ') compact += c;
        }
        if (compact == "[EU]" || compact == "[eu]") return std::string("BIO");
    }
    if (isOrganicBodyCode(key)) return std::string("BIO");
    return std::nullopt;
}

}  // namespace recolte::model
