#include "embedded_invoice.hpp"

#include "cii_reader.hpp"
#include "pdf_attachments.hpp"
#include "recolte/sdk/text.hpp"
#include "recolte/sdk/xml.hpp"
#include "ubl_reader.hpp"

namespace recolte::choruspro {

namespace {

bool isFacturXName(const std::string& name) {
    const std::string n = sdk::foldForSearch(name);
    return n == "factur-x.xml" || n == "zugferd-invoice.xml" || n == "xrechnung.xml" || n == "order-x.xml";
}

}  // namespace

std::string_view skipBomAndSpace(std::string_view b) {
    if (b.substr(0, 3) == "\xEF\xBB\xBF") b.remove_prefix(3);
    while (!b.empty() && (b.front() == ' ' || b.front() == '\t' || b.front() == '\r' || b.front() == '\n')) b.remove_prefix(1);
    return b;
}

bool looksLikeXml(std::string_view bytes) {
    bytes = skipBomAndSpace(bytes);
    return !bytes.empty() && bytes.front() == '<';
}

sdk::Expected<EmbeddedInvoice> readInvoiceXml(std::string_view bytes, const std::string& name) {
    sdk::xml::ParseOptions options;
    options.name = name;
    auto root = sdk::xml::parse(bytes, options);
    if (!root) return root.error();
    if (isUbl(*root)) return EmbeddedInvoice{readUbl(*root), "ubl", name};
    if (isCii(*root)) return EmbeddedInvoice{readCii(*root), "cii", name};
    return sdk::dataError("élément racine « " + root->name() + " » : ni une facture UBL ni une facture CII", name);
}

sdk::Expected<EmbeddedInvoice> readFacturX(std::string_view pdf, const std::string& name, uint64_t maxBytes) {
    auto attachments = pdfAttachments(pdf, name, maxBytes);
    if (!attachments) return attachments.error();
    if (attachments->empty())
        return sdk::dataError("PDF sans pièce jointe : ce n'est pas une facture Factur-X (aucun fichier factur-x.xml "
                              "attaché)");
    // The Factur-X names first, then the other attachments in their order.
    std::vector<const PdfAttachment*> order;
    for (const auto& a : *attachments)
        if (isFacturXName(a.name)) order.push_back(&a);
    for (const auto& a : *attachments)
        if (!isFacturXName(a.name)) order.push_back(&a);
    std::string tried;
    for (const PdfAttachment* a : order) {
        tried += (tried.empty() ? "" : ", ") + quoted(a->name);
        if (!looksLikeXml(a->bytes)) continue;
        auto invoice = readInvoiceXml(a->bytes, a->name);
        if (invoice) return invoice;
        if (isFacturXName(a->name))
            return sdk::dataError("pièce jointe " + quoted(a->name) + " du PDF illisible : " + invoice.error().describe());
    }
    return sdk::dataError("aucune pièce jointe du PDF n'est une facture UBL ou CII (pièces jointes : " + tried + ")");
}

}  // namespace recolte::choruspro
