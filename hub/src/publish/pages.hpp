// The server-rendered French pages: one function per page (catalogue_page.cpp, offer_page.cpp...),
// wrapped by pages_routes.cpp, which sends the result or turns a PageError into a French error page.
#pragma once

#include <Poco/Net/HTTPServerRequest.h>

#include <string>

#include "api/router.hpp"
#include "publish/html.hpp"
#include "publish/page_query.hpp"

namespace recolte::publish {

struct PageResult {
    PageInfo info;
    std::string html;  // the content of <main>, with its one <h1>
    int status = 200;
};

using Req = Poco::Net::HTTPServerRequest;

PageResult cataloguePage(api::ApiContext& ctx, const api::Params& params, Req& req);
PageResult offerPage(api::ApiContext& ctx, const api::Params& params, Req& req);
PageResult producersPage(api::ApiContext& ctx, const api::Params& params, Req& req);
PageResult producerPage(api::ApiContext& ctx, const api::Params& params, Req& req);
PageResult needsPage(api::ApiContext& ctx, const api::Params& params, Req& req);
PageResult needPage(api::ApiContext& ctx, const api::Params& params, Req& req);
PageResult sourcesPage(api::ApiContext& ctx, const api::Params& params, Req& req);
PageResult sourcePage(api::ApiContext& ctx, const api::Params& params, Req& req);

// A 404 for a record that does not exist ("Aucune offre ne porte l’identifiant …").
PageError notFound(const std::string& message);

// The configured source names (what the platform filters offer), in configuration order.
std::vector<std::string> sourceNames(const api::ApiContext& ctx);

}  // namespace recolte::publish
