#include "sync/http_transport.hpp"

#include "sync/http_body.hpp"
#include "sync/line_cap.hpp"
#include "sync/session_deadline.hpp"

#include <Poco/DateTime.h>
#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/DateTimeParser.h>
#include <Poco/Exception.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/NetSSL.h>
#include <Poco/Net/SSLException.h>
#include <Poco/Timespan.h>
#include <Poco/URI.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <mutex>
#include <thread>

namespace recolte::sync {

namespace {

using Poco::Net::HTTPResponse;

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

std::string seconds(std::chrono::milliseconds ms) {
    const auto n = ms.count();
    if (n % 1000 == 0) return std::to_string(n / 1000) + " s";
    std::string frac = std::to_string(n % 1000);
    frac.insert(0, 3 - frac.size(), '0');
    while (frac.back() == '0') frac.pop_back();
    return std::to_string(n / 1000) + "," + frac + " s";
}

// One client context for every https fetch: the system's CA certificates (or SSL_CERT_FILE), peer and
// host name checked. VERIFY_STRICT because Poco skips the host name check for local addresses
// under VERIFY_RELAXED.
Poco::Net::Context::Ptr clientContext() {
    static std::once_flag once;
    static Poco::Net::Context::Ptr context;
    std::call_once(once, [] {
        Poco::Net::initializeSSL();
        context = new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, "", Poco::Net::Context::VERIFY_STRICT, 9,
                                         true);
    });
    return context;
}

bool isRedirect(int status) { return status == 301 || status == 302 || status == 303 || status == 307 || status == 308; }
bool isTransientStatus(int status) { return status == 408 || status == 429 || (status >= 500 && status <= 599); }

std::string statusText(const HTTPResponse& r) {
    std::string out = "HTTP " + std::to_string(static_cast<int>(r.getStatus()));
    if (!r.getReason().empty()) out += " " + r.getReason();
    return out;
}

}  // namespace

// What one attempt (with its redirects) gave: a blob, or an error that may be worth retrying.
struct HttpTransport::Attempt {
    std::optional<sdk::Blob> blob;
    sdk::Error error;
    bool retry = false;
    std::optional<std::chrono::milliseconds> retry_after;
};

bool isHttpUrl(const std::string& location) {
    const std::string l = lower(location.substr(0, 8));
    return l.rfind("http://", 0) == 0 || l.rfind("https://", 0) == 0;
}

std::string displayUrl(const std::string& url) {
    const auto scheme = url.find("://");
    if (scheme == std::string::npos) return url;
    const auto start = scheme + 3;
    const auto end = url.find_first_of("/?#", start);
    const auto at = url.rfind('@', end == std::string::npos ? url.size() : end);
    if (at == std::string::npos || at < start) return url;
    return url.substr(0, start) + "***@" + url.substr(at + 1);
}

std::string redirectRefusal(const std::string& from, const std::string& to) {
    const std::string target = lower(to.substr(0, 8));
    if (target.rfind("http://", 0) != 0 && target.rfind("https://", 0) != 0)
        return "redirection vers une adresse qui n'est pas http(s) refusée : " + displayUrl(to);
    if (lower(from.substr(0, 8)).rfind("https://", 0) == 0 && target.rfind("http://", 0) == 0)
        return "redirection de https vers http refusée (la connexion ne serait plus chiffrée) : " + displayUrl(to);
    return {};
}

std::optional<int64_t> parseRetryAfter(const std::string& value) {
    std::string v = value;
    v.erase(0, v.find_first_not_of(" \t"));
    v.erase(v.find_last_not_of(" \t") + 1);
    if (v.empty()) return std::nullopt;
    if (std::all_of(v.begin(), v.end(), [](unsigned char c) { return std::isdigit(c); })) {
        if (v.size() > 9) return std::nullopt;
        return std::stoll(v);
    }
    Poco::DateTime when;
    int tz = 0;
    // Poco's parser accepts almost anything: only an exact IMF-fixdate counts.
    if (!Poco::DateTimeParser::tryParse(Poco::DateTimeFormat::HTTP_FORMAT, v, when, tz) ||
        Poco::DateTimeFormatter::format(when, Poco::DateTimeFormat::HTTP_FORMAT) != v)
        return std::nullopt;
    const auto delta = (when.timestamp() - Poco::Timestamp()) / Poco::Timestamp::resolution();
    return std::max<int64_t>(0, delta);
}

