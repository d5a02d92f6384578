#include "publish/static_assets.hpp"

#include <array>

#include "api/http_util.hpp"
#include "recolte/sdk/text.hpp"

namespace recolte::publish {

namespace {

struct Asset {
    std::string_view name;
    std::string_view contentType;
    std::string_view body;
    std::string etag;  // quoted, from the content
};

const std::array<Asset, 2>& assets() {
    static const std::array<Asset, 2> all = [] {
        const auto tag = [](std::string_view body) { return "\"" + sdk::sha256Hex(body).substr(0, 16) + "\""; };
        return std::array<Asset, 2>{
            Asset{"recolte.css", "text/css; charset=utf-8", kRecolteCss, tag(kRecolteCss)},
            Asset{"recolte.js", "text/javascript; charset=utf-8", kRecolteJs, tag(kRecolteJs)},
        };
    }();
    return all;
}

const Asset* find(std::string_view name) {
    for (const auto& a : assets())
        if (a.name == name) return &a;
    return nullptr;
}

}  // namespace

std::string assetUrl(std::string_view name) {
    const Asset* a = find(name);
    if (!a) return "/static/" + std::string(name);
    return "/static/" + std::string(name) + "?v=" + a->etag.substr(1, a->etag.size() - 2);
}

void sendAsset(const std::string& name, Poco::Net::HTTPServerRequest& req, Poco::Net::HTTPServerResponse& resp) {
    const Asset* a = find(name);
    if (!a) {
        return api::sendBody(resp, 404, "text/plain; charset=utf-8", "Fichier introuvable : " + sdk::excerpt(name, 80));
    }
    resp.set("ETag", a->etag);
    // A versioned URL (what the pages link) never changes content; a bare one may.
    const bool versioned = req.getURI().find("?v=") != std::string::npos;
    resp.set("Cache-Control", versioned ? "public, max-age=31536000, immutable" : "public, max-age=300");
    if (req.get("If-None-Match", "").find(a->etag) != std::string::npos) {
        resp.setStatusAndReason(Poco::Net::HTTPResponse::HTTP_NOT_MODIFIED);
        resp.send();
        return;
    }
    api::sendBody(resp, 200, std::string(a->contentType), std::string(a->body));
}

}  // namespace recolte::publish
