#include "api/router.hpp"

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/URI.h>

#include <spdlog/spdlog.h>

#include "api/auth.hpp"
#include "api/auth_throttle.hpp"
#include "api/http_util.hpp"
#include "api/request_limits.hpp"

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
    RouteHandler(ApiContext& ctx, const Route* route, Params params) : ctx_(ctx), route_(route), params_(std::move(params)) {}
    // No route runs: answers `status` with the error `code` and `message` (405: `allow` lists the methods).
    RouteHandler(ApiContext& ctx, int status, std::string code, std::string message, std::string allow = {})
        : ctx_(ctx), status_(status), code_(std::move(code)), error_(std::move(message)), allow_(std::move(allow)) {}

    void handleRequest(Poco::Net::HTTPServerRequest& req, Poco::Net::HTTPServerResponse& resp) override {
        std::string name = route_ ? route_->name : code_;
        // Whatever the answer, a body left unread must not be taken for the next request.
        if (hasBody(req)) resp.setKeepAlive(false);
        try {
            if (!route_) {
                if (status_ == 405) resp.set("Allow", allow_);
                sendError(resp, status_, code_, error_);
            } else {
                Caller caller{{}, req.clientAddress().host().toString()};
                const bool allowed = route_->role.empty() ||
                                     authorize(ctx_, req, resp, route_->role, route_->pattern, &caller.token_name);
                if (allowed && bodyAccepted(req, resp)) {
                    if (route_->callerHandler) route_->callerHandler(ctx_, params_, caller, req, resp);
                    else route_->handler(ctx_, params_, req, resp);
                }
            }
        } catch (const BadParameter& bad) {
            if (!resp.sent()) sendError(resp, 400, "bad_parameter", bad.message, bad.parameter);
        } catch (const std::exception& e) {
            spdlog::error("{} {}: {}", req.getMethod(), req.getURI(), e.what());
            if (!resp.sent()) sendError(resp, 500, "internal_error", "internal error; see the hub's log");
        }
        if (hasBody(req) && resp.sent()) discardUnreadBody(req);
        ctx_.metrics.countRequest(name, static_cast<int>(resp.getStatus()));
    }

private:
    // 413 (and false) for a body this route does not read, or one declared longer than its cap.
    bool bodyAccepted(Poco::Net::HTTPServerRequest& req, Poco::Net::HTTPServerResponse& resp) {
        if (!hasBody(req)) return true;
        if (route_->body == Body::None) {
            sendError(resp, 413, "payload_too_large", "cette adresse ne prend pas de corps de requête");
            return false;
        }
        const int64_t cap = route_->body == Body::Upload ? ctx_.limits.max_upload_bytes : ctx_.limits.max_body_bytes;
        if (auto declared = declaredBeyond(req, cap)) {
            sendError(resp, 413, "payload_too_large",
                      "corps de requête trop gros : " + std::to_string(*declared) + " octets (" + frenchSize(cap) +
                          " au plus)");
            return false;
        }
        return true;
    }

    ApiContext& ctx_;
    const Route* route_ = nullptr;
    Params params_;
    int status_ = 200;
    std::string code_;
    std::string error_;
    std::string allow_;  // 405: the methods this path takes
};

}  // namespace

// A bearer token carrying `role`: 401 without a known token, 403 with one that lacks the role. Only
// the token's configured name is ever logged.
bool authorize(ApiContext& ctx, Poco::Net::HTTPServerRequest& req, Poco::Net::HTTPServerResponse& resp,
               const std::string& role, const std::string& what, std::string* tokenName) {
    const std::string address = req.clientAddress().host().toString();
    if (ctx.throttle) {
        if (const int64_t wait = ctx.throttle->waitSeconds(address); wait > 0) {
            resp.set("Retry-After", std::to_string(wait));
            sendError(resp, 429, "too_many_requests",
                      "trop de jetons inconnus envoyés depuis cette adresse : réessayez dans " + std::to_string(wait) +
                          " s");
            return false;
        }
    }
    AuthResult r;
    if (ctx.auth) r = ctx.auth->check(req.get("Authorization", ""), role);
    if (r.outcome != AuthOutcome::Unauthenticated && ctx.throttle) ctx.throttle->success(address);
    if (r.outcome == AuthOutcome::Allowed) {
        if (tokenName) *tokenName = r.token_name;
        return true;
    }
    if (r.outcome == AuthOutcome::Forbidden) {
        spdlog::info("{} {}: token \"{}\" lacks the role {}", req.getMethod(), what, r.token_name, role);
        sendError(resp, 403, "forbidden", "ce jeton n'a pas le rôle « " + role + " » que demande cette adresse");
        return false;
    }
    // Only a token presented counts as a guess; a request without one is simply told to send one.
    if (req.has("Authorization") && ctx.throttle) {
        if (const int64_t wait = ctx.throttle->failure(address); wait > 0)
            spdlog::warn("{} {}: unknown token from {}; that address waits {} s before its next try", req.getMethod(),
                         what, address, wait);
    }
    resp.set("WWW-Authenticate", "Bearer realm=\"recolte\"");
    sendError(resp, 401, "unauthorized",
              req.has("Authorization")
                  ? "jeton d'accès inconnu : vérifiez le jeton envoyé dans « Authorization: Bearer … »"
                  : "authentification requise : envoyez un jeton d'accès dans l'en-tête « Authorization: Bearer … »");
    return false;
}

Poco::Net::HTTPRequestHandler* Router::createRequestHandler(const Poco::Net::HTTPServerRequest& request) {
    if (auto breach = checkHeaderLimits(request, ctx_.limits))
        return new RouteHandler(ctx_, breach->status, breach->code, breach->message);
    std::string path;
    try {
        Poco::URI uri(request.getURI());
        path = uri.getPath();
    } catch (const Poco::Exception&) {
        return new RouteHandler(ctx_, 404, "not_found", "malformed request URI");
    }
    auto segs = segments(path.empty() ? "/" : path);
    Params params;
    std::string allow;
    for (const auto& route : routes()) {
        if (!match(route.pattern, segs, params)) continue;
        if (route.method == request.getMethod() || (route.method == "GET" && request.getMethod() == "HEAD"))
            return new RouteHandler(ctx_, &route, params);
        if (allow.find(route.method) == std::string::npos)
            allow += (allow.empty() ? "" : ", ") + route.method + (route.method == "GET" ? ", HEAD" : "");
    }
    if (!allow.empty())
        return new RouteHandler(ctx_, 405, "method_not_allowed", "method " + request.getMethod() + " not allowed here",
                                allow);
    return new RouteHandler(ctx_, 404, "not_found", "no such resource: " + path);
}

}  // namespace recolte::api
