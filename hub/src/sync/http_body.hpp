// Reading a chunked HTTP body with the check Poco 1.11 leaves out: its chunked stream takes a
// connection closed in the middle of the body for the end of the body, so a cut download would
// pass as complete. The sessions opened here expose their raw bytes to a decoder that insists on
// the final zero-size chunk.
#pragma once

#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/URI.h>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <ios>
#include <memory>
#include <string>

namespace recolte::sync::http {

// The bytes after the response headers, as the session buffered and receives them.
class RawReader {
public:
    virtual ~RawReader() = default;
    virtual int get() = 0;                                     // next byte, or EOF
    virtual int read(char* buffer, std::streamsize size) = 0;  // 0 at the end of the connection
};

struct Session {
    std::unique_ptr<Poco::Net::HTTPClientSession> session;
    RawReader* raw = nullptr;  // the same object as `session`
};

// HTTPClientSession for http://, HTTPSClientSession with `tls` for https://.
Session openSession(const Poco::URI& uri, const Poco::Net::Context::Ptr& tls);

enum class BodyStatus { Complete, Cut, TooBig, Malformed };

// Takes the body's bytes as they arrive; false stops the read (TooBig: the taker holds no more).
using BodyTaker = std::function<bool(const char* data, size_t size)>;

// Decodes a chunked body (RFC 9112, 7.1) into `take`. Trailers are skipped.
BodyStatus readChunked(RawReader& raw, const BodyTaker& take);

}  // namespace recolte::sync::http
