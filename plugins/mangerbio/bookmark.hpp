// The incremental-read bookmark: a hash of the content and the options, plus the HTTP validators
// (ETag, Last-Modified) of each fetched file so that an unchanged URL costs a 304, not a download.
//
//   sha256:<hash of the connector version, the options, each file's name and bytes>
//   options:<hash of the connector version and the options>
//   validator:<file>\t<etag>\t<last-modified>      (one per file that had validators)
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "recolte/sdk/transport.hpp"

namespace recolte::mangerbio {

struct Bookmark {
    std::string content;  // "sha256:..."
    std::string options;  // hash of the version and the options
    std::map<std::string, std::pair<std::string, std::string>> validators;  // file -> (etag, last-modified)

    static Bookmark parse(const std::string& text);  // an unreadable or empty text gives an empty bookmark
    std::string format() const;
};

// `fingerprint` is the connector version and every option value; blobs[i] was fetched from files[i].
Bookmark bookmarkOf(const std::vector<std::string>& files, const std::vector<sdk::Blob>& blobs,
                    const std::string& fingerprint);

// Conditional-GET options for `file` when `previous` was taken with the same options.
// A catalogue row is one line or a few: a line longer than sdk::kMaxLineBytes is never loaded.
sdk::FetchOptions lineBounded();
// lineBounded(), with the validators of the last read when the options did not change.
sdk::FetchOptions conditionalFetch(const Bookmark& previous, const std::string& currentOptions, const std::string& file);

}  // namespace recolte::mangerbio
