#include "publish/doc.hpp"

#include <stdexcept>

namespace recolte::publish {

sdk::json::Document parseDoc(std::string text) {
    auto doc = sdk::json::Document::parse(std::move(text), {"store document"});
    if (!doc) throw std::runtime_error("unreadable store document: " + doc.error().message);
    return std::move(*doc);
}

std::optional<JsonValue> member(const JsonValue& obj, std::string_view key) {
    auto v = obj.get(key);
    if (!v || v->isNull()) return std::nullopt;
    return v;
}

std::string str(const JsonValue& obj, std::string_view key) {
    auto v = member(obj, key);
    return v ? std::string(v->text()) : std::string();
}

std::optional<sdk::Decimal> decimal(const JsonValue& obj, std::string_view key) {
    auto v = member(obj, key);
    return v ? v->decimal() : std::nullopt;
}

std::vector<std::string> strings(const JsonValue& obj, std::string_view key) {
    std::vector<std::string> out;
    auto v = member(obj, key);
    if (!v || !v->isArray()) return out;
    for (size_t i = 0; i < v->size(); ++i) out.emplace_back(v->at(i).text());
    return out;
}

}  // namespace recolte::publish
