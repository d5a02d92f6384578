// Reading fields from export elements: a field is an attribute of its owner element or, failing
// that, a child element of the same name (so `<acheteur siret="...">` and `<acheteur><siret>...`
// both read). A problem names the element path and line for the reject.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "names.hpp"
#include "recolte/sdk/decimal.hpp"
#include "recolte/sdk/model.hpp"
#include "recolte/sdk/xml.hpp"

namespace recolte::agrilocal {

using sdk::xml::Element;

struct Field {
    std::string text;                  // trimmed; "" when absent
    const Element* element = nullptr;  // the child holding the value, or the owner for an attribute
    std::string attribute;             // the attribute's name when the value is one

    bool present() const { return element != nullptr; }
    bool empty() const { return text.empty(); }
    // ".../consultation[2]/quantite" or ".../acheteur/@siret".
    std::string path() const;
    int64_t line() const { return element ? element->line() : 0; }
};

Field field(const Element& owner, const std::string& name);
// The first child element with this name, or nullptr.
const Element* childNamed(const Element& owner, const std::string& name);
// The `item` elements inside the `container` child, and those directly inside `owner`, in order.
std::vector<const Element*> itemsOf(const Element& owner, const std::string& container, const std::string& item);

// The `name` field of `owner`, else the element's own text when it has no children: both
// <produit type="légumes">Carottes</produit> and <produit><designation>Carottes</designation>.
std::string nameOrText(const Element& owner, const std::string& name);

// Street, postcode and city of `owner`; an element holding only text is a street line.
sdk::Address addressOf(const Element& owner, const Names& names);

// Why a record is refused, and where.
struct Problem {
    std::string reason;  // French, for a PAT officer
    std::string path;
    int64_t line = 0;
    const Element* quoted = nullptr;  // the element whose XML goes into the reject's excerpt
};

Problem problemAt(const Element& element, std::string reason);
// At the field when it is present, else at `owner` (a missing field).
Problem problemAt(const Field& f, const Element& owner, std::string reason);

// "« texte »", as every reason quotes values.
std::string quoted(const std::string& text);

// A date as ISO YYYY-MM-DD from "2026-11-30" or "30/11/2026"; an empty field gives "".
std::optional<Problem> readDate(const Field& f, const Element& owner, const std::string& what, std::string& iso);
// A non-negative decimal ("1 200,50"); `what` names it in the reason.
std::optional<Problem> readAmount(const Field& f, const Element& owner, const std::string& what,
                                  std::optional<sdk::Decimal>& value);

}  // namespace recolte::agrilocal
