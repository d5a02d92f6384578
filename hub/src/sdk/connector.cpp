// Stream names as they appear in the config, the API and the schema files.
#include "recolte/sdk/connector.hpp"

#include <algorithm>

#include "recolte/sdk/text.hpp"

namespace recolte::sdk {

const char* toString(Stream s) {
    switch (s) {
        case Stream::Offers: return "offers";
        case Stream::Producers: return "producers";
        case Stream::Needs: return "needs";
        case Stream::Invoices: return "invoices";
    }
    return "offers";
}

const char* schemaFileOf(Stream s) {
    switch (s) {
        case Stream::Offers: return "offer.schema.json";
        case Stream::Producers: return "producer.schema.json";
        case Stream::Needs: return "need.schema.json";
        case Stream::Invoices: return "invoice.schema.json";
    }
    return "offer.schema.json";
}

Expected<std::vector<std::string>> listSourceFiles(const Context& ctx, const std::string& pattern) {
    const std::string& location = ctx.source.location;
    if (location.empty())
        return configError("aucun fichier, dossier ni URL indiqué pour la source (path ou url)", ctx.source.name);
    auto files = ctx.transport.list(location, pattern);
    if (!files) return files.error();
    if (files->empty())
        return configError("aucun fichier ne correspond à « " + pattern + " » dans ce dossier (option pattern)", location);
    std::sort(files->begin(), files->end());  // stable order, whatever the transport does
    return files;
}

size_t rejectLongLines(const Blob& blob, uint64_t maxLineBytes, RecordSink& sink) {
    const std::string limit = maxLineBytes % (1u << 20) == 0 ? std::to_string(maxLineBytes >> 20) + " Mio"
                                                             : std::to_string(maxLineBytes) + " octets";
    for (const auto& long_line : blob.long_lines) {
        Reject r;
        r.where.file = blob.name;
        r.where.line = long_line.line;
        r.reason = "ligne trop longue : plus de " + limit + " (" + std::to_string(long_line.bytes) +
                   " octets), ignorée sans être lue";
        r.excerpt = excerpt(long_line.start);
        sink.reject(std::move(r));
    }
    return blob.long_lines.size();
}

std::string longLinesDigest(const Blob& blob) {
    std::string out;
    for (const auto& l : blob.long_lines) out += std::to_string(l.line) + ":" + std::to_string(l.bytes) + "\n";
    return out;
}

}  // namespace recolte::sdk
