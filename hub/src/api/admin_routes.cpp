// The admin routes: ask for a sync of a source now, and put a file into a source's folder. Each
// declares the "admin" role (a finance token is not enough), and each action is logged with the
// token's configured name and the client's address, never the token.
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

#include <spdlog/spdlog.h>

#include "api/http_util.hpp"
#include "api/request_limits.hpp"
#include "api/router.hpp"
#include "api/source_upload.hpp"
#include "model/json.hpp"

namespace recolte::api {

namespace {

using Req = Poco::Net::HTTPServerRequest;
using Resp = Poco::Net::HTTPServerResponse;

const std::string kAdmin = "admin";

const ConfiguredSource* findSource(const ApiContext& ctx, const std::string& name) {
    for (const auto& s : ctx.sources)
        if (s.name == name) return &s;
    return nullptr;
}

void noSuchSource(Resp& resp, const std::string& name) {
    sendError(resp, 404, "not_found", "aucune source nommée « " + name + " »");
}

// The scheduler's answer, for the JSON body ("sync") and the log.
std::string queuedCode(SyncQueued q) {
    switch (q) {
        case SyncQueued::Queued: return "queued";
        case SyncQueued::QueuedBehindRunning: return "queued_behind_running";
        case SyncQueued::AlreadyQueued: return "already_queued";
    }
    return "queued";
}

std::string queuedMessage(SyncQueued q) {
    switch (q) {
        case SyncQueued::Queued: return "synchronisation demandée : elle commence dès que le hub est libre";
        case SyncQueued::QueuedBehindRunning:
            return "une synchronisation de cette source est en cours : une autre la suivra, qui verra ce qui a changé depuis";
        case SyncQueued::AlreadyQueued:
            return "une synchronisation de cette source est déjà demandée et n'a pas commencé : elle verra ce changement";
    }
    return {};
}

// POST /api/v1/sources/{name}/sync: 202 with what the scheduler did; never runs the sync here (the
// scheduler runs one sync at a time, on its own thread).
void syncNow(ApiContext& ctx, const Params& p, const Caller& who, Req& req, Resp& resp) {
    Query q(req, {});
    const ConfiguredSource* src = findSource(ctx, p.at(0));
    if (!src) return noSuchSource(resp, p.at(0));
    if (!ctx.queueSync) return sendError(resp, 503, "unavailable", "ce hub ne lance pas de synchronisation");
    const SyncQueued queued = ctx.queueSync(src->name);
    spdlog::info("admin: token \"{}\" from {} asked for a sync of {}: {}", who.token_name, who.address, src->name,
                 queuedCode(queued));
    sendJson(resp, 202, "{\"source\":" + model::jsonString(src->name) + ",\"sync\":" +
                            model::jsonString(queuedCode(queued)) + ",\"message\":" +
                            model::jsonString(queuedMessage(queued)) + "}");
}

// PUT /api/v1/sources/{name}/files/{file}: the body becomes that file of the source's folder, then
// a sync of the source is queued. 201 for a new file, 200 for a replaced one.
void uploadFile(ApiContext& ctx, const Params& p, const Caller& who, Req& req, Resp& resp) {
    Query q(req, {});
    const ConfiguredSource* src = findSource(ctx, p.at(0));
    if (!src) return noSuchSource(resp, p.at(0));
    const std::string& file = p.at(1);
    if (src->folder.empty())
        return sendError(resp, 400, "bad_request",
                         "la source « " + src->name + " » ne lit pas un dossier local : on ne peut pas y déposer de fichier");
    if (const std::string problem = uploadNameProblem(file, src->file_pattern); !problem.empty())
        return sendError(resp, 400, "bad_parameter", problem, "file");
    const int64_t expected = req.hasContentLength() ? req.getContentLength64() : -1;
    const UploadResult r = writeUpload(req.stream(), src->folder, file, ctx.limits.max_upload_bytes, expected);
    switch (r.outcome) {
        case UploadResult::Outcome::TooLarge:
            spdlog::warn("admin: token \"{}\" from {} sent more than {} bytes for {} of {}: refused", who.token_name,
                         who.address, ctx.limits.max_upload_bytes, file, src->name);
            return sendError(resp, 413, "payload_too_large",
                             "fichier trop gros (" + frenchSize(ctx.limits.max_upload_bytes) + " au plus)");
        case UploadResult::Outcome::Incomplete:
            spdlog::warn("admin: upload of {} to {} by token \"{}\": {}", file, src->name, who.token_name, r.error);
            return sendError(resp, 400, "bad_request", "corps de requête incomplet : fichier non enregistré");
        case UploadResult::Outcome::Failed:
            spdlog::error("admin: upload of {} to {} by token \"{}\": {}", file, src->name, who.token_name, r.error);
            return sendError(resp, 500, "internal_error", "le fichier n'a pas pu être enregistré ; voir le journal du hub");
        case UploadResult::Outcome::Written: break;
    }
    const std::string sync = ctx.queueSync ? queuedCode(ctx.queueSync(src->name)) : "none";
    spdlog::info("admin: token \"{}\" from {} {} {} ({} bytes) in source {}; sync {}", who.token_name, who.address,
                 r.replaced ? "replaced" : "added", file, r.bytes, src->name, sync);
    sendJson(resp, r.replaced ? 200 : 201,
             "{\"source\":" + model::jsonString(src->name) + ",\"file\":" + model::jsonString(file) +
                 ",\"bytes\":" + std::to_string(r.bytes) + ",\"replaced\":" + (r.replaced ? "true" : "false") +
                 ",\"sync\":" + model::jsonString(sync) + "}");
}

}  // namespace

std::vector<Route> adminRoutes() {
    return {
        {"POST", "/api/v1/sources/{name}/sync", "source_sync", syncNow, kAdmin},
        {"PUT", "/api/v1/sources/{name}/files/{file}", "source_upload", uploadFile, kAdmin, Body::Upload},
    };
}

}  // namespace recolte::api
