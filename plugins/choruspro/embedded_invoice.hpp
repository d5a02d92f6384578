// An invoice carried inside something else: the XML of a Factur-X PDF, or a UBL / CII file in a
// pivot's ZIP attachment.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "mapped_invoice.hpp"
#include "recolte/sdk/expected.hpp"

namespace recolte::choruspro {

struct EmbeddedInvoice {
    MappedInvoice invoice;
    std::string format;  // ubl | cii
    std::string name;    // the attachment's or entry's name
};

// XML bytes holding a UBL or CII invoice. Malformed XML, or another root element, is a data error
// in French naming `name` and the line.
sdk::Expected<EmbeddedInvoice> readInvoiceXml(std::string_view bytes, const std::string& name);

// The invoice XML attached to a PDF: "factur-x.xml" first (also the ZUGFeRD / XRechnung names),
// then any other XML attachment that is a UBL or CII invoice. A PDF without attachment, or whose
// attachments hold no invoice, is a data error.
sdk::Expected<EmbeddedInvoice> readFacturX(std::string_view pdf, const std::string& name, uint64_t maxBytes);

// The bytes after a UTF-8 BOM and leading white space: where a file's kind shows.
std::string_view skipBomAndSpace(std::string_view bytes);
// After a UTF-8 BOM and white space, the first character is '<'.
bool looksLikeXml(std::string_view bytes);

}  // namespace recolte::choruspro
