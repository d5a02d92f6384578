// The address the client used to reach the hub, for the absolute links of the Atom feed and the
// identifiers of the DFC catalogue (both must be absolute). Taken from the Host header, so the
// same hub answers correctly on localhost, on the local network and behind a proxy.
#pragma once

#include <Poco/Net/HTTPServerRequest.h>

#include <string>

namespace recolte::publish {

// "http://127.0.0.1:8080" (no trailing slash). "https" when a proxy says X-Forwarded-Proto: https.
// A missing or malformed Host (anything but letters, digits, '.', '-', ':', '[' and ']') falls
// back to "http://localhost", so a forged header can never inject text into the documents.
std::string publicBaseUrl(const Poco::Net::HTTPServerRequest& req);

}  // namespace recolte::publish
