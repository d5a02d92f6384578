// Stable ids: the first 16 hex digits of a SHA-256 over a typed, unit-separated key. They depend
// only on the source's facts, so every hub instance and every re-sync gives the same id.
#include <initializer_list>
#include <string>

#include "model/normalize.hpp"
#include "recolte/sdk/text.hpp"

namespace recolte::model {

namespace {

constexpr size_t kIdLength = 16;

// "offer" US source US sourceId; the ASCII unit separator cannot occur in a name or an id.
std::string hashId(std::initializer_list<std::string_view> parts) {
    std::string key;
    for (const auto part : parts) {
        if (!key.empty()) key += '\x1f';
        key += part;
    }
    return sdk::sha256Hex(key).substr(0, kIdLength);
}

}  // namespace

std::string offerId(std::string_view source, std::string_view sourceId) {
    return hashId({"offer", source, sourceId});
}

std::string needId(std::string_view source, std::string_view sourceId) {
    return hashId({"need", source, sourceId});
}

std::string invoiceId(std::string_view source, std::string_view sourceId) {
    return hashId({"invoice", source, sourceId});
}

std::string producerId(std::string_view siret, std::string_view source, std::string_view sourceKey) {
    const std::string compact = compactSiret(siret);
    if (isValidSiret(compact)) return hashId({"siret", compact});
    return hashId({"local", source, sourceKey});
}

}  // namespace recolte::model
