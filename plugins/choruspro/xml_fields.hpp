// Reading one invoice out of an sdk::xml tree: lookups by local names (UBL, CII and the Chorus Pro
// pivot each use their own prefixes, and old files use others), and typed values that record what
// could not be read instead of throwing.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "recolte/sdk/decimal.hpp"
#include "recolte/sdk/xml.hpp"

namespace recolte::choruspro {

using sdk::xml::Element;

// Something wrong in an invoice: where (element path, line), why (French), and for an error the
// element quoted (copied: the tree may be gone when the reject is written).
struct Problem {
    std::string path;
    int64_t line = 0;
    std::string reason;
    std::string excerpt;
};

// The first descendant reached by "A/B/C" (local names, any namespace), or nullptr.
const Element* find(const Element* from, std::string_view localPath);
// Every element reached by "A/B/C"; the last step may match several siblings at each level.
std::vector<const Element*> findAll(const Element* from, std::string_view localPath);
// The trimmed text of an element ("" when null).
std::string text(const Element* e);
// The trimmed text at "A/B/C" below `from` ("" when absent).
std::string textAt(const Element* from, std::string_view localPath);
// An attribute by its local name, trimmed ("" when absent or when `e` is null).
std::string attr(const Element* e, std::string_view localName);

// "« value »", for messages.
std::string quoted(std::string_view value);

// Reads typed values of one invoice and keeps what went wrong: a value that cannot be read at all
// is an error (the invoice is rejected, naming the element); a lenient read is a warning.
class FieldReader {
public:
    // An amount or quantity. Absent element -> nullopt; junk -> nullopt and an error.
    std::optional<sdk::Decimal> decimal(const Element* e, std::string_view what);
    std::optional<sdk::Decimal> decimalAt(const Element* from, std::string_view localPath, std::string_view what) {
        return decimal(find(from, localPath), what);
    }
    // The same, 0 when absent.
    sdk::Decimal decimalOr0(const Element* e, std::string_view what) { return decimal(e, what).value_or(sdk::Decimal{}); }
    // A date as YYYY-MM-DD from "2017-01-31", "20170131" (CII format 102) or "2017-01-31T..."; an
    // unreadable date is a warning and gives "".
    std::string date(const Element* e, std::string_view what);

    void warn(const Element* e, std::string reason);
    void fail(const Element* e, std::string reason);

    const std::vector<Problem>& warnings() const { return warnings_; }
    const std::optional<Problem>& error() const { return error_; }

private:
    std::vector<Problem> warnings_;
    std::optional<Problem> error_;
};

// "2017-01-31", "20170131", "2017-01-31T10:00:00+01:00", "2015-12-03 10:36" -> "2017-01-31"; "" when not a date.
std::string isoDate(std::string_view text);

}  // namespace recolte::choruspro
