// Writing a checked invoice to disk as DIR/<number>.ubl.xml and DIR/<number>.cii.xml.
#pragma once

#include <string>

#include "recolte/sdk/expected.hpp"
#include "recolte/sdk/invoice.hpp"

namespace recolte::invoice {

// The invoice number made safe as a file name: letters, digits, '-', '_' and '.' kept, anything
// else (/, spaces, accents...) becomes '_'; never empty, never "." or "..".
std::string invoiceFileStem(const std::string& number);

struct WrittenFiles {
    std::string ubl;
    std::string cii;
};
// Writes both files (each through a temporary file renamed into place, so a reader never sees half
// a file). The folder is created when missing.
sdk::Expected<WrittenFiles> writeInvoiceFiles(const sdk::InvoiceRecord& invoice, const std::string& dir);

}  // namespace recolte::invoice
