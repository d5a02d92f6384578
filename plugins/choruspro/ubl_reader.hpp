// UBL 2.1 Invoice and CreditNote (EN 16931 syntax binding, and the lenient read of older UBL such
// as Chorus Pro's 2015 PORTAIL_SAISIE files) -> InvoiceRecord.
#pragma once

#include "mapped_invoice.hpp"

namespace recolte::choruspro {

inline constexpr const char* kUblInvoiceNs = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
inline constexpr const char* kUblCreditNoteNs = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";

// A root <Invoice> or <CreditNote> in the UBL namespaces.
bool isUbl(const Element& root);

MappedInvoice readUbl(const Element& root);

}  // namespace recolte::choruspro
