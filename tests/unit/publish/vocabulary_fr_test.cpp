// Every product type the normalizer can emit has a French name on the pages.
#include "publish/vocabulary_fr.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>

namespace {

using namespace recolte::publish;

TEST(VocabularyFr, EveryProductTypeOfTheNormalizerIsNamed) {
    // The normalizer's table (hub/src/model/product_types.cpp) lists Wording{"phrase", "id"}.
    std::ifstream in(std::string(RECOLTE_TEST_SOURCE_DIR) + "/hub/src/model/product_types.cpp");
    ASSERT_TRUE(in) << "cannot read product_types.cpp";
    std::stringstream text;
    text << in.rdbuf();
    const std::string source = text.str();
    const std::regex entry(R"re(Wording\{"[^"]*",\s*"([a-z0-9-]+)"\})re");
    std::set<std::string> ids;
    for (auto it = std::sregex_iterator(source.begin(), source.end(), entry); it != std::sregex_iterator(); ++it)
        ids.insert((*it)[1]);
    ASSERT_GT(ids.size(), 50u);
    for (const auto& id : ids) EXPECT_NE(productTypeName(id), id) << "no French name for product type " << id;
}

TEST(VocabularyFr, CodesAndUnknownValues) {
    EXPECT_EQ(productTypeName("dairy-product"), "Produits laitiers");
    EXPECT_EQ(labelName("LABEL_ROUGE"), "Label Rouge");
    EXPECT_EQ(departementLabel("09"), "09 · Ariège");
    EXPECT_EQ(departementLabel("2A"), "2A · Corse-du-Sud");
    EXPECT_EQ(departementLabel("99"), "99");
    EXPECT_EQ(pointOfSaleKindName("farm_shop"), "Vente à la ferme");
    EXPECT_EQ(needStatusName("awarded"), "Attribué");
    EXPECT_EQ(changeName("price_changed"), "Prix modifié");
    EXPECT_EQ(productTypeName("<b>"), "<b>");  // unknown: as given, the caller escapes it
}

}  // namespace
