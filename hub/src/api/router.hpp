// The HTTP routes, declared once in a table: method, path pattern ("{id}" matches one segment),
// handler. Unknown path = 404 JSON, wrong method = 405.
#pragma once

#include <Poco/Net/HTTPRequestHandlerFactory.h>

#include <functional>
#include <string>
#include <vector>

#include "api/api_context.hpp"

namespace recolte::api {

using Params = std::vector<std::string>;  // the values of the {placeholders}, in order
using Handler = std::function<void(ApiContext&, const Params&, Poco::Net::HTTPServerRequest&,
                                   Poco::Net::HTTPServerResponse&)>;

struct Route {
    std::string method;
    std::string pattern;
    std::string name;  // for metrics
    Handler handler;
};

// Every route of the daemon: the JSON API's (routes.cpp) and the publishers' (hub/src/publish/),
// each module declaring its own table.
const std::vector<Route>& routes();
std::vector<Route> apiRoutes();
std::vector<Route> publishRoutes();

class Router : public Poco::Net::HTTPRequestHandlerFactory {
public:
    explicit Router(ApiContext& ctx) : ctx_(ctx) {}
    Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest& request) override;

private:
    ApiContext& ctx_;
};

}  // namespace recolte::api
