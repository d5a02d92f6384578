// The JSON API, one handler per resource. Shapes: schemas/*.schema.json.
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

#include "api/http_util.hpp"
#include "api/router.hpp"
#include "model/json.hpp"
#include "store/store.hpp"

namespace recolte::api {

namespace {

using Req = Poco::Net::HTTPServerRequest;
using Resp = Poco::Net::HTTPServerResponse;

constexpr int64_t kMaxLimit = 1000;

void health(ApiContext& ctx, const Params&, Req& req, Resp& resp) {
    Query q(req, {});
    sendJson(resp, 200, "{\"status\":\"ok\"}");
}

void metrics(ApiContext& ctx, const Params&, Req& req, Resp& resp) {
    Query q(req, {});
    sendBody(resp, 200, "text/plain; version=0.0.4; charset=utf-8", ctx.metrics.render());
}

std::string label(const Query& q) {
    std::string l = q.text("label", 40);
    for (char c : l)
        if (!(c == '_' || (c >= 'A' && c <= 'Z')))
            throw BadParameter{"label", "label must be a label code such as BIO, LABEL_ROUGE or HVE, got \"" + l + "\""};
    return l;
}

void listOffers(ApiContext& ctx, const Params&, Req& req, Resp& resp) {
    Query q(req, {"q", "product_type", "label", "producer", "departement", "source", "available_on", "sort", "limit",
                  "offset"});
    store::OfferQuery oq;
    oq.q = q.text("q");
    oq.product_type = q.text("product_type", 100);
    oq.label = label(q);
    oq.producer = q.text("producer", 100);
    oq.departement = q.departement("departement");
    oq.source = q.text("source", 100);
    oq.available_on = q.date("available_on");
    oq.sort = q.oneOf("sort", {"name", "unit_price", "updated"}, "name");
    oq.limit = q.integer("limit", 50, 1, kMaxLimit);
    oq.offset = q.integer("offset", 0, 0, 1'000'000'000);
    auto page = ctx.store.offers(oq);
    sendJson(resp, 200, listEnvelope(page.items, page.total, oq.limit, oq.offset));
}

void getOffer(ApiContext& ctx, const Params& p, Req& req, Resp& resp) {
    Query q(req, {});
    auto doc = ctx.store.offer(p.at(0));
    if (!doc) return sendError(resp, 404, "not_found", "no offer with id \"" + p.at(0) + "\"");
    sendJson(resp, 200, *doc);
}

void listNeeds(ApiContext& ctx, const Params&, Req& req, Resp& resp) {
    Query q(req, {"q", "product_type", "departement", "source", "status", "open_on", "limit", "offset"});
    store::NeedQuery nq;
    nq.q = q.text("q");
    nq.product_type = q.text("product_type", 100);
    nq.departement = q.departement("departement");
    nq.source = q.text("source", 100);
    nq.status = q.oneOf("status", {"open", "awarded", "closed"}, "");
    nq.open_on = q.date("open_on");
    nq.limit = q.integer("limit", 50, 1, kMaxLimit);
    nq.offset = q.integer("offset", 0, 0, 1'000'000'000);
    auto page = ctx.store.needs(nq);
    sendJson(resp, 200, listEnvelope(page.items, page.total, nq.limit, nq.offset));
}

void getNeed(ApiContext& ctx, const Params& p, Req& req, Resp& resp) {
    Query q(req, {});
    auto doc = ctx.store.need(p.at(0));
    if (!doc) return sendError(resp, 404, "not_found", "no need with id \"" + p.at(0) + "\"");
    sendJson(resp, 200, *doc);
}

void listProducers(ApiContext& ctx, const Params&, Req& req, Resp& resp) {
    Query q(req, {"q", "departement", "source", "limit", "offset"});
    store::ProducerQuery pq;
    pq.q = q.text("q");
    pq.departement = q.departement("departement");
    pq.source = q.text("source", 100);
    pq.limit = q.integer("limit", 50, 1, kMaxLimit);
    pq.offset = q.integer("offset", 0, 0, 1'000'000'000);
    auto page = ctx.store.producers(pq);
    sendJson(resp, 200, listEnvelope(page.items, page.total, pq.limit, pq.offset));
}

void getProducer(ApiContext& ctx, const Params& p, Req& req, Resp& resp) {
    Query q(req, {});
    auto doc = ctx.store.producer(p.at(0));
    if (!doc) return sendError(resp, 404, "not_found", "no producer with id \"" + p.at(0) + "\"");
    sendJson(resp, 200, *doc);
}

// Configured sources first (in config order), then sources the store still remembers.
std::string sourceJson(const std::string& name, const std::string& connector, int64_t every,
                       const std::optional<model::SyncRun>& last) {
    return "{\"name\":" + model::jsonString(name) + ",\"connector\":" + model::jsonString(connector) +
           ",\"every\":" + std::to_string(every) + ",\"last_sync\":" + (last ? model::toJson(*last) : "null") + "}";
}

void listSources(ApiContext& ctx, const Params&, Req& req, Resp& resp) {
    Query q(req, {});
    auto states = ctx.store.sources();
    std::vector<std::string> items;
    for (const auto& src : ctx.sources) {
        std::optional<model::SyncRun> last;
        for (const auto& st : states)
            if (st.name == src.name) last = st.last_run;
        items.push_back(sourceJson(src.name, src.connector, src.every_seconds, last));
    }
    const auto total = static_cast<int64_t>(items.size());
    sendJson(resp, 200, listEnvelope(items, total, total, 0));
}

bool knownSource(ApiContext& ctx, const std::string& name) {
    for (const auto& s : ctx.sources)
        if (s.name == name) return true;
    return false;
}

void getSource(ApiContext& ctx, const Params& p, Req& req, Resp& resp) {
    Query q(req, {});
    for (const auto& src : ctx.sources) {
        if (src.name != p.at(0)) continue;
        std::optional<model::SyncRun> last;
        for (const auto& st : ctx.store.sources())
            if (st.name == src.name) last = st.last_run;
        return sendJson(resp, 200, sourceJson(src.name, src.connector, src.every_seconds, last));
    }
    sendError(resp, 404, "not_found", "no source named \"" + p.at(0) + "\"");
}

void listRejects(ApiContext& ctx, const Params& p, Req& req, Resp& resp) {
    Query q(req, {"limit", "offset"});
    if (!knownSource(ctx, p.at(0))) return sendError(resp, 404, "not_found", "no source named \"" + p.at(0) + "\"");
    for (const auto& src : ctx.sources)
        if (src.name == p.at(0) && src.finance && !authorize(ctx, req, resp, "finance", "/api/v1/sources/{name}/rejects"))
            return;
    store::RejectQuery rq;
    rq.source = p.at(0);
    rq.limit = q.integer("limit", 100, 1, kMaxLimit);
    rq.offset = q.integer("offset", 0, 0, 1'000'000'000);
    auto page = ctx.store.rejects(rq);
    sendJson(resp, 200, listEnvelope(page.items, page.total, rq.limit, rq.offset));
}

}  // namespace

std::vector<Route> apiRoutes() {
    return {
        {"GET", "/healthz", "healthz", health},
        {"GET", "/metrics", "metrics", metrics},
        {"GET", "/api/v1/offers", "offers", listOffers},
        {"GET", "/api/v1/offers/{id}", "offer", getOffer},
        {"GET", "/api/v1/needs", "needs", listNeeds},
        {"GET", "/api/v1/needs/{id}", "need", getNeed},
        {"GET", "/api/v1/producers", "producers", listProducers},
        {"GET", "/api/v1/producers/{id}", "producer", getProducer},
        {"GET", "/api/v1/sources", "sources", listSources},
        {"GET", "/api/v1/sources/{name}", "source", getSource},
        {"GET", "/api/v1/sources/{name}/rejects", "rejects", listRejects},
    };
}

const std::vector<Route>& routes() {
    static const std::vector<Route> table = [] {
        auto all = apiRoutes();
        for (auto& r : invoiceRoutes()) all.push_back(std::move(r));
        for (auto& r : adminRoutes()) all.push_back(std::move(r));
        for (auto& r : publishRoutes()) all.push_back(std::move(r));
        return all;
    }();
    return table;
}

}  // namespace recolte::api
