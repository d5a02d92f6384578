// Strict query-string reading for the HTML pages, with errors a French reader understands: an
// unknown parameter, a parameter given twice or a malformed value becomes a PageError (400) that
// the page shows instead of crashing or silently ignoring it.
#pragma once

#include <Poco/Net/HTTPServerRequest.h>

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace recolte::publish {

// Shown as a French page with this status; `message` is plain text (escaped when shown).
struct PageError {
    int status = 400;
    std::string title;
    std::string message;
};

class PageQuery {
public:
    PageQuery(const Poco::Net::HTTPServerRequest& req, const std::vector<std::string>& allowed);

    // Every parameter below treats an empty value as absent (HTML forms send empty fields).
    std::string text(const std::string& name, size_t maxLength = 200) const;
    // A DFC product type id ("dairy-product").
    std::string productType(const std::string& name) const;
    // A label code ("LABEL_ROUGE").
    std::string labelCode(const std::string& name) const;
    std::string date(const std::string& name) const;         // YYYY-MM-DD
    std::string departement(const std::string& name) const;  // "09", "2A", "974"
    // One of the given values (value, French description); the fallback when absent.
    std::string oneOf(const std::string& name, const std::vector<std::pair<std::string, std::string>>& values,
                      const std::string& fallback) const;
    // A page number from 1 to 100 000; 1 when absent.
    int64_t pageNumber(const std::string& name) const;

private:
    const std::string* value(const std::string& name) const;
    std::map<std::string, std::string> values_;
};

}  // namespace recolte::publish
