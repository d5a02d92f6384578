// An Atom 1.0 document (RFC 4287) from plain-text fields: every text is XML-escaped here, so
// callers never build markup themselves.
#pragma once

#include <string>
#include <vector>

namespace recolte::publish {

struct AtomEntry {
    std::string id;        // an IRI that never changes for this entry (tag:...)
    std::string title;     // plain text
    std::string updated;   // RFC 3339
    std::string link;      // absolute URL of the record's page; "" when there is none any more
    std::string summary;   // plain text
    std::string category;  // the change kind ("price_changed"), "" for none
    std::string category_label;
};

struct AtomFeed {
    std::string id;
    std::string title;
    std::string subtitle;
    std::string updated;    // RFC 3339
    std::string self;       // absolute URL of this feed
    std::string alternate;  // absolute URL of the matching HTML page
    std::string author;
    std::vector<AtomEntry> entries;
};

std::string renderAtom(const AtomFeed& feed);

}  // namespace recolte::publish
