#include "app/served_sources.hpp"

#include <filesystem>

#include "recolte/sdk/text.hpp"

namespace recolte::app {

namespace {

// The glob a folder source reads, as its connector would: the configured `pattern`, else the
// option's default; "" when the connector has no such option.
std::string filePattern(const config::SourceConfig& source, const registry::PluginRegistry& registry) {
    const auto* description = registry.description(source.connector);
    if (!description) return {};
    for (const auto& spec : description->options) {
        if (spec.name != "pattern") continue;
        std::string pattern;
        if (auto options = config::sourceOptions(source, registry)) pattern = sdk::trim(options->getString("pattern"));
        return pattern.empty() ? spec.default_value : pattern;
    }
    return {};
}

}  // namespace

std::vector<api::ConfiguredSource> servedSources(const config::Config& config, const registry::PluginRegistry& registry) {
    std::vector<api::ConfiguredSource> out;
    for (const auto& s : config.sources) {
        // A connector that reads only invoices makes a finance source (its rejects quote invoices).
        bool invoices = false, other = false;
        if (const auto* d = registry.description(s.connector))
            for (const auto& st : d->streams) (st.stream == sdk::Stream::Invoices ? invoices : other) = true;
        std::string folder, pattern;
        std::error_code ec;
        if (!s.is_url && std::filesystem::is_directory(s.location, ec)) {
            folder = s.location;
            pattern = filePattern(s, registry);
        }
        out.push_back({s.name, s.connector, s.every_seconds, invoices && !other, folder, pattern});
    }
    return out;
}

api::SyncQueued queueSync(sync::Scheduler& scheduler, const std::string& source) {
    switch (scheduler.requestSync(source)) {
        case sync::Scheduler::Request::QueuedBehindRunning: return api::SyncQueued::QueuedBehindRunning;
        case sync::Scheduler::Request::AlreadyQueued: return api::SyncQueued::AlreadyQueued;
        case sync::Scheduler::Request::Queued:
        case sync::Scheduler::Request::UnknownSource: break;  // the API checks the name first
    }
    return api::SyncQueued::Queued;
}

}  // namespace recolte::app
