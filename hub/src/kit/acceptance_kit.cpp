#include "kit/acceptance_kit.hpp"

#include <algorithm>
#include <filesystem>

#include "config/config.hpp"
#include "kit/kit_checks.hpp"
#include "kit/schema_check.hpp"
#include "kit/work_dir.hpp"
#include "recolte/sdk/text.hpp"
#include "sync/source_log.hpp"
#include "sync/source_transport.hpp"

namespace recolte::kit {

namespace fs = std::filesystem;

const char* toString(Outcome o) {
    switch (o) {
        case Outcome::Pass: return "PASS";
        case Outcome::Fail: return "FAIL";
        case Outcome::Skip: return "SKIP";
    }
    return "FAIL";
}

bool allPassed(const std::vector<CheckResult>& results) {
    return std::none_of(results.begin(), results.end(), [](const auto& r) { return r.outcome == Outcome::Fail; });
}

CheckResult pass(const std::string& name, std::string detail) { return {name, Outcome::Pass, std::move(detail)}; }
CheckResult fail(const std::string& name, std::string detail) { return {name, Outcome::Fail, std::move(detail)}; }

namespace {

// Runs `verb` on a fresh connector with the source's validated options and its own transport.
template <typename R, typename F>
R withConnector(const registry::PluginRegistry& registry, const config::SourceConfig& source, const std::string& bookmark,
                F verb) {
    auto options = config::sourceOptions(source, registry);
    if (!options) return options.error();
    auto settings = config::transportSettings(source, registry, sync::processEnv);
    if (!settings) return settings.error();
    sync::SourceLog log(source.name);
    sync::SourceTransport transport(settings.value(), &log);
    sdk::SourceRef ref{source.name, source.location};
    sdk::Context ctx{ref, options.value(), transport, log, bookmark};
    auto connector = registry.create(source.connector);
    if (!connector) return sdk::systemError("the connector cannot be created");
    try {
        return verb(*connector, ctx);
    } catch (const std::exception& e) {
        return sdk::systemError(std::string("the connector threw an exception: ") + e.what());
    } catch (...) {
        return sdk::systemError("the connector threw something that is not a std::exception");
    }
}

}  // namespace

sdk::Status KitContext::check(const config::SourceConfig& source) {
    return withConnector<sdk::Status>(registry_, source, "", [](sdk::Connector& c, sdk::Context& ctx) { return c.check(ctx); });
}

sdk::Expected<std::vector<sdk::StreamInfo>> KitContext::discover(const config::SourceConfig& source) {
    return withConnector<sdk::Expected<std::vector<sdk::StreamInfo>>>(
        registry_, source, "", [](sdk::Connector& c, sdk::Context& ctx) { return c.discover(ctx); });
}

std::unique_ptr<ReadRun> KitContext::read(const config::SourceConfig& source, const std::string& bookmark) {
    auto run = std::make_unique<ReadRun>();
    run->result = withConnector<sdk::Expected<sdk::ReadResult>>(
        registry_, source, bookmark, [&](sdk::Connector& c, sdk::Context& ctx) { return c.read(ctx, run->sink); });
    return run;
}

namespace {

CheckResult checkGood(KitContext& kit, const AcceptanceConfig& cfg) {
    auto status = kit.check(cfg.source);
    if (!status) return fail("check-good", "check failed on the good sample: " + describeError(status.error()));
    return pass("check-good", "check succeeds on " + cfg.source.location);
}

CheckResult checkBad(KitContext& kit, const AcceptanceConfig& cfg) {
    if (!cfg.bad_config) return fail("check-bad", "acceptance.yaml gives no bad_config");
    auto status = kit.check(*cfg.bad_config);
    if (status) return fail("check-bad", "check succeeded on bad_config (" + cfg.bad_config->location + ")");
    if (status.error().kind != sdk::ErrorKind::Config)
        return fail("check-bad", "expected a config error, got " + describeError(status.error()));
    return pass("check-bad", describeError(status.error()));
}

CheckResult checkDiscover(KitContext& kit, const AcceptanceConfig& cfg, const std::string& schemaDir, const ReadRun& first) {
    auto streams = kit.discover(cfg.source);
    if (!streams) return fail("discover", "discover failed: " + describeError(streams.error()));
    if (streams->empty()) return fail("discover", "no stream");
    std::vector<std::string> names;
    for (const auto& s : *streams) {
        const std::string schema = sdk::schemaFileOf(s.stream);
        if (!fs::exists(fs::path(schemaDir) / schema))
            return fail("discover", std::string("stream ") + sdk::toString(s.stream) + ": its schema " + schema +
                                        " is missing from " + schemaDir);
        const auto& declared = kit.description().streams;
        if (std::none_of(declared.begin(), declared.end(), [&](const auto& d) { return d.stream == s.stream; }))
            return fail("discover", std::string("stream ") + sdk::toString(s.stream) + " is not in describe()");
        names.push_back(sdk::toString(s.stream));
    }
    // Producers come with offers: an offer stream may emit them.
    for (const auto& seen : first.sink.streamsSeen()) {
        bool listed = std::find(names.begin(), names.end(), seen) != names.end() ||
                      (seen == "producers" && std::find(names.begin(), names.end(), "offers") != names.end());
        if (!listed) return fail("discover", "the read emitted " + seen + ", which discover does not name");
    }
    return pass("discover", sdk::join(names, ", "));
}

CheckResult checkSchema(const ReadRun& first, const std::string& schemaDir, const std::string& workDir, const KitOptions& o) {
    const std::string against = o.schema_dir.empty() ? "the schemas built into this hub" : schemaDir;
    // A stream without its schema is named first, whatever else is wrong with its records.
    for (const auto& stream : first.sink.streamsSeen())
        if (!fs::exists(fs::path(schemaDir) / schemaFileOfStream(stream)))
            return fail("schema", "schema " + schemaFileOfStream(stream) + " is missing: the " + stream +
                                      " records cannot be validated");
    const auto records = first.sink.records();
    if (records.empty()) return fail("schema", "the sample gave no record to validate");
    auto problems = validateRecords(records, schemaDir, workDir, o.python);
    if (!problems) return fail("schema", describeError(problems.error()));
    if (!problems->empty()) return fail("schema", firstOf(*problems, 10, "; "));
    return pass("schema", std::to_string(records.size()) + " records valid against " + against);
}

CheckResult checkAbi(const std::string& pluginPath, const registry::PluginInfo& info) {
    if (info.abi_version != RECOLTE_SDK_ABI_VERSION)
        return fail("abi", "the plugin reports ABI " + std::to_string(info.abi_version));
    // The same library offered to a hub of another ABI must be refused, naming both versions.
    const unsigned other = RECOLTE_SDK_ABI_VERSION + 1;
    registry::PluginRegistry otherHub(other);
    auto loaded = otherHub.loadFile(pluginPath);
    if (loaded) return fail("abi", "a hub of SDK ABI " + std::to_string(other) + " loaded it");
    const std::string why = loaded.error().message;
    if (why.find("ABI " + std::to_string(info.abi_version)) == std::string::npos ||
        why.find("ABI " + std::to_string(other)) == std::string::npos)
        return fail("abi", "refused without naming both versions: " + why);
    return pass("abi", "built for ABI " + std::to_string(info.abi_version) + "; a hub of ABI " + std::to_string(other) +
                           " refuses it: " + why);
}

}  // namespace

std::vector<CheckResult> runAcceptance(const std::string& pluginPath, const std::string& acceptancePath,
                                       const KitOptions& options) {
    const std::string plugin = fs::absolute(pluginPath).lexically_normal().string();
    registry::PluginRegistry registry;
    auto name = registry.loadFile(plugin);
    if (!name) return {fail("load", describeError(name.error()))};
    auto cfg = loadAcceptanceConfig(acceptancePath, *name);
    if (!cfg) return {fail("config", describeError(cfg.error()))};

    WorkDir work;
    const std::string schemaDir = options.schema_dir.empty()
                                      ? writeEmbeddedSchemas((fs::path(work.path()) / "schemas").string())
                                      : fs::absolute(options.schema_dir).string();
    KitContext kit(registry, *name);
    const ReadRun* firstRead = nullptr;
    std::unique_ptr<ReadRun> first;
    auto needsFirst = [&]() -> const ReadRun* {
        if (!first) first = kit.read(cfg->source, "");
        return first->result ? first.get() : nullptr;
    };
    auto firstFailed = [&](const std::string& check) {
        return fail(check, "the full read of the sample failed: " + describeError(first->result.error()));
    };

    std::vector<CheckResult> results;
    for (const auto& check : checkNames()) {
        if (auto skip = cfg->skip.find(check); skip != cfg->skip.end()) {
            results.push_back({check, Outcome::Skip, skip->second});
            continue;
        }
        const bool readBased = check == "discover" || check == "schema" || check == "expected" || check == "repeatable" ||
                               check == "bookmark-resume" || check == "bookmark-change";
        if (readBased && !(firstRead = needsFirst())) {
            results.push_back(firstFailed(check));
            continue;
        }
        if (check == "options") results.push_back(checkOptionTable(kit.description()));
        else if (check == "unknown-option") results.push_back(checkUnknownOption(kit.description(), cfg->source));
        else if (check == "check-good") results.push_back(checkGood(kit, *cfg));
        else if (check == "check-bad") results.push_back(checkBad(kit, *cfg));
        else if (check == "discover") results.push_back(checkDiscover(kit, *cfg, schemaDir, *firstRead));
        else if (check == "schema") results.push_back(checkSchema(*firstRead, schemaDir, work.path(), options));
        else if (check == "expected") results.push_back(checkExpected(*cfg, *firstRead, options.write_expected));
        else if (check == "repeatable") results.push_back(checkRepeatable(kit, *cfg, *firstRead));
        else if (check == "bookmark-resume") results.push_back(checkResume(kit, *cfg, *firstRead));
        else if (check == "bookmark-change") results.push_back(checkChange(kit, *cfg, *firstRead, work.path()));
        else if (check == "bookmark-future") results.push_back(checkFuture(kit, *cfg));
        else if (check == "broken") results.push_back(checkBroken(kit, *cfg));
        else if (check == "abi") results.push_back(checkAbi(plugin, *registry.info(*name)));
    }
    return results;
}

}  // namespace recolte::kit
