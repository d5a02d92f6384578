// `/besoins`: open needs (Agrilocal consultations, associations' needs) with quantity, delivery
// window and answer deadline; the other statuses on request.
#include <algorithm>

#include "publish/facets_cache.hpp"
#include "publish/format_fr.hpp"
#include "publish/need_parts.hpp"
#include "publish/page_parts.hpp"
#include "publish/pages.hpp"
#include "publish/vocabulary_fr.hpp"
#include "store/store.hpp"

namespace recolte::publish {

namespace {

constexpr int64_t kPageSize = 50;

const std::vector<std::pair<std::string, std::string>> kStatuses = {
    {"open", "ouverts, date limite non passée"}, {"awarded", "attribués"}, {"closed", "clos"}, {"all", "tous"}};

}  // namespace

PageResult needsPage(api::ApiContext& ctx, const api::Params&, Req& req) {
    PageQuery q(req, {"q", "departement", "source", "status", "page"});
    store::NeedQuery nq;
    nq.q = q.text("q");
    nq.departement = q.departement("departement");
    nq.source = q.text("source", 100);
    const std::string status = q.oneOf("status", kStatuses, "open");
    if (status == "open") {
        nq.open_on = todayInParis();  // open, and still time to answer
    } else if (status != "all") {
        nq.status = status;
    }
    const int64_t page = q.pageNumber("page");
    nq.limit = kPageSize;
    nq.offset = (page - 1) * kPageSize;
    const auto result = ctx.store.needs(nq);
    const QueryPairs filters = {{"q", nq.q}, {"departement", nq.departement}, {"source", nq.source},
                                {"status", status == "open" ? "" : status}};
    const bool filtered = !nq.q.empty() || !nq.departement.empty() || !nq.source.empty() || status != "open";

    std::string h = "<h1>Besoins des acheteurs</h1>\n<p class=\"lead\">Les consultations et besoins ouverts (cantines, "
                    "CCAS, associations) : quantité, période de livraison et date limite pour répondre. Chaque besoin "
                    "liste les offres qui pourraient y répondre.</p>\n";
    h += "<form class=\"filters\" method=\"get\" action=\"/besoins\" role=\"search\" aria-label=\"Filtrer les besoins\">\n";
    h += inputField("q", "Rechercher", "search", nq.q, "Produit, acheteur…");
    std::vector<Choice> deps;
    for (const auto& f : cachedFacets(ctx.store)->need_departements) deps.emplace_back(f.value, departementLabel(f.value));
    std::sort(deps.begin(), deps.end());
    h += selectField("departement", "Département", deps, nq.departement, "Tous les départements");
    std::vector<Choice> sources;
    for (const auto& name : sourceNames(ctx)) sources.emplace_back(name, name);
    h += selectField("source", "Plateforme", sources, nq.source, "Toutes les plateformes");
    std::vector<Choice> statuses = {{"awarded", "Attribués"}, {"closed", "Clos"}, {"all", "Tous"}};
    h += selectField("status", "État", statuses, status == "open" ? "" : status, "Ouverts");
    h += "<div class=\"actions\"><button type=\"submit\">Afficher les besoins</button>";
    if (filtered) h += "<a class=\"reset\" href=\"/besoins\">Revenir aux besoins ouverts</a>";
    h += "</div>\n</form>\n";

    h += "<section aria-labelledby=\"resultats\">\n<h2 id=\"resultats\" class=\"results-title\">" +
         esc(countOf(result.total, "besoin", "besoins")) + (status == "open" ? " ouvert" + std::string(result.total > 1 ? "s" : "") : "") +
         "</h2>\n";
    if (result.items.empty()) {
        h += emptyNote(result.total > 0 ? "Cette page est au-delà de la dernière page de résultats."
                                        : "Aucun besoin ne correspond à ces critères pour l’instant.");
    } else {
        h += needsTable(result.items, "Besoins, page " + frenchInteger(page) + " sur " +
                                          frenchInteger(pageCount(result.total, kPageSize)));
    }
    h += pager("/besoins", filters, page, kPageSize, result.total);
    h += "</section>\n";
    return {{"Besoins des acheteurs", "besoins", {}}, h};
}

}  // namespace recolte::publish
