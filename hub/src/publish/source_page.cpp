// `/sources/{name}`: one source's last sync and what it refused: file, line or element, and the
// reason in plain French, so a PAT officer can tell the platform what to fix.
#include "publish/format_fr.hpp"
#include "publish/page_parts.hpp"
#include "publish/pages.hpp"
#include "publish/source_parts.hpp"
#include "store/store.hpp"

namespace recolte::publish {

namespace {

constexpr int64_t kPageSize = 100;

std::string whereText(const JsonValue& r) {
    std::string out = str(r, "file");
    if (out.empty()) out = str(r, "url");
    const std::string line = str(r, "line"), column = str(r, "column"), element = str(r, "element");
    std::string at;
    if (!line.empty()) at = "ligne " + line;
    if (!column.empty()) at += (at.empty() ? "" : ", ") + std::string("colonne ") + column;
    if (!element.empty()) at += (at.empty() ? "" : ", ") + std::string("élément ") + element;
    if (out.empty()) return at;
    return at.empty() ? out : out + " — " + at;
}

}  // namespace

PageResult sourcePage(api::ApiContext& ctx, const api::Params& params, Req& req) {
    PageQuery q(req, {"page"});
    const std::string& name = params.at(0);
    const api::ConfiguredSource* src = nullptr;
    for (const auto& s : ctx.sources)
        if (s.name == name) src = &s;
    if (!src) throw notFound("Aucune source ne s’appelle « " + name + " ». La liste des sources configurées est sur la page Sources.");
    const int64_t page = q.pageNumber("page");

    std::string h = "<nav class=\"breadcrumb\" aria-label=\"Fil d’Ariane\"><a href=\"/sources\">Sources</a> › <span>" +
                    esc(name) + "</span></nav>\n<h1>Source « " + esc(name) + " »</h1>\n";
    std::string dl = "<dl class=\"details\">\n";
    const auto row = [&](const char* term, const std::string& html) {
        dl += std::string("<div><dt>") + term + "</dt><dd>" + html + "</dd></div>\n";
    };
    row("Connecteur", esc(src->connector));
    row("Fréquence", esc(everyText(src->every_seconds)));
    const auto run = lastRun(ctx.store, name);
    if (!run) {
        row("Dernière synchronisation", "Pas encore synchronisée");
    } else {
        row("Dernière synchronisation", "<time datetime=\"" + esc(run->finished) + "\">" + esc(frenchDateTime(run->finished)) +
                                            "</time> (durée " + esc(frenchDuration(run->duration_seconds)) + ")");
        row("Résultat", outcomeBadge(*run));
        if (!run->error.empty()) row("Erreur", "<span class=\"warning\">" + esc(run->error) + "</span>");
        const auto& c = run->counts;
        row("Enregistrements lus", esc(frenchInteger(c.read)) + " dont " + esc(frenchInteger(c.accepted)) + " acceptés et " +
                                       esc(frenchInteger(c.rejected)) + " refusés");
        row("Changements", esc(frenchInteger(c.added)) + " ajoutés, " + esc(frenchInteger(c.changed)) + " modifiés, " +
                               esc(frenchInteger(c.removed)) + " retirés, " + esc(frenchInteger(c.unchanged)) + " inchangés");
    }
    h += "<section aria-labelledby=\"synchro\">\n<h2 id=\"synchro\">Dernière synchronisation</h2>\n" + dl + "</dl>\n";
    h += "<p class=\"tools\"><a href=\"" + esc("/?source=" + urlEncode(name)) + "\">Voir les offres de cette source</a></p>\n";
    h += "</section>\n";

    if (src->finance) {
        // Invoice rejects quote invoices: finance data, served by the API to a finance token only.
        store::RejectQuery count;
        count.source = name;
        count.limit = 1;
        const int64_t total = ctx.store.rejects(count).total;
        h += "<section aria-labelledby=\"refus\">\n<h2 id=\"refus\">Enregistrements refusés (" + esc(frenchInteger(total)) +
             ")</h2>\n<p>Cette source lit des factures : le détail de ses refus n’est pas public. Le service financier le "
             "consulte avec son jeton d’accès à l’adresse <code>" + esc("/api/v1/sources/" + urlEncode(name) + "/rejects") +
             "</code>.</p>\n</section>\n";
        return {{"Source " + name, "sources", {}}, h};
    }
    store::RejectQuery rq;
    rq.source = name;
    rq.limit = kPageSize;
    rq.offset = (page - 1) * kPageSize;
    const auto rejects = ctx.store.rejects(rq);
    h += "<section aria-labelledby=\"refus\">\n<h2 id=\"refus\">Enregistrements refusés (" + esc(frenchInteger(rejects.total)) +
         ")</h2>\n";
    if (rejects.items.empty()) {
        h += emptyNote(rejects.total > 0 ? "Cette page est au-delà de la dernière page."
                                         : "La dernière synchronisation n’a rien refusé.");
    } else {
        h += "<div class=\"table-wrap\"><table class=\"responsive rejects\">\n<caption>Ce que la plateforme doit corriger, "
             "page " + frenchInteger(page) + " sur " + frenchInteger(pageCount(rejects.total, kPageSize)) +
             "</caption>\n<thead><tr><th scope=\"col\">Où</th><th scope=\"col\">Motif</th><th scope=\"col\">Extrait</th>"
             "</tr></thead>\n<tbody>\n";
        for (const auto& text : rejects.items) {
            const auto doc = parseDoc(text);
            const JsonValue r = doc.root();
            const std::string excerpt = str(r, "excerpt");
            h += "<tr><th scope=\"row\" data-label=\"Où\">" + esc(whereText(r)) + "</th><td data-label=\"Motif\">" +
                 esc(str(r, "reason")) + "</td><td data-label=\"Extrait\">" +
                 (excerpt.empty() ? std::string("—") : "<code class=\"excerpt\">" + esc(excerpt) + "</code>") + "</td></tr>\n";
        }
        h += "</tbody></table></div>\n";
    }
    h += pager("/sources/" + urlEncode(name), {}, page, kPageSize, rejects.total);
    h += "</section>\n";
    return {{"Source " + name, "sources", {}}, h};
}

}  // namespace recolte::publish
