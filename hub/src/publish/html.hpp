// HTML for the server-rendered pages: the one escaping helper every shown text goes through, URL
// building, the page layout and the response with its security headers.
#pragma once

#include <Poco/Net/HTTPServerResponse.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace recolte::publish {

// Escapes & < > " ' so the text is inert both in element content and in quoted attribute values.
// Invalid UTF-8 becomes U+FFFD and control characters other than tab/newline are dropped, so a
// hostile byte sequence cannot confuse the browser's parser either.
void appendEscaped(std::string& out, std::string_view text);
std::string esc(std::string_view text);

// Percent-encodes a path segment or a query value (RFC 3986 unreserved characters kept).
std::string urlEncode(std::string_view text);

// "?a=1&b=2" from name/value pairs, skipping empty values; "" when none. Not yet HTML-escaped.
using QueryPairs = std::vector<std::pair<std::string, std::string>>;
std::string queryString(const QueryPairs& pairs);

// A link target that is safe to put in href: http(s) URLs only, else "".
std::string safeExternalUrl(std::string_view url);

struct PageInfo {
    std::string title;    // plain text (escaped by the layout)
    std::string section;  // catalogue | producteurs | besoins | sources: marks the current nav entry
    std::string feed;     // optional Atom feed URL announced in <head>
};

// The whole document around `mainHtml` (which holds the page's one <h1>).
std::string renderPage(const PageInfo& info, std::string_view mainHtml);

// The headers every HTML page carries: CSP without inline code, nosniff, referrer policy...
void setPageHeaders(Poco::Net::HTTPServerResponse& resp);
void sendPage(Poco::Net::HTTPServerResponse& resp, int status, const PageInfo& info, std::string_view mainHtml);

extern const char* const kContentSecurityPolicy;

}  // namespace recolte::publish
