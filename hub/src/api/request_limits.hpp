// What one request may send (config http:): the URI and header limits checked before any route
// runs, and bodies read with a cap, so that nothing a client sends is held whole unless it is small.
#pragma once

#include <Poco/Net/HTTPServerRequest.h>

#include <optional>
#include <string>

#include "config/config.hpp"

namespace recolte::api {

// A request that breaks a limit: the status (414, 431) and the French message that says which.
struct LimitBreach {
    int status = 400;
    std::string code;
    std::string message;
};

// The request target and header fields against `limits` (Poco has already applied its own ceilings).
std::optional<LimitBreach> checkHeaderLimits(const Poco::Net::HTTPRequest& req, const config::HttpLimits& limits);

// Whether the request carries a body (a positive Content-Length or chunked transfer).
bool hasBody(const Poco::Net::HTTPRequest& req);

// The declared Content-Length when it exceeds `cap` (the body is then refused unread), else nullopt.
std::optional<int64_t> declaredBeyond(const Poco::Net::HTTPRequest& req, int64_t cap);

// The whole body when it is at most `cap` bytes; nullopt beyond (at most cap + 1 bytes are read).
std::optional<std::string> readBody(Poco::Net::HTTPServerRequest& req, int64_t cap);

// After an answer given without reading the whole body (401, 413...): reads and drops what is left,
// at most 1 MiB and for at most a second of silence, so that closing the connection does not reset
// it (a close with unread data sends RST, and the client may then lose the answer). A larger
// declared body is not waited for.
void discardUnreadBody(Poco::Net::HTTPServerRequest& req);

// "1 Mio", "50 Mio", "1536 octets": a size as a French user reads it.
std::string frenchSize(int64_t bytes);

}  // namespace recolte::api
