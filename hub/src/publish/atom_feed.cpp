#include "publish/atom_feed.hpp"

#include "publish/html.hpp"

namespace recolte::publish {

namespace {

// <name>text</name>; esc() covers XML too (& < > " ', controls dropped, bad UTF-8 replaced).
void element(std::string& out, const char* indent, const char* name, const std::string& text) {
    out += indent;
    out += '<';
    out += name;
    out += '>';
    appendEscaped(out, text);
    out += "</";
    out += name;
    out += ">\n";
}

void link(std::string& out, const char* indent, const char* rel, const char* type, const std::string& href) {
    out += indent;
    out += "<link rel=\"";
    out += rel;
    out += '"';
    if (type) {
        out += " type=\"";
        out += type;
        out += '"';
    }
    out += " href=\"";
    appendEscaped(out, href);
    out += "\"/>\n";
}

}  // namespace

std::string renderAtom(const AtomFeed& feed) {
    std::string out;
    out.reserve(1024 + feed.entries.size() * 700);
    out += "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"fr\">\n";
    element(out, "  ", "id", feed.id);
    element(out, "  ", "title", feed.title);
    if (!feed.subtitle.empty()) element(out, "  ", "subtitle", feed.subtitle);
    element(out, "  ", "updated", feed.updated);
    link(out, "  ", "self", "application/atom+xml", feed.self);
    if (!feed.alternate.empty()) link(out, "  ", "alternate", "text/html", feed.alternate);
    out += "  <author>\n";
    element(out, "    ", "name", feed.author);
    out += "  </author>\n";
    out += "  <generator>Récolte</generator>\n";
    for (const auto& e : feed.entries) {
        out += "  <entry>\n";
        element(out, "    ", "id", e.id);
        element(out, "    ", "title", e.title);
        element(out, "    ", "updated", e.updated);
        if (!e.link.empty()) link(out, "    ", "alternate", "text/html", e.link);
        if (!e.category.empty()) {
            out += "    <category term=\"";
            appendEscaped(out, e.category);
            out += "\" label=\"";
            appendEscaped(out, e.category_label);
            out += "\"/>\n";
        }
        // Plain text content: readers show it as is, and an entry without a link stays valid.
        out += "    <content type=\"text\">";
        appendEscaped(out, e.summary);
        out += "</content>\n  </entry>\n";
    }
    out += "</feed>\n";
    return out;
}

}  // namespace recolte::publish
