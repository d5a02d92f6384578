#include "sync/line_cap.hpp"

#include <algorithm>

namespace recolte::sync {

namespace {
constexpr size_t kStartBytes = 200;
}

void LineCap::append(const char* data, size_t size) {
    if (max_ == 0) {
        blob_.bytes.append(data, size);
        return;
    }
    while (size > 0) {
        if (afterCr_ && *data == '\n') {  // the LF of a CRLF: the line already ended at the CR
            blob_.bytes.push_back('\n');
            lineStart_ = blob_.bytes.size();
            afterCr_ = false;
            ++data;
            --size;
            continue;
        }
        afterCr_ = false;
        // LF, CRLF or a lone CR end a line, as for the CSV reader.
        const char* end = std::find_if(data, data + size, [](char c) { return c == '\n' || c == '\r'; });
        const size_t segment = static_cast<size_t>(end - data);
        if (!skipping_ && lineBytes_ + segment > max_) {
            // Keep the first bytes for the reject, then give back what the line took.
            start_ = blob_.bytes.substr(lineStart_, kStartBytes);
            blob_.bytes.resize(lineStart_);
            skipping_ = true;
        }
        if (!skipping_) blob_.bytes.append(data, segment);
        else if (start_.size() < kStartBytes) start_.append(data, std::min(segment, kStartBytes - start_.size()));
        lineBytes_ += segment;
        if (end == data + size) return;
        if (skipping_) closeLongLine();
        blob_.bytes.push_back(*end);  // kept, so that the lines after keep their numbers
        afterCr_ = *end == '\r';
        ++line_;
        lineBytes_ = 0;
        lineStart_ = blob_.bytes.size();
        data += segment + 1;
        size -= segment + 1;
    }
}

void LineCap::finish() {
    if (skipping_) closeLongLine();
}

void LineCap::closeLongLine() {
    blob_.long_lines.push_back({line_, lineBytes_, std::move(start_)});
    start_.clear();
    skipping_ = false;
}

}  // namespace recolte::sync