HttpTransport::HttpTransport(TransportSettings settings, sdk::Log* log) : settings_(std::move(settings)), log_(log) {}

sdk::Expected<std::vector<std::string>> HttpTransport::list(const std::string& location, const std::string&) {
    if (!isHttpUrl(location)) return sdk::configError("adresse http:// ou https:// attendue", displayUrl(location));
    return std::vector<std::string>{location};
}

sdk::Expected<sdk::Blob> HttpTransport::fetch(const std::string& location, const sdk::FetchOptions& options) {
    if (!isHttpUrl(location)) return sdk::configError("adresse http:// ou https:// attendue", displayUrl(location));
    for (int n = 0;; ++n) {
        Attempt a = attempt(location, options);
        if (a.blob) return std::move(*a.blob);
        if (!a.retry || n >= settings_.retries) {
            if (a.retry && n > 0) a.error.message += " ; abandon après " + std::to_string(n + 1) + " tentatives";
            return scrub(std::move(a.error));
        }
        // Exponential backoff, or what the server asked for; both capped so a sync cannot hang.
        auto wait = settings_.backoff_base * (int64_t{1} << n);
        if (a.retry_after) wait = *a.retry_after;
        wait = std::min(wait, settings_.retry_after_cap);
        warn("nouvelle tentative " + std::to_string(n + 1) + "/" + std::to_string(settings_.retries) + " dans " +
             seconds(wait) + " : " + a.error.describe());
        std::this_thread::sleep_for(wait);
    }
}

