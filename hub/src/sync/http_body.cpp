#include "sync/http_body.hpp"

#include <Poco/Net/HTTPSClientSession.h>

#include <algorithm>
#include <cctype>
#include <string>

namespace recolte::sync::http {

namespace {

// HTTPSession::get() and read() are protected: a subclass lends them out.
template <class Base>
class RawSession final : public Base, public RawReader {
public:
    using Base::Base;
    int get() override { return Base::get(); }
    int read(char* buffer, std::streamsize size) override { return Base::read(buffer, size); }
};

constexpr int kEof = std::char_traits<char>::eof();

// One CRLF-terminated line without its end; false at EOF or when absurdly long.
bool readLine(RawReader& raw, std::string& line) {
    line.clear();
    for (int c = raw.get(); c != kEof; c = raw.get()) {
        if (c == '\n') {
            if (!line.empty() && line.back() == '\r') line.pop_back();
            return true;
        }
        if (line.size() > 4096) return false;
        line.push_back(static_cast<char>(c));
    }
    return false;
}

}  // namespace

Session openSession(const Poco::URI& uri, const Poco::Net::Context::Ptr& tls) {
    Session s;
    std::string scheme = uri.getScheme();
    for (auto& c : scheme) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (scheme == "https") {
        auto session = std::make_unique<RawSession<Poco::Net::HTTPSClientSession>>(uri.getHost(), uri.getPort(), tls);
        s.raw = session.get();
        s.session = std::move(session);
    } else {
        auto session = std::make_unique<RawSession<Poco::Net::HTTPClientSession>>(uri.getHost(), uri.getPort());
        s.raw = session.get();
        s.session = std::move(session);
    }
    return s;
}

BodyStatus readChunked(RawReader& raw, const BodyTaker& take) {
    std::string line;
    char buffer[64 * 1024];
    for (;;) {
        if (!readLine(raw, line)) return BodyStatus::Cut;
        const std::string hex = line.substr(0, line.find(';'));  // chunk extensions are ignored
        size_t end = 0;
        while (end < hex.size() && std::isxdigit(static_cast<unsigned char>(hex[end]))) ++end;
        if (end == 0 || end > 15 || hex.find_first_not_of(" \t", end) != std::string::npos) return BodyStatus::Malformed;
        uint64_t size = std::stoull(hex.substr(0, end), nullptr, 16);
        if (size == 0) {
            // Trailer fields up to the empty line; a server that closes instead has sent the body whole.
            while (readLine(raw, line) && !line.empty()) {
            }
            return BodyStatus::Complete;
        }
        while (size > 0) {
            const int n = raw.read(buffer, static_cast<std::streamsize>(std::min<uint64_t>(size, sizeof buffer)));
            if (n <= 0) return BodyStatus::Cut;
            if (!take(buffer, static_cast<size_t>(n))) return BodyStatus::TooBig;
            size -= static_cast<uint64_t>(n);
        }
        if (!readLine(raw, line)) return BodyStatus::Cut;
        if (!line.empty()) return BodyStatus::Malformed;
    }
}

}  // namespace recolte::sync::http
