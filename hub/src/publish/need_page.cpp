// `/besoins/{id}`: one need and the offers that could answer it: same product type, available at
// some point of the delivery window, the buyer's département first, then the cheapest unit price.
#include "publish/format_fr.hpp"
#include "publish/need_parts.hpp"
#include "publish/page_parts.hpp"
#include "publish/pages.hpp"
#include "publish/vocabulary_fr.hpp"
#include "store/store.hpp"

namespace recolte::publish {

namespace {

constexpr int64_t kMatches = 50;

}  // namespace

PageResult needPage(api::ApiContext& ctx, const api::Params& params, Req& req) {
    PageQuery q(req, {});
    const std::string& id = params.at(0);
    const auto text = ctx.store.need(id);
    if (!text) throw notFound("Aucun besoin ne porte l’identifiant « " + id + " ». Il a peut-être été retiré par sa plateforme.");
    const auto doc = parseDoc(*text);
    const JsonValue n = doc.root();
    const std::string title = str(n, "title");
    const std::string type = str(n, "product_type");
    std::string dep, placeText;
    if (auto p = member(n, "place")) {
        dep = str(*p, "departement");
        placeText = addressText(*p);
    }

    std::string h = "<nav class=\"breadcrumb\" aria-label=\"Fil d’Ariane\"><a href=\"/besoins\">Besoins</a> › <span>" +
                    esc(title) + "</span></nav>\n<h1>" + esc(title) + "</h1>\n";
    if (str(n, "status") == "open") {
        h += "<p class=\"headline\">Réponse attendue avant le <strong>" + esc(deadlineText(n)) + "</strong></p>\n";
    } else {
        h += "<p class=\"headline\">" + esc(statusText(n)) + "</p>\n";
    }
    const std::string description = str(n, "description");
    if (!description.empty()) h += "<p class=\"description\">" + esc(description) + "</p>\n";

    std::string dl = "<dl class=\"details\">\n";
    const auto row = [&](const char* term, const std::string& html) {
        dl += std::string("<div><dt>") + term + "</dt><dd>" +
              (html.empty() ? std::string("<span class=\"muted\">Non renseigné</span>") : html) + "</dd></div>\n";
    };
    std::string buyer = esc(buyerText(n));
    if (auto b = member(n, "buyer")) {
        const std::string siret = str(*b, "siret");
        if (!siret.empty()) buyer += " <span class=\"muted\">(SIRET " + esc(siret) + ")</span>";
    }
    row("Acheteur", buyer);
    row("Produit demandé", type.empty() ? "" : esc(productTypeName(type)));
    row("Quantité", esc(quantityText(n, "quantity")));
    row("Livraison", esc(deliveryText(n)));
    row("Lieu de livraison", esc(placeText) + (dep.empty() ? "" : " <span class=\"muted\">(" + esc(departementLabel(dep)) + ")</span>"));
    row("Date limite de réponse", esc(deadlineText(n)));
    row("Critères", esc(str(n, "criteria")));
    row("Type de contrat", esc(str(n, "contract_type")));
    row("État", esc(statusText(n)));
    const std::string source = str(n, "source");
    row("Plateforme", link("/sources/", source, source));
    row("Référence sur la plateforme", esc(str(n, "source_id")));
    const std::string updated = str(n, "updated_at");
    row("Dernière modification", "<time datetime=\"" + esc(updated) + "\">" + esc(frenchDateTime(updated)) + "</time>");
    h += "<section aria-labelledby=\"details\">\n<h2 id=\"details\">Détails</h2>\n" + dl + "</dl>\n</section>\n";

    h += "<section aria-labelledby=\"offres\">\n<h2 id=\"offres\">Offres qui pourraient répondre</h2>\n";
    if (type.empty()) {
        h += emptyNote("Le type de produit de ce besoin est inconnu : aucune offre ne peut lui être associée automatiquement.");
    } else {
        store::OfferQuery oq;
        oq.product_type = type;
        oq.window_from = str(n, "delivery_from");
        oq.window_to = str(n, "delivery_to");
        oq.prefer_departement = dep;
        oq.sort = "unit_price";
        oq.limit = kMatches;
        const auto offers = ctx.store.offers(oq);
        h += "<p>Offres « " + esc(productTypeName(type)) + " » disponibles pendant la période de livraison" +
             (dep.empty() ? std::string() : ", celles du département " + esc(departementLabel(dep)) + " d’abord") +
             ", puis par prix unitaire.</p>\n";
        if (offers.items.empty()) {
            h += emptyNote("Aucune offre de ce type n’est disponible pendant la période de livraison.");
        } else {
            h += offerTable(offers.items, {countOf(offers.total, "offre possible", "offres possibles"), true, dep});
            if (offers.total > static_cast<int64_t>(offers.items.size()))
                h += "<p>Seules les " + esc(frenchInteger(kMatches)) + " premières sont affichées.</p>\n";
        }
    }
    h += "</section>\n";
    return {{title, "besoins", {}}, h};
}

}  // namespace recolte::publish
