// The exports: `/export/offres.csv` and `/export/producteurs.csv` for a French Excel, with the
// filters of /api/v1/offers and /api/v1/producers and every matching row (no paging, streamed);
// `/api/dfc/catalog`, the same offers in DFC JSON-LD; `/openapi.yaml`, the description of the JSON
// API, and `/schemas/{name}`, the JSON Schemas it refers to.
#include "api/http_util.hpp"
#include "api/router.hpp"
#include "publish/csv_export.hpp"
#include "publish/dfc_catalog.hpp"
#include "publish/embedded_files.hpp"
#include "publish/format_fr.hpp"
#include "publish/http_extras.hpp"
#include "publish/public_url.hpp"
#include "recolte/sdk/text.hpp"
#include "store/store.hpp"

namespace recolte::publish {

namespace {

using Req = Poco::Net::HTTPServerRequest;
using Resp = Poco::Net::HTTPServerResponse;

const std::vector<std::pair<std::string, std::string>> kSorts = {
    {"name", "par nom"}, {"unit_price", "par prix unitaire"}, {"updated", "par dernière modification"}};

std::vector<std::pair<std::string, std::string>> attachment(const std::string& stem) {
    return {{"Content-Disposition", "attachment; filename=\"" + stem + "-" + todayInParis() + ".csv\""},
            {"Cache-Control", "no-store"}};
}

void offersCsv(api::ApiContext& ctx, const api::Params&, Req& req, Resp& resp) {
    store::OfferQuery oq;
    try {
        PageQuery q(req, {"q", "product_type", "label", "producer", "departement", "source", "available_on", "sort"});
        oq.q = q.text("q");
        oq.product_type = q.productType("product_type");
        oq.label = q.labelCode("label");
        oq.producer = q.text("producer", 100);
        oq.departement = q.departement("departement");
        oq.source = q.text("source", 100);
        oq.available_on = q.date("available_on");
        oq.sort = q.oneOf("sort", kSorts, "name");
    } catch (const PageError& e) {
        return sendPlainError(resp, e);
    }
    const std::string base = publicBaseUrl(req);
    StreamedBody body(req, resp, "text/csv; charset=utf-8; header=present", attachment("offres"));
    if (body.wantsBody()) {
        body.write(offerCsvHeader());
        ctx.store.eachOffer(oq, [&](const std::string& doc) { body.write(offerCsvRow(doc, base)); });
    }
    body.finish();
}

void producersCsv(api::ApiContext& ctx, const api::Params&, Req& req, Resp& resp) {
    store::ProducerQuery pq;
    try {
        PageQuery q(req, {"q", "departement", "source"});
        pq.q = q.text("q");
        pq.departement = q.departement("departement");
        pq.source = q.text("source", 100);
    } catch (const PageError& e) {
        return sendPlainError(resp, e);
    }
    const std::string base = publicBaseUrl(req);
    StreamedBody body(req, resp, "text/csv; charset=utf-8; header=present", attachment("producteurs"));
    if (body.wantsBody()) {
        body.write(producerCsvHeader());
        ctx.store.eachProducer(pq, [&](const std::string& doc) { body.write(producerCsvRow(doc, base)); });
    }
    body.finish();
}

// The API's checks (English JSON errors, as every /api/ route): a machine reads this one.
std::string checkedCode(const api::Query& q, const char* name, bool upper) {
    std::string v = q.text(name, upper ? 40 : 100);
    for (char c : v) {
        const bool ok = upper ? (c == '_' || (c >= 'A' && c <= 'Z'))
                              : (c == '-' || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'));
        if (!ok)
            throw api::BadParameter{name, std::string(name) + (upper ? " must be a label code such as BIO or HVE"
                                                                     : " must be a DFC product type id such as vegetable") +
                                              ", got \"" + sdk::excerpt(v, 60) + "\""};
    }
    return v;
}

void dfcCatalog(api::ApiContext& ctx, const api::Params&, Req& req, Resp& resp) {
    api::Query q(req, {"q", "product_type", "label", "producer", "departement", "source", "available_on", "sort"});
    store::OfferQuery oq;
    oq.q = q.text("q");
    oq.product_type = checkedCode(q, "product_type", false);
    oq.label = checkedCode(q, "label", true);
    oq.producer = q.text("producer", 100);
    oq.departement = q.departement("departement");
    oq.source = q.text("source", 100);
    oq.available_on = q.date("available_on");
    oq.sort = q.oneOf("sort", {"name", "unit_price", "updated"}, "name");
    DfcCatalogWriter writer(publicBaseUrl(req));
    StreamedBody body(req, resp, "application/ld+json", {{"Cache-Control", "no-cache"}});
    if (body.wantsBody()) {
        body.write(writer.begin());
        ctx.store.eachOffer(oq, [&](const std::string& doc) { body.write(writer.offer(doc)); });
        for (const auto& id : writer.producerIds()) body.write(writer.enterprise(id, ctx.store.producer(id)));
        body.write(writer.end());
    }
    body.finish();
}

void sendEmbedded(const EmbeddedFile& file, const std::string& contentType, Req& req, Resp& resp) {
    const std::string etag = "\"" + sdk::sha256Hex(file.content).substr(0, 16) + "\"";
    if (etagMatches(req, etag)) return sendNotModified(resp, etag);
    resp.set("ETag", etag);
    resp.set("Cache-Control", "no-cache");
    api::sendBody(resp, 200, contentType, std::string(file.content));
}

void openApi(api::ApiContext&, const api::Params&, Req& req, Resp& resp) {
    api::Query q(req, {});
    const EmbeddedFile* file = findSchemaFile("openapi.yaml");
    if (!file) return api::sendError(resp, 404, "not_found", "this build carries no OpenAPI description");
    sendEmbedded(*file, "application/yaml", req, resp);
}

void schemaFile(api::ApiContext&, const api::Params& p, Req& req, Resp& resp) {
    api::Query q(req, {});
    const std::string& name = p.at(0);
    const EmbeddedFile* file = findSchemaFile(name);
    if (!file || name.size() < 12 || name.compare(name.size() - 12, 12, ".schema.json") != 0)
        return api::sendError(resp, 404, "not_found", "no schema named \"" + sdk::excerpt(name, 60) + "\"");
    sendEmbedded(*file, "application/schema+json", req, resp);
}

}  // namespace

}  // namespace recolte::publish

namespace recolte::api {

std::vector<Route> exportRoutes() {
    return {
        {"GET", "/export/offres.csv", "export_offers", publish::offersCsv},
        {"GET", "/export/producteurs.csv", "export_producers", publish::producersCsv},
        {"GET", "/api/dfc/catalog", "dfc_catalog", publish::dfcCatalog},
        {"GET", "/openapi.yaml", "openapi", publish::openApi},
        {"GET", "/schemas/{name}", "schema", publish::schemaFile},
    };
}

}  // namespace recolte::api
