// The complete stored form of an invoice: every field of sdk::InvoiceRecord (and what the hub
// added, model::Invoice), written as JSON and read back unchanged, so that any stored invoice can
// be written again as UBL or CII exactly as it was read. Not the public shape (invoice_json.hpp).
// The other records a connector emits (offers, producers, needs, rejects, warnings) are written
// and read the same way, with the same reader, for the isolated worker (sync/worker_protocol.hpp).
#pragma once

#include <string>
#include <utility>

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

// Every field of the raw record (before normalization), read back unchanged.
std::string offerRecordToJson(const sdk::OfferRecord& record);
sdk::Expected<sdk::OfferRecord> offerRecordFromJson(const std::string& json);
std::string producerRecordToJson(const sdk::ProducerRecord& record);
sdk::Expected<sdk::ProducerRecord> producerRecordFromJson(const std::string& json);
std::string needRecordToJson(const sdk::NeedRecord& record);
sdk::Expected<sdk::NeedRecord> needRecordFromJson(const std::string& json);
std::string rejectToJson(const sdk::Reject& reject);
sdk::Expected<sdk::Reject> rejectFromJson(const std::string& json);
std::string warningToJson(const sdk::Location& where, const std::string& message);
sdk::Expected<std::pair<sdk::Location, std::string>> warningFromJson(const std::string& json);

}  // namespace recolte::model
