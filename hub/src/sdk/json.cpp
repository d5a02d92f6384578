// The strict JSON parser behind sdk::json: one recursive-descent pass that fills a flat array of
// nodes (pre-order) and, per container, a contiguous run of child indices. Strings without
// escapes point into the source; the others are unescaped into an arena.
#include "recolte/sdk/json.hpp"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <limits>
#include <mutex>
#include <unordered_set>
#include <vector>

namespace recolte::sdk::json {

namespace detail {

constexpr uint32_t kNone = std::numeric_limits<uint32_t>::max();
constexpr uint8_t kTextInArena = 1;  // the string's text is in the arena, not the source
constexpr uint8_t kKeyInArena = 2;

struct Node {
    uint32_t begin = 0, end = 0;  // source bytes [begin, end)
    uint32_t parent = kNone;
    uint32_t pos = 0;             // index in the parent
    uint32_t key_off = 0, key_len = 0;
    uint32_t a = 0, b = 0;        // string: text offset/length; container: first child slot/count
    Type type = Type::Null;
    uint8_t flags = 0;
};

struct Tree {
    std::string source;
    std::string arena;                // unescaped strings and keys
    std::vector<Node> nodes;          // pre-order; nodes[0] is the root
    std::vector<uint32_t> children;   // each container's children, contiguous

    mutable std::once_flag lines_once;
    mutable std::atomic<bool> lines_ready{false};  // spares call_once's cost once the index exists
    mutable std::vector<uint32_t> line_starts;     // offset of each line's first byte

    std::string_view text(const Node& n) const {
        if (n.type == Type::String) {
            return (n.flags & kTextInArena) ? std::string_view(arena).substr(n.a, n.b)
                                            : std::string_view(source).substr(n.a, n.b);
        }
        if (n.type == Type::Number) return std::string_view(source).substr(n.begin, n.end - n.begin);
        if (n.type == Type::Boolean) return n.a ? "true" : "false";
        return {};
    }
    std::string_view key(const Node& n) const {
        return (n.flags & kKeyInArena) ? std::string_view(arena).substr(n.key_off, n.key_len)
                                       : std::string_view(source).substr(n.key_off, n.key_len);
    }

