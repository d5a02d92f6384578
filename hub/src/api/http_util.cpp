#include "api/http_util.hpp"

#include <Poco/URI.h>

#include <algorithm>

#include "model/json.hpp"
#include "recolte/sdk/text.hpp"

namespace recolte::api {

void sendBody(Poco::Net::HTTPServerResponse& resp, int status, const std::string& contentType, const std::string& body) {
    resp.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(status));
    resp.setContentType(contentType);
    resp.setContentLength(static_cast<std::streamsize>(body.size()));
    resp.set("X-Content-Type-Options", "nosniff");
    // Flushed now rather than when the response is destroyed: the router may still drop an unread
    // request body after this, and the client should not wait for its answer meanwhile.
    resp.send().write(body.data(), static_cast<std::streamsize>(body.size())).flush();
}

void sendJson(Poco::Net::HTTPServerResponse& resp, int status, const std::string& body) {
    sendBody(resp, status, "application/json; charset=utf-8", body);
}

void sendError(Poco::Net::HTTPServerResponse& resp, int status, const std::string& code, const std::string& message,
               const std::string& parameter) {
    std::string body = "{\"error\":{\"code\":" + model::jsonString(code) + ",\"message\":" + model::jsonString(message);
    if (!parameter.empty()) body += ",\"parameter\":" + model::jsonString(parameter);
    body += "}}";
    sendJson(resp, status, body);
}

Query::Query(const Poco::Net::HTTPServerRequest& req, const std::vector<std::string>& allowed) {
    Poco::URI uri;
    try {
        uri = Poco::URI(req.getURI());
    } catch (const Poco::Exception& e) {
        throw BadParameter{"", "malformed request URI: " + e.message()};
    }
    Poco::URI::QueryParameters params;
    try {
        params = uri.getQueryParameters();
    } catch (const Poco::Exception& e) {
        throw BadParameter{"", "malformed query string: " + e.message()};
    }
    for (const auto& [name, value] : params) {
        if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
            std::string list;
            for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
            throw BadParameter{name, "unknown parameter \"" + name + "\"; valid parameters are: " +
                                         (list.empty() ? "(none)" : list)};
        }
        if (!values_.emplace(name, value).second) throw BadParameter{name, "parameter \"" + name + "\" given twice"};
    }
}

std::string Query::text(const std::string& name, size_t maxLength) const {
    auto it = values_.find(name);
    if (it == values_.end()) return {};
    if (it->second.size() > maxLength)
        throw BadParameter{name, name + " is too long (at most " + std::to_string(maxLength) + " bytes)"};
    if (!sdk::isValidUtf8(it->second)) throw BadParameter{name, name + " is not valid UTF-8"};
    return it->second;
}

std::string Query::oneOf(const std::string& name, const std::vector<std::string>& values, const std::string& fallback) const {
    auto it = values_.find(name);
    if (it == values_.end() || it->second.empty()) return fallback;
    if (std::find(values.begin(), values.end(), it->second) != values.end()) return it->second;
    std::string list;
    for (const auto& v : values) list += (list.empty() ? "" : ", ") + v;
    throw BadParameter{name, name + " must be one of " + list + ", got \"" + sdk::excerpt(it->second, 60) + "\""};
}

int64_t Query::integer(const std::string& name, int64_t fallback, int64_t min, int64_t max) const {
    auto it = values_.find(name);
    if (it == values_.end() || it->second.empty()) return fallback;
    const std::string& s = it->second;
    bool digits = s.size() <= 12 && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
    int64_t v = digits ? std::stoll(s) : -1;
    if (!digits || v < min || v > max)
        throw BadParameter{name, name + " must be an integer from " + std::to_string(min) + " to " + std::to_string(max) +
                                     ", got \"" + sdk::excerpt(s, 40) + "\""};
    return v;
}

std::string Query::date(const std::string& name) const {
    auto it = values_.find(name);
    if (it == values_.end() || it->second.empty()) return {};
    const std::string& s = it->second;
    std::string iso = sdk::parseDate(s);
    if (iso.empty() || iso != s)
        throw BadParameter{name, name + " must be a date YYYY-MM-DD, got \"" + sdk::excerpt(s, 40) + "\""};
    return iso;
}

std::string Query::departement(const std::string& name) const {
    auto it = values_.find(name);
    if (it == values_.end() || it->second.empty()) return {};
    const std::string& s = it->second;
    bool ok = (s.size() == 2 && std::isdigit(static_cast<unsigned char>(s[0])) && std::isdigit(static_cast<unsigned char>(s[1]))) ||
              s == "2A" || s == "2B" ||
              (s.size() == 3 && s.rfind("97", 0) == 0 && std::isdigit(static_cast<unsigned char>(s[2])));
    if (!ok) throw BadParameter{name, name + " must be a département code such as 09, 31, 2A or 974, got \"" + sdk::excerpt(s, 40) + "\""};
    return s;
}

std::string listEnvelope(const std::vector<std::string>& items, int64_t total, int64_t limit, int64_t offset) {
    size_t size = 64;
    for (const auto& i : items) size += i.size() + 1;
    std::string out;
    out.reserve(size);
    out += "{\"items\":[";
    for (size_t i = 0; i < items.size(); ++i) {
        if (i) out += ',';
        out += items[i];
    }
    out += "],\"total\":" + std::to_string(total) + ",\"limit\":" + std::to_string(limit) +
           ",\"offset\":" + std::to_string(offset) + "}";
    return out;
}

}  // namespace recolte::api
