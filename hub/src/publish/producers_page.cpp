// `/producteurs`: the shared directory of producers and their points of sale, across platforms,
// with how many offers each has now; exportable as CSV for the same filters.
#include <algorithm>

#include "publish/facets_cache.hpp"
#include "publish/format_fr.hpp"
#include "publish/page_parts.hpp"
#include "publish/pages.hpp"
#include "publish/vocabulary_fr.hpp"
#include "store/store.hpp"

namespace recolte::publish {

namespace {

constexpr int64_t kPageSize = 50;

std::string pointsOfSale(const JsonValue& producer) {
    auto list = member(producer, "points_of_sale");
    if (!list || list->size() == 0) return "<span class=\"muted\">—</span>";
    std::string out = "<ul class=\"plain\">";
    for (size_t i = 0; i < list->size(); ++i) {
        const JsonValue pos = list->at(i);
        std::string name = str(pos, "name");
        const std::string kind = str(pos, "kind");
        if (name.empty()) name = kind.empty() ? "Point de vente" : pointOfSaleKindName(kind);
        out += "<li>" + esc(name);
        if (!kind.empty() && name != pointOfSaleKindName(kind)) out += " <span class=\"muted\">(" + esc(pointOfSaleKindName(kind)) + ")</span>";
        if (auto a = member(pos, "address")) {
            const std::string where = str(*a, "city");
            if (!where.empty()) out += " · " + esc(where);
        }
        out += "</li>";
    }
    return out + "</ul>";
}

std::string platforms(const JsonValue& producer) {
    std::string out;
    for (const auto& s : strings(producer, "sources")) out += (out.empty() ? "" : ", ") + link("/sources/", s, s);
    return out.empty() ? "<span class=\"muted\">—</span>" : out;
}

}  // namespace

PageResult producersPage(api::ApiContext& ctx, const api::Params&, Req& req) {
    PageQuery q(req, {"q", "departement", "source", "page"});
    store::ProducerQuery pq;
    pq.q = q.text("q");
    pq.departement = q.departement("departement");
    pq.source = q.text("source", 100);
    const int64_t page = q.pageNumber("page");
    pq.limit = kPageSize;
    pq.offset = (page - 1) * kPageSize;
    const auto result = ctx.store.producers(pq);
    const auto facets = cachedFacets(ctx.store);
    const QueryPairs filters = {{"q", pq.q}, {"departement", pq.departement}, {"source", pq.source}};
    const bool filtered = !pq.q.empty() || !pq.departement.empty() || !pq.source.empty();

    std::string h = "<h1>Producteurs et points de vente</h1>\n<p class=\"lead\">La liste partagée des producteurs présents "
                    "sur les plateformes, avec leurs points de vente. Un même producteur (même SIRET) vendu sur plusieurs "
                    "plateformes n’apparaît qu’une fois.</p>\n";
    h += "<form class=\"filters\" method=\"get\" action=\"/producteurs\" role=\"search\" aria-label=\"Rechercher un producteur\">\n";
    h += inputField("q", "Rechercher", "search", pq.q, "Nom, commune…");
    std::vector<Choice> deps;
    for (const auto& f : facets->producer_departements)
        deps.emplace_back(f.value, departementLabel(f.value) + " (" + frenchInteger(f.count) + ")");
    std::sort(deps.begin(), deps.end());
    h += selectField("departement", "Département", deps, pq.departement, "Tous les départements");
    std::vector<Choice> sources;
    for (const auto& name : sourceNames(ctx)) sources.emplace_back(name, name);
    h += selectField("source", "Plateforme", sources, pq.source, "Toutes les plateformes");
    h += "<div class=\"actions\"><button type=\"submit\">Afficher les producteurs</button>";
    if (filtered) h += "<a class=\"reset\" href=\"/producteurs\">Effacer les filtres</a>";
    h += "</div>\n</form>\n";

    h += "<section aria-labelledby=\"resultats\">\n<h2 id=\"resultats\" class=\"results-title\">" +
         esc(countOf(result.total, "producteur", "producteurs")) + "</h2>\n";
    h += "<p class=\"tools\"><a href=\"" + esc("/export/producteurs.csv" + queryString(filters)) +
         "\">Exporter cette liste (CSV pour Excel)</a></p>\n";
    if (result.items.empty()) {
        h += emptyNote(result.total > 0 ? "Cette page est au-delà de la dernière page de résultats."
                                        : "Aucun producteur ne correspond à ces critères.");
    } else {
        h += "<div class=\"table-wrap\"><table class=\"responsive\">\n<caption>Producteurs, page " + frenchInteger(page) +
             " sur " + frenchInteger(pageCount(result.total, kPageSize)) +
             "</caption>\n<thead><tr><th scope=\"col\">Producteur</th><th scope=\"col\">Adresse</th>"
             "<th scope=\"col\">Points de vente</th><th scope=\"col\">Plateformes</th><th scope=\"col\">Offres en cours</th>"
             "</tr></thead>\n<tbody>\n";
        for (const auto& text : result.items) {
            const auto doc = parseDoc(text);
            const JsonValue p = doc.root();
            const std::string id = str(p, "id");
            int64_t offers = 0;
            for (const auto& f : facets->producers)
                if (f.value == id) offers = f.count;
            std::string address;
            if (auto a = member(p, "address")) {
                address = esc(addressText(*a));
                const std::string dep = str(*a, "departement");
                if (!dep.empty()) address += "<span class=\"sub\">" + esc(departementLabel(dep)) + "</span>";
            }
            h += "<tr><th scope=\"row\" data-label=\"Producteur\">" + link("/producteurs/", id, str(p, "name"));
            const std::string siret = str(p, "siret");
            h += "<span class=\"sub\">" + (siret.empty() ? std::string("SIRET manquant") : "SIRET " + esc(siret)) + "</span></th>";
            h += "<td data-label=\"Adresse\">" + (address.empty() ? "<span class=\"muted\">—</span>" : address) + "</td>";
            h += "<td data-label=\"Points de vente\">" + pointsOfSale(p) + "</td>";
            h += "<td data-label=\"Plateformes\">" + platforms(p) + "</td>";
            h += "<td data-label=\"Offres en cours\">" +
                 (offers > 0 ? "<a href=\"" + esc("/?producer=" + urlEncode(id)) + "\">" + esc(countOf(offers, "offre", "offres")) + "</a>"
                             : std::string("Aucune")) +
                 "</td></tr>\n";
        }
        h += "</tbody></table></div>\n";
    }
    h += pager("/producteurs", filters, page, kPageSize, result.total);
    h += "</section>\n";
    return {{"Producteurs et points de vente", "producteurs", {}}, h};
}

}  // namespace recolte::publish
