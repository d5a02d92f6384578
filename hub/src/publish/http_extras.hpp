// HTTP pieces the feed and the exports share: conditional GET, French plain-text errors for
// people who type an export or feed address by hand, and bodies streamed in chunks.
#pragma once

#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "publish/page_query.hpp"

namespace recolte::publish {

// True when the request's If-None-Match lists `etag` (or is "*"); weak tags compare by value.
bool etagMatches(const Poco::Net::HTTPServerRequest& req, const std::string& etag);

// 304 with the ETag and no body (and no Content-Length, as RFC 9110 asks).
void sendNotModified(Poco::Net::HTTPServerResponse& resp, const std::string& etag);

// A PageError as text/plain in French ("Paramètre inconnu\n\nLe paramètre « x »...").
void sendPlainError(Poco::Net::HTTPServerResponse& resp, const PageError& error);

// A long body sent with chunked transfer encoding through a 64 KiB buffer: the whole export is
// never held in memory. For HEAD, only the headers go out and write() does nothing. The status
// (200) is sent with the first chunk: an error before that still gets a proper error response.
class StreamedBody {
public:
    // `headers` (Content-Disposition...) go out with the first chunk, like the status.
    StreamedBody(Poco::Net::HTTPServerRequest& req, Poco::Net::HTTPServerResponse& resp, std::string contentType,
                 std::vector<std::pair<std::string, std::string>> headers = {});
    StreamedBody(const StreamedBody&) = delete;
    StreamedBody& operator=(const StreamedBody&) = delete;

    bool wantsBody() const { return !head_; }
    void write(std::string_view bytes);
    // Sends what is buffered (Poco writes the last, empty chunk when the response completes).
    void finish();

private:
    void flush();
    void start();
    Poco::Net::HTTPServerResponse& resp_;
    std::string contentType_;
    std::vector<std::pair<std::string, std::string>> headers_;
    std::ostream* out_ = nullptr;
    std::string buffer_;
    bool head_ = false;
    bool finished_ = false;
};

}  // namespace recolte::publish
