// CSV as spreadsheets write it (RFC 4180 plus the usual leniency). Built for million-row price
// lists: fields are copied once into strings whose capacity is reused from row to row.
#include "recolte/sdk/csv.hpp"

#include <cstring>

#include "recolte/sdk/text.hpp"

namespace recolte::sdk {

namespace {

// Newlines in text[from, to): LF, CRLF (once) and a lone CR each end a physical line.
int64_t countNewlines(std::string_view text, size_t from, size_t to) {
    int64_t lines = 0;
    for (size_t i = from; i < to; ++i) {
        const char c = text[i];
        if (c == '\n') {
            ++lines;
        } else if (c == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n')) {
            ++lines;
        }
    }
    return lines;
}

}  // namespace

char detectDelimiter(std::string_view text) {
    if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    // Counts outside quotes, line by line; the first line holding any candidate decides (a title
    // line without separators above the header does not count).
    size_t semicolons = 0, commas = 0, tabs = 0;
    bool inQuotes = false;
    bool fieldStart = true;  // a quote opens a quoted field only there (`12" pouces` is text)
    for (size_t i = 0; i <= text.size(); ++i) {
        const bool end = i == text.size();
        const char c = end ? '\n' : text[i];
        if (inQuotes) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    ++i;  // "" inside quotes is one quote
                } else {
                    inQuotes = false;
                }
            }
            if (!end) continue;
        }
        const bool wasFieldStart = fieldStart;
        fieldStart = c == ';' || c == ',' || c == '\t' || c == '\r' || c == '\n' || (wasFieldStart && c == ' ');
        switch (c) {
            case '"': inQuotes = wasFieldStart; break;
            case ';': ++semicolons; break;
            case ',': ++commas; break;
            case '\t': ++tabs; break;
            case '\r':
            case '\n':
                if (semicolons + commas + tabs > 0) {
                    // Ties prefer ';' (French spreadsheets), then tab, then ','.
                    if (semicolons >= tabs && semicolons >= commas) return ';';
                    if (tabs >= commas) return '\t';
                    return ',';
                }
                break;
            default: break;
        }
    }
    return ';';
}

CsvReader::CsvReader(std::string_view text, char delimiter) : text_(text), delim_(delimiter) {}

bool CsvReader::next(CsvRow& row) {
    const char* p = text_.data();
    const size_t n = text_.size();

    // Blank lines are skipped, but still counted.
    while (pos_ < n && (p[pos_] == '\n' || p[pos_] == '\r')) {
        if (p[pos_] == '\r' && pos_ + 1 < n && p[pos_ + 1] == '\n') ++pos_;
        ++pos_;
        ++line_;
    }
    if (pos_ >= n) return false;

    row.line = line_;
    row.unterminated_quote = false;
    const size_t start = pos_;
    size_t end = n;  // end of the row's bytes, before its line break
    size_t count = 0;
    auto& fields = row.fields;

    for (;;) {
        if (count == fields.size()) fields.emplace_back();
        std::string& field = fields[count++];
        field.clear();

        // Spaces before an opening quote are layout, not content: ` "a;b"` is the field `a;b`.
        size_t q = pos_;
        while (q < n && p[q] == ' ') ++q;
        if (q < n && p[q] == '"') {
            pos_ = q + 1;
            for (;;) {
                const void* hit = std::memchr(p + pos_, '"', n - pos_);
                const size_t closing = hit ? static_cast<size_t>(static_cast<const char*>(hit) - p) : n;
                line_ += countNewlines(text_, pos_, closing);
                field.append(p + pos_, closing - pos_);
                if (!hit) {
                    // Input ended inside quotes: keep what was read and flag it.
                    pos_ = n;
                    row.unterminated_quote = true;
                    while (end > start && (p[end - 1] == '\n' || p[end - 1] == '\r')) --end;
                    fields.resize(count);
                    row.raw = text_.substr(start, end - start);
                    return true;
                }
                pos_ = closing + 1;
                if (pos_ < n && p[pos_] == '"') {  // "" is one quote
                    field += '"';
                    ++pos_;
                    continue;
                }
                break;
            }
        }

        // Unquoted field, or what follows a closing quote (kept, leniently: `"a"b` is `ab`).
        const size_t from = pos_;
        while (pos_ < n) {
            const char c = p[pos_];
            if (c == delim_ || c == '\n' || c == '\r') break;
            ++pos_;
        }
        field.append(p + from, pos_ - from);

        if (pos_ >= n) break;
        if (p[pos_] == delim_) {
            ++pos_;
            continue;
        }
        end = pos_;
        if (p[pos_] == '\r' && pos_ + 1 < n && p[pos_ + 1] == '\n') ++pos_;
        ++pos_;
        ++line_;
        break;
    }

    fields.resize(count);
    row.raw = text_.substr(start, end - start);
    return true;
}

int firstInvalidUtf8Field(const CsvRow& row) {
    for (size_t i = 0; i < row.fields.size(); ++i)
        if (!isValidUtf8(row.fields[i])) return static_cast<int>(i);
    return -1;
}

const char* const kInvalidUtf8RowReason =
    "octets invalides en UTF-8 : le fichier est en UTF-8 mais cette ligne contient des octets qui n'en sont pas "
    "(ligne abîmée ?) ; elle est ignorée";

}  // namespace recolte::sdk
