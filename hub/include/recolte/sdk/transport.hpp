// How a connector gets its bytes. The host implements it (files, folders, HTTP with retries and
// conditional GET), so no plugin carries its own network or file code.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "recolte/sdk/expected.hpp"

namespace recolte::sdk {

// A line the host left out of Blob::bytes because it was longer than FetchOptions::max_line_bytes.
struct LongLine {
    int64_t line = 0;    // physical line, 1-based
    uint64_t bytes = 0;  // its length without the end of line
    std::string start;   // its first bytes (at most 200), for the reject's excerpt
};

struct Blob {
    std::string name;   // file path or URL, for Location.file / Location.url
    std::string bytes;
    std::string etag;           // HTTP validators when known
    std::string last_modified;
    bool not_modified = false;  // HTTP 304 against the validators passed in
    // Lines left out of `bytes` (their end of line is kept, so line numbers still hold); the
    // connector rejects each one. Empty unless FetchOptions::max_line_bytes was set.
    std::vector<LongLine> long_lines;
};

struct FetchOptions {
    std::string if_none_match;      // previous ETag
    std::string if_modified_since;  // previous Last-Modified
    uint64_t max_bytes = 0;         // 0 = the host's limit
    // For line-based text: a line longer than this is never held in memory but reported in
    // Blob::long_lines. 0 = lines of any length.
    uint64_t max_line_bytes = 0;
};

class Transport {
public:
    virtual ~Transport() = default;
    // A location is a file path, a folder path or an http(s):// URL.
    // For a folder: the matching files (glob on the file name, e.g. "*.csv"), sorted by name.
    virtual Expected<std::vector<std::string>> list(const std::string& location, const std::string& pattern) = 0;
    virtual Expected<Blob> fetch(const std::string& location, const FetchOptions& options = {}) = 0;
};

// Per-source logger handed to a plugin; the host routes it to the source's own logger.
class Log {
public:
    virtual ~Log() = default;
    virtual void debug(const std::string& msg) = 0;
    virtual void info(const std::string& msg) = 0;
    virtual void warn(const std::string& msg) = 0;
    virtual void error(const std::string& msg) = 0;
};

}  // namespace recolte::sdk
