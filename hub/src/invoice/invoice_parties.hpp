// How a party's SIRET is found in an InvoiceRecord, for the Chorus Pro checks and the writers alike.
#pragma once

#include <string>

#include "recolte/sdk/invoice.hpp"

namespace recolte::invoice {

// The party's SIRET: `siret`, else the legal id (BT-30 / BT-47) or the party id (BT-29 / BT-46)
// when its scheme is 0009 (ISO 6523 ICD of the SIRET). Spaces and dots removed; "" when none.
std::string partySiret(const sdk::InvoiceParty& party);

}  // namespace recolte::invoice
