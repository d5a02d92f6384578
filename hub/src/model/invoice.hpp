// An invoice as the hub keeps it: the connector's whole sdk::InvoiceRecord (so the writers can
// re-export it exactly) plus what the hub adds: a stable id, the catalogue producer of the seller,
// a product type and labels per line, the warnings of its checks, and the effective status once
// the status reports of every source are applied. Public shape: schemas/invoice.schema.json.
#pragma once

#include <string>
#include <vector>

#include "recolte/sdk/invoice.hpp"

namespace recolte::model {

// What the hub reads in a line's name and description, with the normalizer's vocabulary.
struct InvoiceLineClass {
    std::string product_type;  // DFC product type id, "" when unknown
    std::vector<std::string> labels;  // BIO, LABEL_ROUGE... (Ma Cantine codes)
};

struct Invoice {
    std::string id;      // stable: from source + record.source_id
    std::string source;  // the configured source that read it
    sdk::InvoiceRecord record;  // as read; record.status / status_history are the file's own
    std::string seller_producer_id;  // the catalogue producer with the seller's SIRET, "" if none
    std::vector<InvoiceLineClass> line_classes;  // one per record.lines[i]
    std::vector<std::string> warnings;  // the record's warnings, then the hub's rule warnings
    // Effective status: the file's history merged with every status report that matches it.
    std::string status;
    std::vector<sdk::InvoiceStatusEvent> status_history;
};

}  // namespace recolte::model
