// French or English product words -> DFC product type ids (dfc-pt).
//
// The ids are those of the Data Food Consortium taxonomy productTypes.rdf
// (https://github.com/datafoodconsortium/taxonomies, concepts under
// http://w3id.org/dfc/taxonomies/productTypes.rdf#), checked against its productTypes.json: top
// concepts bakery, dairy-product, drink, frozen, fruit, inedible, local-grocery-store,
// meat-product, vegetable, and their narrower concepts (egg and fishery-product sit under
// meat-product there). The French words are the taxonomy's own prefLabels plus the usual names
// of French catalogue sections (Socleo "Type produit", Ma Cantine families).
//
// Lookup: the whole text first ("pommes de terre" -> potato); then the longest known phrase at
// its start, French putting the head noun first ("légumes frais", "viande de boeuf",
// "jus de pomme"); then at its end, English putting it last ("fresh vegetables", "goat cheese").
#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "model/match_key.hpp"
#include "model/normalize.hpp"

namespace recolte::model {

namespace {

struct Wording {
    const char* phrase;
    const char* id;  // "" = known to be ambiguous ("fruits et légumes"): no guess, no fallback
};

// Earlier entries win when two phrases share a singular form ("pate" charcuterie before
// "pates" pasta, whose as-written form is still looked up first).
constexpr std::array kWordings = {
    // Vegetables.
    Wording{"legume", "vegetable"},
    Wording{"legumes frais", "vegetable"},
    Wording{"vegetable", "vegetable"},
    Wording{"veggie", "vegetable"},
    Wording{"fruit et legume", ""},
    Wording{"legume et fruit", ""},
    Wording{"fruits and vegetables", ""},
    Wording{"primeur", ""},
    Wording{"pomme de terre", "potato"},
    Wording{"potato", "potato"},
    Wording{"tomate", "tomato"},
    Wording{"tomato", "tomato"},
    Wording{"carotte", "carrot"},
    Wording{"carrot", "carrot"},
    Wording{"courgette", "courgette"},
    Wording{"aubergine", "eggplant"},
    Wording{"poireau", "leek"},
    Wording{"oignon", "onion"},
    Wording{"onion", "onion"},
    Wording{"ail", "garlic"},
    Wording{"garlic", "garlic"},
    Wording{"echalote", "shallot"},
    Wording{"chou", "cabbage"},
    Wording{"cabbage", "cabbage"},
    Wording{"chou fleur", "cauliflower"},
    Wording{"brocoli", "broccoli-cabbage"},
    Wording{"chou brocoli", "broccoli-cabbage"},
    Wording{"epinard", "spinach"},
    Wording{"haricot", "bean"},
    Wording{"courge", "squash"},
    Wording{"potiron", "pumpkin"},
    Wording{"citrouille", "pumpkin"},
    Wording{"concombre", "cucumber"},
    Wording{"radis", "radish"},
    Wording{"navet", "turnip"},
    Wording{"betterave", "beetroot"},
    Wording{"poivron", "pepper"},
    Wording{"fenouil", "fennel"},
    Wording{"asperge", "asparagus"},
    Wording{"artichaut", "artichoke"},
    Wording{"blette", "chard"},
    Wording{"panais", "parsnip"},
    Wording{"topinambour", "jerusalem-artichoke"},
    Wording{"salade", "salad"},
    Wording{"salad", "salad"},
    Wording{"laitue", "lettuce"},
    Wording{"mache", "corn-salad"},
    Wording{"champignon", "mushroom"},
    Wording{"mushroom", "mushroom"},
    Wording{"aromate", "aromatic"},
    Wording{"herbe aromatique", "aromatic"},
    Wording{"legume sec", "dried-vegetable"},
    Wording{"legumineuse", "dried-vegetable"},
    Wording{"lentille", "lentils"},
    Wording{"quinoa", "quinoa"},
    // Fruit.
    Wording{"fruit", "fruit"},
    Wording{"pomme", "apples"},
    Wording{"apple", "apples"},
    Wording{"poire", "pear"},
    Wording{"peche", "peach"},
    Wording{"abricot", "apricot"},
    Wording{"cerise", "cherry"},
    Wording{"prune", "plum"},
    Wording{"pruneau", "prune"},
    Wording{"raisin", "grape"},
    Wording{"fraise", "strawberry"},
    Wording{"framboise", "raspberry"},
    Wording{"myrtille", "blueberry"},
    Wording{"cassis", "blackcurrant"},
    Wording{"groseille", "currant"},
    Wording{"mure", "blackberry"},
    Wording{"petit fruit", "berry"},
    Wording{"fruit rouge", "berry"},
    Wording{"kiwi", "kiwi"},
    Wording{"melon", "melon"},
    Wording{"figue", "fig"},
    Wording{"citron", "lemon"},
    Wording{"orange", "orange"},
    Wording{"clementine", "clementine"},
    Wording{"mandarine", "mandarin"},
    Wording{"nectarine", "nectarine"},
    Wording{"brugnon", "nectarine"},
    Wording{"coing", "quince"},
    Wording{"rhubarbe", "rhubarb"},
    Wording{"fruit sec", "dried-fruit"},
    Wording{"fruit a coque", "nut"},
    Wording{"noix", "walnut"},
    Wording{"noisette", "hazelnut"},
    Wording{"amande", "almond"},
    Wording{"chataigne", "chestnut"},
    Wording{"marron", "chestnut"},
    Wording{"compote", "fruit-in-compote"},
    // Dairy.
    Wording{"produit laitier", "dairy-product"},
    Wording{"laitage", "dairy-product"},
    Wording{"cremerie", "dairy-product"},
    Wording{"fromagerie", "dairy-product"},
    Wording{"fromage", "dairy-product"},
    Wording{"dairy", "dairy-product"},
    Wording{"dairy product", "dairy-product"},
    Wording{"cheese", "dairy-product"},
    Wording{"yaourt", "dairy-product"},
    Wording{"yogourt", "dairy-product"},
    Wording{"yoghourt", "dairy-product"},
    Wording{"yogurt", "dairy-product"},
    Wording{"fromage frais", "fresh-cheese"},
    Wording{"fromage blanc", "cream-cheese"},
    Wording{"fromage affine", "mature-cheese"},
    Wording{"fromage de chevre", "goat-dairy-product"},
    Wording{"fromage de brebis", "sheep-dairy-product"},
    Wording{"lait", "milk"},
    Wording{"milk", "milk"},
    Wording{"lait de chevre", "goat-milk"},
    Wording{"lait de brebis", "sheep-milk"},
    Wording{"beurre", "butter"},
    Wording{"butter", "butter"},
    Wording{"creme", "fresh-cream"},
    Wording{"creme fraiche", "fresh-cream"},
    Wording{"dessert lacte", "dairy-dessert"},
    Wording{"yaourt nature", "natural-yogurt"},
    // Eggs, meat, fish (DFC files egg and fishery products under meat-product).
    Wording{"oeuf", "egg"},
    Wording{"egg", "egg"},
    Wording{"viande", "meat-product"},
    Wording{"boucherie", "meat-product"},
    Wording{"meat", "meat-product"},
    Wording{"viande et volaille", "meat-product"},
    Wording{"viandes volailles", "meat-product"},
    Wording{"boeuf", "beef"},
    Wording{"viande bovine", "beef"},
    Wording{"viande de boeuf", "beef"},
    Wording{"bovin", "beef"},
    Wording{"beef", "beef"},
    Wording{"veau", "veal"},
    Wording{"viande de veau", "veal"},
    Wording{"veal", "veal"},
    Wording{"porc", "pork"},
    Wording{"viande de porc", "pork"},
    Wording{"cochon", "pork"},
    Wording{"pork", "pork"},
    Wording{"agneau", "lamb"},
    Wording{"viande d agneau", "lamb"},
    Wording{"lamb", "lamb"},
    Wording{"volaille", "poultry"},
    Wording{"poultry", "poultry"},
    Wording{"poulet", "chicken"},
    Wording{"chicken", "chicken"},
    Wording{"canard", "duck"},
    Wording{"dinde", "turkey"},
    Wording{"oie", "goose"},
    Wording{"pintade", "guinea-fowl"},
    Wording{"caille", "quail"},
    Wording{"pigeon", "pigeon"},
    Wording{"lapin", "rabbit"},
    Wording{"escargot", "snails"},
    Wording{"charcuterie", "delicatessen"},
    Wording{"pate", "delicatessen"},
    Wording{"terrine", "delicatessen"},
    Wording{"rillette", "delicatessen"},
    Wording{"saucisson", "delicatessen"},
    Wording{"saucisse", "delicatessen"},
    Wording{"jambon", "delicatessen"},
    Wording{"poisson", "fish"},
    Wording{"fish", "fish"},
    Wording{"produit de la mer", "fishery-product"},
    Wording{"produit de la peche", "fishery-product"},
    Wording{"poissonnerie", "fishery-product"},
    Wording{"fruit de mer", "fishery-product"},
    Wording{"seafood", "fishery-product"},
    Wording{"crustace", "shellfish"},
    Wording{"coquillage", "seashell"},
    Wording{"huitre", "seashell"},
    Wording{"moule", "seashell"},
    // Bakery.
    Wording{"boulangerie", "bakery"},
    Wording{"bakery", "bakery"},
    Wording{"viennoiserie", "bakery"},
    Wording{"pain", "bread"},
    Wording{"bread", "bread"},
    Wording{"patisserie", "pastry"},
    Wording{"biscuit", "biscuit"},
    Wording{"crepe", "crepe-and-galette"},
    Wording{"galette", "crepe-and-galette"},
    // Grocery.
    Wording{"epicerie", "local-grocery-store"},
    Wording{"grocery", "local-grocery-store"},
    Wording{"epicerie sucree", "sweet-groceries"},
    Wording{"epicerie salee", "savory-groceries"},
    Wording{"miel", "honey"},
    Wording{"honey", "honey"},
    Wording{"confiture", "jam"},
    Wording{"jam", "jam"},
    Wording{"huile", "oil"},
    Wording{"oil", "oil"},
    Wording{"farine", "flour"},
    Wording{"flour", "flour"},
    Wording{"pates", "pasta"},
    Wording{"pates alimentaires", "pasta"},
    Wording{"pasta", "pasta"},
    Wording{"riz", "rice"},
    Wording{"rice", "rice"},
    Wording{"semoule", "semolina"},
    Wording{"cereale", "grain"},
    Wording{"sel", "salt"},
    Wording{"sucre", "sweet-groceries"},
    Wording{"chocolat", "confectionery"},
    Wording{"confiserie", "confectionery"},
    Wording{"vinaigre", "savory-groceries"},
    Wording{"sauce", "savory-groceries"},
    Wording{"conserve", "savory-groceries"},
    Wording{"soupe", "soup"},
    Wording{"veloute", "soup"},
    Wording{"plat cuisine", "ready-meal"},
    Wording{"plat prepare", "ready-meal"},
    Wording{"traiteur", "ready-meal"},
    // Drinks.
    Wording{"boisson", "drink"},
    Wording{"drink", "drink"},
    Wording{"beverage", "drink"},
    Wording{"boisson alcoolisee", "alcoholic-beverage"},
    Wording{"vin", "wine"},
    Wording{"wine", "wine"},
    Wording{"biere", "beer"},
    Wording{"beer", "beer"},
    Wording{"cidre", "cider"},
    Wording{"cider", "cider"},
    Wording{"aperitif", "aperitif"},
    Wording{"digestif", "digestive"},
    Wording{"jus", "fruit-juice"},
    Wording{"jus de fruit", "fruit-juice"},
    Wording{"juice", "fruit-juice"},
    Wording{"jus de legume", "soft-drink"},
    Wording{"sirop", "soft-drink"},
    Wording{"boisson sans alcool", "soft-drink"},
    Wording{"limonade", "lemonade"},
    Wording{"smoothie", "smoothie"},
    // Frozen, non-food.
    Wording{"surgele", "frozen"},
    Wording{"frozen", "frozen"},
    Wording{"legume surgele", "frozen-vegetable"},
    Wording{"fruit surgele", "frozen-fruit"},
    Wording{"viande surgelee", "frozen-meat"},
    Wording{"plat surgele", "frozen-meal"},
    Wording{"fleur", "flower"},
    Wording{"flower", "flower"},
    Wording{"plant", "plant"},
    Wording{"cosmetique", "cosmetic"},
    Wording{"non alimentaire", "inedible"},
};

// Every regular id of productTypes.rdf, so that a DFC catalogue's own ids ("dfc-pt:carrot", or the full
// URI) pass through unchanged.
constexpr std::array kDfcIds = {
    "alcoholic-beverage", "almond", "aperitif", "apples", "apricot", "aromatic", "artichoke",
    "asparagus", "bakery", "basil", "bean", "beans", "beef", "beer", "beetroot", "berry", "biscuit",
    "blackberry", "blackcurrant", "blueberry", "bluefoot-mushroom", "bottled-fruit",
    "bottled-vegetable", "bread", "broccoli-cabbage", "brussels-sprouts", "butter", "butternut",
    "cabbage", "canned-fruit", "canned-vegetable", "carrot", "cauliflower",
    "celeriac", "celery-branch", "chanterelle-mushroom", "chard", "cherry", "cherry-tomato",
    "chervil", "chestnut", "chewed-up", "chicken", "chicory", "chilli-pepper", "chinese-cabbage",
    "chive", "cider", "clementine", "cluster-tomato", "confectionery", "cooked-meat", "coriander",
    "corn-salad", "cosmetic", "coulemelle-mushroom", "courgette", "cow-dairy-product",
    "cream-cheese", "crepe-and-galette", "cress", "cucumber", "currant", "dairy-dessert",
    "dairy-product", "dandelion", "deaths-trumpet", "delicatessen", "digestive", "dill",
    "dried-fruit", "dried-vegetable", "drink", "duck", "egg",
    "eggplant", "endive", "fennel", "ferment", "festive-poultry", "fifth-range-vegetable", "fig",
    "fish", "fishery-product", "flake", "flavored-yogurt", "flour", "flower",
    "fourth-range-vegetable", "fresh-cheese", "fresh-cream", "fresh-meat", "frozen",
    "frozen-fruit", "frozen-meal", "frozen-meat", "frozen-vegetable", "fruit", "fruit-in-compote",
    "fruit-juice", "garlic", "girolle-mushroom", "goat-dairy-dessert", "goat-dairy-product",
    "goat-flavored-yogurt", "goat-fresh-cheese", "goat-mature-cheese", "goat-milk",
    "goat-natural-yogurt", "goat-sweet-yogurt", "goat-yogurt-on-a-bed-of-fruit",
    "goat-yogurt-with-fruits", "goose", "gooseberry", "grain", "grape", "green-garlic",
    "grilling-meat", "guinea-fowl", "hazelnut", "herb", "hierloom-squash", "hierloom-tomato",
    "honey", "inedible", "jam", "jerusalem-artichoke", "kale", "kale-cabbage", "kiwi", "kohlrabi",
    "lamb", "laurel", "leek", "lemon", "lemonade", "lentils", "lettuce", "local-grocery-store",
    "mandarin", "mature-cheese", "meat-product", "medlar", "melon", "mesclun", "milk",
    "milky-mushroom", "mint", "morel", "mousseron", "mushroom", "natural-yogurt", "nectarine",
    "non-local-fruit", "non-local-vegetable", "nut", "oil", "old-variety-tomato", "onion", "orange",
    "other-cheese", "other-dairy-product", "other-milk", "oyster-mushroom", "paris-mushroom",
    "parsley", "parsnip", "pasta", "pastry", "pattypan-squash", "peach", "pear", "peas", "pepper",
    "pie-pastry", "pigeon", "plant", "plum", "porcini", "pork", "potato", "poultry",
    "processed-fruit", "processed-vegetable", "prune", "pulse", "pumpkin", "quail", "quince",
    "quinoa", "rabbit", "radish", "raspberry", "ready-meal", "red-cabbage", "rhubarb", "rice",
    "rocket", "romanesco", "rosemary", "round-tomato", "rutabaga", "sage", "salad", "salad-mix",
    "salsify", "salt", "salting", "savory-groceries", "savoy-cabbage", "seashell", "seed",
    "semolina", "shallot", "sheep-dairy-dessert", "sheep-dairy-product", "sheep-flavored-yogurt",
    "sheep-fresh-cheese", "sheep-mature-cheese", "sheep-milk", "sheep-natural-yogurt",
    "sheep-sweet-yogurt", "sheep-yogurt-on-a-bed-of-fruit", "sheep-yogurt-with-fruits",
    "sheepfoot-mushroom", "shellfish", "simmering-meat", "smooth-cabbage", "smoothie", "snails",
    "soft-drink", "soup", "spinach", "squash", "strawberry", "sweet-groceries", "sweet-yogurt",
    "tarragon", "thyme", "tomato", "truffle", "turkey", "turnip", "uchiki-kuri-squash", "veal",
    "vegetable", "walnut", "wine", "yam", "yogurt-on-a-bed-of-fruit",
    "yogurt-with-fruits",
};

// Four concepts of the taxonomy have ids outside the kebab-case the schema allows
// (cannedGoods, dried_goods, dried_herb, viennoiserie-): a catalogue that uses them gets their
// broader concept.
struct Alias {
    const char* id;
    const char* broader;
};
constexpr std::array kIrregularIds = {
    Alias{"cannedGoods", "savory-groceries"},
    Alias{"dried_goods", "local-grocery-store"},
    Alias{"dried_herb", "local-grocery-store"},
    Alias{"viennoiserie-", "bakery"},
};

struct Tables {
    std::unordered_map<std::string, std::string> asWritten;  // match key -> id
    std::unordered_map<std::string, std::string> singular;   // singular match key -> id
    std::unordered_set<std::string> ids;
    size_t longestPhrase = 1;  // in words
};

size_t wordCount(const std::string& key) {
    size_t n = key.empty() ? 0 : 1;
    for (const char c : key) n += c == ' ';
    return n;
}

const Tables& tables() {
    static const Tables t = [] {
        Tables out;
        for (const auto& w : kWordings) {
            const std::string key = matchKey(w.phrase);
            out.asWritten.emplace(key, w.id);
            out.singular.emplace(singularKey(key), w.id);  // first one wins
            out.longestPhrase = std::max(out.longestPhrase, wordCount(key));
        }
        for (const char* id : kDfcIds) out.ids.emplace(id);
        return out;
    }();
    return t;
}

std::optional<std::string> lookup(const Tables& t, const std::string& key) {
    if (auto it = t.asWritten.find(key); it != t.asWritten.end()) return it->second;
    if (auto it = t.singular.find(singularKey(key)); it != t.singular.end()) return it->second;
    return std::nullopt;
}

// The DFC id in "dfc-pt:carrot", "https://...productTypes.rdf#carrot" or "carrot" itself.
std::string dfcIdOf(std::string_view raw) {
    std::string s(raw);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.pop_back();
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.erase(0, 1);
    if (const auto hash = s.rfind('#'); hash != std::string::npos) return s.substr(hash + 1);
    if (s.rfind("dfc-pt:", 0) == 0) return s.substr(7);
    return s;
}

std::vector<std::string> splitWords(const std::string& key) {
    std::vector<std::string> words;
    size_t i = 0;
    while (i < key.size()) {
        size_t j = key.find(' ', i);
        if (j == std::string::npos) j = key.size();
        words.push_back(key.substr(i, j - i));
        i = j + 1;
    }
    return words;
}

std::string joinWords(const std::vector<std::string>& words, size_t from, size_t to) {
    std::string out;
    for (size_t i = from; i < to; ++i) {
        if (i > from) out += ' ';
        out += words[i];
    }
    return out;
}

}  // namespace

std::string productTypeId(std::string_view raw) {
    const Tables& t = tables();
    const std::string id = dfcIdOf(raw);
    if (t.ids.count(id)) return id;
    for (const auto& a : kIrregularIds) {
        if (id == a.id) return a.broader;
    }

    const std::string key = matchKey(raw);
    if (key.empty()) return "";
    if (auto id = lookup(t, key)) return *id;

    const auto words = splitWords(key);
    const size_t longest = std::min(t.longestPhrase, words.size());
    for (size_t n = longest; n >= 1; --n) {
        if (auto id = lookup(t, joinWords(words, 0, n))) return *id;
    }
    for (size_t n = longest; n >= 1; --n) {
        if (auto id = lookup(t, joinWords(words, words.size() - n, words.size()))) return *id;
    }
    return "";
}

}  // namespace recolte::model
