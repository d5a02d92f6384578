// `/feed.atom`: what changed in the catalogue (new offers, prices, withdrawals, new needs), newest
// first, with the catalogue's filters that a change carries (product_type, departement, source),
// so a person can subscribe to "vegetables in Ariège". Conditional GET with an ETag.
#include "api/http_util.hpp"
#include "api/router.hpp"
#include "publish/atom_feed.hpp"
#include "publish/feed_entries.hpp"
#include "publish/html.hpp"
#include "publish/http_extras.hpp"
#include "publish/public_url.hpp"
#include "publish/vocabulary_fr.hpp"
#include "store/store.hpp"

namespace recolte::publish {

namespace {

using Req = Poco::Net::HTTPServerRequest;
using Resp = Poco::Net::HTTPServerResponse;

constexpr int64_t kEntries = 50;
// Part of the ETag: bump when the feed's wording or layout changes, so readers fetch it again.
constexpr const char* kFeedFormat = "atom-1";

std::string feedTitle(const store::ChangeQuery& q) {
    std::string what;
    if (!q.product_type.empty()) what += productTypeName(q.product_type);
    if (!q.departement.empty()) what += (what.empty() ? "" : ", ") + departementLabel(q.departement);
    if (!q.source.empty()) what += (what.empty() ? "plateforme " : ", plateforme ") + q.source;
    return "Récolte : changements du catalogue" + (what.empty() ? "" : " (" + what + ")");
}

void feed(api::ApiContext& ctx, const api::Params&, Req& req, Resp& resp) {
    store::ChangeQuery cq;
    try {
        PageQuery q(req, {"product_type", "departement", "source"});
        cq.product_type = q.productType("product_type");
        cq.departement = q.departement("departement");
        cq.source = q.text("source", 100);
    } catch (const PageError& e) {
        return sendPlainError(resp, e);
    }
    const QueryPairs filters = {{"product_type", cq.product_type}, {"departement", cq.departement}, {"source", cq.source}};
    const std::string base = publicBaseUrl(req);

    // An entry shows its record's current document, and every change of a document is logged:
    // the newest change of the whole log (not only of the filtered one) dates the feed's content.
    store::ChangeQuery newestQuery;
    newestQuery.limit = 1;
    const auto newest = ctx.store.recentChanges(newestQuery);
    const int64_t newestSeq = newest.empty() ? 0 : newest.front().seq;
    const std::string etag = "\"feed-" + std::to_string(newestSeq) + "-" +
                             store::contentHash(std::string(kFeedFormat) + "|" + base + "|" + queryString(filters)) + "\"";
    if (etagMatches(req, etag)) return sendNotModified(resp, etag);

    cq.exclude_changes = {"changed"};  // the feed says what was added, repriced or withdrawn
    cq.limit = kEntries;
    const auto changes = ctx.store.recentChanges(cq);

    AtomFeed f;
    f.id = "tag:recolte,2026:feed" + queryString(filters);
    f.title = feedTitle(cq);
    f.subtitle = "Nouvelles offres, prix modifiés, offres retirées et nouveaux besoins.";
    f.updated = !changes.empty() ? changes.front().at : !newest.empty() ? newest.front().at : "1970-01-01T00:00:00Z";
    f.self = base + "/feed.atom" + queryString(filters);
    f.alternate = base + "/" + queryString(filters);
    f.author = "Récolte";
    f.entries.reserve(changes.size());
    for (const auto& c : changes) {
        std::optional<std::string> doc;
        if (c.change != "removed") doc = c.kind == "need" ? ctx.store.need(c.record_id) : ctx.store.offer(c.record_id);
        f.entries.push_back(feedEntry(c, doc, base));
    }
    resp.set("ETag", etag);
    resp.set("Cache-Control", "no-cache");  // may be stored, but revalidated (cheap with the ETag)
    api::sendBody(resp, 200, "application/atom+xml; charset=utf-8", renderAtom(f));
}

}  // namespace

}  // namespace recolte::publish

namespace recolte::api {

std::vector<Route> feedRoutes() {
    return {
        {"GET", "/feed.atom", "feed", publish::feed},
    };
}

}  // namespace recolte::api
