// Pieces of the needs pages: the needs table and the texts of a need's window and deadline.
#pragma once

#include <string>
#include <vector>

#include "publish/doc.hpp"

namespace recolte::publish {

// `docs`: needs as the store returns them.
std::string needsTable(const std::vector<std::string>& docs, const std::string& caption);
// "Du 1er décembre 2026 au 26 février 2027", "Non précisée".
std::string deliveryText(const JsonValue& need);
// "30 novembre 2026 à 12 h 00", "Non précisée".
std::string deadlineText(const JsonValue& need);
// "Ouvert", "Clos : sans suite"...
std::string statusText(const JsonValue& need);
// "CCAS de Foix (CCAS)".
std::string buyerText(const JsonValue& need);

}  // namespace recolte::publish
