#include "model/vocabulary.hpp"

#include <array>

#include "model/match_key.hpp"

namespace recolte::model {

namespace {

struct Entry {
    const char* key;  // a match key
    const char* value;
};

template <size_t N>
const char* find(const std::array<Entry, N>& table, const std::string& key) {
    for (const auto& e : table) {
        if (key == e.key) return e.value;
    }
    return nullptr;
}

constexpr std::array kPointOfSaleKinds = {
    Entry{"farm shop", "farm_shop"},
    Entry{"ferme", "farm_shop"},
    Entry{"a la ferme", "farm_shop"},
    Entry{"vente a la ferme", "farm_shop"},
    Entry{"vente directe a la ferme", "farm_shop"},
    Entry{"magasin a la ferme", "farm_shop"},
    Entry{"boutique a la ferme", "farm_shop"},
    Entry{"market", "market"},
    Entry{"marche", "market"},
    Entry{"marche de plein vent", "market"},
    Entry{"marche de producteurs", "market"},
    Entry{"amap", "amap"},
    Entry{"shop", "shop"},
    Entry{"store", "shop"},
    Entry{"magasin", "shop"},
    Entry{"boutique", "shop"},
    Entry{"epicerie", "shop"},
    Entry{"magasin de producteurs", "shop"},
    Entry{"point de vente collectif", "shop"},
    Entry{"drive", "drive"},
    Entry{"drive fermier", "drive"},
    Entry{"point de retrait", "drive"},
    Entry{"click and collect", "drive"},
    Entry{"other", "other"},
    Entry{"autre", "other"},
};

constexpr std::array kBuyerKinds = {
    Entry{"ccas", "ccas"},
    Entry{"cias", "ccas"},
    Entry{"centre communal d action sociale", "ccas"},
    Entry{"school", "school"},
    Entry{"ecole", "school"},
    Entry{"ecole primaire", "school"},
    Entry{"ecole maternelle", "school"},
    Entry{"groupe scolaire", "school"},
    Entry{"cantine scolaire", "school"},
    Entry{"college", "college"},
    Entry{"hospital", "hospital"},
    Entry{"hopital", "hospital"},
    Entry{"centre hospitalier", "hospital"},
    Entry{"association", "association"},
    Entry{"asso", "association"},
    Entry{"banque alimentaire", "association"},
    Entry{"other", "other"},
    Entry{"autre", "other"},
};

constexpr std::array kOpen = {"open", "ouvert", "ouverte", "en cours", "publie", "publiee"};
constexpr std::array kAwarded = {"awarded", "attribue", "attribuee"};
constexpr std::array kClosed = {"closed", "clos", "close", "cloture", "cloturee", "ferme", "fermee", "termine", "terminee"};
constexpr std::array kWithoutAward = {"sans suite",  "classe sans suite", "classee sans suite", "declare sans suite",
                                      "declaree sans suite", "infructueux", "infructueuse", "annule", "annulee"};

template <typename Array>
bool contains(const Array& a, const std::string& key) {
    for (const char* k : a) {
        if (key == k) return true;
    }
    return false;
}

}  // namespace

std::string pointOfSaleKind(std::string_view raw) {
    const std::string key = matchKey(raw);
    if (key.empty()) return "";
    const char* v = find(kPointOfSaleKinds, key);
    return v ? v : "other";
}

std::string buyerKind(std::string_view raw) {
    const std::string key = matchKey(raw);
    if (key.empty()) return "";
    const char* v = find(kBuyerKinds, key);
    return v ? v : "other";
}

std::optional<NeedStatus> needStatus(std::string_view raw) {
    const std::string key = matchKey(raw);
    if (key.empty() || contains(kOpen, key)) return NeedStatus{"open", false};
    if (contains(kAwarded, key)) return NeedStatus{"awarded", false};
    if (contains(kClosed, key)) return NeedStatus{"closed", false};
    if (contains(kWithoutAward, key)) return NeedStatus{"closed", true};
    return std::nullopt;
}

}  // namespace recolte::model
