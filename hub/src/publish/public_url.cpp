#include "publish/public_url.hpp"

#include <algorithm>
#include <cctype>

namespace recolte::publish {

namespace {

bool validHost(const std::string& host) {
    if (host.empty() || host.size() > 255) return false;
    return std::all_of(host.begin(), host.end(), [](unsigned char c) {
        return std::isalnum(c) || c == '.' || c == '-' || c == ':' || c == '[' || c == ']';
    });
}

}  // namespace

std::string publicBaseUrl(const Poco::Net::HTTPServerRequest& req) {
    const std::string host = req.get("Host", "");
    const std::string proto = req.get("X-Forwarded-Proto", "");
    const std::string scheme = proto == "https" ? "https" : "http";
    return scheme + "://" + (validHost(host) ? host : std::string("localhost"));
}

}  // namespace recolte::publish
