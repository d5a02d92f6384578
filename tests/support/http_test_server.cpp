#include "support/http_test_server.hpp"

#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/DateTimeParser.h>
#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/ThreadPool.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <condition_variable>
#include <fstream>
#include <mutex>
#include <sstream>

namespace recolte::testing {

bool HeaderNameLess::operator()(const std::string& a, const std::string& b) const {
    return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(), [](unsigned char x, unsigned char y) {
        return std::tolower(x) < std::tolower(y);
    });
}

std::string HttpTestServer::Request::header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? std::string() : it->second;
}

// What the request handlers share with the server object; kept alive by each handler so a request
// in flight never touches a destroyed server.
struct HttpTestServer::State {
    std::mutex mutex;
    // Shared, not copied per request: a handler's own state (a mutable counter) must persist.
    std::map<std::string, std::shared_ptr<Handler>> routes;
    std::map<std::string, std::vector<Request>> received;
    std::condition_variable stopped;
    bool stopping = false;

    // Waits `ms`, or less if the server stops meanwhile.
    void delay(int ms) {
        std::unique_lock lock(mutex);
        stopped.wait_for(lock, std::chrono::milliseconds(ms), [this] { return stopping; });
    }
};

namespace {

using Poco::Net::HTTPServerRequest;
using Poco::Net::HTTPServerResponse;

// Runs one request; the function keeps the server's shared state alive.
class RequestHandler : public Poco::Net::HTTPRequestHandler {
public:
    explicit RequestHandler(std::function<void(HTTPServerRequest&, HTTPServerResponse&)> run) : run_(std::move(run)) {}
    void handleRequest(HTTPServerRequest& request, HTTPServerResponse& response) override {
        try {
            run_(request, response);
        } catch (const std::exception&) {
            // The client went away (a test that timed out on purpose): nothing to answer.
        }
    }

private:
    std::function<void(HTTPServerRequest&, HTTPServerResponse&)> run_;
};

std::string contentTypeOf(const std::string& file) {
    const auto dot = file.rfind('.');
    std::string ext = dot == std::string::npos ? "" : file.substr(dot + 1);
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    if (ext == "csv") return "text/csv; charset=utf-8";
    if (ext == "json") return "application/json";
    if (ext == "jsonld") return "application/ld+json";
    if (ext == "xml") return "application/xml";
    return "application/octet-stream";
}

bool etagMatches(const std::string& ifNoneMatch, const std::string& etag) {
    if (ifNoneMatch.find('*') != std::string::npos) return true;
    std::stringstream list(ifNoneMatch);
    std::string item;
    while (std::getline(list, item, ',')) {
        item.erase(0, item.find_first_not_of(" \t"));
        item.erase(item.find_last_not_of(" \t") + 1);
        if (item.rfind("W/", 0) == 0) item = item.substr(2);
        if (item == etag) return true;
    }
    return false;
}

}  // namespace

class HttpTestServer::Factory : public Poco::Net::HTTPRequestHandlerFactory {
public:
    explicit Factory(std::shared_ptr<State> state) : state_(std::move(state)) {}

    Poco::Net::HTTPRequestHandler* createRequestHandler(const HTTPServerRequest&) override {
        return new RequestHandler(
            [state = state_](HTTPServerRequest& req, HTTPServerResponse& resp) { serve(*state, req, resp); });
    }

private:
    static void serve(State& state, HTTPServerRequest& req, HTTPServerResponse& resp) {
        Request request;
        request.method = req.getMethod();
        const std::string& uri = req.getURI();
        const auto q = uri.find('?');
        request.path = uri.substr(0, q);
        if (q != std::string::npos) request.query = uri.substr(q + 1);
        for (const auto& [name, value] : req) request.headers[name] = value;

        std::shared_ptr<Handler> handler;
        {
            std::lock_guard lock(state.mutex);
            state.received[request.path].push_back(request);
            auto it = state.routes.find(request.path);
            if (it != state.routes.end()) handler = it->second;
        }
        Response answer;
        if (!handler) {
            answer = Response{404, "no route for " + request.path + "\n", {}, 0, false, false};
        } else {
            try {
                answer = (*handler)(request);
            } catch (const std::exception& e) {
                answer = Response{500, std::string("test handler threw: ") + e.what() + "\n", {}, 0, false, false};
            }
        }
        if (answer.delay_ms > 0) state.delay(answer.delay_ms);

        resp.setStatusAndReason(static_cast<HTTPServerResponse::HTTPStatus>(answer.status));
        for (const auto& [name, value] : answer.headers) resp.set(name, value);
        if (answer.truncate) {
            // Promise more than is sent, then close: the client sees the body end early.
            resp.setContentLength64(static_cast<Poco::Int64>(answer.body.size()) + 1024);
            resp.setKeepAlive(false);
        } else if (answer.chunked) {
            resp.setChunkedTransferEncoding(true);
        } else {
            resp.setContentLength64(static_cast<Poco::Int64>(answer.body.size()));
        }
        std::ostream& out = resp.send();
        out.write(answer.body.data(), static_cast<std::streamsize>(answer.body.size()));
        out.flush();
    }

