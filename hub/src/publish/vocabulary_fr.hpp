// The French words the pages show for the codes the common schema stores: DFC product types,
// EGalim label codes, département numbers, point-of-sale and buyer kinds, statuses, changes.
// Unknown codes come back as given (then still escaped by the caller), never dropped.
#pragma once

#include <string>
#include <string_view>

namespace recolte::publish {

std::string productTypeName(std::string_view dfcId);     // "vegetable" -> "Légumes"
std::string labelName(std::string_view code);            // "LABEL_ROUGE" -> "Label Rouge"
std::string departementName(std::string_view code);      // "09" -> "Ariège"
std::string departementLabel(std::string_view code);     // "09" -> "09 · Ariège"
std::string pointOfSaleKindName(std::string_view kind);  // "farm_shop" -> "Vente à la ferme"
std::string buyerKindName(std::string_view kind);        // "ccas" -> "CCAS"
std::string needStatusName(std::string_view status);     // "open" -> "Ouvert"
std::string changeName(std::string_view change);         // "price_changed" -> "Prix modifié"
std::string outcomeName(std::string_view outcome);       // "ok" -> "Réussie"

}  // namespace recolte::publish
