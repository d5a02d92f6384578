#include "publish/http_extras.hpp"

#include <Poco/Net/HTTPRequest.h>

#include "api/http_util.hpp"

namespace recolte::publish {

namespace {

constexpr size_t kChunk = 64 * 1024;

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

std::string_view opaque(std::string_view tag) {
    tag = trim(tag);
    if (tag.substr(0, 2) == "W/") tag.remove_prefix(2);
    return tag;
}

}  // namespace

bool etagMatches(const Poco::Net::HTTPServerRequest& req, const std::string& etag) {
    const std::string header = req.get("If-None-Match", "");
    if (header.empty()) return false;
    std::string_view rest = header;
    while (!rest.empty()) {
        const size_t comma = rest.find(',');
        const std::string_view item = trim(rest.substr(0, comma));
        if (item == "*" || opaque(item) == opaque(etag)) return true;
        if (comma == std::string_view::npos) break;
        rest.remove_prefix(comma + 1);
    }
    return false;
}

void sendNotModified(Poco::Net::HTTPServerResponse& resp, const std::string& etag) {
    resp.setStatusAndReason(Poco::Net::HTTPResponse::HTTP_NOT_MODIFIED);
    resp.set("ETag", etag);
    resp.send();
}

void sendPlainError(Poco::Net::HTTPServerResponse& resp, const PageError& error) {
    api::sendBody(resp, error.status, "text/plain; charset=utf-8", error.title + "\n\n" + error.message + "\n");
}

StreamedBody::StreamedBody(Poco::Net::HTTPServerRequest& req, Poco::Net::HTTPServerResponse& resp,
                           std::string contentType, std::vector<std::pair<std::string, std::string>> headers)
    : resp_(resp),
      contentType_(std::move(contentType)),
      headers_(std::move(headers)),
      head_(req.getMethod() == Poco::Net::HTTPRequest::HTTP_HEAD) {
    buffer_.reserve(kChunk);
}

// Status and headers only now: an error response sent before this point carries none of them.
void StreamedBody::start() {
    resp_.setStatusAndReason(Poco::Net::HTTPResponse::HTTP_OK);
    resp_.setContentType(contentType_);
    resp_.set("X-Content-Type-Options", "nosniff");
    for (const auto& [name, value] : headers_) resp_.set(name, value);
    resp_.setChunkedTransferEncoding(true);
    out_ = &resp_.send();
}

void StreamedBody::write(std::string_view bytes) {
    if (head_) return;
    buffer_.append(bytes);
    if (buffer_.size() >= kChunk) flush();
}

void StreamedBody::flush() {
    if (!out_) start();
    if (!buffer_.empty()) out_->write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    buffer_.clear();
}

void StreamedBody::finish() {
    if (finished_) return;
    finished_ = true;
    if (head_) {
        start();
        return;
    }
    flush();
    out_->flush();
}

}  // namespace recolte::publish