HttpTransport::Attempt HttpTransport::attempt(const std::string& url, const sdk::FetchOptions& options) {
    Attempt out;
    const std::string shown = displayUrl(url);
    const auto started = std::chrono::steady_clock::now();
    auto overtime = [&] { return std::chrono::steady_clock::now() >= started + settings_.max_download_time; };
    auto tooLong = [&] {
        return sdk::transientError("téléchargement trop long : pas fini après " + seconds(settings_.max_download_time) +
                                   " (option max_download_time)");
    };
    auto fail = [&](sdk::Error e, bool retry = false) {
        // Whatever broke a read after the deadline, the deadline did (SessionDeadline cut the
        // connection); trying again would only trickle as long once more.
        if (retry && overtime()) {
            e = tooLong();
            retry = false;
        }
        out.error = std::move(e);
        out.error.where = shown;
        out.retry = retry;
        return std::move(out);
    };
    const uint64_t limit = options.max_bytes ? std::min(options.max_bytes, settings_.max_bytes) : settings_.max_bytes;
    std::string current = url;
    try {
        const std::string originHost = lower(Poco::URI(url).getHost());
        for (int hop = 0;; ++hop) {
            Poco::URI uri(current);
            if (uri.getHost().empty()) return fail(sdk::configError("adresse sans nom d'hôte"));
            auto opened = http::openSession(uri, lower(uri.getScheme()) == "https" ? clientContext() : nullptr);
            auto& session = opened.session;
            const Poco::Timespan timeout(std::chrono::duration_cast<std::chrono::microseconds>(settings_.timeout).count());
            session->setTimeout(timeout, timeout, timeout);
            SessionDeadline deadline(*session, started + settings_.max_download_time);

            std::string target = uri.getPathAndQuery();
            if (target.empty()) target = "/";
            Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_GET, target, Poco::Net::HTTPRequest::HTTP_1_1);
            request.set("User-Agent", "recolte");
            request.set("Accept-Encoding", "identity");  // the bytes as stored: no decompression here
            if (!options.if_none_match.empty()) request.set("If-None-Match", options.if_none_match);
            if (!options.if_modified_since.empty()) request.set("If-Modified-Since", options.if_modified_since);
            // Credentials go to the configured host only, never to wherever a redirect points.
            if (lower(uri.getHost()) == originHost) {
                if (!settings_.bearer_token.empty()) request.set("Authorization", "Bearer " + settings_.bearer_token);
                if (!settings_.api_key.empty()) request.set(settings_.api_key_header, settings_.api_key);
            }
            session->sendRequest(request);
            HTTPResponse response;
            std::istream& in = session->receiveResponse(response);
            const int status = static_cast<int>(response.getStatus());
            debug("GET " + displayUrl(current) + " -> " + statusText(response));

            if (isRedirect(status)) {
                const std::string location = response.get("Location", "");
                if (location.empty()) return fail(sdk::dataError(statusText(response) + " sans en-tête Location"));
                Poco::URI next(uri);
                next.resolve(location);
                const std::string nextUrl = next.toString();
                if (auto refusal = redirectRefusal(current, nextUrl); !refusal.empty())
                    return fail(sdk::configError(refusal));
                if (hop >= settings_.max_redirects)
                    return fail(sdk::configError("plus de " + std::to_string(settings_.max_redirects) +
                                                 " redirections (dernière vers " + displayUrl(nextUrl) + ")"));
                current = nextUrl;
                continue;
            }

            sdk::Blob blob;
            blob.name = shown;
            blob.etag = response.get("ETag", "");
            blob.last_modified = response.get("Last-Modified", "");
            if (status == HTTPResponse::HTTP_NOT_MODIFIED) {
                // Keep the validators the connector sent when the server does not repeat them.
                if (blob.etag.empty()) blob.etag = options.if_none_match;
                if (blob.last_modified.empty()) blob.last_modified = options.if_modified_since;
                blob.not_modified = true;
                out.blob = std::move(blob);
                return out;
            }
            if (isTransientStatus(status)) {
                if (auto after = parseRetryAfter(response.get("Retry-After", ""))) out.retry_after = std::chrono::seconds(*after);
                return fail(sdk::transientError("le serveur a répondu " + statusText(response)), true);
            }
            if (status >= 400 && status <= 499) {
                std::string hint;
                if (status == 401 || status == 403) hint = " : accès refusé, vérifiez bearer_token ou api_key";
                else if (status == 404 || status == 410) hint = " : document introuvable, vérifiez l'adresse";
                return fail(sdk::configError("le serveur a répondu " + statusText(response) + hint));
            }
            if (status < 200 || status > 299)
                return fail(sdk::dataError("réponse inattendue : " + statusText(response)));
            const std::string encoding = lower(response.get("Content-Encoding", "identity"));
            if (encoding != "identity")
                return fail(sdk::dataError("réponse compressée (" + encoding + ") non prise en charge"));

            const bool announced = response.hasContentLength();
            const auto length = announced ? static_cast<uint64_t>(response.getContentLength64()) : 0;
            auto tooBig = [&](const std::string& what) {
                return fail(sdk::dataError("réponse trop grosse : " + what + " (limite " + std::to_string(limit) +
                                           " octets, option max_bytes)"));
            };
            if (announced && length > limit) return tooBig(std::to_string(length) + " octets annoncés");
            uint64_t received = 0;
            auto cut = [&](const std::string& why) {
                return fail(sdk::transientError("réponse interrompue après " + std::to_string(received) + " octets" + why),
                            true);
            };
            // Counted as received (the limit bounds the download), kept without over-long lines.
            LineCap cap(blob, options.max_line_bytes);
            auto take = [&](const char* data, size_t size) {
                received += size;
                if (received > limit) return false;
                cap.append(data, size);
                return true;
            };
            if (response.getChunkedTransferEncoding()) {
                // Poco's own chunked stream would take a cut connection for the end of the body.
                switch (http::readChunked(*opened.raw, take)) {
                    case http::BodyStatus::Complete: break;
                    case http::BodyStatus::TooBig: return tooBig("plus de " + std::to_string(limit) + " octets reçus");
                    case http::BodyStatus::Cut: return cut(" (connexion fermée avant la fin du corps en morceaux)");
                    case http::BodyStatus::Malformed: return cut(" (codage en morceaux invalide)");
                }
            } else {
                if (announced && options.max_line_bytes == 0) blob.bytes.reserve(length);
                char buffer[64 * 1024];
                while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
                    if (!take(buffer, static_cast<size_t>(in.gcount())))
                        return tooBig("plus de " + std::to_string(limit) + " octets reçus");
                }
            }
            cap.finish();
            // The stream swallows what broke the read (timeout, reset): look at its state.
            if (in.bad()) {
                std::string why;
                if (const Poco::Exception* e = session->networkException()) why = " (" + e->displayText() + ")";
                return cut(why);
            }
            if (announced && received != length)
                return fail(sdk::transientError("réponse tronquée : " + std::to_string(received) + " octets reçus sur " +
                                                std::to_string(length) + " annoncés"),
                            true);
            // A body that ends with the connection cannot tell the deadline's cut from its end.
            if (overtime()) return fail(tooLong());
            const auto took = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
            debug("GET " + displayUrl(current) + " : " + std::to_string(received) + " octets en " + seconds(took));
            out.blob = std::move(blob);
            return out;
        }
    } catch (const Poco::TimeoutException&) {
        return fail(sdk::transientError("pas de réponse dans le délai (timeout " + seconds(settings_.timeout) + ")"), true);
    } catch (const Poco::Net::ConnectionRefusedException&) {
        return fail(sdk::transientError("connexion refusée"), true);
    } catch (const Poco::Net::ConnectionResetException&) {
        return fail(sdk::transientError("connexion interrompue par le serveur"), true);
    } catch (const Poco::Net::ConnectionAbortedException&) {
        return fail(sdk::transientError("connexion interrompue"), true);
    } catch (const Poco::Net::SSLConnectionUnexpectedlyClosedException&) {
        return fail(sdk::transientError("connexion TLS fermée pendant l'échange"), true);
    } catch (const Poco::Net::SSLException& e) {
        // A refused certificate or a failed handshake will not fix itself by retrying.
        return fail(sdk::configError("échec de la connexion TLS : " + e.displayText()));
    } catch (const Poco::Net::DNSException&) {
        return fail(sdk::transientError("nom d'hôte introuvable (DNS)"), true);
    } catch (const Poco::Net::NoMessageException&) {
        return fail(sdk::transientError("le serveur a fermé la connexion sans répondre"), true);
    } catch (const Poco::Net::MessageException& e) {
        return fail(sdk::transientError("réponse HTTP invalide ou tronquée : " + e.displayText()), true);
    } catch (const Poco::SyntaxException&) {
        return fail(sdk::configError("adresse invalide"));
    } catch (const Poco::IOException& e) {
        return fail(sdk::transientError("erreur réseau : " + e.displayText()), true);
    } catch (const Poco::Exception& e) {
        return fail(sdk::systemError("erreur HTTP : " + e.displayText()));
    } catch (const std::exception& e) {
        return fail(sdk::systemError(std::string("erreur HTTP : ") + e.what()));
    }
}

// Defence in depth: whatever produced a message, a configured secret never leaves through it.
sdk::Error HttpTransport::scrub(sdk::Error e) const {
    for (const std::string* secret : {&settings_.bearer_token, &settings_.api_key}) {
        if (secret->size() < 4) continue;
        for (std::string* text : {&e.message, &e.where})
            for (auto pos = text->find(*secret); pos != std::string::npos; pos = text->find(*secret, pos))
                text->replace(pos, secret->size(), "***");
    }
    return e;
}

void HttpTransport::debug(const std::string& msg) const {
    if (log_) log_->debug(scrub(sdk::dataError(msg)).message);
}

void HttpTransport::warn(const std::string& msg) const {
    if (log_) log_->warn(scrub(sdk::dataError(msg)).message);
}

}  // namespace recolte::sync
