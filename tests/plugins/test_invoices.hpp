// Invoices and status reports for the test connector (options invoices, invoice_statuses,
// bad_invoices), so the hub's invoice store, API and exports are tested without the choruspro
// plugin. The figures are fixed so tests can compute totals and shares by hand (see the .cpp).
#pragma once

#include <cstdint>
#include <string>

#include "recolte/sdk/sdk.hpp"

namespace recolte::testplugin {

void emitInvoices(recolte::sdk::RecordSink& sink, const std::string& file, int64_t count);
void emitInvoiceStatuses(recolte::sdk::RecordSink& sink, const std::string& file, int64_t count);
// One invoice without a number and one whose totals do not add up (BR-CO-10, BR-CO-15...), the
// latter bought by CCAS de Pamiers (26090001500017) so it stays out of Foix's figures.
void emitBadInvoices(recolte::sdk::RecordSink& sink, const std::string& file);

}  // namespace recolte::testplugin
