#include "invoice/invoice_parties.hpp"

#include "model/normalize.hpp"

namespace recolte::invoice {

std::string partySiret(const sdk::InvoiceParty& party) {
    if (!party.siret.empty()) return model::compactSiret(party.siret);
    if (party.legal_id_scheme == "0009" && !party.legal_id.empty()) return model::compactSiret(party.legal_id);
    if (party.party_id_scheme == "0009" && !party.party_id.empty()) return model::compactSiret(party.party_id);
    return {};
}

}  // namespace recolte::invoice
