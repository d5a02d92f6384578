// Location::describe: where a record comes from, as a PAT officer reads it.
#include <gtest/gtest.h>

#include "recolte/sdk/model.hpp"

namespace recolte::sdk {
namespace {

Location at(std::string file, int64_t line, std::string column = {}, std::string url = {}, std::string element = {}) {
    Location l;
    l.file = std::move(file);
    l.line = line;
    l.column = std::move(column);
    l.url = std::move(url);
    l.element = std::move(element);
    return l;
}

TEST(LocationDescribe, NamesFileLineAndColumn) {
    EXPECT_EQ(at("prix.csv", 12, "prix").describe(), "prix.csv:12, colonne « prix »");
    EXPECT_EQ(at("prix.csv", 12).describe(), "prix.csv:12");
    EXPECT_EQ(at("prix.csv", 0).describe(), "prix.csv");
    EXPECT_EQ(at("prix.csv", 0, "TVA").describe(), "prix.csv, colonne « TVA »");
}

TEST(LocationDescribe, UrlElementAndMissingParts) {
    EXPECT_EQ(at("", 0, "", "https://exemple.fr/catalogue.json", "offers[3].price").describe(),
              "https://exemple.fr/catalogue.json, élément « offers[3].price »");
    EXPECT_EQ(at("", 7, "Prix").describe(), "ligne 7, colonne « Prix »");
    EXPECT_EQ(at("a.xml", 3, "", "", "/Invoice/ID").describe(), "a.xml:3, élément « /Invoice/ID »");
    EXPECT_EQ(Location{}.describe(), "");
}

}  // namespace
}  // namespace recolte::sdk
