#include "publish/vocabulary_fr.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace recolte::publish {

namespace {

using Entry = std::pair<std::string_view, std::string_view>;

// The DFC product types the normalizer emits (hub/src/model/product_types.cpp), in French; the
// names follow the DFC taxonomy's French labels and the usual catalogue sections.
constexpr std::array kProductTypes = std::to_array<Entry>({
    {"alcoholic-beverage", "Boissons alcoolisées"},
    {"almond", "Amandes"},
    {"aperitif", "Apéritifs"},
    {"apples", "Pommes"},
    {"apricot", "Abricots"},
    {"aromatic", "Herbes aromatiques"},
    {"artichoke", "Artichauts"},
    {"asparagus", "Asperges"},
    {"bakery", "Boulangerie"},
    {"bean", "Haricots"},
    {"beef", "Bœuf"},
    {"beer", "Bières"},
    {"beetroot", "Betteraves"},
    {"berry", "Petits fruits"},
    {"biscuit", "Biscuits"},
    {"blackberry", "Mûres"},
    {"blackcurrant", "Cassis"},
    {"blueberry", "Myrtilles"},
    {"bread", "Pain"},
    {"broccoli-cabbage", "Brocolis"},
    {"butter", "Beurre"},
    {"cabbage", "Choux"},
    {"carrot", "Carottes"},
    {"cauliflower", "Choux-fleurs"},
    {"chard", "Blettes"},
    {"cherry", "Cerises"},
    {"chestnut", "Châtaignes"},
    {"chicken", "Poulet"},
    {"cider", "Cidre"},
    {"clementine", "Clémentines"},
    {"confectionery", "Confiserie"},
    {"corn-salad", "Mâche"},
    {"cosmetic", "Cosmétiques"},
    {"courgette", "Courgettes"},
    {"cream-cheese", "Fromages à tartiner"},
    {"crepe-and-galette", "Crêpes et galettes"},
    {"cucumber", "Concombres"},
    {"currant", "Groseilles"},
    {"dairy-dessert", "Desserts lactés"},
    {"dairy-product", "Produits laitiers"},
    {"delicatessen", "Charcuterie"},
    {"digestive", "Digestifs"},
    {"dried-fruit", "Fruits secs"},
    {"dried-vegetable", "Légumes secs"},
    {"drink", "Boissons"},
    {"duck", "Canard"},
    {"egg", "Œufs"},
    {"eggplant", "Aubergines"},
    {"fennel", "Fenouil"},
    {"fig", "Figues"},
    {"fish", "Poissons"},
    {"fishery-product", "Produits de la mer"},
    {"flour", "Farines"},
    {"flower", "Fleurs"},
    {"fresh-cheese", "Fromages frais"},
    {"fresh-cream", "Crème fraîche"},
    {"frozen", "Surgelés"},
    {"frozen-fruit", "Fruits surgelés"},
    {"frozen-meal", "Plats surgelés"},
    {"frozen-meat", "Viandes surgelées"},
    {"frozen-vegetable", "Légumes surgelés"},
    {"fruit", "Fruits"},
    {"fruit-in-compote", "Compotes"},
    {"fruit-juice", "Jus de fruits"},
    {"garlic", "Ail"},
    {"goat-dairy-product", "Produits laitiers de chèvre"},
    {"goat-milk", "Lait de chèvre"},
    {"goose", "Oie"},
    {"grain", "Céréales"},
    {"grape", "Raisin"},
    {"guinea-fowl", "Pintade"},
    {"hazelnut", "Noisettes"},
    {"honey", "Miel"},
    {"inedible", "Produits non alimentaires"},
    {"jam", "Confitures"},
    {"jerusalem-artichoke", "Topinambours"},
    {"kiwi", "Kiwis"},
    {"lamb", "Agneau"},
    {"leek", "Poireaux"},
    {"lemon", "Citrons"},
    {"lemonade", "Limonades"},
    {"lentils", "Lentilles"},
    {"lettuce", "Laitues"},
    {"local-grocery-store", "Épicerie"},
    {"mandarin", "Mandarines"},
    {"mature-cheese", "Fromages affinés"},
    {"meat-product", "Viandes"},
    {"melon", "Melons"},
    {"milk", "Lait"},
    {"mushroom", "Champignons"},
    {"natural-yogurt", "Yaourts nature"},
    {"nectarine", "Nectarines"},
    {"nut", "Fruits à coque"},
    {"oil", "Huiles"},
    {"onion", "Oignons"},
    {"orange", "Oranges"},
    {"parsnip", "Panais"},
    {"pasta", "Pâtes"},
    {"pastry", "Pâtisserie"},
    {"peach", "Pêches"},
    {"pear", "Poires"},
    {"pepper", "Poivrons"},
    {"pigeon", "Pigeon"},
    {"plant", "Plants"},
    {"plum", "Prunes"},
    {"pork", "Porc"},
    {"potato", "Pommes de terre"},
    {"poultry", "Volailles"},
    {"prune", "Pruneaux"},
    {"pumpkin", "Potirons"},
    {"quail", "Cailles"},
    {"quince", "Coings"},
    {"quinoa", "Quinoa"},
    {"rabbit", "Lapin"},
    {"radish", "Radis"},
    {"raspberry", "Framboises"},
    {"ready-meal", "Plats cuisinés"},
    {"rhubarb", "Rhubarbe"},
    {"rice", "Riz"},
    {"salad", "Salades"},
    {"salt", "Sel"},
    {"savory-groceries", "Épicerie salée"},
    {"seashell", "Coquillages"},
    {"semolina", "Semoule"},
    {"shallot", "Échalotes"},
    {"sheep-dairy-product", "Produits laitiers de brebis"},
    {"sheep-milk", "Lait de brebis"},
    {"shellfish", "Crustacés"},
    {"smoothie", "Smoothies"},
    {"snails", "Escargots"},
    {"soft-drink", "Boissons sans alcool"},
    {"soup", "Soupes"},
    {"spinach", "Épinards"},
    {"squash", "Courges"},
    {"strawberry", "Fraises"},
    {"sweet-groceries", "Épicerie sucrée"},
    {"tomato", "Tomates"},
    {"turkey", "Dinde"},
    {"turnip", "Navets"},
    {"veal", "Veau"},
    {"vegetable", "Légumes"},
    {"walnut", "Noix"},
    {"wine", "Vins"},
});

// Ma Cantine's characteristic codes (the label enum of schemas/common.schema.json).
constexpr std::array kLabels = std::to_array<Entry>({
    {"BIO", "Bio (AB)"},
    {"CONVERSION_BIO", "En conversion bio"},
    {"LABEL_ROUGE", "Label Rouge"},
    {"AOCAOP", "AOC / AOP"},
    {"IGP", "IGP"},
    {"STG", "STG"},
    {"HVE", "Haute valeur environnementale"},
    {"FERMIER", "Fermier"},
    {"COMMERCE_EQUITABLE", "Commerce équitable"},
    {"PECHE_DURABLE", "Pêche durable"},
    {"RUP", "Région ultrapériphérique"},
});

// The départements (INSEE codes).
constexpr std::array kDepartements = std::to_array<Entry>({
    {"01", "Ain"}, {"02", "Aisne"}, {"03", "Allier"}, {"04", "Alpes-de-Haute-Provence"}, {"05", "Hautes-Alpes"},
    {"06", "Alpes-Maritimes"}, {"07", "Ardèche"}, {"08", "Ardennes"}, {"09", "Ariège"}, {"10", "Aube"},
    {"11", "Aude"}, {"12", "Aveyron"}, {"13", "Bouches-du-Rhône"}, {"14", "Calvados"}, {"15", "Cantal"},
    {"16", "Charente"}, {"17", "Charente-Maritime"}, {"18", "Cher"}, {"19", "Corrèze"}, {"2A", "Corse-du-Sud"},
    {"2B", "Haute-Corse"}, {"21", "Côte-d’Or"}, {"22", "Côtes-d’Armor"}, {"23", "Creuse"}, {"24", "Dordogne"},
    {"25", "Doubs"}, {"26", "Drôme"}, {"27", "Eure"}, {"28", "Eure-et-Loir"}, {"29", "Finistère"}, {"30", "Gard"},
    {"31", "Haute-Garonne"}, {"32", "Gers"}, {"33", "Gironde"}, {"34", "Hérault"}, {"35", "Ille-et-Vilaine"},
    {"36", "Indre"}, {"37", "Indre-et-Loire"}, {"38", "Isère"}, {"39", "Jura"}, {"40", "Landes"},
    {"41", "Loir-et-Cher"}, {"42", "Loire"}, {"43", "Haute-Loire"}, {"44", "Loire-Atlantique"}, {"45", "Loiret"},
    {"46", "Lot"}, {"47", "Lot-et-Garonne"}, {"48", "Lozère"}, {"49", "Maine-et-Loire"}, {"50", "Manche"},
    {"51", "Marne"}, {"52", "Haute-Marne"}, {"53", "Mayenne"}, {"54", "Meurthe-et-Moselle"}, {"55", "Meuse"},
    {"56", "Morbihan"}, {"57", "Moselle"}, {"58", "Nièvre"}, {"59", "Nord"}, {"60", "Oise"}, {"61", "Orne"},
    {"62", "Pas-de-Calais"}, {"63", "Puy-de-Dôme"}, {"64", "Pyrénées-Atlantiques"}, {"65", "Hautes-Pyrénées"},
    {"66", "Pyrénées-Orientales"}, {"67", "Bas-Rhin"}, {"68", "Haut-Rhin"}, {"69", "Rhône"}, {"70", "Haute-Saône"},
    {"71", "Saône-et-Loire"}, {"72", "Sarthe"}, {"73", "Savoie"}, {"74", "Haute-Savoie"}, {"75", "Paris"},
    {"76", "Seine-Maritime"}, {"77", "Seine-et-Marne"}, {"78", "Yvelines"}, {"79", "Deux-Sèvres"}, {"80", "Somme"},
    {"81", "Tarn"}, {"82", "Tarn-et-Garonne"}, {"83", "Var"}, {"84", "Vaucluse"}, {"85", "Vendée"}, {"86", "Vienne"},
    {"87", "Haute-Vienne"}, {"88", "Vosges"}, {"89", "Yonne"}, {"90", "Territoire de Belfort"}, {"91", "Essonne"},
    {"92", "Hauts-de-Seine"}, {"93", "Seine-Saint-Denis"}, {"94", "Val-de-Marne"}, {"95", "Val-d’Oise"},
    {"971", "Guadeloupe"}, {"972", "Martinique"}, {"973", "Guyane"}, {"974", "La Réunion"}, {"976", "Mayotte"},
});

constexpr std::array kPointOfSaleKinds = std::to_array<Entry>({
    {"farm_shop", "Vente à la ferme"},
    {"market", "Marché"},
    {"amap", "AMAP"},
    {"shop", "Magasin"},
    {"drive", "Drive fermier"},
    {"other", "Autre"},
});

constexpr std::array kBuyerKinds = std::to_array<Entry>({
    {"ccas", "CCAS"},
    {"school", "École"},
    {"college", "Collège"},
    {"hospital", "Hôpital"},
    {"association", "Association"},
    {"other", "Autre"},
});

constexpr std::array kNeedStatuses = std::to_array<Entry>({
    {"open", "Ouvert"},
    {"awarded", "Attribué"},
    {"closed", "Clos"},
});

constexpr std::array kChanges = std::to_array<Entry>({
    {"added", "Ajoutée"},
    {"changed", "Modifiée"},
    {"price_changed", "Prix modifié"},
    {"removed", "Retirée"},
});

constexpr std::array kOutcomes = std::to_array<Entry>({
    {"ok", "Réussie"},
    {"failed", "Échec"},
});

template <size_t N>
std::string lookup(const std::array<Entry, N>& table, std::string_view code) {
    const auto it = std::find_if(table.begin(), table.end(), [&](const Entry& e) { return e.first == code; });
    return std::string(it != table.end() ? it->second : code);
}

}  // namespace

std::string productTypeName(std::string_view dfcId) { return lookup(kProductTypes, dfcId); }
std::string labelName(std::string_view code) { return lookup(kLabels, code); }
std::string departementName(std::string_view code) { return lookup(kDepartements, code); }
std::string departementLabel(std::string_view code) {
    const std::string name = departementName(code);
    return name == code ? std::string(code) : std::string(code) + " · " + name;
}
std::string pointOfSaleKindName(std::string_view kind) { return lookup(kPointOfSaleKinds, kind); }
std::string buyerKindName(std::string_view kind) { return lookup(kBuyerKinds, kind); }
std::string needStatusName(std::string_view status) { return lookup(kNeedStatuses, status); }
std::string changeName(std::string_view change) { return lookup(kChanges, change); }
std::string outcomeName(std::string_view outcome) { return lookup(kOutcomes, outcome); }

}  // namespace recolte::publish
