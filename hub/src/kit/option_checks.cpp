// The option table is the connector's only declaration of its settings: it must be well formed,
// mark its secrets, and refuse what it does not know.
#include <algorithm>
#include <regex>
#include <set>

#include "kit/kit_checks.hpp"
#include "recolte/sdk/text.hpp"

namespace recolte::kit {

namespace {

// Option names that hold credentials by their name: such an option must be marked secret (never
// logged, never printed back).
bool looksSecret(const std::string& name) {
    for (const char* word : {"token", "password", "passwd", "secret", "api_key", "apikey", "credential", "private_key"})
        if (name.find(word) != std::string::npos) return true;
    return false;
}

sdk::ConfigValue scalar(const std::string& text) {
    sdk::ConfigValue v;
    v.kind = sdk::ConfigValue::Kind::Scalar;
    v.scalar = text;
    return v;
}

}  // namespace

CheckResult checkOptionTable(const sdk::ConnectorDescription& d) {
    static const std::regex name("^[a-z][a-z0-9_]*$");
    std::vector<std::string> problems;
    std::set<std::string> seen;
    const auto& host = config::hostSourceKeys();
    for (const auto& o : d.options) {
        const std::string n = "option \"" + o.name + "\"";
        if (!std::regex_match(o.name, name)) problems.push_back(n + ": names are lower-case letters, digits and _");
        if (!seen.insert(o.name).second) problems.push_back(n + ": declared twice");
        if (std::find(host.begin(), host.end(), o.name) != host.end())
            problems.push_back(n + ": the host already uses this key for every source");
        if (o.description.empty()) problems.push_back(n + ": no description");
        if (looksSecret(o.name) && !o.secret) problems.push_back(n + ": holds a credential but is not marked secret");
        if (!o.allowed.empty() && o.type != sdk::OptionType::String)
            problems.push_back(n + ": `allowed` values are only for string options");
        if (o.required && !o.default_value.empty()) problems.push_back(n + ": required and with a default");
        if (o.default_value.empty() || o.type == sdk::OptionType::StringList || o.type == sdk::OptionType::StringMap)
            continue;
        // The default must pass the option's own validation.
        sdk::ConfigValue given;
        given.kind = sdk::ConfigValue::Kind::Map;
        given.map.emplace_back(o.name, scalar(o.default_value));
        auto checked = sdk::validateOptions({o}, given);
        if (!checked) problems.push_back(n + ": its default \"" + o.default_value + "\" is refused: " + checked.error().describe());
    }
    if (!problems.empty()) return fail("options", sdk::join(problems, "; "));
    size_t secrets = std::count_if(d.options.begin(), d.options.end(), [](const auto& o) { return o.secret; });
    return pass("options", std::to_string(d.options.size()) + " option(s), " + std::to_string(secrets) + " secret");
}

CheckResult checkUnknownOption(const sdk::ConnectorDescription& d, const config::SourceConfig& source) {
    const std::string unknown = "option_inconnue_du_kit";
    sdk::ConfigValue given = source.raw;
    given.map.emplace_back(unknown, scalar("1"));
    auto checked = sdk::validateOptions(d.options, given, config::hostSourceKeys());
    if (checked) return fail("unknown-option", "\"" + unknown + "\" was accepted");
    const sdk::Error& e = checked.error();
    if (e.kind != sdk::ErrorKind::Config) return fail("unknown-option", "refused, but as a " + describeError(e));
    const std::string text = e.describe();
    if (text.find(unknown) == std::string::npos) return fail("unknown-option", "the error does not name the key: " + text);
    for (const auto& o : d.options)
        if (text.find(o.name) == std::string::npos)
            return fail("unknown-option", "the error does not list the valid option \"" + o.name + "\": " + text);
    return pass("unknown-option", text);
}

}  // namespace recolte::kit
