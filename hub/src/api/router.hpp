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

// A pattern segment is a literal, "{name}" (one whole segment), or "{name}.suffix" (a segment that
// ends with ".suffix", the part before it being the parameter): "/api/v1/invoices/{id}.ubl.xml".
struct Route {
    Route(std::string method_, std::string pattern_, std::string name_, Handler handler_, std::string role_ = {})
        : method(std::move(method_)),
          pattern(std::move(pattern_)),
          name(std::move(name_)),
          handler(std::move(handler_)),
          role(std::move(role_)) {}

    std::string method;
    std::string pattern;
    std::string name;  // for metrics
    Handler handler;
    std::string role;  // "" = public; else the role a bearer token must carry ("finance")
};

// Every route of the daemon: the JSON API's (routes.cpp) and the publishers' (hub/src/publish/),
// each module declaring its own table.
const std::vector<Route>& routes();
std::vector<Route> apiRoutes();
std::vector<Route> invoiceRoutes();  // finance (invoice_routes.cpp)
std::vector<Route> publishRoutes();

// Answers 401/403 (and returns false) unless the request carries a bearer token with `role`;
// `what` names the resource in the log. The router calls it for routes that declare a role;
// handlers whose access depends on the data (a finance source's rejects) call it themselves.
bool authorize(ApiContext& ctx, Poco::Net::HTTPServerRequest& req, Poco::Net::HTTPServerResponse& resp,
               const std::string& role, const std::string& what);

class Router : public Poco::Net::HTTPRequestHandlerFactory {
public:
    explicit Router(ApiContext& ctx) : ctx_(ctx) {}
    Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest& request) override;

private:
    ApiContext& ctx_;
};

}  // namespace recolte::api
