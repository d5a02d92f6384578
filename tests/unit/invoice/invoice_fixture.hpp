// A complete, valid invoice for the invoice tests, built from a YAML description like a producer's:
// two standard-rated lines (5.5 % and 20 %) and one zero-rated line.
#pragma once

#include <stdexcept>
#include <string>

#include "invoice/invoice_draft.hpp"

namespace recolte::invoice::testing {

inline const char* kGoodDescription = R"(number: FC-2026-0142
issue_date: 2026-11-20
due_date: 2026-12-20
seller:
  name: Ferme du Couserans
  siret: "81234567600017"
  vat_id: FR19812345676
  address: {street: Le Bourg, postcode: "09200", city: Saint-Girons, country: FR}
  iban: FR7630004000031234567890143
buyer:
  name: CCAS de Saint-Girons
  siret: "26090123400013"
  service_code: EPICERIE-SOCIALE
  engagement_number: EJ-2026-0412
  requires_service_code: true
  requires_engagement_number: true
  address: {street: 4 place Alphonse Sentein, postcode: "09200", city: Saint-Girons}
lines:
  - {description: Tomme des Pyrénées, quantity: 4.25, unit: kg, unit_price: 18.50, vat_rate: 5.5}
  - {description: Livraison, quantity: 1, unit: forfait, unit_price: 12, vat_rate: 20}
  - {description: Cagettes consignées, quantity: 10, unit: piece, unit_price: 0.5, vat_rate: 0}
)";

inline Draft goodDraft() {
    auto d = draftFromYaml(kGoodDescription, "good.yaml");
    if (!d) throw std::runtime_error(d.error().describe());
    return std::move(d).value();
}

}  // namespace recolte::invoice::testing
