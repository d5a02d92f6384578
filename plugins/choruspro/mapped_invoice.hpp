// What a format reader makes of one invoice: the record, what it read leniently, and why it could
// not be read at all (then it is rejected).
#pragma once

#include <optional>
#include <vector>

#include "recolte/sdk/invoice.hpp"
#include "xml_fields.hpp"

namespace recolte::choruspro {

struct MappedInvoice {
    sdk::InvoiceRecord record;
    std::vector<Problem> warnings;
    std::optional<Problem> error;
    // Which of the totals the file gave (the others are recomputed, with a warning).
    bool has_line_net = false, has_tax_exclusive = false, has_tax_inclusive = false, has_payable = false;
    const Element* totals_element = nullptr;  // where the totals are, for warnings; reset by completeInvoice
};

// Lenient completion shared by every format: SIRET derived from the parties' identifiers; a total
// the file does not give is computed from the others, with a warning naming it.
void completeInvoice(MappedInvoice& invoice);

// Takes the reader's problems into the mapped invoice.
void takeProblems(MappedInvoice& invoice, const FieldReader& fields);

}  // namespace recolte::choruspro
