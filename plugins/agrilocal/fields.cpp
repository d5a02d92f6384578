#include "fields.hpp"

#include "recolte/sdk/text.hpp"

namespace recolte::agrilocal {

std::string Field::path() const {
    if (!element) return "";
    return attribute.empty() ? element->path() : element->path() + "/@" + attribute;
}

Field field(const Element& owner, const std::string& name) {
    Field f;
    if (const std::string* value = owner.attribute(name)) {
        f.text = sdk::trim(*value);
        f.element = &owner;
        f.attribute = name;
    } else if (const Element* child = owner.child(name)) {
        f.text = sdk::trim(child->text());
        f.element = child;
    }
    return f;
}

const Element* childNamed(const Element& owner, const std::string& name) { return owner.child(name); }

std::vector<const Element*> itemsOf(const Element& owner, const std::string& container, const std::string& item) {
    std::vector<const Element*> out;
    for (const auto& c : owner.children()) {
        if (c.name() == item) {
            out.push_back(&c);
        } else if (c.name() == container) {
            for (const auto& i : c.children()) {
                if (i.name() == item) out.push_back(&i);
            }
        }
    }
    return out;
}

std::string nameOrText(const Element& owner, const std::string& name) {
    const Field f = field(owner, name);
    if (f.present()) return f.text;
    return owner.children().empty() ? sdk::trim(owner.text()) : "";
}

sdk::Address addressOf(const Element& owner, const Names& names) {
    sdk::Address a;
    a.street = field(owner, names[Name::Street]).text;
    a.postcode = field(owner, names[Name::Postcode]).text;
    a.city = field(owner, names[Name::City]).text;
    if (a.street.empty() && a.postcode.empty() && a.city.empty() && owner.children().empty())
        a.street = sdk::trim(owner.text());
    return a;
}

Problem problemAt(const Element& element, std::string reason) {
    return Problem{std::move(reason), element.path(), element.line(), &element};
}

Problem problemAt(const Field& f, const Element& owner, std::string reason) {
    if (!f.present()) return problemAt(owner, std::move(reason));
    return Problem{std::move(reason), f.path(), f.line(), f.element};
}

std::string quoted(const std::string& text) { return "« " + text + " »"; }

std::optional<Problem> readDate(const Field& f, const Element& owner, const std::string& what, std::string& iso) {
    iso.clear();
    if (f.empty()) return std::nullopt;
    iso = sdk::parseDate(f.text);
    // parseDate tolerates a time after the date; a field meant as a day must be one.
    if (iso.empty() || (f.text.size() > 10 && f.text.find_first_of("T :") != std::string::npos)) {
        iso.clear();
        return problemAt(f, owner, what + " " + quoted(f.text) + " invalide (date attendue : AAAA-MM-JJ ou JJ/MM/AAAA)");
    }
    return std::nullopt;
}

std::optional<Problem> readAmount(const Field& f, const Element& owner, const std::string& what,
                                  std::optional<sdk::Decimal>& value) {
    value.reset();
    if (f.empty()) return std::nullopt;
    const auto parsed = sdk::Decimal::parse(f.text);
    if (!parsed) return problemAt(f, owner, what + " " + quoted(f.text) + " : ce n'est pas un nombre");
    if (parsed->isNegative()) return problemAt(f, owner, what + " " + quoted(f.text) + " : nombre négatif");
    value = parsed;
    return std::nullopt;
}

}  // namespace recolte::agrilocal
