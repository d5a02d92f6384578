// Stream names as they appear in the config, the API and the schema files.
#include "recolte/sdk/connector.hpp"

#include <algorithm>

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

}  // namespace recolte::sdk
