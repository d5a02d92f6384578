#include "publish/page_parts.hpp"

#include <algorithm>

#include "publish/format_fr.hpp"
#include "publish/vocabulary_fr.hpp"

namespace recolte::publish {

namespace {

// A table cell carrying its column name for the narrow-screen layout (td::before in the CSS).
std::string cell(const char* column, const std::string& html) {
    return std::string("<td data-label=\"") + column + "\">" + html + "</td>";
}

}  // namespace

std::string link(const std::string& prefix, const std::string& id, const std::string& text) {
    return "<a href=\"" + esc(prefix + urlEncode(id)) + "\">" + esc(text) + "</a>";
}

std::string emptyNote(const std::string& text) { return "<p class=\"empty\">" + esc(text) + "</p>\n"; }

std::string labelBadges(const std::vector<std::string>& codes) {
    if (codes.empty()) return "<span class=\"muted\">—</span>";
    std::string out = "<ul class=\"badges\">";
    for (const auto& c : codes) out += "<li class=\"badge\">" + esc(labelName(c)) + "</li>";
    return out + "</ul>";
}

std::string availabilityText(const std::string& from, const std::string& to) {
    if (from.empty() && to.empty()) return "Sans limite de dates";
    if (to.empty()) return "À partir du " + frenchDate(from);
    if (from.empty()) return "Jusqu’au " + frenchDate(to);
    return "Du " + frenchDate(from) + " au " + frenchDate(to);
}

std::string quantityText(const JsonValue& obj, std::string_view key) {
    auto q = member(obj, key);
    if (!q) return {};
    auto value = decimal(*q, "value");
    const std::string unit = str(*q, "unit");
    if (!value) return unit;
    return frenchNumber(*value) + (unit.empty() ? "" : " " + unit);
}

std::string addressText(const JsonValue& address) {
    std::string street = str(address, "street");
    std::string town = str(address, "postcode");
    const std::string city = str(address, "city");
    if (!city.empty()) town += (town.empty() ? "" : " ") + city;
    if (street.empty()) return town;
    return town.empty() ? street : street + ", " + town;
}

std::string priceAsSold(const JsonValue& offer) {
    auto price = member(offer, "price");
    if (!price) return {};
    auto amount = decimal(*price, "amount");
    const std::string unit = str(*price, "unit");
    std::string out = amount ? euros(*amount) + " HT" : "—";
    if (!unit.empty()) out += " / " + unit;
    return out;
}

std::string unitPriceText(const JsonValue& offer) {
    auto up = member(offer, "unit_price");
    if (!up) return {};
    auto amount = decimal(*up, "amount");
    return amount ? unitPrice(*amount, str(*up, "unit")) : std::string();
}

std::string offerTable(const std::vector<std::string>& docs, const OfferTableOptions& options) {
    std::string out = "<div class=\"table-wrap\">\n<table class=\"offers responsive\">\n";
    if (!options.caption.empty()) out += "<caption>" + esc(options.caption) + "</caption>\n";
    out += "<thead><tr><th scope=\"col\">Offre</th>";
    if (options.showProducer) out += "<th scope=\"col\">Producteur</th>";
    out += "<th scope=\"col\">Prix de vente</th><th scope=\"col\">Prix unitaire</th><th scope=\"col\">Labels</th>"
           "<th scope=\"col\">Disponibilité</th><th scope=\"col\">Plateforme</th><th scope=\"col\">Modifiée le</th>"
           "</tr></thead>\n<tbody>\n";
    for (const auto& text : docs) {
        const auto doc = parseDoc(text);
        const JsonValue o = doc.root();
        const std::string type = str(o, "product_type");
        const std::string dep = str(o, "departement");
        out += "<tr><th scope=\"row\" data-label=\"Offre\">" + link("/offres/", str(o, "id"), str(o, "name"));
        if (!type.empty()) out += "<span class=\"sub\">" + esc(productTypeName(type)) + "</span>";
        out += "</th>";
        if (options.showProducer) {
            std::string producer;
            if (auto p = member(o, "producer")) producer = link("/producteurs/", str(*p, "id"), str(*p, "name"));
            if (!dep.empty()) producer += "<span class=\"sub\">" + esc(departementLabel(dep)) + "</span>";
            if (!options.sameDepartement.empty() && dep == options.sameDepartement)
                producer += "<span class=\"badge near\">Même département</span>";
            out += cell("Producteur", producer);
        }
        std::string sold = esc(priceAsSold(o));
        const std::string packaging = str(o, "packaging");
        if (!packaging.empty()) sold += "<span class=\"sub\">" + esc(packaging) + "</span>";
        out += cell("Prix de vente", sold);
        out += cell("Prix unitaire", "<strong class=\"unit-price\">" + esc(unitPriceText(o)) + "</strong>");
        out += cell("Labels", labelBadges(strings(o, "labels")));
        std::string avail = esc(availabilityText(str(o, "available_from"), str(o, "available_to")));
        const std::string qty = quantityText(o, "quantity_available");
        if (!qty.empty()) avail += "<span class=\"sub\">" + esc(qty) + " disponibles</span>";
        out += cell("Disponibilité", avail);
        out += cell("Plateforme", link("/sources/", str(o, "source"), str(o, "source")));
        const std::string updated = str(o, "updated_at");
        out += cell("Modifiée le", "<time datetime=\"" + esc(updated) + "\">" + esc(frenchDate(updated.substr(0, 10))) +
                                       "</time>");
        out += "</tr>\n";
    }
    out += "</tbody>\n</table>\n</div>\n";
    return out;
}

std::string selectField(const std::string& name, const std::string& label, const std::vector<Choice>& choices,
                        const std::string& selected, const std::string& anyText) {
    const std::string id = "f-" + name;
    std::string out = "<div class=\"field\"><label for=\"" + esc(id) + "\">" + esc(label) + "</label><select id=\"" +
                      esc(id) + "\" name=\"" + esc(name) + "\"><option value=\"\">" + esc(anyText) + "</option>";
    bool found = selected.empty();
    for (const auto& [value, text] : choices) {
        const bool isSelected = value == selected;
        found = found || isSelected;
        out += "<option value=\"" + esc(value) + "\"" + (isSelected ? " selected" : "") + ">" + esc(text) + "</option>";
    }
    // A value from a link that is no longer offered stays selected, so the form shows what filters.
    if (!found) out += "<option value=\"" + esc(selected) + "\" selected>" + esc(selected) + "</option>";
    return out + "</select></div>\n";
}

std::string inputField(const std::string& name, const std::string& label, const std::string& type,
                       const std::string& value, const std::string& hint) {
    const std::string id = "f-" + name;
    std::string out = "<div class=\"field\"><label for=\"" + esc(id) + "\">" + esc(label) + "</label>";
    out += "<input id=\"" + esc(id) + "\" name=\"" + esc(name) + "\" type=\"" + esc(type) + "\" value=\"" + esc(value) +
           "\"";
    if (!hint.empty()) out += " aria-describedby=\"" + esc(id) + "-hint\"";
    out += ">";
    if (!hint.empty()) out += "<span class=\"hint\" id=\"" + esc(id) + "-hint\">" + esc(hint) + "</span>";
    return out + "</div>\n";
}

int64_t pageCount(int64_t total, int64_t pageSize) { return total <= 0 ? 1 : (total + pageSize - 1) / pageSize; }

std::string pager(const std::string& path, const QueryPairs& filters, int64_t page, int64_t pageSize, int64_t total) {
    const int64_t pages = pageCount(total, pageSize);
    if (pages <= 1 && page <= 1) return {};
    const auto href = [&](int64_t p) {
        QueryPairs q = filters;
        if (p > 1) q.emplace_back("page", std::to_string(p));
        return esc(path + queryString(q));
    };
    std::string out = "<nav class=\"pager\" aria-label=\"Pages\"><ul>";
    if (page > 1) out += "<li><a href=\"" + href(std::min(page - 1, pages)) + "\" rel=\"prev\">← Page précédente</a></li>";
    out += "<li aria-current=\"page\">Page " + frenchInteger(page) + " sur " + frenchInteger(pages) + "</li>";
    if (page < pages) out += "<li><a href=\"" + href(page + 1) + "\" rel=\"next\">Page suivante →</a></li>";
    return out + "</ul></nav>\n";
}

}  // namespace recolte::publish
