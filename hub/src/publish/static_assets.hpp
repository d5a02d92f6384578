// The pages' static files (one stylesheet, one small script), compiled into the binary so the hub
// serves everything itself: no CDN, works on a local network with no internet.
#pragma once

#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

#include <string>
#include <string_view>

namespace recolte::publish {

// Defined in recolte_css.cpp and recolte_js.cpp.
extern const std::string_view kRecolteCss;
extern const std::string_view kRecolteJs;

// "/static/recolte.css?v=<content hash>": the URL changes with the content, so it can be cached
// for long.
std::string assetUrl(std::string_view name);

// Serves /static/{name}: long cache, ETag, 304 on If-None-Match; French 404 for an unknown name.
void sendAsset(const std::string& name, Poco::Net::HTTPServerRequest& req, Poco::Net::HTTPServerResponse& resp);

}  // namespace recolte::publish
