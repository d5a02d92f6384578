// Stream names as they appear in the config, the API and the schema files.
#include "recolte/sdk/connector.hpp"

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

}  // namespace recolte::sdk
