#include "agrilocal_fixture.hpp"

namespace recolte::testing {

registry::PluginRegistry& agrilocalRegistry() {
    static registry::PluginRegistry registry;
    static const bool loaded = [] {
        auto name = registry.loadFile(std::string(RECOLTE_TEST_PLUGIN_DIR) + "/libagrilocal.so");
        EXPECT_TRUE(name.ok()) << (name.ok() ? "" : name.error().describe());
        return name.ok();
    }();
    (void)loaded;
    return registry;
}

std::string agrilocalTestData(const std::string& name) {
    return std::string(RECOLTE_TEST_SOURCE_DIR) + "/plugins/agrilocal/testdata/" + name;
}

const sdk::NeedRecord* AgrilocalRun::need(const std::string& sourceId) const {
    for (const auto& n : sink.needs)
        if (n.source_id == sourceId) return &n;
    return nullptr;
}

const sdk::OfferRecord* AgrilocalRun::offer(const std::string& sourceId) const {
    for (const auto& o : sink.offers)
        if (o.source_id == sourceId) return &o;
    return nullptr;
}

const sdk::ProducerRecord* AgrilocalRun::producer(const std::string& name) const {
    for (const auto& p : sink.producers)
        if (p.name == name) return &p;
    return nullptr;
}

const sdk::Reject* AgrilocalRun::rejectAt(const std::string& pathSuffix) const {
    for (const auto& r : sink.rejects) {
        const std::string& e = r.where.element;
        if (e.size() >= pathSuffix.size() && e.compare(e.size() - pathSuffix.size(), pathSuffix.size(), pathSuffix) == 0)
            return &r;
    }
    return nullptr;
}

void AgrilocalConnectorTest::SetUp() {
    connector = agrilocalRegistry().create("agrilocal");
    ASSERT_NE(connector, nullptr) << "the agrilocal plugin did not load";
}

void AgrilocalConnectorTest::TearDown() { connector.reset(); }

std::unique_ptr<AgrilocalRun> AgrilocalConnectorTest::read(const std::string& location, const sdk::ConfigValue& options,
                                                           const std::string& bookmark, sdk::Transport* transport) {
    auto run = std::make_unique<AgrilocalRun>();
    sdk::Transport& t = transport ? *transport : files;
    TestSource source(location, t, "agrilocal-09");
    auto configured = source.configure(connector->describe(), options);
    if (!configured) {
        run->result = configured.error();
        return run;
    }
    source.bookmark = bookmark;
    sdk::Context ctx{source.source, source.options, t, run->log, source.bookmark};
    run->result = connector->read(ctx, run->sink);
    return run;
}

sdk::Status AgrilocalConnectorTest::check(const std::string& location, const sdk::ConfigValue& options) {
    TestSource source(location, files, "agrilocal-09");
    auto configured = source.configure(connector->describe(), options);
    if (!configured) return configured;
    auto ctx = source.context();
    return connector->check(ctx);
}

sdk::ConfigValue elementsOption(std::vector<std::pair<std::string, std::string>> names) {
    std::vector<std::pair<std::string, sdk::ConfigValue>> entries;
    for (auto& [k, v] : names) entries.emplace_back(k, scalarValue(v));
    return mapValue({{"elements", mapValue(std::move(entries))}});
}

}  // namespace recolte::testing