    const std::vector<uint32_t>& lineStarts() const {
        if (lines_ready.load(std::memory_order_acquire)) return line_starts;
        std::call_once(lines_once, [this] {
            line_starts.push_back(0);
            const char* begin = source.data();
            const char* end = begin + source.size();
            for (const char* p = begin; (p = static_cast<const char*>(std::memchr(p, '\n', end - p))) != nullptr; ++p) {
                line_starts.push_back(static_cast<uint32_t>(p - begin + 1));
            }
            lines_ready.store(true, std::memory_order_release);
        });
        return line_starts;
    }
};

}  // namespace detail

namespace {

using detail::kNone;
using detail::Node;
using detail::Tree;

constexpr uint32_t kDepthCap = 1000;  // whatever the options say: the recursion stays far from the stack limit

// Line and column (1-based, column in characters) of a byte offset, by scanning: errors only.
std::pair<int64_t, int64_t> lineColumnOf(std::string_view s, size_t offset) {
    int64_t line = 1;
    size_t lineStart = 0;
    for (size_t i = 0; i < offset && i < s.size(); ++i) {
        if (s[i] == '\n') {
            ++line;
            lineStart = i + 1;
        }
    }
    int64_t column = 1;
    for (size_t i = lineStart; i < offset && i < s.size(); ++i) {
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) ++column;
    }
    return {line, column};
}

void appendUtf8(std::string& out, uint32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// Length of the valid UTF-8 sequence starting at s[i] (a byte >= 0x80), 0 when invalid:
// truncated, overlong, a surrogate or beyond U+10FFFF.
size_t utf8SequenceLength(std::string_view s, size_t i) {
    const auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char c = byte(i);
    size_t len;
    uint32_t cp, min;
    if ((c & 0xE0) == 0xC0) {
        len = 2, cp = c & 0x1F, min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
        len = 3, cp = c & 0x0F, min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
        len = 4, cp = c & 0x07, min = 0x10000;
    } else {
        return 0;
    }
    if (i + len > s.size()) return 0;
    for (size_t k = 1; k < len; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (byte(i + k) & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return len;
}

std::string quoted(std::string_view s) { return "\xC2\xAB " + std::string(s) + " \xC2\xBB"; }

// What the byte at `i` is, for "caractère inattendu".
std::string describeByte(std::string_view s, size_t i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
        const size_t len = utf8SequenceLength(s, i);
        return len ? quoted(s.substr(i, len)) : "octet non UTF-8";
    }
    if (c < 0x20 || c == 0x7F) return "caractère de contrôle " + std::to_string(static_cast<int>(c));
    return quoted(std::string(1, static_cast<char>(c)));
}

class Parser {
public:
    Parser(Tree& tree, const ParseOptions& options)
        : t_(tree), s_(tree.source), maxDepth_(std::min(options.max_depth, kDepthCap)) {}

    // On failure: false, with the message and the offset where it went wrong.
    bool run() {
        if (s_.size() >= 3 && s_.compare(0, 3, "\xEF\xBB\xBF") == 0) i_ = 3;  // BOM
        skipSpace();
        if (i_ >= s_.size()) return fail("document vide : aucune valeur JSON");
        // Compact JSON spends about 20 bytes per value: one reservation, rarely a second. The
        // untouched tail of an over-estimate is never written, so it costs no memory.
        t_.nodes.reserve(s_.size() / 16 + 16);
        if (!value(kNone, 0, 0)) return false;
        skipSpace();
        if (i_ < s_.size()) return fail("contenu après la fin de la valeur JSON : " + describeByte(s_, i_));
        return true;
    }

    std::string message;
    size_t where = 0;

private:
    bool fail(std::string what) {
        message = std::move(what);
        where = i_;
        return false;
    }
    bool failAt(size_t at, std::string what) {
        i_ = at;
        return fail(std::move(what));
    }
    bool truncated() { return fail("fin du document inattendue (fichier tronqué ?)"); }

    void skipSpace() {
        while (i_ < s_.size()) {
            const char c = s_[i_];
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') break;
            ++i_;
        }
    }

    uint32_t newNode(Type type, uint32_t parent, uint32_t pos) {
        Node n;
        n.type = type;
        n.begin = static_cast<uint32_t>(i_);
        n.parent = parent;
        n.pos = pos;
        t_.nodes.push_back(n);
        return static_cast<uint32_t>(t_.nodes.size() - 1);
    }

    bool value(uint32_t parent, uint32_t pos, uint32_t depth) {
        if (i_ >= s_.size()) return truncated();
        const char c = s_[i_];
        switch (c) {
            case '{': return object(parent, pos, depth + 1);
            case '[': return array(parent, pos, depth + 1);
            case '"': {
                const uint32_t n = newNode(Type::String, parent, pos);
                uint32_t off = 0, len = 0;
                bool inArena = false;
                if (!string(off, len, inArena)) return false;
                Node& node = t_.nodes[n];
                node.a = off;
                node.b = len;
                if (inArena) node.flags |= detail::kTextInArena;
                node.end = static_cast<uint32_t>(i_);
                return true;
            }
            case 't': return literal("true", Type::Boolean, 1, parent, pos);
            case 'f': return literal("false", Type::Boolean, 0, parent, pos);
            case 'n': return literal("null", Type::Null, 0, parent, pos);
            default:
                if (c == '-' || (c >= '0' && c <= '9')) return number(parent, pos);
                return fail("valeur attendue, trouvé " + describeByte(s_, i_));
        }
    }

    bool literal(std::string_view word, Type type, uint32_t flag, uint32_t parent, uint32_t pos) {
        if (s_.compare(i_, word.size(), word) != 0) {
            if (s_.size() - i_ < word.size() && word.compare(0, s_.size() - i_, s_.substr(i_)) == 0) return truncated();
            return fail("valeur attendue, trouvé " + describeByte(s_, i_));
        }
        const uint32_t n = newNode(type, parent, pos);
        i_ += word.size();
        t_.nodes[n].a = flag;
        t_.nodes[n].end = static_cast<uint32_t>(i_);
        return true;
    }

    static bool isDigit(char c) { return c >= '0' && c <= '9'; }

    bool number(uint32_t parent, uint32_t pos) {
        const size_t start = i_;
        const uint32_t n = newNode(Type::Number, parent, pos);
        if (s_[i_] == '-') ++i_;
        if (i_ >= s_.size()) return truncated();
        if (s_[i_] == '0') {
            ++i_;
            if (i_ < s_.size() && isDigit(s_[i_])) return failAt(start, "nombre invalide : zéro en tête");
        } else if (isDigit(s_[i_])) {
            while (i_ < s_.size() && isDigit(s_[i_])) ++i_;
        } else {
            return failAt(start, "nombre invalide");
        }
        if (i_ < s_.size() && s_[i_] == '.') {
            ++i_;
            if (i_ >= s_.size()) return truncated();
            if (!isDigit(s_[i_])) return failAt(start, "nombre invalide : chiffre attendu après le point");
            while (i_ < s_.size() && isDigit(s_[i_])) ++i_;
        }
        if (i_ < s_.size() && (s_[i_] == 'e' || s_[i_] == 'E')) {
            ++i_;
            if (i_ < s_.size() && (s_[i_] == '+' || s_[i_] == '-')) ++i_;
            if (i_ >= s_.size()) return truncated();
            if (!isDigit(s_[i_])) return failAt(start, "nombre invalide : exposant sans chiffre");
            while (i_ < s_.size() && isDigit(s_[i_])) ++i_;
        }
        t_.nodes[n].end = static_cast<uint32_t>(i_);
        return true;
    }

    static int hexValue(char c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }

    bool hex4(uint32_t& out) {
        if (i_ + 4 > s_.size()) return truncated();
        out = 0;
        for (int k = 0; k < 4; ++k) {
            const int h = hexValue(s_[i_ + k]);
            if (h < 0) return fail("échappement \\u invalide : 4 chiffres hexadécimaux attendus");
            out = out * 16 + static_cast<uint32_t>(h);
        }
        i_ += 4;
        return true;
    }

    // At the opening quote. Leaves i_ after the closing quote; the text is either a slice of the
    // source (no escape) or appended to the arena.
    bool string(uint32_t& off, uint32_t& len, bool& inArena) {
        const size_t open = i_;
        ++i_;
        const size_t start = i_;
        // Fast path: no escape.
        while (i_ < s_.size()) {
            const unsigned char c = static_cast<unsigned char>(s_[i_]);
            if (c == '"') {
                off = static_cast<uint32_t>(start);
                len = static_cast<uint32_t>(i_ - start);
                inArena = false;
                ++i_;
                return true;
            }
            if (c == '\\') break;
            if (c < 0x20) return controlCharacter(c);
            if (c >= 0x80) {
                const size_t l = utf8SequenceLength(s_, i_);
                if (l == 0) return invalidUtf8();
                i_ += l;
            } else {
                ++i_;
            }
        }
        if (i_ >= s_.size()) return failAt(open, "texte jamais fermé : guillemet final manquant (fichier tronqué ?)");

        // Slow path: unescape into the arena.
        std::string& out = t_.arena;
        const size_t arenaStart = out.size();
        out.append(s_, start, i_ - start);
        while (i_ < s_.size()) {
            const unsigned char c = static_cast<unsigned char>(s_[i_]);
            if (c == '"') {
                off = static_cast<uint32_t>(arenaStart);
                len = static_cast<uint32_t>(out.size() - arenaStart);
                inArena = true;
                ++i_;
                return true;
            }
            if (c < 0x20) return controlCharacter(c);
            if (c >= 0x80) {
                const size_t l = utf8SequenceLength(s_, i_);
                if (l == 0) return invalidUtf8();
                out.append(s_, i_, l);
                i_ += l;
                continue;
            }
            if (c != '\\') {
                out += static_cast<char>(c);
                ++i_;
                continue;
            }
            if (i_ + 1 >= s_.size()) return truncated();
            const char e = s_[i_ + 1];
            i_ += 2;
            switch (e) {
                case '"': out += '"'; break;
                case '\\': out += '\\'; break;
                case '/': out += '/'; break;
                case 'b': out += '\b'; break;
                case 'f': out += '\f'; break;
                case 'n': out += '\n'; break;
                case 'r': out += '\r'; break;
                case 't': out += '\t'; break;
                case 'u': {
                    const size_t escapeAt = i_ - 2;
                    uint32_t cp = 0;
                    if (!hex4(cp)) return false;
                    if (cp >= 0xDC00 && cp <= 0xDFFF) return failAt(escapeAt, "échappement \\u invalide : demi-caractère (surrogate) isolé");
                    if (cp >= 0xD800 && cp <= 0xDBFF) {
                        uint32_t low = 0;
                        if (s_.compare(i_, 2, "\\u") != 0) return failAt(escapeAt, "échappement \\u invalide : demi-caractère (surrogate) isolé");
                        i_ += 2;
                        if (!hex4(low)) return false;
                        if (low < 0xDC00 || low > 0xDFFF) return failAt(escapeAt, "échappement \\u invalide : demi-caractère (surrogate) isolé");
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                    }
                    appendUtf8(out, cp);
                    break;
                }
                default:
                    return failAt(i_ - 2, "échappement invalide \xC2\xAB \\" + std::string(1, e) + " \xC2\xBB");
            }
        }
        return failAt(open, "texte jamais fermé : guillemet final manquant (fichier tronqué ?)");
    }

    bool controlCharacter(unsigned char c) {
        if (c == '\n') return fail("retour à la ligne dans un texte (guillemet fermant manquant ?)");
        return fail("caractère de contrôle " + std::to_string(static_cast<int>(c)) + " dans un texte (à écrire \\u00" +
                    std::string(1, "0123456789abcdef"[c >> 4]) + std::string(1, "0123456789abcdef"[c & 15]) + ")");
    }
    bool invalidUtf8() { return fail("octets invalides en UTF-8 dans un texte (le document doit être en UTF-8)"); }

    std::vector<uint32_t>& pending(uint32_t depth) {
        if (pending_.size() <= depth) pending_.resize(depth + 1);
        pending_[depth].clear();
        return pending_[depth];
    }

    void closeContainer(uint32_t n, std::vector<uint32_t>& kids) {
        Node& node = t_.nodes[n];
        node.a = static_cast<uint32_t>(t_.children.size());
        node.b = static_cast<uint32_t>(kids.size());
        t_.children.insert(t_.children.end(), kids.begin(), kids.end());
        node.end = static_cast<uint32_t>(i_);
    }

    bool array(uint32_t parent, uint32_t pos, uint32_t depth) {
        if (depth > maxDepth_) return fail("imbrication trop profonde : plus de " + std::to_string(maxDepth_) + " niveaux");
        const uint32_t n = newNode(Type::Array, parent, pos);
        pending(depth);
        ++i_;
        skipSpace();
        if (i_ < s_.size() && s_[i_] == ']') {
            ++i_;
            closeContainer(n, pending_[depth]);
            return true;
        }
        while (true) {
            skipSpace();
            const uint32_t child = static_cast<uint32_t>(t_.nodes.size());
            // pending_ may grow (and move its vectors) while the value is read: index it afresh.
            if (!value(n, static_cast<uint32_t>(pending_[depth].size()), depth)) return false;
            pending_[depth].push_back(child);
            skipSpace();
            if (i_ >= s_.size()) return truncated();
            if (s_[i_] == ',') {
                ++i_;
                skipSpace();
                if (i_ < s_.size() && s_[i_] == ']') return fail("virgule en trop avant \xC2\xAB ] \xC2\xBB");
                continue;
            }
            if (s_[i_] == ']') {
                ++i_;
                break;
            }
            return fail("virgule ou \xC2\xAB ] \xC2\xBB attendue dans le tableau, trouvé " + describeByte(s_, i_));
        }
        closeContainer(n, pending_[depth]);
        return true;
    }

    bool object(uint32_t parent, uint32_t pos, uint32_t depth) {
        if (depth > maxDepth_) return fail("imbrication trop profonde : plus de " + std::to_string(maxDepth_) + " niveaux");
        const uint32_t n = newNode(Type::Object, parent, pos);
        pending(depth);
        ++i_;
        skipSpace();
        if (i_ < s_.size() && s_[i_] == '}') {
            ++i_;
            closeContainer(n, pending_[depth]);
            return true;
        }
        while (true) {
            skipSpace();
            if (i_ >= s_.size()) return truncated();
            if (s_[i_] != '"') {
                if (s_[i_] == '}') return fail("virgule en trop avant \xC2\xAB } \xC2\xBB");
                return fail("clé entre guillemets attendue, trouvé " + describeByte(s_, i_));
            }
            const size_t keyAt = i_;
            uint32_t keyOff = 0, keyLen = 0;
            bool keyInArena = false;
            if (!string(keyOff, keyLen, keyInArena)) return false;
            skipSpace();
            if (i_ >= s_.size()) return truncated();
            const std::string_view keyText = keyInArena ? std::string_view(t_.arena).substr(keyOff, keyLen)
                                                        : std::string_view(s_).substr(keyOff, keyLen);
            if (s_[i_] != ':') return fail("\xC2\xAB : \xC2\xBB attendu après la clé " + quoted(keyText));
            ++i_;
            skipSpace();
            const uint32_t child = static_cast<uint32_t>(t_.nodes.size());
            if (!value(n, static_cast<uint32_t>(pending_[depth].size()), depth)) return false;
            Node& c = t_.nodes[child];
            c.key_off = keyOff;
            c.key_len = keyLen;
            if (keyInArena) c.flags |= detail::kKeyInArena;
            pending_[depth].push_back(child);
            if (isDuplicate(pending_[depth])) {
                return failAt(keyAt, "clé " + quoted(t_.key(t_.nodes[child])) + " en double dans le même objet");
            }
            skipSpace();
            if (i_ >= s_.size()) return truncated();
            if (s_[i_] == ',') {
                ++i_;
                continue;
            }
            if (s_[i_] == '}') {
                ++i_;
                break;
            }
            return fail("virgule ou \xC2\xAB } \xC2\xBB attendue après la valeur de " + quoted(t_.key(t_.nodes[child])) +
                        ", trouvé " + describeByte(s_, i_));
        }
        closeContainer(n, pending_[depth]);
        return true;
    }

    // Is the last key of `kids` already among the previous ones? Small objects compare directly,
    // big ones keep a set (rebuilt per object: only objects with many members pay for it).
    bool isDuplicate(const std::vector<uint32_t>& kids) {
        const std::string_view last = t_.key(t_.nodes[kids.back()]);
        if (kids.size() <= 16) {
            for (size_t k = 0; k + 1 < kids.size(); ++k) {
                if (t_.key(t_.nodes[kids[k]]) == last) return true;
            }
            return false;
        }
        if (setOwner_ != kids.front()) {
            // The arena may have grown since: keys are re-read each time the set is rebuilt.
            seen_.clear();
            setOwner_ = kids.front();
            for (size_t k = 0; k + 1 < kids.size(); ++k) seen_.insert(std::string(t_.key(t_.nodes[kids[k]])));
        }
        return !seen_.insert(std::string(last)).second;
    }

    Tree& t_;
    const std::string& s_;
    uint32_t maxDepth_;
    size_t i_ = 0;
    std::vector<std::vector<uint32_t>> pending_;  // children of the open container at each depth
    std::unordered_set<std::string> seen_;
    uint32_t setOwner_ = kNone;
};

bool simpleKey(std::string_view k) {
    if (k.empty()) return false;
    for (const char c : k) {
        if (c == '.' || c == '[' || c == ']' || c == '"' || c == '\\' || c == ' ') return false;
    }
    return true;
}

// Decimal digits of a JSON number literal with the exponent applied, as "123.45" or "-0.001".
std::optional<std::string> plainDecimal(std::string_view lit) {
    size_t i = 0;
    bool negative = false;
    if (i < lit.size() && (lit[i] == '-' || lit[i] == '+')) {
        negative = lit[i] == '-';
        ++i;
    }
    std::string digits;
    int64_t pointAt = -1;  // digits before the decimal point
    for (; i < lit.size(); ++i) {
        const char c = lit[i];
        if (c >= '0' && c <= '9') {
            digits += c;
        } else if (c == '.' && pointAt < 0) {
            pointAt = static_cast<int64_t>(digits.size());
        } else {
            break;
        }
    }
    if (digits.empty()) return std::nullopt;
    if (pointAt < 0) pointAt = static_cast<int64_t>(digits.size());
    if (i < lit.size()) {
        if (lit[i] != 'e' && lit[i] != 'E') return std::nullopt;
        ++i;
        bool expNegative = false;
        if (i < lit.size() && (lit[i] == '+' || lit[i] == '-')) {
            expNegative = lit[i] == '-';
            ++i;
        }
        int64_t exp = 0;
        size_t expDigits = 0;
        for (; i < lit.size(); ++i) {
            if (lit[i] < '0' || lit[i] > '9') return std::nullopt;
            if (exp < 100000) exp = exp * 10 + (lit[i] - '0');
            ++expDigits;
        }
        if (expDigits == 0) return std::nullopt;
        if (digits.find_first_not_of('0') == std::string::npos) exp = 0;  // zero stays zero
        if (exp > 64) return std::nullopt;                                 // beyond any Decimal
        pointAt += expNegative ? -exp : exp;
    }
    // Pad so that the point falls inside the digits.
    if (pointAt < 0) {
        digits.insert(0, static_cast<size_t>(-pointAt), '0');
        pointAt = 0;
    }
    if (pointAt > static_cast<int64_t>(digits.size())) digits.append(static_cast<size_t>(pointAt) - digits.size(), '0');
    std::string out = negative ? "-" : "";
    out += pointAt == 0 ? "0" : digits.substr(0, static_cast<size_t>(pointAt));
    if (static_cast<size_t>(pointAt) < digits.size()) out += "." + digits.substr(static_cast<size_t>(pointAt));
    return out;
}

bool looksLikeJsonNumber(std::string_view s) {
    if (s.empty()) return false;
    for (const char c : s) {
        if (!((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E')) return false;
    }
    return true;
}

}  // namespace

const char* toString(Type t) {
    switch (t) {
        case Type::Null: return "null";
        case Type::Boolean: return "booléen";
        case Type::Number: return "nombre";
        case Type::String: return "texte";
        case Type::Array: return "tableau";
        case Type::Object: return "objet";
    }
    return "?";
}

// ---- Value -------------------------------------------------------------------------------------

Type Value::type() const { return tree_->nodes[index_].type; }
std::string_view Value::text() const { return tree_->text(tree_->nodes[index_]); }
bool Value::boolean() const {
    const Node& n = tree_->nodes[index_];
    return n.type == Type::Boolean && n.a == 1;
}

std::optional<Decimal> Value::decimal() const {
    const Type t = type();
    if (t != Type::Number && t != Type::String) return std::nullopt;
    std::string_view s = text();
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    if (!looksLikeJsonNumber(s)) return std::nullopt;
    const auto plain = plainDecimal(s);
    if (!plain) return std::nullopt;
    return Decimal::parse(*plain);
}

std::optional<int64_t> Value::integer() const {
    const auto d = decimal();
    if (!d || d->raw() % Decimal::kOne != 0) return std::nullopt;
    // A fraction beyond 4 decimals would have been rounded away: check the literal too.
    const auto plain = plainDecimal(text());
    if (plain && plain->find('.') != std::string::npos &&
        plain->find_first_not_of('0', plain->find('.') + 1) != std::string::npos) {
        return std::nullopt;
    }
    return d->raw() / Decimal::kOne;
}

size_t Value::size() const {
    const Node& n = tree_->nodes[index_];
    return (n.type == Type::Array || n.type == Type::Object) ? n.b : 0;
}

Value Value::at(size_t i) const {
    const Node& n = tree_->nodes[index_];
    return Value(tree_, tree_->children[n.a + i]);
}

std::optional<Value> Value::get(std::string_view key) const {
    const Node& n = tree_->nodes[index_];
    if (n.type != Type::Object) return std::nullopt;
    for (uint32_t k = 0; k < n.b; ++k) {
        const uint32_t c = tree_->children[n.a + k];
        if (tree_->key(tree_->nodes[c]) == key) return Value(tree_, c);
    }
    return std::nullopt;
}

std::string_view Value::key() const {
    const Node& n = tree_->nodes[index_];
    if (n.parent == kNone || tree_->nodes[n.parent].type != Type::Object) return {};
    return tree_->key(n);
}

size_t Value::index() const { return tree_->nodes[index_].pos; }

std::optional<Value> Value::parent() const {
    const Node& n = tree_->nodes[index_];
    if (n.parent == kNone) return std::nullopt;
    return Value(tree_, n.parent);
}

std::string Value::path() const {
    std::vector<uint32_t> chain;
    for (uint32_t i = index_; tree_->nodes[i].parent != kNone; i = tree_->nodes[i].parent) chain.push_back(i);
    std::string out;
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
        const Node& n = tree_->nodes[*it];
        if (tree_->nodes[n.parent].type == Type::Array) {
            out += "[" + std::to_string(n.pos) + "]";
            continue;
        }
        const std::string_view k = tree_->key(n);
        if (simpleKey(k)) {
            if (!out.empty()) out += '.';
            out += k;
        } else {
            out += "[\"";
            for (const char c : k) {
                if (c == '"' || c == '\\') out += '\\';
                out += c;
            }
            out += "\"]";
        }
    }
    return out;
}

uint64_t Value::offset() const { return tree_->nodes[index_].begin; }

int64_t Value::line() const {
    const auto& starts = tree_->lineStarts();
    const uint32_t off = tree_->nodes[index_].begin;
    return std::upper_bound(starts.begin(), starts.end(), off) - starts.begin();
}

int64_t Value::column() const {
    const auto& starts = tree_->lineStarts();
    const uint32_t off = tree_->nodes[index_].begin;
    const uint32_t lineStart = *(std::upper_bound(starts.begin(), starts.end(), off) - 1);
    int64_t column = 1;
    for (uint32_t i = lineStart; i < off; ++i) {
        if ((static_cast<unsigned char>(tree_->source[i]) & 0xC0) != 0x80) ++column;
    }
    return column;
}

std::string_view Value::raw() const {
    const Node& n = tree_->nodes[index_];
    return std::string_view(tree_->source).substr(n.begin, n.end - n.begin);
}

// ---- Document ----------------------------------------------------------------------------------

Document::Document() : tree_(std::make_unique<detail::Tree>()) {}
Document::Document(Document&&) noexcept = default;
Document& Document::operator=(Document&&) noexcept = default;
Document::~Document() = default;

Value Document::root() const { return Value(tree_.get(), 0); }
const std::string& Document::source() const { return tree_->source; }
size_t Document::valueCount() const { return tree_->nodes.size(); }

Expected<Document> Document::parse(std::string bytes, const ParseOptions& options) {
    if (bytes.size() >= kNone) {
        return dataError("document JSON trop gros (" + std::to_string(bytes.size()) + " octets, 4 Gio au plus)", options.name);
    }
    Document doc;
    doc.tree_->source = std::move(bytes);
    Parser parser(*doc.tree_, options);
    if (!parser.run()) {
        const auto [line, column] = lineColumnOf(doc.tree_->source, parser.where);
        return dataError("JSON invalide : " + parser.message + " (ligne " + std::to_string(line) + ", colonne " +
                             std::to_string(column) + ")",
                         options.name);
    }
    return doc;
}

}  // namespace recolte::sdk::json
