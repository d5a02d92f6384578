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

// Who called a route that declares a role: the token's configured name (never the token itself)
// and the client's address, for the log of admin actions.
struct Caller {
    std::string token_name;
    std::string address;
};
using CallerHandler = std::function<void(ApiContext&, const Params&, const Caller&, Poco::Net::HTTPServerRequest&,
                                         Poco::Net::HTTPServerResponse&)>;

// What a route reads from the request body. A body sent to a route that reads none, or longer
// than the route's cap (config http.max_body_bytes / http.max_upload_bytes), is a 413.
enum class Body { None, Small, Upload };

// A pattern segment is a literal, "{name}" (one whole segment), or "{name}.suffix" (a segment that
// ends with ".suffix", the part before it being the parameter): "/api/v1/invoices/{id}.ubl.xml".
struct Route {
    Route(std::string method_, std::string pattern_, std::string name_, Handler handler_, std::string role_ = {},
          Body body_ = Body::None)
        : method(std::move(method_)),
          pattern(std::move(pattern_)),
          name(std::move(name_)),
          handler(std::move(handler_)),
          role(std::move(role_)),
          body(body_) {}
    // A handler that needs to know who called (the route must declare a role).
    Route(std::string method_, std::string pattern_, std::string name_, CallerHandler handler_, std::string role_,
          Body body_ = Body::None)
        : method(std::move(method_)),
          pattern(std::move(pattern_)),
          name(std::move(name_)),
          callerHandler(std::move(handler_)),
          role(std::move(role_)),
          body(body_) {}

    std::string method;
    std::string pattern;
    std::string name;  // for metrics
    Handler handler;              // one of handler and callerHandler is set
    CallerHandler callerHandler;
    std::string role;  // "" = public; else the role a bearer token must carry ("finance", "admin")
    Body body = Body::None;
};

// Every route of the daemon: the JSON API's (routes.cpp) and the publishers' (hub/src/publish/),
// each module declaring its own table.
const std::vector<Route>& routes();
std::vector<Route> apiRoutes();
std::vector<Route> invoiceRoutes();  // finance (invoice_routes.cpp)
std::vector<Route> adminRoutes();    // admin (admin_routes.cpp)
std::vector<Route> publishRoutes();

// Answers 401/403 (and returns false) unless the request carries a bearer token with `role`;
// `what` names the resource in the log; `tokenName`, when given, receives the token's configured
// name. An address that sent too many unknown tokens gets 429 with Retry-After (api/auth_throttle.hpp)
// without its token being looked at. The router calls it for routes that declare a role;
// handlers whose access depends on the data (a finance source's rejects) call it themselves.
bool authorize(ApiContext& ctx, Poco::Net::HTTPServerRequest& req, Poco::Net::HTTPServerResponse& resp,
               const std::string& role, const std::string& what, std::string* tokenName = nullptr);

class Router : public Poco::Net::HTTPRequestHandlerFactory {
public:
    explicit Router(ApiContext& ctx) : ctx_(ctx) {}
    Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest& request) override;

private:
    ApiContext& ctx_;
};

}  // namespace recolte::api
