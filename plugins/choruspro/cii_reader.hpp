// UN/CEFACT Cross Industry Invoice D16B (EN 16931 syntax binding; also the XML of a Factur-X PDF)
// -> InvoiceRecord.
#pragma once

#include "mapped_invoice.hpp"

namespace recolte::choruspro {

inline constexpr const char* kCiiNs = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100";

// A root <rsm:CrossIndustryInvoice>.
bool isCii(const Element& root);

MappedInvoice readCii(const Element& root);

}  // namespace recolte::choruspro
