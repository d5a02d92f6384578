// The finance routes: invoices are never public. Each route here declares the "finance" role, so
// the router asks for a bearer token carrying it before the handler runs (api/auth.hpp).
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

#include <istream>

#include "api/http_util.hpp"
#include "api/request_limits.hpp"
#include "api/router.hpp"
#include "invoice/invoice_draft.hpp"
#include "invoice/invoice_rules.hpp"
#include "invoice/invoice_writers.hpp"
#include "model/invoice_record_json.hpp"
#include "model/json.hpp"
#include "publish/format_fr.hpp"
#include "publish/http_extras.hpp"
#include "publish/invoice_csv.hpp"
#include "publish/invoice_summary.hpp"
#include "recolte/sdk/text.hpp"
#include "store/store.hpp"

namespace recolte::api {

namespace {

using Req = Poco::Net::HTTPServerRequest;
using Resp = Poco::Net::HTTPServerResponse;

constexpr int64_t kMaxLimit = 1000;
const std::string kFinance = "finance";

const std::vector<std::string> kFilters{"seller", "buyer", "service_code", "status", "from", "to"};

std::vector<std::string> withPaging(std::vector<std::string> names) {
    names.push_back("limit");
    names.push_back("offset");
    return names;
}

// Chorus Pro statuses are upper-case words joined by "_" (MISE_A_DISPOSITION, MANDATEE...).
std::string status(const Query& q) {
    std::string s = q.text("status", 60);
    for (char c : s)
        if (!(c == '_' || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
            throw BadParameter{"status", "status must be a Chorus Pro status such as MISE_A_DISPOSITION or MANDATEE, got \"" +
                                             sdk::excerpt(s, 60) + "\""};
    return s;
}

store::InvoiceQuery invoiceFilters(const Query& q) {
    store::InvoiceQuery iq;
    iq.seller = q.text("seller", 200);
    iq.buyer = q.text("buyer", 200);
    iq.service_code = q.text("service_code", 100);
    iq.status = status(q);
    iq.from = q.date("from");
    iq.to = q.date("to");
    if (!iq.from.empty() && !iq.to.empty() && iq.from > iq.to)
        throw BadParameter{"to", "to (" + iq.to + ") is before from (" + iq.from + ")"};
    return iq;
}

void listInvoices(ApiContext& ctx, const Params&, Req& req, Resp& resp) {
    Query q(req, withPaging(kFilters));
    store::InvoiceQuery iq = invoiceFilters(q);
    iq.limit = q.integer("limit", 50, 1, kMaxLimit);
    iq.offset = q.integer("offset", 0, 0, 1'000'000'000);
    auto page = ctx.store.invoices(iq);
    sendJson(resp, 200, listEnvelope(page.items, page.total, iq.limit, iq.offset));
}

void getInvoice(ApiContext& ctx, const Params& p, Req& req, Resp& resp) {
    Query q(req, {});
    auto doc = ctx.store.invoice(p.at(0));
    if (!doc) return sendError(resp, 404, "not_found", "aucune facture d'identifiant « " + p.at(0) + " »");
    sendJson(resp, 200, *doc);
}

// A stored invoice written again by `write` (writeUbl or writeCii), as a download.
void invoiceXml(ApiContext& ctx, const std::string& id, Req& req, Resp& resp,
                std::string (*write)(const sdk::InvoiceRecord&), const std::string& extension) {
    Query q(req, {});
    auto stored = ctx.store.storedInvoice(id);
    if (!stored) return sendError(resp, 404, "not_found", "aucune facture d'identifiant « " + id + " »");
    auto inv = model::invoiceFromStoredJson(*stored);
    if (!inv) throw std::runtime_error("invoice " + id + ": " + inv.error().describe());
    const std::string xml = write(inv->record);
    if (xml.empty()) throw std::runtime_error("invoice " + id + ": the " + extension + " writer wrote nothing");
    std::string file;
    for (char c : inv->record.number) file += std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' ? c : '_';
    resp.set("Content-Disposition", "attachment; filename=\"" + (file.empty() ? id : file) + extension + "\"");
    resp.set("Cache-Control", "no-store");
    sendBody(resp, 200, "application/xml; charset=utf-8", xml);
}

void invoiceUbl(ApiContext& ctx, const Params& p, Req& req, Resp& resp) {
    invoiceXml(ctx, p.at(0), req, resp, invoice::writeUbl, ".ubl.xml");
}

void invoiceCii(ApiContext& ctx, const Params& p, Req& req, Resp& resp) {
    invoiceXml(ctx, p.at(0), req, resp, invoice::writeCii, ".cii.xml");
}

void invoicesCsv(ApiContext& ctx, const Params&, Req& req, Resp& resp) {
    Query q(req, kFilters);
    const store::InvoiceQuery iq = invoiceFilters(q);
    publish::StreamedBody body(req, resp, "text/csv; charset=utf-8; header=present",
                               {{"Content-Disposition",
                                 "attachment; filename=\"factures-" + publish::todayInParis() + ".csv\""},
                                {"Cache-Control", "no-store"}});
    if (body.wantsBody()) {
        body.write(publish::invoiceCsvHeader());
        ctx.store.eachInvoice(iq, [&](const std::string& doc) { body.write(publish::invoiceCsvRows(doc)); });
    }
    body.finish();
}

void invoiceSummary(ApiContext& ctx, const Params&, Req& req, Resp& resp) {
    Query q(req, kFilters);
    const store::InvoiceQuery iq = invoiceFilters(q);
    publish::SpendSummary summary(ctx.invoices_local_km);
    ctx.store.eachInvoice(iq, [&](const std::string& doc) { summary.add(doc); });
    sendJson(resp, 200, summary.toJson());
}

std::string violationsJson(const std::vector<invoice::RuleViolation>& violations) {
    std::string out = "[";
    for (size_t i = 0; i < violations.size(); ++i) {
        if (i) out += ',';
        out += "{\"rule\":" + model::jsonString(violations[i].rule) +
               ",\"message\":" + model::jsonString(violations[i].message) + "}";
    }
    return out + "]";
}

// A short description in, an invoice that passes the hub's EN 16931 and Chorus Pro checks out
// (UBL and CII), or 422 with one {rule, message} per broken rule. Nothing is stored.
void createInvoice(ApiContext& ctx, const Params&, Req& req, Resp& resp) {
    Query q(req, {});
    // Read at most one byte more than allowed: a huge body is refused without being held.
    const auto body = readBody(req, ctx.limits.max_body_bytes);
    if (!body)
        return sendError(resp, 413, "payload_too_large",
                         "description trop longue (" + frenchSize(ctx.limits.max_body_bytes) + " au plus)");
    auto draft = invoice::draftFromJson(*body, "corps de la requête");
    if (!draft) return sendError(resp, 400, "bad_request", "description de facture invalide : " + draft.error().describe());
    auto violations = invoice::checkEn16931(draft->invoice);
    for (auto& v : invoice::checkChorusPro(draft->invoice, draft->buyer_requires)) violations.push_back(std::move(v));
    if (!violations.empty()) {
        return sendJson(resp, 422,
                        "{\"error\":{\"code\":\"invoice_refused\",\"message\":" +
                            model::jsonString("facture refusée : " + std::to_string(violations.size()) +
                                              " règle(s) non respectée(s)") +
                            ",\"violations\":" + violationsJson(violations) + "}}");
    }
    const std::string ubl = invoice::writeUbl(draft->invoice), cii = invoice::writeCii(draft->invoice);
    if (ubl.empty() || cii.empty()) throw std::runtime_error("the UBL or CII writer wrote nothing");
    sendJson(resp, 201, "{\"number\":" + model::jsonString(draft->invoice.number) + ",\"ubl\":" +
                            model::jsonString(ubl) + ",\"cii\":" + model::jsonString(cii) + "}");
}

}  // namespace

// Literal paths first: "/api/v1/invoices/{id}" would match "summary" too.
std::vector<Route> invoiceRoutes() {
    return {
        {"GET", "/api/v1/invoices", "invoices", listInvoices, kFinance},
        {"POST", "/api/v1/invoices", "invoice_create", createInvoice, kFinance, Body::Small},
        {"GET", "/api/v1/invoices/export.csv", "invoices_csv", invoicesCsv, kFinance},
        {"GET", "/api/v1/invoices/summary", "invoices_summary", invoiceSummary, kFinance},
        {"GET", "/api/v1/invoices/{id}.ubl.xml", "invoice_ubl", invoiceUbl, kFinance},
        {"GET", "/api/v1/invoices/{id}.cii.xml", "invoice_cii", invoiceCii, kFinance},
        {"GET", "/api/v1/invoices/{id}", "invoice", getInvoice, kFinance},
    };
}

}  // namespace recolte::api
