// `/sources`: each configured source's last sync: when, outcome, counts, duration.
#include "publish/format_fr.hpp"
#include "publish/page_parts.hpp"
#include "publish/pages.hpp"
#include "publish/source_parts.hpp"
#include "store/store.hpp"

namespace recolte::publish {

namespace {

std::string count(const char* label, int64_t n) {
    return std::string("<td data-label=\"") + label + "\" class=\"num\">" + esc(frenchInteger(n)) + "</td>";
}

}  // namespace

PageResult sourcesPage(api::ApiContext& ctx, const api::Params&, Req& req) {
    PageQuery q(req, {});
    const auto states = ctx.store.sources();
    std::string h = "<h1>État des sources</h1>\n<p class=\"lead\">La dernière synchronisation de chaque plateforme : "
                    "ce qui a été lu, accepté, refusé, et ce qui a changé. Les lignes refusées sont détaillées sur la "
                    "page de chaque source, pour pouvoir signaler à la plateforme ce qu’il faut corriger.</p>\n";
    if (ctx.sources.empty()) {
        h += emptyNote("Aucune source n’est configurée.");
        return {{"État des sources", "sources", {}}, h};
    }
    h += "<div class=\"table-wrap\"><table class=\"responsive sources\">\n<caption>" +
         esc(countOf(static_cast<int64_t>(ctx.sources.size()), "source configurée", "sources configurées")) +
         "</caption>\n<thead><tr><th scope=\"col\">Source</th><th scope=\"col\">Dernière synchronisation</th>"
         "<th scope=\"col\">Résultat</th><th scope=\"col\">Lus</th><th scope=\"col\">Acceptés</th>"
         "<th scope=\"col\">Refusés</th><th scope=\"col\">Ajoutés</th><th scope=\"col\">Modifiés</th>"
         "<th scope=\"col\">Retirés</th><th scope=\"col\">Durée</th></tr></thead>\n<tbody>\n";
    for (const auto& src : ctx.sources) {
        std::optional<model::SyncRun> run;
        for (const auto& st : states)
            if (st.name == src.name) run = st.last_run;
        h += "<tr><th scope=\"row\" data-label=\"Source\">" + link("/sources/", src.name, src.name) +
             "<span class=\"sub\">" + esc("connecteur " + src.connector + ", " + everyText(src.every_seconds)) +
             "</span></th>";
        if (!run) {
            h += "<td data-label=\"Dernière synchronisation\" colspan=\"9\">Pas encore synchronisée</td></tr>\n";
            continue;
        }
        h += "<td data-label=\"Dernière synchronisation\"><time datetime=\"" + esc(run->finished) + "\">" +
             esc(frenchDateTime(run->finished)) + "</time></td>";
        h += "<td data-label=\"Résultat\">" + outcomeBadge(*run);
        if (!run->error.empty()) h += "<span class=\"sub\">" + esc(run->error) + "</span>";
        h += "</td>";
        const auto& c = run->counts;
        h += count("Lus", c.read) + count("Acceptés", c.accepted);
        h += "<td data-label=\"Refusés\" class=\"num\">" +
             (c.rejected > 0 ? "<a href=\"" + esc("/sources/" + urlEncode(src.name)) + "#refus\">" +
                                   esc(frenchInteger(c.rejected)) + "</a>"
                             : std::string("0")) +
             "</td>";
        h += count("Ajoutés", c.added) + count("Modifiés", c.changed) + count("Retirés", c.removed);
        h += "<td data-label=\"Durée\" class=\"num\">" + esc(frenchDuration(run->duration_seconds)) + "</td></tr>\n";
    }
    h += "</tbody></table></div>\n";
    return {{"État des sources", "sources", {}}, h};
}

}  // namespace recolte::publish
