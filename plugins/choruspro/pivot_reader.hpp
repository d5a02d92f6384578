// The Chorus Pro pivot XML (CPPFacturePivot, V1_20 to V2_02): one invoice per
// CPPFacturePivotUnitaire. Its PJ/Contenu is the base64 of a ZIP holding the original invoice;
// when that is a UBL, a CII or a Factur-X PDF, its values are preferred and each disagreement with
// the pivot's own header is a warning.
#pragma once

#include <vector>

#include "mapped_invoice.hpp"
#include "zip_archive.hpp"

namespace recolte::choruspro {

bool isPivot(const Element& root);

// One per CPPFacturePivotUnitaire, in order. A bad attachment (not base64, not a ZIP, a ZIP bomb,
// an unsafe entry name) rejects that invoice, naming its PJ/Contenu element.
std::vector<MappedInvoice> readPivot(const Element& root, const ZipLimits& limits);

}  // namespace recolte::choruspro
