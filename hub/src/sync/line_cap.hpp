// Appends text to a blob while leaving out every line longer than a cap, so that a hostile file
// (a 1 GB line) costs the host no more memory than its well-formed lines. What is left out is
// listed in Blob::long_lines for the connector to reject.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "recolte/sdk/transport.hpp"

namespace recolte::sync {

class LineCap {
public:
    // maxLine 0 = no cap: bytes are appended as they come.
    LineCap(sdk::Blob& blob, uint64_t maxLine) : blob_(blob), max_(maxLine) {}
    void append(const char* data, size_t size);
    // Call once at the end: a last line without end of line may still be too long.
    void finish();

private:
    void closeLongLine();

    sdk::Blob& blob_;
    uint64_t max_;
    int64_t line_ = 1;        // physical line being read
    size_t lineStart_ = 0;    // where it starts in blob_.bytes
    uint64_t lineBytes_ = 0;  // its length so far
    bool skipping_ = false;   // over the cap: its bytes are dropped
    bool afterCr_ = false;    // the last byte was a CR (a LF next completes a CRLF)
    std::string start_;       // its first bytes, for the excerpt
};

}  // namespace recolte::sync
