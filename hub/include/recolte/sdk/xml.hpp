// Safe XML reading for connectors: a byte buffer becomes read-only elements (name, attributes,
// text, children, source line, path such as "/export/consultations/consultation[3]/quantite").
//
// Safety, whatever the document says: no network (XML_PARSE_NONET), no external DTD or entity is
// ever loaded, and a document that declares an entity in its DTD is refused before anything is
// expanded (XXE, billion laughs). libxml2's size and depth limits stay on (no XML_PARSE_HUGE).
// Errors never go to stderr: they come back as values naming the line and libxml2's message.
//
// Two ways in, one parser (libxml2 SAX2, so memory stays bounded by the largest record):
//   parse()  -> the whole document as one tree (small files, tests);
//   stream() -> a handler decides, element by element, which subtrees to build; each one is
//               handed over complete and then freed (exports of 100,000 records).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "recolte/sdk/expected.hpp"

namespace recolte::sdk::xml {

struct Attribute {
    std::string name;        // as written, with its prefix: "xml:lang", "siret"
    std::string local_name;  // without prefix
    std::string ns;          // namespace URI, "" when none
    std::string value;       // normalized by the parser, entities and character references resolved
};

class Element {
public:
    // Qualified name as written ("cbc:ID", "consultation"); its local part; its namespace URI.
    const std::string& name() const { return name_; }
    const std::string& localName() const { return local_name_; }
    const std::string& ns() const { return ns_; }
    // The direct text and CDATA of this element, concatenated, untrimmed ("" for an empty element).
    const std::string& text() const { return text_; }
    // Line (1-based) of the end of the start tag, as libxml2 counts it (what xmlGetLineNo gives,
    // without its 65,535 cap).
    int64_t line() const { return line_; }
    // "/export/consultations/consultation[3]/quantite": a position [n] is written when the element
    // has a sibling of the same name. See stream() for the elements it hands over.
    const std::string& path() const { return path_; }
    const std::vector<Attribute>& attributes() const { return attributes_; }
    const std::vector<Element>& children() const { return children_; }

    // The value of the attribute with this qualified name, or nullptr.
    const std::string* attribute(std::string_view name) const;
    // The first child with this qualified name, or nullptr.
    const Element* child(std::string_view name) const;
    // The first child with this local name in this namespace, or nullptr.
    const Element* child(std::string_view localName, std::string_view ns) const;
    // Every child with this qualified name, in document order.
    std::vector<const Element*> childrenNamed(std::string_view name) const;

private:
    friend class TreeBuilder;
    std::string name_, local_name_, ns_, text_, path_;
    int64_t line_ = 0;
    std::vector<Attribute> attributes_;
    std::vector<Element> children_;
};

// The element written back as compact XML, cut to at most `max` bytes (without splitting a UTF-8
// sequence, "…" appended when cut): the excerpt of a reject.
std::string excerptOf(const Element& element, size_t max = 200);

struct ParseOptions {
    std::string name;      // file or URL, for error messages ("" = none)
    std::string encoding;  // forces the input encoding ("ISO-8859-1", "windows-1252"); "" = the
                           // XML declaration's, else UTF-8
};

// What stream() does with an element that opens outside any captured subtree.
enum class Visit {
    Descend,  // keep streaming inside it (a container such as <consultations>)
    Capture,  // build it whole and hand it to record() once closed
    Skip,     // ignore it and everything inside it
};

class StreamHandler {
public:
    virtual ~StreamHandler() = default;
    // An element opens at `depth` (0 = the root). Its name, attributes, line and path are set;
    // its text and children are not read yet.
    virtual Visit open(const Element& element, int depth) = 0;
    // A captured element, complete. A failed status stops the parse and is what stream() returns.
    virtual Status record(const Element& element) = 0;
    // A container that was descended into closes (after all of its records).
    virtual void close(const Element& element, int depth) {}
};

// The whole document as one tree: its root element.
Expected<Element> parse(std::string_view bytes, const ParseOptions& options = {});

// Streams the document through `handler`. The path of a captured element always carries its
// position among the siblings read so far ("consultation[1]"), since later siblings are not read
// yet; below it, paths follow the sibling rule above. A captured element is freed when record()
// returns. A malformed document (truncated, wrong encoding, undefined entity, DTD entity
// declaration...) fails with a data error whose `where` names the line ("export.xml:41") and
// whose message carries libxml2's; the records before that point were handed over already, so a
// caller that must be all or nothing keeps them aside until stream() succeeds (a connector's
// host does: a failed read commits nothing).
Status stream(std::string_view bytes, StreamHandler& handler, const ParseOptions& options = {});

}  // namespace recolte::sdk::xml
