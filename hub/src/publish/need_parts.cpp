#include "publish/need_parts.hpp"

#include "publish/format_fr.hpp"
#include "publish/html.hpp"
#include "publish/page_parts.hpp"
#include "publish/vocabulary_fr.hpp"

namespace recolte::publish {

std::string deliveryText(const JsonValue& need) {
    const std::string from = str(need, "delivery_from"), to = str(need, "delivery_to");
    if (from.empty() && to.empty()) return "Non précisée";
    return availabilityText(from, to);
}

std::string deadlineText(const JsonValue& need) {
    const std::string d = str(need, "answer_deadline");
    return d.empty() ? "Non précisée" : frenchDateTime(d);
}

std::string statusText(const JsonValue& need) {
    std::string out = needStatusName(str(need, "status"));
    const std::string reason = str(need, "status_reason");
    if (!reason.empty()) out += " : " + reason;
    return out;
}

std::string buyerText(const JsonValue& need) {
    auto b = member(need, "buyer");
    if (!b) return {};
    std::string out = str(*b, "name");
    const std::string kind = str(*b, "kind");
    if (!kind.empty() && kind != "other" && buyerKindName(kind) != out) out += " (" + buyerKindName(kind) + ")";
    return out;
}

std::string needsTable(const std::vector<std::string>& docs, const std::string& caption) {
    std::string out = "<div class=\"table-wrap\"><table class=\"responsive\">\n<caption>" + esc(caption) +
                      "</caption>\n<thead><tr><th scope=\"col\">Besoin</th><th scope=\"col\">Acheteur</th>"
                      "<th scope=\"col\">Quantité</th><th scope=\"col\">Livraison</th>"
                      "<th scope=\"col\">Date limite de réponse</th><th scope=\"col\">Lieu</th>"
                      "<th scope=\"col\">État</th><th scope=\"col\">Plateforme</th></tr></thead>\n<tbody>\n";
    for (const auto& text : docs) {
        const auto doc = parseDoc(text);
        const JsonValue n = doc.root();
        const std::string type = str(n, "product_type");
        out += "<tr><th scope=\"row\" data-label=\"Besoin\">" + link("/besoins/", str(n, "id"), str(n, "title"));
        if (!type.empty()) out += "<span class=\"sub\">" + esc(productTypeName(type)) + "</span>";
        out += "</th><td data-label=\"Acheteur\">" + esc(buyerText(n)) + "</td>";
        const std::string qty = quantityText(n, "quantity");
        out += "<td data-label=\"Quantité\">" + (qty.empty() ? std::string("Non précisée") : esc(qty)) + "</td>";
        out += "<td data-label=\"Livraison\">" + esc(deliveryText(n)) + "</td>";
        out += "<td data-label=\"Date limite de réponse\"><strong>" + esc(deadlineText(n)) + "</strong></td>";
        std::string place;
        if (auto p = member(n, "place")) {
            place = esc(str(*p, "city"));
            const std::string dep = str(*p, "departement");
            if (!dep.empty()) place += "<span class=\"sub\">" + esc(departementLabel(dep)) + "</span>";
        }
        out += "<td data-label=\"Lieu\">" + (place.empty() ? std::string("—") : place) + "</td>";
        out += "<td data-label=\"État\">" + esc(statusText(n)) + "</td>";
        out += "<td data-label=\"Plateforme\">" + link("/sources/", str(n, "source"), str(n, "source")) + "</td></tr>\n";
    }
    return out + "</tbody></table></div>\n";
}

}  // namespace recolte::publish
