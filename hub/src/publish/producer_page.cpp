// `/producteurs/{id}`: one producer: address, contacts, points of sale, the platforms listing it
// and its current offers.
#include "publish/format_fr.hpp"
#include "publish/page_parts.hpp"
#include "publish/pages.hpp"
#include "publish/vocabulary_fr.hpp"
#include "store/store.hpp"

namespace recolte::publish {

namespace {

constexpr int64_t kOffersShown = 100;

// A contact's email or website as a link only when it is plainly one; otherwise as text.
std::string contactHtml(const JsonValue& c) {
    std::string out;
    const auto add = [&](const std::string& html) { out += (out.empty() ? "" : " · ") + html; };
    const std::string name = str(c, "name");
    if (!name.empty()) add(esc(name));
    const std::string email = str(c, "email");
    if (!email.empty()) {
        const bool plain = email.find_first_of(" <>\"'?&:/\\") == std::string::npos && email.find('@') != std::string::npos;
        add(plain ? "<a href=\"mailto:" + esc(email) + "\">" + esc(email) + "</a>" : esc(email));
    }
    const std::string phone = str(c, "phone");
    if (!phone.empty()) add(esc(phone));
    const std::string site = str(c, "website");
    if (!site.empty()) {
        const std::string url = safeExternalUrl(site);
        add(url.empty() ? esc(site) : "<a href=\"" + esc(url) + "\" rel=\"noopener noreferrer nofollow\">" + esc(site) + "</a>");
    }
    return out;
}

}  // namespace

PageResult producerPage(api::ApiContext& ctx, const api::Params& params, Req& req) {
    PageQuery q(req, {});
    const std::string& id = params.at(0);
    const auto text = ctx.store.producer(id);
    if (!text) throw notFound("Aucun producteur ne porte l’identifiant « " + id + " ».");
    const auto doc = parseDoc(*text);
    const JsonValue p = doc.root();
    const std::string name = str(p, "name");

    std::string h = "<nav class=\"breadcrumb\" aria-label=\"Fil d’Ariane\"><a href=\"/producteurs\">Producteurs</a> › <span>" +
                    esc(name) + "</span></nav>\n<h1>" + esc(name) + "</h1>\n";
    std::string dl = "<dl class=\"details\">\n";
    const auto row = [&](const char* term, const std::string& html) {
        dl += std::string("<div><dt>") + term + "</dt><dd>" +
              (html.empty() ? std::string("<span class=\"muted\">Non renseigné</span>") : html) + "</dd></div>\n";
    };
    const std::string siret = str(p, "siret");
    row("SIRET", siret.empty() ? "<span class=\"warning\">SIRET manquant : à demander au producteur</span>" : esc(siret));
    std::string dep;
    if (auto a = member(p, "address")) {
        row("Adresse", esc(addressText(*a)));
        dep = str(*a, "departement");
    } else {
        row("Adresse", "");
    }
    row("Département", dep.empty() ? "" : esc(departementLabel(dep)));
    std::string contacts;
    if (auto list = member(p, "contacts"))
        for (size_t i = 0; i < list->size(); ++i) {
            const std::string c = contactHtml(list->at(i));
            if (!c.empty()) contacts += "<li>" + c + "</li>";
        }
    row("Contacts", contacts.empty() ? "" : "<ul class=\"plain\">" + contacts + "</ul>");
    std::string platforms;
    for (const auto& s : strings(p, "sources")) platforms += "<li>" + link("/sources/", s, s) + "</li>";
    row("Plateformes qui le listent", platforms.empty() ? "" : "<ul class=\"plain\">" + platforms + "</ul>");
    h += "<section aria-labelledby=\"fiche\">\n<h2 id=\"fiche\">Fiche</h2>\n" + dl + "</dl>\n</section>\n";

    h += "<section aria-labelledby=\"points\">\n<h2 id=\"points\">Points de vente</h2>\n";
    auto pos = member(p, "points_of_sale");
    if (!pos || pos->size() == 0) {
        h += emptyNote("Aucun point de vente connu.");
    } else {
        h += "<ul class=\"cards\">\n";
        for (size_t i = 0; i < pos->size(); ++i) {
            const JsonValue s = pos->at(i);
            const std::string kind = str(s, "kind");
            std::string title = str(s, "name");
            if (title.empty()) title = kind.empty() ? "Point de vente" : pointOfSaleKindName(kind);
            h += "<li class=\"card\"><h3>" + esc(title) + "</h3>";
            if (!kind.empty()) h += "<p class=\"muted\">" + esc(pointOfSaleKindName(kind)) + "</p>";
            if (auto a = member(s, "address")) {
                const std::string where = addressText(*a);
                if (!where.empty()) h += "<p>" + esc(where) + "</p>";
            }
            const std::string hours = str(s, "opening_hours");
            if (!hours.empty()) h += "<p>Horaires : " + esc(hours) + "</p>";
            h += "</li>\n";
        }
        h += "</ul>\n";
    }
    h += "</section>\n";

    store::OfferQuery oq;
    oq.producer = id;
    oq.limit = kOffersShown;
    const auto offers = ctx.store.offers(oq);
    h += "<section aria-labelledby=\"offres\">\n<h2 id=\"offres\">Ses offres (" + esc(frenchInteger(offers.total)) + ")</h2>\n";
    if (offers.items.empty()) {
        h += emptyNote("Aucune offre en cours.");
    } else {
        h += offerTable(offers.items, {"Offres de " + name, false, {}});
        if (offers.total > static_cast<int64_t>(offers.items.size()))
            h += "<p><a href=\"" + esc("/?producer=" + urlEncode(id)) + "\">Voir ses " +
                 esc(countOf(offers.total, "offre", "offres")) + " dans le catalogue</a></p>\n";
    }
    h += "</section>\n";
    return {{name, "producteurs", {}}, h};
}

}  // namespace recolte::publish
