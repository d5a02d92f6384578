// A thin RAII wrapper over libxml2's xmlTextWriter for the invoice writers: it escapes every text
// and attribute, so no invoice field can break the XML it is written into.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace recolte::invoice {

class XmlOut {
public:
    XmlOut();
    ~XmlOut();
    XmlOut(const XmlOut&) = delete;
    XmlOut& operator=(const XmlOut&) = delete;

    // Opens "prefix:name"; the namespace declarations go on the root only.
    void open(std::string_view qname, const std::vector<std::pair<std::string, std::string>>& attributes = {});
    void close();
    // <qname attr...>text</qname>, always written (even when text is empty).
    void element(std::string_view qname, std::string_view text,
                 const std::vector<std::pair<std::string, std::string>>& attributes = {});
    // The same, skipped when text is empty: optional business terms.
    void optional(std::string_view qname, std::string_view text,
                  const std::vector<std::pair<std::string, std::string>>& attributes = {});
    // Closes what is open and returns the document (UTF-8, with the XML declaration).
    std::string finish();

private:
    struct Impl;
    Impl* impl_;
};

}  // namespace recolte::invoice
