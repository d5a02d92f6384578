#include "api/request_limits.hpp"

#include <Poco/Net/HTTPServerRequestImpl.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/Timespan.h>

#include <istream>

#include "recolte/sdk/text.hpp"

namespace recolte::api {

std::optional<LimitBreach> checkHeaderLimits(const Poco::Net::HTTPRequest& req, const config::HttpLimits& limits) {
    if (static_cast<int64_t>(req.getURI().size()) > limits.max_uri)
        return LimitBreach{414, "uri_too_long",
                           "adresse demandée trop longue : " + std::to_string(req.getURI().size()) +
                               " octets (" + std::to_string(limits.max_uri) + " au plus)"};
    if (static_cast<int64_t>(req.size()) > limits.max_header_fields)
        return LimitBreach{431, "request_header_fields_too_large",
                           "trop d'en-têtes : " + std::to_string(req.size()) + " (" +
                               std::to_string(limits.max_header_fields) + " au plus)"};
    for (const auto& [name, value] : req) {
        // The name is quoted shortened: it is the client's text, and may be long.
        if (static_cast<int64_t>(name.size()) > limits.max_header_name)
            return LimitBreach{431, "request_header_fields_too_large",
                               "nom d'en-tête trop long : « " + sdk::excerpt(name, 40) + " » (" +
                                   std::to_string(limits.max_header_name) + " octets au plus)"};
        if (static_cast<int64_t>(value.size()) > limits.max_header_value)
            return LimitBreach{431, "request_header_fields_too_large",
                               "valeur de l'en-tête « " + sdk::excerpt(name, 40) + " » trop longue : " +
                                   std::to_string(value.size()) + " octets (" +
                                   std::to_string(limits.max_header_value) + " au plus)"};
    }
    return std::nullopt;
}

bool hasBody(const Poco::Net::HTTPRequest& req) {
    return req.getChunkedTransferEncoding() || (req.hasContentLength() && req.getContentLength64() > 0);
}

std::optional<int64_t> declaredBeyond(const Poco::Net::HTTPRequest& req, int64_t cap) {
    if (req.hasContentLength() && req.getContentLength64() > cap) return req.getContentLength64();
    return std::nullopt;
}

std::optional<std::string> readBody(Poco::Net::HTTPServerRequest& req, int64_t cap) {
    if (declaredBeyond(req, cap)) return std::nullopt;
    std::string body;
    std::istream& in = req.stream();
    char chunk[64 * 1024];
    while (in) {
        in.read(chunk, sizeof chunk);
        body.append(chunk, static_cast<size_t>(in.gcount()));
        if (static_cast<int64_t>(body.size()) > cap) return std::nullopt;
    }
    return body;
}

void discardUnreadBody(Poco::Net::HTTPServerRequest& req) {
    constexpr int64_t kMaxDrain = 1 << 20;
    if (!hasBody(req) || declaredBeyond(req, kMaxDrain)) return;
    try {
        if (auto* impl = dynamic_cast<Poco::Net::HTTPServerRequestImpl*>(&req))
            impl->socket().setReceiveTimeout(Poco::Timespan(1, 0));
        std::istream& in = req.stream();
        char chunk[16 * 1024];
        int64_t dropped = 0;
        while (in && dropped <= kMaxDrain) {
            in.read(chunk, sizeof chunk);
            dropped += in.gcount();
        }
    } catch (const std::exception&) {
        // A client that stops sending or resets: nothing more to drop.
    }
}

std::string frenchSize(int64_t bytes) {
    constexpr int64_t kib = 1024, mib = 1024 * 1024;
    if (bytes >= mib && bytes % mib == 0) return std::to_string(bytes / mib) + " Mio";
    if (bytes >= kib && bytes % kib == 0) return std::to_string(bytes / kib) + " Kio";
    return std::to_string(bytes) + " octets";
}

}  // namespace recolte::api
