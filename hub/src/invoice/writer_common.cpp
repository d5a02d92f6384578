#include "invoice/writer_common.hpp"

#include <array>

#include "invoice/invoice_parties.hpp"

namespace recolte::invoice {

namespace {
constexpr std::string_view kEn16931 = "urn:cen.eu:en16931:2017";
}

bool isCreditNoteType(const std::string& typeCode) {
    static const std::array<const char*, 11> codes{"81", "83", "261", "262", "296", "308", "381", "396", "420", "458", "532"};
    for (const char* c : codes)
        if (typeCode == c) return true;
    return false;
}

std::string customizationId(const sdk::InvoiceRecord& invoice) {
    if (invoice.customization_id.compare(0, kEn16931.size(), kEn16931) == 0) return invoice.customization_id;
    return std::string(kEn16931);
}

LegalId legalId(const sdk::InvoiceParty& party) {
    if (!party.legal_id.empty()) return {party.legal_id, party.legal_id_scheme};
    const std::string siret = partySiret(party);
    if (!siret.empty()) return {siret, "0009"};
    return {};
}

std::string ciiDate(const std::string& isoDate) {
    if (isoDate.size() >= 10 && isoDate[4] == '-' && isoDate[7] == '-')
        return isoDate.substr(0, 4) + isoDate.substr(5, 2) + isoDate.substr(8, 2);
    return isoDate;
}

}  // namespace recolte::invoice
