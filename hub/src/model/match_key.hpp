// The key used to look French or English wordings up in a table: accents and case removed,
// everything but letters and digits turned into single spaces ("Produits laitiers" ->
// "produits laitiers", "AOC/AOP" -> "aoc aop", "Œufs" -> "oeufs").
#pragma once

#include <string>
#include <string_view>

namespace recolte::model {

std::string matchKey(std::string_view raw);

// Each word of a match key made singular the way French and English plurals mostly end
// ("legumes" -> "legume", "poireaux" -> "poireau"). Used on both the table and the input, so the
// rule only has to be consistent, not grammatical.
std::string singularKey(std::string_view key);

}  // namespace recolte::model
