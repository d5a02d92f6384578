// The read-only element tree: lookups and the compact excerpt written into rejects. The parser
// that builds it is in xml_parser.cpp.
#include "recolte/sdk/xml.hpp"

#include "recolte/sdk/text.hpp"

namespace recolte::sdk::xml {

const std::string* Element::attribute(std::string_view name) const {
    for (const auto& a : attributes_) {
        if (a.name == name) return &a.value;
    }
    return nullptr;
}

const Element* Element::child(std::string_view name) const {
    for (const auto& c : children_) {
        if (c.name_ == name) return &c;
    }
    return nullptr;
}

const Element* Element::child(std::string_view localName, std::string_view ns) const {
    for (const auto& c : children_) {
        if (c.local_name_ == localName && c.ns_ == ns) return &c;
    }
    return nullptr;
}

std::vector<const Element*> Element::childrenNamed(std::string_view name) const {
    std::vector<const Element*> out;
    for (const auto& c : children_) {
        if (c.name_ == name) out.push_back(&c);
    }
    return out;
}

namespace {

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// Escapes markup and folds runs of white space into one space: an excerpt is one readable line.
void appendEscaped(std::string& out, std::string_view text, bool attribute) {
    bool space = false;
    for (char c : text) {
        if (isSpace(c)) {
            space = true;
            continue;
        }
        if (space) {
            out += ' ';
            space = false;
        }
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += attribute ? "&quot;" : "\""; break;
            default: out += c;
        }
    }
    if (space) out += ' ';
}

bool isBlank(std::string_view text) {
    for (char c : text) {
        if (!isSpace(c)) return false;
    }
    return true;
}

// Stops early once `limit` bytes are written: a huge element costs no more than its excerpt.
void write(const Element& e, std::string& out, size_t limit) {
    if (out.size() > limit) return;
    out += '<';
    out += e.name();
    for (const auto& a : e.attributes()) {
        out += ' ';
        out += a.name;
        out += "=\"";
        appendEscaped(out, a.value, true);
        out += '"';
    }
    const bool text = !isBlank(e.text());
    if (!text && e.children().empty()) {
        out += "/>";
        return;
    }
    out += '>';
    // Indentation between child elements is not content.
    if (text) appendEscaped(out, trim(e.text()), false);
    for (const auto& c : e.children()) {
        if (out.size() > limit) return;
        write(c, out, limit);
    }
    out += "</";
    out += e.name();
    out += '>';
}

}  // namespace

std::string excerptOf(const Element& element, size_t max) {
    std::string out;
    write(element, out, max);
    if (out.size() <= max) return out;
    const std::string ellipsis = "\xE2\x80\xA6";
    return excerpt(out, max > ellipsis.size() ? max - ellipsis.size() : 0) + ellipsis;
}

}  // namespace recolte::sdk::xml
