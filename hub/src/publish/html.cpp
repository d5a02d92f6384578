#include "publish/html.hpp"

#include <cctype>

#include "api/http_util.hpp"
#include "publish/static_assets.hpp"

namespace recolte::publish {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// Length of the well-formed UTF-8 sequence at s[i] (RFC 3629), or 0 when ill-formed.
size_t utf8Length(std::string_view s, size_t i) {
    const auto at = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char lead = at(i);
    size_t need;
    unsigned char lo = 0x80, hi = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        need = 1;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        need = 2;
        if (lead == 0xE0) lo = 0xA0;
        if (lead == 0xED) hi = 0x9F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        need = 3;
        if (lead == 0xF0) lo = 0x90;
        if (lead == 0xF4) hi = 0x8F;
    } else {
        return 0;
    }
    for (size_t k = 1; k <= need; ++k) {
        if (i + k >= s.size()) return 0;
        const unsigned char c = at(i + k);
        if (c < (k == 1 ? lo : 0x80) || c > (k == 1 ? hi : 0xBF)) return 0;
    }
    return need + 1;
}

}  // namespace

void appendEscaped(std::string& out, std::string_view text) {
    size_t i = 0;
    while (i < text.size()) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            switch (c) {
                case '&': out += "&amp;"; break;
                case '<': out += "&lt;"; break;
                case '>': out += "&gt;"; break;
                case '"': out += "&quot;"; break;
                case '\'': out += "&#39;"; break;
                case '\t':
                case '\n': out += static_cast<char>(c); break;
                case '\r': break;
                default:
                    if (c >= 0x20 && c != 0x7F) out += static_cast<char>(c);  // other controls dropped
            }
            ++i;
            continue;
        }
        const size_t len = utf8Length(text, i);
        if (len == 0) {
            out += kReplacement;
            ++i;
        } else {
            out.append(text.data() + i, len);
            i += len;
        }
    }
}

std::string esc(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 16);
    appendEscaped(out, text);
    return out;
}

std::string urlEncode(std::string_view text) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(text.size() * 3);
    for (unsigned char c : text) {
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
            c == '.' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += kHex[c >> 4];
            out += kHex[c & 0xF];
        }
    }
    return out;
}

std::string queryString(const QueryPairs& pairs) {
    std::string out;
    for (const auto& [name, value] : pairs) {
        if (value.empty()) continue;
        out += out.empty() ? '?' : '&';
        out += urlEncode(name) + "=" + urlEncode(value);
    }
    return out;
}

std::string safeExternalUrl(std::string_view url) {
    const auto startsWith = [&](std::string_view p) {
        if (url.size() <= p.size()) return false;
        for (size_t i = 0; i < p.size(); ++i)
            if (std::tolower(static_cast<unsigned char>(url[i])) != p[i]) return false;
        return true;
    };
    if (!startsWith("http://") && !startsWith("https://")) return {};
    for (unsigned char c : url)
        if (c <= 0x20 || c == 0x7F) return {};  // no spaces or controls: keeps it one clean token
    return std::string(url);
}

const char* const kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; "
    "base-uri 'none'; form-action 'self'";

std::string renderPage(const PageInfo& info, std::string_view mainHtml) {
    struct NavEntry {
        const char* section;
        const char* href;
        const char* label;
    };
    static constexpr NavEntry kNav[] = {
        {"catalogue", "/", "Catalogue"},
        {"producteurs", "/producteurs", "Producteurs"},
        {"besoins", "/besoins", "Besoins"},
        {"sources", "/sources", "Sources"},
    };
    std::string out;
    out.reserve(mainHtml.size() + 2048);
    out += "<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>";
    appendEscaped(out, info.title);
    out += " · Récolte</title>\n<link rel=\"stylesheet\" href=\"" + esc(assetUrl("recolte.css")) + "\">\n";
    if (!info.feed.empty())
        out += "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Flux des changements\" href=\"" +
               esc(info.feed) + "\">\n";
    out += "<script src=\"" + esc(assetUrl("recolte.js")) + "\" defer></script>\n</head>\n<body>\n"
           "<a class=\"skip-link\" href=\"#contenu\">Aller au contenu</a>\n"
           "<header class=\"site-header\">\n<div class=\"wrap\">\n"
           "<a class=\"brand\" href=\"/\">Récolte <span class=\"brand-sub\">catalogue des circuits courts d’Occitanie</span></a>\n"
           "<nav aria-label=\"Navigation principale\">\n<ul class=\"nav\">\n";
    for (const auto& entry : kNav) {
        out += "<li><a href=\"";
        out += entry.href;
        out += '"';
        if (info.section == entry.section) out += " aria-current=\"page\"";
        out += '>';
        out += entry.label;
        out += "</a></li>\n";
    }
    out += "</ul>\n</nav>\n</div>\n</header>\n<main id=\"contenu\" class=\"wrap\" tabindex=\"-1\">\n";
    out += mainHtml;
    out += "\n</main>\n<footer class=\"site-footer\">\n<div class=\"wrap\">\n<p>Récolte rassemble les offres des "
           "plateformes de circuits courts. Données aussi disponibles en "
           "<a href=\"/api/v1/offers\">JSON</a> (<a href=\"/openapi.yaml\">description OpenAPI</a>) et en "
           "<a href=\"/feed.atom\">flux Atom</a>.</p>\n</div>\n</footer>\n</body>\n</html>\n";
    return out;
}

void setPageHeaders(Poco::Net::HTTPServerResponse& resp) {
    resp.set("Content-Security-Policy", kContentSecurityPolicy);
    resp.set("Referrer-Policy", "same-origin");
    resp.set("X-Frame-Options", "DENY");
    resp.set("Cache-Control", "no-cache");
}

void sendPage(Poco::Net::HTTPServerResponse& resp, int status, const PageInfo& info, std::string_view mainHtml) {
    setPageHeaders(resp);
    api::sendBody(resp, status, "text/html; charset=utf-8", renderPage(info, mainHtml));
}

}  // namespace recolte::publish
