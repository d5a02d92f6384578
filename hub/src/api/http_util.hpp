// Small helpers shared by the handlers: JSON responses with Content-Length always set, JSON
// errors, and strict query-string parsing (unknown or malformed parameter = 400 naming it).
#pragma once

#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace recolte::api {

void sendBody(Poco::Net::HTTPServerResponse& resp, int status, const std::string& contentType, const std::string& body);
void sendJson(Poco::Net::HTTPServerResponse& resp, int status, const std::string& body);
void sendError(Poco::Net::HTTPServerResponse& resp, int status, const std::string& code, const std::string& message,
               const std::string& parameter = {});

// Thrown by Query on a bad parameter; the router turns it into a 400.
struct BadParameter {
    std::string parameter;
    std::string message;
};

class Query {
public:
    // Throws BadParameter for a parameter not in `allowed` or given twice.
    Query(const Poco::Net::HTTPServerRequest& req, const std::vector<std::string>& allowed);
    std::string text(const std::string& name, size_t maxLength = 200) const;
    std::string oneOf(const std::string& name, const std::vector<std::string>& values, const std::string& fallback) const;
    int64_t integer(const std::string& name, int64_t fallback, int64_t min, int64_t max) const;
    std::string date(const std::string& name) const;  // YYYY-MM-DD or ""
    std::string departement(const std::string& name) const;

private:
    std::map<std::string, std::string> values_;
};

std::string listEnvelope(const std::vector<std::string>& items, int64_t total, int64_t limit, int64_t offset);

}  // namespace recolte::api
