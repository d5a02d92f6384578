#include "bookmark.hpp"

#include <sstream>
#include <vector>

namespace recolte::bioariegegaronne {

namespace {

constexpr const char* kHeader = "bioariegegaronne 1 ";

// Validators come from a server: no tab or line break may break the format.
std::string clean(const std::string& s) {
    std::string out = s;
    for (char& c : out) {
        if (c == '\t' || c == '\n' || c == '\r') c = ' ';
    }
    return out;
}

std::vector<std::string> splitTabs(const std::string& line) {
    std::vector<std::string> parts;
    size_t start = 0;
    while (true) {
        const size_t tab = line.find('\t', start);
        parts.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
        if (tab == std::string::npos) break;
        start = tab + 1;
    }
    return parts;
}

}  // namespace

std::string Bookmark::format() const {
    std::string out = kHeader + settings_hash + "\n";
    for (const auto& [location, mark] : documents) {
        out += clean(location) + "\t" + clean(mark.etag) + "\t" + clean(mark.last_modified) + "\t" + mark.sha256 + "\n";
    }
    return out;
}

Bookmark Bookmark::parse(const std::string& text, const std::string& settingsHash) {
    Bookmark b;
    b.settings_hash = settingsHash;
    std::istringstream in(text);
    std::string line;
    if (!std::getline(in, line) || line != kHeader + settingsHash) return b;
    while (std::getline(in, line)) {
        const auto parts = splitTabs(line);
        if (parts.size() != 4 || parts[0].empty()) return Bookmark{settingsHash, {}};
        b.documents[parts[0]] = DocumentMark{parts[1], parts[2], parts[3]};
    }
    return b;
}

}  // namespace recolte::bioariegegaronne