    std::shared_ptr<State> state_;
};

struct HttpTestServer::Impl {
    Poco::ThreadPool pool{2, 16};
    std::unique_ptr<Poco::Net::HTTPServer> server;
    uint16_t port = 0;
};

HttpTestServer::HttpTestServer() : state_(std::make_shared<State>()), impl_(std::make_unique<Impl>()) {
    Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0));
    impl_->port = socket.address().port();
    auto* params = new Poco::Net::HTTPServerParams;
    params->setMaxThreads(8);
    params->setKeepAlive(true);
    impl_->server = std::make_unique<Poco::Net::HTTPServer>(new Factory(state_), impl_->pool, socket, params);
    impl_->server->start();
}

HttpTestServer::~HttpTestServer() {
    {
        std::lock_guard lock(state_->mutex);
        state_->stopping = true;
    }
    state_->stopped.notify_all();
    impl_->server->stopAll(true);
    impl_->server.reset();
    impl_->pool.joinAll();  // no handler runs past this point
}

void HttpTestServer::route(const std::string& path, Handler handler) {
    std::lock_guard lock(state_->mutex);
    state_->routes[path] = std::make_shared<Handler>(std::move(handler));
}

void HttpTestServer::serveFile(const std::string& path, const std::string& file, const std::string& etag) {
    route(path, [file, etag](const Request& req) {
        Response r;
        std::ifstream in(file, std::ios::binary);
        Poco::File info(file);
        if (!in || !info.exists()) return Response{404, "no such file: " + file + "\n", {}, 0, false, false};
        const Poco::Timestamp modified = info.getLastModified();
        const std::string lastModified = Poco::DateTimeFormatter::format(modified, Poco::DateTimeFormat::HTTP_FORMAT);
        if (!etag.empty()) r.headers["ETag"] = etag;
        r.headers["Last-Modified"] = lastModified;
        r.headers["Content-Type"] = contentTypeOf(file);
        // If-None-Match wins over If-Modified-Since (RFC 9110, 13.2.2).
        const std::string inm = req.header("If-None-Match");
        bool notModified = false;
        if (!inm.empty()) {
            notModified = !etag.empty() && etagMatches(inm, etag);
        } else if (const std::string ims = req.header("If-Modified-Since"); !ims.empty()) {
            Poco::DateTime since;
            int tz = 0;
            // HTTP dates have whole seconds: compare at that precision.
            if (Poco::DateTimeParser::tryParse(Poco::DateTimeFormat::HTTP_FORMAT, ims, since, tz))
                notModified = modified.epochTime() <= since.timestamp().epochTime();
        }
        if (notModified) {
            r.status = 304;
            return r;
        }
        std::ostringstream body;
        body << in.rdbuf();
        r.body = body.str();
        return r;
    });
}

std::string HttpTestServer::url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(impl_->port) + (path.empty() || path[0] != '/' ? "/" : "") + path;
}

uint16_t HttpTestServer::port() const { return impl_->port; }

int HttpTestServer::requestCount(const std::string& path) const {
    std::lock_guard lock(state_->mutex);
    auto it = state_->received.find(path);
    return it == state_->received.end() ? 0 : static_cast<int>(it->second.size());
}

std::vector<HttpTestServer::Request> HttpTestServer::requests(const std::string& path) const {
    std::lock_guard lock(state_->mutex);
    auto it = state_->received.find(path);
    return it == state_->received.end() ? std::vector<Request>{} : it->second;
}

}  // namespace recolte::testing
