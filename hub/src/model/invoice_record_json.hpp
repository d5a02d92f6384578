// The complete stored form of an invoice: every field of sdk::InvoiceRecord (and what the hub
// added, model::Invoice), written as JSON and read back unchanged, so that any stored invoice can
// be written again as UBL or CII exactly as it was read. Not the public shape (invoice_json.hpp).
#pragma once

#include <string>

#include "model/invoice.hpp"
#include "recolte/sdk/expected.hpp"

namespace recolte::model {

std::string invoiceRecordToJson(const sdk::InvoiceRecord& record);
sdk::Expected<sdk::InvoiceRecord> invoiceRecordFromJson(const std::string& json);

// A status report (the recipient's invoice list, CPPStatutPivot), kept until its source drops it.
std::string statusRecordToJson(const sdk::InvoiceStatusRecord& report);
sdk::Expected<sdk::InvoiceStatusRecord> statusRecordFromJson(const std::string& json);

std::string invoiceToStoredJson(const Invoice& invoice);
sdk::Expected<Invoice> invoiceFromStoredJson(const std::string& json);

}  // namespace recolte::model
