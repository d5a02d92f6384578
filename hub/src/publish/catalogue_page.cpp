// `/`: the catalogue. Search and filters (the API's parameter names, so a filtered page's address
// also works for the exports and the feed), sort, paging; each offer with its unit price.
#include <algorithm>
#include <memory>
#include <mutex>

#include "publish/facets_cache.hpp"
#include "publish/format_fr.hpp"
#include "publish/page_parts.hpp"
#include "publish/pages.hpp"
#include "publish/vocabulary_fr.hpp"
#include "recolte/sdk/text.hpp"
#include "store/store.hpp"

namespace recolte::publish {

namespace {

constexpr int64_t kPageSize = 50;

const std::vector<std::pair<std::string, std::string>> kSorts = {
    {"name", "Nom"}, {"unit_price", "Prix unitaire"}, {"updated", "Dernière modification"}};

// Beyond this many producers a select gets too long to use (and to send): a text field instead.
constexpr size_t kMaxProducerChoices = 300;

// Choices sorted by their French text, each with its offer count.
std::vector<Choice> choices(const std::vector<store::FacetValue>& facet, std::string (*name)(std::string_view)) {
    std::vector<std::pair<std::string, Choice>> keyed;  // folded text first: "Épicerie" sorts among the E
    for (const auto& f : facet) {
        std::string text = name ? name(f.value) : (f.name.empty() ? f.value : f.name);
        keyed.push_back({sdk::foldForSearch(text), {f.value, text + " (" + frenchInteger(f.count) + ")"}});
    }
    std::sort(keyed.begin(), keyed.end());
    std::vector<Choice> out;
    for (auto& k : keyed) out.push_back(std::move(k.second));
    return out;
}

std::vector<Choice> departementChoices(const std::vector<store::FacetValue>& facet) {
    std::vector<Choice> out;
    for (const auto& f : facet) out.emplace_back(f.value, departementLabel(f.value) + " (" + frenchInteger(f.count) + ")");
    std::sort(out.begin(), out.end());  // by code, as people look them up
    return out;
}

// The filters' choices in French, sorted: built once per state of the store, like the facets.
struct FilterChoices {
    std::shared_ptr<const store::OfferFacets> facets;
    std::vector<Choice> productTypes, labels, producers, departements;
};

std::shared_ptr<const FilterChoices> filterChoices(store::Store& store) {
    auto facets = cachedFacets(store);
    static std::mutex mutex;
    static std::shared_ptr<const FilterChoices> cached;
    std::lock_guard lock(mutex);
    if (!cached || cached->facets != facets) {
        auto c = std::make_shared<FilterChoices>();
        c->facets = facets;
        c->productTypes = choices(facets->product_types, productTypeName);
        c->labels = choices(facets->labels, labelName);
        if (facets->producers.size() <= kMaxProducerChoices) c->producers = choices(facets->producers, nullptr);
        c->departements = departementChoices(facets->departements);
        cached = std::move(c);
    }
    return cached;
}

}  // namespace

PageResult cataloguePage(api::ApiContext& ctx, const api::Params&, Req& req) {
    PageQuery q(req, {"q", "product_type", "label", "producer", "departement", "source", "available_on", "sort", "page"});
    store::OfferQuery oq;
    oq.q = q.text("q");
    oq.product_type = q.productType("product_type");
    oq.label = q.labelCode("label");
    oq.producer = q.text("producer", 100);
    oq.departement = q.departement("departement");
    oq.source = q.text("source", 100);
    oq.available_on = q.date("available_on");
    oq.sort = q.oneOf("sort", kSorts, "name");
    const int64_t page = q.pageNumber("page");
    oq.limit = kPageSize;
    oq.offset = (page - 1) * kPageSize;
    const auto result = ctx.store.offers(oq);
    const auto filters_ = filterChoices(ctx.store);
    const auto& facets = filters_->facets;

    const QueryPairs filters = {{"q", oq.q},           {"product_type", oq.product_type}, {"label", oq.label},
                                {"producer", oq.producer}, {"departement", oq.departement},  {"source", oq.source},
                                {"available_on", oq.available_on}, {"sort", oq.sort == "name" ? "" : oq.sort}};
    const bool filtered = !oq.q.empty() || !oq.product_type.empty() || !oq.label.empty() || !oq.producer.empty() ||
                          !oq.departement.empty() || !oq.source.empty() || !oq.available_on.empty();

    std::string h = "<h1>Catalogue des offres</h1>\n"
                    "<p class=\"lead\">Les offres de toutes les plateformes, avec un prix unitaire (au kilo, au litre ou "
                    "à la pièce) pour les comparer d’un coup d’œil.</p>\n";
    h += "<form class=\"filters\" method=\"get\" action=\"/\" role=\"search\" aria-label=\"Rechercher et filtrer les offres\">\n";
    h += "<div class=\"field wide\"><label for=\"f-q\">Rechercher</label><input id=\"f-q\" name=\"q\" type=\"search\" value=\"" +
         esc(oq.q) + "\" aria-describedby=\"f-q-hint\"><span class=\"hint\" id=\"f-q-hint\">Nom, producteur, description… "
         "(accents et majuscules indifférents)</span></div>\n";
    // The filters fold away on a phone (recolte.js) unless one is in use; open without script.
    const bool inUse = !oq.product_type.empty() || !oq.label.empty() || !oq.producer.empty() ||
                       !oq.departement.empty() || !oq.source.empty() || !oq.available_on.empty() || oq.sort != "name";
    h += std::string("<details class=\"more-filters\" open") + (inUse ? " data-active=\"1\"" : "") +
         "><summary>Filtres et tri</summary><div class=\"filter-grid\">\n";
    h += selectField("product_type", "Type de produit", filters_->productTypes, oq.product_type, "Tous les types");
    h += selectField("label", "Label", filters_->labels, oq.label, "Tous les labels");
    if (facets->producers.size() <= kMaxProducerChoices) {
        h += selectField("producer", "Producteur", filters_->producers, oq.producer, "Tous les producteurs");
    } else {
        h += inputField("producer", "Producteur (SIRET)", "text", oq.producer,
                        "Ou choisissez-le dans l’annuaire des producteurs");
    }
    h += selectField("departement", "Département", filters_->departements, oq.departement, "Tous les départements");
    std::vector<Choice> sources;
    for (const auto& name : sourceNames(ctx)) {
        int64_t count = 0;
        for (const auto& f : facets->sources)
            if (f.value == name) count = f.count;
        sources.emplace_back(name, name + " (" + frenchInteger(count) + ")");
    }
    h += selectField("source", "Plateforme", sources, oq.source, "Toutes les plateformes");
    h += inputField("available_on", "Disponible le", "date", oq.available_on);
    std::vector<Choice> sorts(kSorts.begin(), kSorts.end());
    h += selectField("sort", "Trier par", {sorts.begin() + 1, sorts.end()}, oq.sort == "name" ? "" : oq.sort, "Nom");
    h += "</div></details>\n<div class=\"actions\"><button type=\"submit\">Afficher les offres</button>";
    if (filtered) h += "<a class=\"reset\" href=\"/\">Effacer les filtres</a>";
    h += "</div>\n</form>\n";

    // The exports and the feed take the same filters (the feed only those a change carries).
    const QueryPairs feedFilters = {{"product_type", oq.product_type}, {"departement", oq.departement}, {"source", oq.source}};
    h += "<section aria-labelledby=\"resultats\">\n<h2 id=\"resultats\" class=\"results-title\">" +
         esc(countOf(result.total, "offre", "offres")) + (filtered ? " correspondant aux filtres" : "") + "</h2>\n";
    h += "<p class=\"tools\"><a href=\"" + esc("/export/offres.csv" + queryString(filters)) +
         "\">Exporter ces offres (CSV pour Excel)</a> · <a href=\"" + esc("/feed.atom" + queryString(feedFilters)) +
         "\">Suivre les changements (flux Atom)</a></p>\n";
    if (result.items.empty()) {
        h += emptyNote(result.total > 0 ? "Cette page est au-delà de la dernière page de résultats."
                                        : "Aucune offre ne correspond. Essayez d’enlever un filtre ou un mot de la recherche.");
    } else {
        h += offerTable(result.items, {"Offres, page " + frenchInteger(page) + " sur " +
                                           frenchInteger(pageCount(result.total, kPageSize)),
                                       true, {}});
    }
    h += pager("/", filters, page, kPageSize, result.total);
    h += "</section>\n";
    return {{"Catalogue des offres", "catalogue", "/feed.atom" + queryString(feedFilters)}, h};
}

}  // namespace recolte::publish
