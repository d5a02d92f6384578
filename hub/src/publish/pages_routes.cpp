// The HTML pages' routes, and the wrapper that sends a page or a French error page (400, 404, 500).
#include <Poco/Net/HTTPServerResponse.h>

#include <spdlog/spdlog.h>

#include "api/router.hpp"
#include "publish/pages.hpp"
#include "publish/static_assets.hpp"

namespace recolte::publish {

namespace {

using PageFn = PageResult (*)(api::ApiContext&, const api::Params&, Req&);

std::string errorHtml(const PageError& e, const std::string& path) {
    std::string html = "<h1>" + esc(e.title) + "</h1>\n<div class=\"notice error\" role=\"alert\"><p>" +
                       esc(e.message) + "</p></div>\n<p>";
    if (e.status == 400) html += "<a href=\"" + esc(path) + "\">Revenir à cette page sans paramètres</a> · ";
    return html + "<a href=\"/\">Aller au catalogue</a></p>\n";
}

std::string sectionOf(const std::string& path) {
    for (const char* s : {"producteurs", "besoins", "sources"})
        if (path.rfind(std::string("/") + s, 0) == 0) return s;
    return "catalogue";
}

api::Handler page(PageFn fn) {
    return [fn](api::ApiContext& ctx, const api::Params& params, Req& req, Poco::Net::HTTPServerResponse& resp) {
        const std::string uri = req.getURI();
        const std::string path = uri.substr(0, uri.find('?'));
        try {
            PageResult r = fn(ctx, params, req);
            return sendPage(resp, r.status, r.info, r.html);
        } catch (const PageError& e) {
            return sendPage(resp, e.status, {e.title, sectionOf(path), {}}, errorHtml(e, path));
        } catch (const std::exception& e) {
            spdlog::error("{} {}: {}", req.getMethod(), uri, e.what());
            if (resp.sent()) return;
            const PageError err{500, "Erreur du serveur",
                                "La page n’a pas pu être préparée. L’erreur est notée dans le journal du hub."};
            return sendPage(resp, 500, {err.title, sectionOf(path), {}}, errorHtml(err, path));
        }
    };
}

void staticFile(api::ApiContext&, const api::Params& p, Req& req, Poco::Net::HTTPServerResponse& resp) {
    sendAsset(p.at(0), req, resp);
}

}  // namespace

PageError notFound(const std::string& message) { return {404, "Page introuvable", message}; }

std::vector<std::string> sourceNames(const api::ApiContext& ctx) {
    std::vector<std::string> names;
    for (const auto& s : ctx.sources) names.push_back(s.name);
    return names;
}

}  // namespace recolte::publish

namespace recolte::api {

std::vector<Route> pageRoutes() {
    using namespace recolte::publish;
    return {
        {"GET", "/", "page_catalogue", page(cataloguePage)},
        {"GET", "/offres/{id}", "page_offer", page(offerPage)},
        {"GET", "/producteurs", "page_producers", page(producersPage)},
        {"GET", "/producteurs/{id}", "page_producer", page(producerPage)},
        {"GET", "/besoins", "page_needs", page(needsPage)},
        {"GET", "/besoins/{id}", "page_need", page(needPage)},
        {"GET", "/sources", "page_sources", page(sourcesPage)},
        {"GET", "/sources/{name}", "page_source", page(sourcePage)},
        {"GET", "/static/{name}", "static", staticFile},
    };
}

}  // namespace recolte::api
