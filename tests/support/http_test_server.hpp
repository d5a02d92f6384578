// A real HTTP server for tests, on 127.0.0.1 and a free port, started by the constructor and
// stopped by the destructor. Each path answers through a handler (status, body, headers, a delay,
// a truncated body) or serves a file with ETag / Last-Modified and 304s. Thread-safe: routes may
// be changed while requests are served. Unknown paths answer 404.
//
//   HttpTestServer server;
//   server.serveFile("/catalogue.csv", dir.file("c.csv"), "\"v1\"");
//   server.route("/flaky", [n = 0](const HttpTestServer::Request&) mutable {
//       return HttpTestServer::Response{++n < 3 ? 500 : 200, "ok"};
//   });
//   fetch(server.url("/catalogue.csv")); EXPECT_EQ(server.requestCount("/flaky"), 3);
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace recolte::testing {

// Header names compare without case, as in HTTP.
struct HeaderNameLess {
    bool operator()(const std::string& a, const std::string& b) const;
};
using HeaderMap = std::map<std::string, std::string, HeaderNameLess>;

class HttpTestServer {
public:
    struct Request {
        std::string method;
        std::string path;   // without the query
        std::string query;  // after '?', empty when none
        HeaderMap headers;
        // The header's value, or "" when absent.
        std::string header(const std::string& name) const;
    };

    // Response{404}, Response{200, "body"}, Response{302, "", {{"Location", "/b"}}}, ...: a
    // constructor rather than an aggregate, so that a partial list raises no -Wextra warning.
    struct Response {
        Response(int status_ = 200, std::string body_ = {}, HeaderMap headers_ = {}, int delay_ms_ = 0,
                 bool truncate_ = false, bool chunked_ = false)
            : status(status_), body(std::move(body_)), headers(std::move(headers_)), delay_ms(delay_ms_),
              truncate(truncate_), chunked(chunked_) {}
        int status = 200;
        std::string body;
        HeaderMap headers;  // Content-Length is set by the server
        int delay_ms = 0;   // wait before answering (the wait ends early when the server stops)
        // Announce a Content-Length bigger than the body, send the body, then close the connection.
        bool truncate = false;
        // Send the body chunked, without Content-Length (as streaming servers do).
        bool chunked = false;
    };

    using Handler = std::function<Response(const Request&)>;

    HttpTestServer();
    ~HttpTestServer();
    HttpTestServer(const HttpTestServer&) = delete;
    HttpTestServer& operator=(const HttpTestServer&) = delete;

    // Answers requests for `path` (exact match, query ignored); replaces an earlier route.
    void route(const std::string& path, Handler handler);

    // Serves `file` (read at each request, so a test may change it) at `path`, with
    // Last-Modified from the file's time and, when not empty, this ETag (give it quoted: "\"v1\"").
    // If-None-Match and If-Modified-Since get a 304.
    void serveFile(const std::string& path, const std::string& file, const std::string& etag = {});

    // "http://127.0.0.1:PORT" + path.
    std::string url(const std::string& path = "/") const;
    uint16_t port() const;

    // Requests received for `path` so far (all methods, any status, unknown paths too).
    int requestCount(const std::string& path) const;
    // The requests received for `path`, oldest first.
    std::vector<Request> requests(const std::string& path) const;

private:
    struct State;
    class Factory;
    std::shared_ptr<State> state_;
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace recolte::testing
