// The files embedded in a PDF (a Factur-X PDF/A-3 carries its CII XML as "factur-x.xml"), read with
// Debian's libqpdf (QPDFEmbeddedFileDocumentHelper): no PDF parsing of our own.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "recolte/sdk/expected.hpp"

namespace recolte::choruspro {

struct PdfAttachment {
    std::string name;  // the file specification's name ("factur-x.xml")
    std::string bytes;
};

// Every embedded file, each decoded and cut off (an error) beyond `maxBytes`. A PDF libqpdf cannot
// open, even after its own repair attempts, is a data error in French naming libqpdf's reason.
sdk::Expected<std::vector<PdfAttachment>> pdfAttachments(std::string_view bytes, const std::string& name,
                                                         uint64_t maxBytes);

inline bool looksLikePdf(std::string_view bytes) { return bytes.substr(0, 5) == "%PDF-"; }

}  // namespace recolte::choruspro
