#include "invoice/xml_out.hpp"

#include <libxml/xmlwriter.h>

#include <stdexcept>

namespace recolte::invoice {

namespace {

const xmlChar* x(const std::string& s) { return reinterpret_cast<const xmlChar*>(s.c_str()); }

// libxml2 drops everything after a control character that XML 1.0 cannot hold: strip those
// (tabs, newlines and carriage returns are kept).
std::string xmlSafe(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 && u != '\t' && u != '\n' && u != '\r') continue;
        out += c;
    }
    return out;
}

}  // namespace

struct XmlOut::Impl {
    xmlBufferPtr buffer = nullptr;
    xmlTextWriterPtr writer = nullptr;
    int depth = 0;
};

XmlOut::XmlOut() : impl_(new Impl) {
    impl_->buffer = xmlBufferCreate();
    impl_->writer = xmlNewTextWriterMemory(impl_->buffer, 0);
    if (!impl_->buffer || !impl_->writer) throw std::bad_alloc();
    xmlTextWriterSetIndent(impl_->writer, 1);
    xmlTextWriterSetIndentString(impl_->writer, reinterpret_cast<const xmlChar*>("  "));
    xmlTextWriterStartDocument(impl_->writer, "1.0", "UTF-8", nullptr);
}

XmlOut::~XmlOut() {
    if (impl_->writer) xmlFreeTextWriter(impl_->writer);
    if (impl_->buffer) xmlBufferFree(impl_->buffer);
    delete impl_;
}

void XmlOut::open(std::string_view qname, const std::vector<std::pair<std::string, std::string>>& attributes) {
    xmlTextWriterStartElement(impl_->writer, x(std::string(qname)));
    for (const auto& [k, v] : attributes) xmlTextWriterWriteAttribute(impl_->writer, x(k), x(xmlSafe(v)));
    ++impl_->depth;
}

void XmlOut::close() {
    if (impl_->depth == 0) return;
    xmlTextWriterEndElement(impl_->writer);
    --impl_->depth;
}

void XmlOut::element(std::string_view qname, std::string_view text,
                     const std::vector<std::pair<std::string, std::string>>& attributes) {
    open(qname, attributes);
    xmlTextWriterWriteString(impl_->writer, x(xmlSafe(text)));
    close();
}

void XmlOut::optional(std::string_view qname, std::string_view text,
                      const std::vector<std::pair<std::string, std::string>>& attributes) {
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) return;
    element(qname, text, attributes);
}

std::string XmlOut::finish() {
    while (impl_->depth > 0) close();
    xmlTextWriterEndDocument(impl_->writer);
    xmlTextWriterFlush(impl_->writer);
    return std::string(reinterpret_cast<const char*>(xmlBufferContent(impl_->buffer)),
                       static_cast<size_t>(xmlBufferLength(impl_->buffer)));
}

}  // namespace recolte::invoice
