#include "api/router.hpp"

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/URI.h>

#include <spdlog/spdlog.h>

#include "api/auth.hpp"
#include "api/http_util.hpp"

namespace recolte::api {

namespace {

std::vector<std::string> segments(const std::string& path) {
    std::vector<std::string> out;
    size_t start = 1;
    while (start <= path.size()) {
        size_t end = path.find('/', start);
        if (end == std::string::npos) end = path.size();
        out.push_back(path.substr(start, end - start));
        start = end + 1;
    }
    if (!out.empty() && out.back().empty()) out.pop_back();  // trailing slash
    return out;
}

bool match(const std::string& pattern, const std::vector<std::string>& path, Params& params) {
    auto pat = segments(pattern);
    if (pat.size() != path.size()) return false;
    params.clear();
    for (size_t i = 0; i < pat.size(); ++i) {
        const auto close = pat[i].find('}');
        if (pat[i].size() > 2 && pat[i].front() == '{' && close == pat[i].size() - 1) {
            if (path[i].empty()) return false;
            params.push_back(path[i]);
        } else if (!pat[i].empty() && pat[i].front() == '{' && close != std::string::npos) {
            const std::string suffix = pat[i].substr(close + 1);
            if (path[i].size() <= suffix.size() ||
                path[i].compare(path[i].size() - suffix.size(), suffix.size(), suffix) != 0)
                return false;
            params.push_back(path[i].substr(0, path[i].size() - suffix.size()));
        } else if (pat[i] != path[i]) {
            return false;
        }
    }
    return true;
}

class RouteHandler : public Poco::Net::HTTPRequestHandler {
public:
    RouteHandler(ApiContext& ctx, const Route* route, Params params, int status, std::string error,
                 std::string allow = {})
        : ctx_(ctx),
          route_(route),
          params_(std::move(params)),
          status_(status),
          error_(std::move(error)),
          allow_(std::move(allow)) {}

    void handleRequest(Poco::Net::HTTPServerRequest& req, Poco::Net::HTTPServerResponse& resp) override {
        std::string name = route_ ? route_->name : (status_ == 405 ? "method_not_allowed" : "not_found");
        try {
            if (!route_) {
                if (status_ == 405) resp.set("Allow", allow_);
                sendError(resp, status_, status_ == 405 ? "method_not_allowed" : "not_found", error_);
            } else if (allowed(req, resp)) {
                route_->handler(ctx_, params_, req, resp);
            }
        } catch (const BadParameter& bad) {
            if (!resp.sent()) sendError(resp, 400, "bad_parameter", bad.message, bad.parameter);
        } catch (const std::exception& e) {
            spdlog::error("{} {}: {}", req.getMethod(), req.getURI(), e.what());
            if (!resp.sent()) sendError(resp, 500, "internal_error", "internal error; see the hub's log");
        }
        ctx_.metrics.countRequest(name, static_cast<int>(resp.getStatus()));
    }

private:
    bool allowed(Poco::Net::HTTPServerRequest& req, Poco::Net::HTTPServerResponse& resp) {
        return route_->role.empty() || authorize(ctx_, req, resp, route_->role, route_->pattern);
    }

    ApiContext& ctx_;
    const Route* route_;
    Params params_;
    int status_;
    std::string error_;
    std::string allow_;  // 405: the methods this path takes
};

}  // namespace

// A bearer token carrying `role`: 401 without a known token, 403 with one that lacks the role. Only
// the token's configured name is ever logged.
bool authorize(ApiContext& ctx, Poco::Net::HTTPServerRequest& req, Poco::Net::HTTPServerResponse& resp,
               const std::string& role, const std::string& what) {
    AuthResult r;
    if (ctx.auth) r = ctx.auth->check(req.get("Authorization", ""), role);
    if (r.outcome == AuthOutcome::Allowed) return true;
    if (r.outcome == AuthOutcome::Forbidden) {
        spdlog::info("{} {}: token \"{}\" lacks the role {}", req.getMethod(), what, r.token_name, role);
        sendError(resp, 403, "forbidden", "ce jeton n'a pas le rôle « " + role + " » que demande cette adresse");
        return false;
    }
    resp.set("WWW-Authenticate", "Bearer realm=\"recolte\"");
    sendError(resp, 401, "unauthorized",
              req.has("Authorization")
                  ? "jeton d'accès inconnu : vérifiez le jeton envoyé dans « Authorization: Bearer … »"
                  : "authentification requise : envoyez un jeton d'accès dans l'en-tête « Authorization: Bearer … »");
    return false;
}

Poco::Net::HTTPRequestHandler* Router::createRequestHandler(const Poco::Net::HTTPServerRequest& request) {
    std::string path;
    try {
        Poco::URI uri(request.getURI());
        path = uri.getPath();
    } catch (const Poco::Exception&) {
        return new RouteHandler(ctx_, nullptr, {}, 404, "malformed request URI");
    }
    auto segs = segments(path.empty() ? "/" : path);
    Params params;
    std::string allow;
    for (const auto& route : routes()) {
        if (!match(route.pattern, segs, params)) continue;
        if (route.method == request.getMethod() || (route.method == "GET" && request.getMethod() == "HEAD"))
            return new RouteHandler(ctx_, &route, params, 200, {});
        if (allow.find(route.method) == std::string::npos)
            allow += (allow.empty() ? "" : ", ") + route.method + (route.method == "GET" ? ", HEAD" : "");
    }
    if (!allow.empty())
        return new RouteHandler(ctx_, nullptr, {}, 405, "method " + request.getMethod() + " not allowed here", allow);
    return new RouteHandler(ctx_, nullptr, {}, 404, "no such resource: " + path);
}

}  // namespace recolte::api
