#include "party_ids.hpp"

#include "recolte/sdk/text.hpp"

namespace recolte::choruspro {

std::string withoutSpaces(std::string_view id) {
    std::string out;
    for (char c : id)
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') out += c;
    return out;
}

bool looksLikeSiret(std::string_view id) {
    const std::string s = withoutSpaces(id);
    if (s.size() != 14) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

void deriveSiret(sdk::InvoiceParty& party) {
    if (!party.siret.empty()) return;
    auto isSiretScheme = [](const std::string& scheme) { return scheme == "0009" || sdk::foldWords(scheme) == "siret"; };
    const std::pair<const std::string*, const std::string*> ids[] = {
        {&party.legal_id, &party.legal_id_scheme},
        {&party.party_id, &party.party_id_scheme},
        {&party.electronic_address, &party.electronic_address_scheme},
    };
    for (const auto& [id, scheme] : ids) {
        if (isSiretScheme(*scheme) && looksLikeSiret(*id)) {
            party.siret = withoutSpaces(*id);
            return;
        }
    }
    for (const auto& [id, scheme] : ids) {
        // A VAT id or an e-mail never is 14 digits: any 14-digit id is a SIRET in French invoices.
        if (looksLikeSiret(*id)) {
            party.siret = withoutSpaces(*id);
            return;
        }
    }
}

}  // namespace recolte::choruspro
