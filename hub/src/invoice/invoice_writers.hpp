// Any stored invoice written back as UBL 2.1 (Invoice or CreditNote, from the type code) or as
// UN/CEFACT CII D16B, in the EN 16931 core: what passes the official XSD and schematron when the
// invoice itself follows the rules (see invoice_rules.hpp).
#pragma once

#include <string>

#include "recolte/sdk/invoice.hpp"

namespace recolte::invoice {

std::string writeUbl(const sdk::InvoiceRecord& invoice);
std::string writeCii(const sdk::InvoiceRecord& invoice);

}  // namespace recolte::invoice
