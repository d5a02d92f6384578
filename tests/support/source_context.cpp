#include "support/source_context.hpp"

namespace recolte::testing {

namespace {

// Gives nested values the path an error message would name ("options.columns.price").
void setPaths(sdk::ConfigValue& v, const std::string& path) {
    v.path = path;
    for (size_t i = 0; i < v.list.size(); ++i) setPaths(v.list[i], path + "[" + std::to_string(i) + "]");
    for (auto& [key, child] : v.map) setPaths(child, path.empty() ? key : path + "." + key);
}

}  // namespace

sdk::ConfigValue scalarValue(std::string text) {
    sdk::ConfigValue v;
    v.kind = sdk::ConfigValue::Kind::Scalar;
    v.scalar = std::move(text);
    return v;
}

sdk::ConfigValue listValue(std::vector<std::string> items) {
    sdk::ConfigValue v;
    v.kind = sdk::ConfigValue::Kind::List;
    for (auto& item : items) v.list.push_back(scalarValue(std::move(item)));
    return v;
}

sdk::ConfigValue mapValue(std::vector<std::pair<std::string, sdk::ConfigValue>> entries) {
    sdk::ConfigValue v;
    v.kind = sdk::ConfigValue::Kind::Map;
    for (auto& [key, value] : entries) v.map.emplace_back(std::move(key), std::move(value));
    return v;
}

TestSource::TestSource(std::string location, sdk::Transport& t, std::string name)
    : source{std::move(name), std::move(location)}, transport(t) {}

sdk::Status TestSource::configure(const sdk::ConnectorDescription& description, const sdk::ConfigValue& given) {
    sdk::ConfigValue copy = given;
    setPaths(copy, "sources." + source.name);
    auto validated = sdk::validateOptions(description.options, copy);
    if (!validated) return validated.error();
    options = std::move(validated.value());
    return sdk::Status::success();
}

}  // namespace recolte::testing
