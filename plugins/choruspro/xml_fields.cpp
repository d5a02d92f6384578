#include "xml_fields.hpp"

#include "recolte/sdk/text.hpp"

namespace recolte::choruspro {

namespace {

// Splits "A/B/C" into its steps.
std::vector<std::string_view> steps(std::string_view path) {
    std::vector<std::string_view> out;
    size_t start = 0;
    while (start <= path.size()) {
        size_t end = path.find('/', start);
        if (end == std::string_view::npos) end = path.size();
        if (end > start) out.push_back(path.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

const Element* childNamed(const Element* e, std::string_view local) {
    for (const auto& c : e->children())
        if (c.localName() == local) return &c;
    return nullptr;
}

void collect(const Element* e, const std::vector<std::string_view>& path, size_t i, std::vector<const Element*>& out) {
    for (const auto& c : e->children()) {
        if (c.localName() != path[i]) continue;
        if (i + 1 == path.size()) {
            out.push_back(&c);
        } else {
            collect(&c, path, i + 1, out);
        }
    }
}

bool allDigits(std::string_view s) {
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return !s.empty();
}

}  // namespace

const Element* find(const Element* from, std::string_view localPath) {
    const Element* e = from;
    for (auto step : steps(localPath)) {
        if (!e) return nullptr;
        e = childNamed(e, step);
    }
    return e;
}

std::vector<const Element*> findAll(const Element* from, std::string_view localPath) {
    std::vector<const Element*> out;
    const auto path = steps(localPath);
    if (from && !path.empty()) collect(from, path, 0, out);
    return out;
}

std::string text(const Element* e) { return e ? sdk::trim(e->text()) : std::string(); }

std::string textAt(const Element* from, std::string_view localPath) { return text(find(from, localPath)); }

std::string attr(const Element* e, std::string_view localName) {
    if (!e) return {};
    for (const auto& a : e->attributes())
        if (a.local_name == localName) return sdk::trim(a.value);
    return {};
}

std::string quoted(std::string_view value) { return "« " + std::string(value) + " »"; }

std::string isoDate(std::string_view raw) {
    const std::string t = sdk::trim(raw);
    if (t.size() == 8 && allDigits(t)) return sdk::parseDate(t.substr(0, 4) + "-" + t.substr(4, 2) + "-" + t.substr(6, 2));
    // A time or a time zone after the date ("2017-01-31T10:00", "2017-01-31Z", "2017-01-31+01:00").
    if (t.size() > 10 && std::string_view("T Z+-").find(t[10]) != std::string_view::npos)
        return sdk::parseDate(t.substr(0, 10));
    return sdk::parseDate(t);
}

std::optional<sdk::Decimal> FieldReader::decimal(const Element* e, std::string_view what) {
    if (!e) return std::nullopt;
    const std::string t = text(e);
    if (t.empty()) return std::nullopt;
    auto d = sdk::Decimal::parse(t);
    if (!d) fail(e, std::string(what) + " " + quoted(t) + " n'est pas un nombre");
    return d;
}

std::string FieldReader::date(const Element* e, std::string_view what) {
    const std::string t = text(e);
    if (t.empty()) return {};
    std::string iso = isoDate(t);
    if (iso.empty()) warn(e, std::string(what) + " " + quoted(t) + " n'est pas une date valide : ignorée");
    return iso;
}

void FieldReader::warn(const Element* e, std::string reason) {
    warnings_.push_back(Problem{e ? e->path() : "", e ? e->line() : 0, std::move(reason), {}});
}

void FieldReader::fail(const Element* e, std::string reason) {
    if (!error_) error_ = Problem{e ? e->path() : "", e ? e->line() : 0, std::move(reason), e ? sdk::xml::excerptOf(*e, 200) : ""};
}

}  // namespace recolte::choruspro
