// Which of a party's identifiers is its SIRET: the one with ISO 6523 scheme 0009 (legal id, party
// id or electronic address), else the one a legacy file labels "SIRET", else any 14-digit id.
#pragma once

#include <string>
#include <string_view>

#include "recolte/sdk/invoice.hpp"

namespace recolte::choruspro {

// Sets party.siret when one of its identifiers is a SIRET (spaces removed). Never overwrites.
void deriveSiret(sdk::InvoiceParty& party);

// True for 14 digits once spaces are removed.
bool looksLikeSiret(std::string_view id);
std::string withoutSpaces(std::string_view id);

}  // namespace recolte::choruspro
