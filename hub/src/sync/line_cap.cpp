#include "sync/line_cap.hpp"

#include <algorithm>
#include <cstring>

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
        const char* nl = static_cast<const char*>(std::memchr(data, '\n', size));
        const size_t segment = nl ? static_cast<size_t>(nl - data) : size;
        if (!skipping_ && lineBytes_ + segment > max_) {
            // Keep the first bytes for the reject, then give back what the line took.
            start_ = blob_.bytes.substr(lineStart_, kStartBytes);
            if (start_.size() < kStartBytes) start_.append(data, std::min(segment, kStartBytes - start_.size()));
            blob_.bytes.resize(lineStart_);
            skipping_ = true;
        }
        if (!skipping_) blob_.bytes.append(data, segment);
        lineBytes_ += segment;
        if (!nl) return;
        if (skipping_) closeLongLine();
        blob_.bytes.push_back('\n');  // kept, so that the lines after keep their numbers
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
