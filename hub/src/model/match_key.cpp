#include "model/match_key.hpp"

#include "recolte/sdk/text.hpp"

namespace recolte::model {

namespace {

bool isKeyChar(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

std::string singularWord(std::string_view w) {
    if (w.size() > 4 && w.substr(w.size() - 4) == "eaux") return std::string(w.substr(0, w.size() - 1));
    if (w.size() > 3 && w.substr(w.size() - 3) == "oux") return std::string(w.substr(0, w.size() - 1));
    if (w.size() > 2 && w.back() == 's' && w[w.size() - 2] != 's') return std::string(w.substr(0, w.size() - 1));
    return std::string(w);
}

}  // namespace

std::string matchKey(std::string_view raw) {
    const std::string folded = sdk::foldForSearch(raw);
    std::string out;
    out.reserve(folded.size());
    bool pendingSpace = false;
    for (const char c : folded) {
        if (isKeyChar(c)) {
            if (pendingSpace && !out.empty()) out += ' ';
            pendingSpace = false;
            out += c;
        } else {
            pendingSpace = true;  // punctuation, spaces and any byte left outside ASCII
        }
    }
    return out;
}

std::string singularKey(std::string_view key) {
    std::string out;
    size_t i = 0;
    while (i < key.size()) {
        size_t j = key.find(' ', i);
        if (j == std::string_view::npos) j = key.size();
        if (!out.empty()) out += ' ';
        out += singularWord(key.substr(i, j - i));
        i = j + 1;
    }
    return out;
}

}  // namespace recolte::model
