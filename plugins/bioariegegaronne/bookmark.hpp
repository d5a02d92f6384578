// The bookmark of a read: per document, the HTTP validators (ETag, Last-Modified) and the SHA-256
// of its bytes, under a hash of the connector version and every option value. Text, one line per
// document, so that it reads in the store:
//   bioariegegaronne 1 <sha256 of version and options>
//   <url or path>\t<etag>\t<last-modified>\t<sha256 of the bytes>
#pragma once

#include <map>
#include <string>

namespace recolte::bioariegegaronne {

struct DocumentMark {
    std::string etag;
    std::string last_modified;
    std::string sha256;
};

struct Bookmark {
    std::string settings_hash;
    std::map<std::string, DocumentMark> documents;  // by location

    std::string format() const;
    // An empty or foreign bookmark (another format, other options) parses to an empty one: a
    // full read follows.
    static Bookmark parse(const std::string& text, const std::string& settingsHash);
};

}  // namespace recolte::bioariegegaronne
