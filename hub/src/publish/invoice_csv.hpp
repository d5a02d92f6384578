// The accounting export of invoices (GET /api/v1/invoices/export.csv, `recolte invoices export`):
// one row per invoice line, French headers, for a French Excel (';', decimal comma, UTF-8 BOM),
// every text cell neutralized against formulas (csv_cells.hpp). An invoice without lines still
// gets one row, so nothing is left out of the accounts.
#pragma once

#include <string>

namespace recolte::publish {

std::string invoiceCsvHeader();  // with the UTF-8 BOM
// The rows of one invoice, from its public document (schemas/invoice.schema.json).
std::string invoiceCsvRows(const std::string& invoiceDoc);

}  // namespace recolte::publish
