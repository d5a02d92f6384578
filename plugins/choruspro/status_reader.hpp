// Status reports: the recipient's invoice list (CPPListeFactures JSON, the answer of
// "rechercher factures par récipiendaire"), a status history (CPPHistoStatutFacture JSON) and the
// status pivot (CPPStatut XML). Each entry becomes an InvoiceStatusRecord; the hub matches it to
// an invoice by chorus_id, else by seller SIRET + number.
#pragma once

#include <string>
#include <vector>

#include "recolte/sdk/invoice.hpp"
#include "recolte/sdk/json.hpp"
#include "xml_fields.hpp"

namespace recolte::choruspro {

struct StatusRead {
    std::vector<sdk::InvoiceStatusRecord> records;  // `where.element` set to each entry's path
    std::vector<Problem> rejects;                   // entries that cannot be read
    std::vector<Problem> warnings;
};

// A JSON document of either kind. nullopt when it is neither (a config or data error for the caller).
std::optional<StatusRead> readStatusJson(const sdk::json::Value& root);

bool isStatusPivot(const Element& root);
StatusRead readStatusPivot(const Element& root);

}  // namespace recolte::choruspro
