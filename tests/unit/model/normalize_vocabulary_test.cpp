// Labels and product types (hub/src/model/labels.cpp, product_types.cpp).
#include <gtest/gtest.h>

#include <string>

#include "model/normalize.hpp"

namespace recolte::model {
namespace {

struct Mapping {
    const char* raw;
    const char* code;
};

void PrintTo(const Mapping& m, std::ostream* os) { *os << '"' << m.raw << '"'; }

class NormalizeLabels : public ::testing::TestWithParam<Mapping> {};

TEST_P(NormalizeLabels, MapsWordingsToMaCantineCodes) {
    auto code = labelCode(GetParam().raw);
    ASSERT_TRUE(code.has_value()) << GetParam().raw;
    EXPECT_EQ(*code, GetParam().code) << GetParam().raw;
}

INSTANTIATE_TEST_SUITE_P(
    Labels, NormalizeLabels,
    ::testing::Values(
        Mapping{"AB", "BIO"}, Mapping{"ab", "BIO"}, Mapping{"bio", "BIO"}, Mapping{"Bio", "BIO"},
        Mapping{"BIO", "BIO"}, Mapping{"Agriculture biologique", "BIO"}, Mapping{"agriculture  Biologique", "BIO"},
        Mapping{"Eurofeuille", "BIO"}, Mapping{"Euro-feuille", "BIO"}, Mapping{"EU organic", "BIO"},
        Mapping{"[EU]", "BIO"}, Mapping{"FR-BIO-01", "BIO"}, Mapping{"en conversion", "CONVERSION_BIO"},
        Mapping{"Label Rouge", "LABEL_ROUGE"}, Mapping{"label rouge", "LABEL_ROUGE"},
        Mapping{"LABEL_ROUGE", "LABEL_ROUGE"}, Mapping{"AOP", "AOCAOP"}, Mapping{"AOC", "AOCAOP"},
        Mapping{"AOC/AOP", "AOCAOP"}, Mapping{"Appellation d'origine protégée", "AOCAOP"},
        Mapping{"AOCAOP", "AOCAOP"}, Mapping{"IGP", "IGP"},
        Mapping{"Indication géographique protégée", "IGP"}, Mapping{"STG", "STG"},
        Mapping{"Spécialité traditionnelle garantie", "STG"}, Mapping{"HVE", "HVE"}, Mapping{"HVE 3", "HVE"},
        Mapping{"Haute Valeur Environnementale", "HVE"}, Mapping{"fermier", "FERMIER"},
        Mapping{"Produit fermier", "FERMIER"}, Mapping{"FERMIER", "FERMIER"},
        Mapping{"commerce équitable", "COMMERCE_EQUITABLE"}, Mapping{"Commerce Equitable", "COMMERCE_EQUITABLE"},
        Mapping{"COMMERCE_EQUITABLE", "COMMERCE_EQUITABLE"}, Mapping{"Fairtrade", "COMMERCE_EQUITABLE"},
        Mapping{"MSC", "PECHE_DURABLE"}, Mapping{"pêche durable", "PECHE_DURABLE"},
        Mapping{"Écolabel Pêche Durable", "PECHE_DURABLE"}, Mapping{"RUP", "RUP"},
        Mapping{"région ultrapériphérique", "RUP"}));

TEST(NormalizeLabels, UnknownOrAmbiguousWordingsAreNotGuessed) {
    for (const char* raw : {"xyz", "", "   ", "EU", "local", "label", "bio-ish", "écolabel", "FR-BIO-", "Demeter2"}) {
        EXPECT_FALSE(labelCode(raw).has_value()) << '"' << raw << '"';
    }
}

class NormalizeProductTypes : public ::testing::TestWithParam<Mapping> {};

TEST_P(NormalizeProductTypes, MapsWordsToDfcIds) {
    EXPECT_EQ(productTypeId(GetParam().raw), GetParam().code) << GetParam().raw;
}

INSTANTIATE_TEST_SUITE_P(
    ProductTypes, NormalizeProductTypes,
    ::testing::Values(
        Mapping{"Légumes", "vegetable"}, Mapping{"légume", "vegetable"}, Mapping{"LEGUMES", "vegetable"},
        Mapping{"légumes frais", "vegetable"}, Mapping{"Vegetables", "vegetable"},
        Mapping{"fresh vegetables", "vegetable"}, Mapping{"fruits", "fruit"}, Mapping{"Fruit", "fruit"},
        Mapping{"Produits laitiers", "dairy-product"}, Mapping{"produit laitier", "dairy-product"},
        Mapping{"fromage", "dairy-product"}, Mapping{"Fromages", "dairy-product"},
        Mapping{"goat cheese", "dairy-product"}, Mapping{"fromage de chèvre", "goat-dairy-product"},
        Mapping{"lait", "milk"}, Mapping{"beurre", "butter"}, Mapping{"viande", "meat-product"},
        Mapping{"Viandes", "meat-product"}, Mapping{"viande de boeuf", "beef"}, Mapping{"Viande bovine", "beef"},
        Mapping{"viande hachée", "meat-product"}, Mapping{"volaille", "poultry"}, Mapping{"Volailles", "poultry"},
        Mapping{"poulet fermier", "chicken"}, Mapping{"oeufs", "egg"}, Mapping{"Œufs", "egg"},
        Mapping{"œuf", "egg"}, Mapping{"eggs", "egg"}, Mapping{"pain", "bread"}, Mapping{"Pains", "bread"},
        Mapping{"boulangerie", "bakery"}, Mapping{"miel", "honey"}, Mapping{"épicerie", "local-grocery-store"},
        Mapping{"Epicerie", "local-grocery-store"}, Mapping{"épicerie sucrée", "sweet-groceries"},
        Mapping{"boissons", "drink"}, Mapping{"vin", "wine"}, Mapping{"vins rouges", "wine"},
        Mapping{"jus", "fruit-juice"}, Mapping{"jus de pomme", "fruit-juice"}, Mapping{"pommes", "apples"},
        Mapping{"pommes de terre", "potato"}, Mapping{"Pomme de terre nouvelle", "potato"},
        Mapping{"poissons", "fish"}, Mapping{"produits de la mer", "fishery-product"},
        Mapping{"charcuterie", "delicatessen"}, Mapping{"pâté", "delicatessen"}, Mapping{"pâtes", "pasta"},
        Mapping{"huile d'olive", "oil"}, Mapping{"confiture de fraises", "jam"}, Mapping{"poireaux", "leek"},
        Mapping{"surgelés", "frozen"},
        // DFC ids and URIs pass through.
        Mapping{"vegetable", "vegetable"}, Mapping{"dairy-product", "dairy-product"},
        Mapping{"dfc-pt:carrot", "carrot"}, Mapping{"local-grocery-store", "local-grocery-store"},
        Mapping{"http://w3id.org/dfc/taxonomies/productTypes.rdf#meat-product", "meat-product"},
        Mapping{"https://github.com/datafoodconsortium/taxonomies/releases/latest/download/productTypes.rdf#egg",
                "egg"},
        // The taxonomy's few ids outside kebab-case give their broader concept.
        Mapping{"dfc-pt:viennoiserie-", "bakery"}, Mapping{"dfc-pt:dried_goods", "local-grocery-store"},
        Mapping{"http://w3id.org/dfc/taxonomies/productTypes.rdf#cannedGoods", "savory-groceries"}));

TEST(NormalizeProductTypes, EveryIdFitsTheSchemaPattern) {
    // schemas/common.schema.json product_type_or_null: ^[a-z0-9]+(?:-[a-z0-9]+)*$
    const auto kebab = [](const std::string& id) {
        if (id.empty() || id.front() == '-' || id.back() == '-') return false;
        for (size_t i = 0; i < id.size(); ++i) {
            const char c = id[i];
            const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c == '-' && id[i - 1] != '-');
            if (!ok) return false;
        }
        return true;
    };
    for (const char* raw : {"dfc-pt:viennoiserie-", "dried_goods", "dried_herb", "cannedGoods", "Légumes", "œufs",
                            "viennoiserie", "produits de la mer", "épicerie sucrée"}) {
        const std::string id = productTypeId(raw);
        EXPECT_TRUE(kebab(id)) << raw << " -> " << id;
    }
}

TEST(NormalizeProductTypes, UnknownOrAmbiguousGiveEmpty) {
    for (const char* raw : {"", "   ", "brouette", "xyz", "fruits et légumes", "Produits", "dfc-pt:not-a-type"}) {
        EXPECT_EQ(productTypeId(raw), "") << '"' << raw << '"';
    }
}

}  // namespace
}  // namespace recolte::model
