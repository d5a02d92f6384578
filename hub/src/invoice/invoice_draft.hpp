// An invoice from a short description (seller, buyer SIRET, service code, engagement number,
// lines): the hub computes line amounts, the VAT breakdown and the totals, rounded to 2 decimals.
// YAML for `recolte invoice new`, JSON for POST /api/v1/invoices; errors name the key.
#pragma once

#include <string>

#include "invoice/invoice_rules.hpp"
#include "recolte/sdk/expected.hpp"
#include "recolte/sdk/invoice.hpp"

namespace recolte::invoice {

struct Draft {
    sdk::InvoiceRecord invoice;
    ChorusBuyerRequirements buyer_requires;
};

// Every problem found, one per line ("FILE:LINE: key.path: reason", French), in one Error of kind
// Data: a producer fixes them all at once.
sdk::Expected<Draft> draftFromYaml(const std::string& text, const std::string& where);
sdk::Expected<Draft> draftFromJson(const std::string& text, const std::string& where);

// Fills the VAT breakdown (one per category and rate, tax rounded to 2 decimals half away from
// zero) and the totals (BT-106, 109, 110, 112, 115) from the lines' net amounts.
void computeTotals(sdk::InvoiceRecord& invoice);

}  // namespace recolte::invoice
