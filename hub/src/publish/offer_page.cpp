// `/offres/{id}`: every field of one offer, its price history (the change log) and the other offers
// of the same product type, cheapest unit price first.
#include "publish/format_fr.hpp"
#include "publish/page_parts.hpp"
#include "publish/pages.hpp"
#include "publish/vocabulary_fr.hpp"
#include "store/store.hpp"

namespace recolte::publish {

namespace {

constexpr int64_t kHistoryRows = 50;
constexpr int64_t kOtherOffers = 20;

void row(std::string& out, const char* term, const std::string& html) {
    out += "<div><dt>";
    out += term;
    out += "</dt><dd>" + (html.empty() ? std::string("<span class=\"muted\">Non renseigné</span>") : html) + "</dd></div>\n";
}

std::string priceText(int64_t raw, const std::string& unit) {
    return euros(sdk::Decimal::fromRaw(raw)) + " HT" + (unit.empty() ? "" : " / " + unit);
}

std::string history(store::Store& store, const std::string& id, const std::string& priceUnit) {
    store::ChangeQuery cq;
    cq.kind = "offer";
    cq.record_id = id;
    cq.limit = kHistoryRows;
    const auto changes = store.recentChanges(cq);
    std::string out = "<section aria-labelledby=\"historique\">\n<h2 id=\"historique\">Historique des prix</h2>\n";
    if (changes.empty()) return out + emptyNote("Aucun changement enregistré pour cette offre.") + "</section>\n";
    out += "<div class=\"table-wrap\"><table class=\"responsive\">\n<caption>Changements de l’offre, du plus récent au "
           "plus ancien</caption>\n<thead><tr><th scope=\"col\">Date</th><th scope=\"col\">Changement</th>"
           "<th scope=\"col\">Prix avant</th><th scope=\"col\">Prix après</th></tr></thead>\n<tbody>\n";
    for (const auto& c : changes) {
        const bool priceChange = c.change == "price_changed";
        out += "<tr><th scope=\"row\" data-label=\"Date\"><time datetime=\"" + esc(c.at) + "\">" + esc(frenchDateTime(c.at)) +
               "</time></th><td data-label=\"Changement\">" + esc(changeName(c.change)) + "</td>";
        out += "<td data-label=\"Prix avant\">" + (priceChange ? esc(priceText(c.old_price_raw, priceUnit)) : "—") + "</td>";
        out += "<td data-label=\"Prix après\">" +
               (c.change == "removed" ? std::string("—") : esc(priceText(c.new_price_raw, priceUnit))) + "</td></tr>\n";
    }
    return out + "</tbody></table></div>\n</section>\n";
}

}  // namespace

PageResult offerPage(api::ApiContext& ctx, const api::Params& params, Req& req) {
    PageQuery q(req, {});
    const std::string& id = params.at(0);
    const auto text = ctx.store.offer(id);
    if (!text) throw notFound("Aucune offre ne porte l’identifiant « " + id + " ». Elle a peut-être été retirée par sa plateforme.");
    const auto doc = parseDoc(*text);
    const JsonValue o = doc.root();
    const std::string name = str(o, "name");
    const std::string type = str(o, "product_type");
    const std::string dep = str(o, "departement");
    const std::string source = str(o, "source");

    std::string h = "<nav class=\"breadcrumb\" aria-label=\"Fil d’Ariane\"><a href=\"/\">Catalogue</a> › <span>" + esc(name) +
                    "</span></nav>\n<h1>" + esc(name) + "</h1>\n";
    h += "<p class=\"headline\"><strong class=\"unit-price\">" + esc(unitPriceText(o)) + "</strong> <span>(vendu " +
         esc(priceAsSold(o)) + ")</span></p>\n";
    const std::string description = str(o, "description");
    if (!description.empty()) h += "<p class=\"description\">" + esc(description) + "</p>\n";

    std::string producer;
    std::string producerId;
    if (auto p = member(o, "producer")) {
        producerId = str(*p, "id");
        producer = link("/producteurs/", producerId, str(*p, "name"));
        const std::string siret = str(*p, "siret");
        if (!siret.empty()) producer += " <span class=\"muted\">(SIRET " + esc(siret) + ")</span>";
    }
    std::string price;
    if (auto p = member(o, "price")) {
        price = esc(priceAsSold(o));
        if (auto vat = decimal(*p, "vat_rate")) price += " · TVA " + esc(percent(*vat));
    }
    std::string dl = "<dl class=\"details\">\n";
    row(dl, "Producteur", producer);
    row(dl, "Département", dep.empty() ? "" : esc(departementLabel(dep)));
    row(dl, "Type de produit", type.empty() ? "" : "<a href=\"" + esc("/?product_type=" + urlEncode(type)) + "\">" +
                                                    esc(productTypeName(type)) + "</a>");
    row(dl, "Famille", esc(str(o, "family")));
    row(dl, "Labels", strings(o, "labels").empty() ? "" : labelBadges(strings(o, "labels")));
    row(dl, "Prix de vente", price);
    row(dl, "Prix unitaire", esc(unitPriceText(o)));
    row(dl, "Conditionnement", esc(str(o, "packaging")));
    row(dl, "Pièces par colis", esc(str(o, "pieces_per_pack")));
    row(dl, "Disponibilité", esc(availabilityText(str(o, "available_from"), str(o, "available_to"))));
    row(dl, "Quantité disponible", esc(quantityText(o, "quantity_available")));
    row(dl, "Commande minimum", esc(quantityText(o, "minimum_order")));
    const std::string lead = str(o, "lead_time_days");
    row(dl, "Délai de commande", lead.empty() ? "" : esc(lead == "1" || lead == "0" ? lead + " jour" : lead + " jours"));
    row(dl, "Origine", esc(str(o, "origin")));
    row(dl, "Code EAN", esc(str(o, "ean")));
    row(dl, "Plateforme", link("/sources/", source, source));
    row(dl, "Référence sur la plateforme", esc(str(o, "source_id")));
    const std::string updated = str(o, "updated_at");
    row(dl, "Dernière modification", "<time datetime=\"" + esc(updated) + "\">" + esc(frenchDateTime(updated)) + "</time>");
    h += "<section aria-labelledby=\"details\">\n<h2 id=\"details\">Détails</h2>\n" + dl + "</dl>\n</section>\n";

    h += history(ctx.store, id, member(o, "price") ? str(*member(o, "price"), "unit") : "");

    h += "<section aria-labelledby=\"autres\">\n";
    if (type.empty()) {
        h += "<h2 id=\"autres\">Autres offres comparables</h2>\n" +
             emptyNote("Le type de produit de cette offre est inconnu : elle ne peut pas être comparée automatiquement.");
    } else {
        // Only unit prices in the same unit compare: EUR/kg beside EUR/kg.
        std::string unit;
        if (auto up = member(o, "unit_price")) unit = str(*up, "unit");
        store::OfferQuery oq;
        oq.product_type = type;
        oq.exclude_ids = {id};
        oq.unit_price_unit = unit;
        oq.sort = "unit_price";
        oq.limit = kOtherOffers;
        const auto others = ctx.store.offers(oq);
        const std::string per = unit == "kg" ? "au kilo" : unit == "l" ? "au litre" : "à la pièce";
        h += "<h2 id=\"autres\">Autres offres « " + esc(productTypeName(type)) + " » " + esc(per) +
             ", par prix unitaire</h2>\n";
        if (others.items.empty()) {
            h += emptyNote("Aucune autre offre de ce type avec un prix " + per + " pour l’instant.");
        } else {
            h += offerTable(others.items, {others.total > static_cast<int64_t>(others.items.size())
                                               ? "Les " + frenchInteger(kOtherOffers) + " moins chères sur " +
                                                     countOf(others.total, "offre", "offres")
                                               : countOf(others.total, "offre", "offres") + ", la moins chère d’abord",
                                           true, dep});
        }
        store::OfferQuery all;
        all.product_type = type;
        all.limit = 1;
        const int64_t otherUnits = ctx.store.offers(all).total - 1 - others.total;
        if (otherUnits > 0)
            h += "<p>" + esc(countOf(otherUnits, "autre offre", "autres offres")) +
                 " de ce type " + (otherUnits > 1 ? "ont" : "a") + " un prix dans une autre unité : <a href=\"" +
                 esc("/?product_type=" + urlEncode(type) + "&sort=unit_price") + "\">voir toutes les offres « " +
                 esc(productTypeName(type)) + " »</a>.</p>\n";
    }
    h += "</section>\n";
    return {{name, "catalogue", {}}, h};
}

}  // namespace recolte::publish
