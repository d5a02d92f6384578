// The kit's checks, one function each (acceptance_kit.cpp runs them in order). Internal to the kit.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "kit/acceptance_config.hpp"
#include "kit/acceptance_kit.hpp"
#include "kit/record_capture.hpp"
#include "recolte/sdk/connector.hpp"
#include "registry/plugin_registry.hpp"

namespace recolte::kit {

// One read of a source with a bookmark, captured.
struct ReadRun {
    sdk::Expected<sdk::ReadResult> result = sdk::systemError("not run");
    CaptureSink sink;
};

// What the checks share: the loaded plugin and how to run its verbs on a source.
class KitContext {
public:
    KitContext(const registry::PluginRegistry& registry, std::string connector)
        : registry_(registry), connector_(std::move(connector)) {}

    const sdk::ConnectorDescription& description() const { return *registry_.description(connector_); }
    const registry::PluginRegistry& registry() const { return registry_; }
    // Each verb on a fresh connector instance, as the daemon does; a thrown exception becomes a
    // system error naming it.
    sdk::Status check(const config::SourceConfig& source);
    sdk::Expected<std::vector<sdk::StreamInfo>> discover(const config::SourceConfig& source);
    std::unique_ptr<ReadRun> read(const config::SourceConfig& source, const std::string& bookmark);

private:
    const registry::PluginRegistry& registry_;
    std::string connector_;
};

CheckResult pass(const std::string& name, std::string detail = {});
CheckResult fail(const std::string& name, std::string detail);

// option_checks.cpp
CheckResult checkOptionTable(const sdk::ConnectorDescription& d);
CheckResult checkUnknownOption(const sdk::ConnectorDescription& d, const config::SourceConfig& source);

// bookmark_checks.cpp
CheckResult checkResume(KitContext& kit, const AcceptanceConfig& cfg, const ReadRun& first);
CheckResult checkChange(KitContext& kit, const AcceptanceConfig& cfg, const ReadRun& first, const std::string& workDir);
CheckResult checkFuture(KitContext& kit, const AcceptanceConfig& cfg);

// read_checks.cpp
CheckResult checkExpected(const AcceptanceConfig& cfg, const ReadRun& first, bool write);
CheckResult checkRepeatable(KitContext& kit, const AcceptanceConfig& cfg, const ReadRun& first);
CheckResult checkBroken(KitContext& kit, const AcceptanceConfig& cfg);
std::string describeError(const sdk::Error& e);  // "config error: where: message"
// The first `max` items joined by `sep`, then "... (N in all)" when there are more.
std::string firstOf(const std::vector<std::string>& items, size_t max, std::string_view sep);

}  // namespace recolte::kit
