// What the UBL and CII writers decide alike: which document a type code makes, the specification
// id written, a party's legal registration id and its scheme, CII dates.
#pragma once

#include <string>

#include "recolte/sdk/invoice.hpp"

namespace recolte::invoice {

// UNTDID 1001 credit-note codes (381 credit note, 396 factored credit note...): written as a UBL CreditNote.
bool isCreditNoteType(const std::string& typeCode);

// BT-24: the record's own when it is an EN 16931 one (it may name a CIUS or extension), else the core's.
std::string customizationId(const sdk::InvoiceRecord& invoice);

struct LegalId {
    std::string id;
    std::string scheme;  // ISO 6523 ICD, "0009" for a SIRET; "" when unknown
};
// BT-30 / BT-47: the legal id as the record holds it, else the SIRET with scheme 0009.
LegalId legalId(const sdk::InvoiceParty& party);

// "2026-11-20" -> "20261120" (CII udt:DateTimeString format 102); other texts are returned as they are.
std::string ciiDate(const std::string& isoDate);

}  // namespace recolte::invoice
