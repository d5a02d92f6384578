#include "bookmark.hpp"

#include "recolte/sdk/connector.hpp"
#include "recolte/sdk/text.hpp"

namespace recolte::mangerbio {

namespace {

bool startsWith(const std::string& s, const std::string& prefix) { return s.compare(0, prefix.size(), prefix) == 0; }

}  // namespace

Bookmark Bookmark::parse(const std::string& text) {
    Bookmark b;
    size_t pos = 0;
    while (pos < text.size()) {
        size_t end = text.find('\n', pos);
        if (end == std::string::npos) end = text.size();
        const std::string line = text.substr(pos, end - pos);
        pos = end + 1;
        if (startsWith(line, "sha256:")) {
            b.content = line;
        } else if (startsWith(line, "options:")) {
            b.options = line.substr(8);
        } else if (startsWith(line, "validator:")) {
            const size_t t1 = line.find('\t');
            const size_t t2 = t1 == std::string::npos ? t1 : line.find('\t', t1 + 1);
            if (t2 == std::string::npos) continue;
            b.validators[line.substr(10, t1 - 10)] = {line.substr(t1 + 1, t2 - t1 - 1), line.substr(t2 + 1)};
        }
    }
    return b;
}

std::string Bookmark::format() const {
    std::string out = content + "\noptions:" + options;
    for (const auto& [file, v] : validators) out += "\nvalidator:" + file + "\t" + v.first + "\t" + v.second;
    return out;
}

Bookmark bookmarkOf(const std::vector<std::string>& files, const std::vector<sdk::Blob>& blobs,
                    const std::string& fingerprint) {
    Bookmark b;
    std::string manifest = fingerprint;
    for (size_t i = 0; i < blobs.size() && i < files.size(); ++i) {
        const sdk::Blob& blob = blobs[i];
        manifest += blob.name + "\n" + sdk::sha256Hex(blob.bytes) + "\n" + sdk::longLinesDigest(blob);
        // Tabs and line breaks cannot occur in HTTP header values; keep the format safe anyway.
        const bool safe = blob.etag.find_first_of("\t\n") == std::string::npos &&
                          blob.last_modified.find_first_of("\t\n") == std::string::npos &&
                          files[i].find_first_of("\t\n") == std::string::npos;
        if (safe && (!blob.etag.empty() || !blob.last_modified.empty()))
            b.validators[files[i]] = {blob.etag, blob.last_modified};
    }
    b.content = "sha256:" + sdk::sha256Hex(manifest);
    b.options = sdk::sha256Hex(fingerprint);
    return b;
}

sdk::FetchOptions lineBounded() {
    sdk::FetchOptions options;
    options.max_line_bytes = sdk::kMaxLineBytes;
    return options;
}

sdk::FetchOptions conditionalFetch(const Bookmark& previous, const std::string& currentOptions, const std::string& file) {
    sdk::FetchOptions options = lineBounded();
    if (previous.options != currentOptions) return options;  // other options: the bytes must be read again
    const auto it = previous.validators.find(file);
    if (it == previous.validators.end()) return options;
    options.if_none_match = it->second.first;
    options.if_modified_since = it->second.second;
    return options;
}

}  // namespace recolte::mangerbio
