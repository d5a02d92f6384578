#include "bag_fixture.hpp"

#include <fstream>
#include <sstream>

namespace recolte::testing {

registry::PluginRegistry& bagRegistry() {
    static registry::PluginRegistry registry;
    static const bool loaded = [] {
        auto name = registry.loadFile(std::string(RECOLTE_TEST_PLUGIN_DIR) + "/libbioariegegaronne.so");
        EXPECT_TRUE(name.ok()) << (name.ok() ? "" : name.error().describe());
        return name.ok();
    }();
    (void)loaded;
    return registry;
}

std::string bagTestData(const std::string& name) {
    return std::string(RECOLTE_TEST_SOURCE_DIR) + "/plugins/bioariegegaronne/testdata/" + name;
}

std::string bagSlurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

bool bagContains(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

const sdk::ProducerRecord* BagRun::producer(const std::string& name) const {
    for (const auto& p : sink.producers)
        if (p.name == name) return &p;
    return nullptr;
}

const sdk::Reject* BagRun::rejectSaying(const std::string& text) const {
    for (const auto& r : sink.rejects)
        if (bagContains(r.reason, text)) return &r;
    return nullptr;
}

void BagConnectorTest::SetUp() {
    connector = bagRegistry().create("bioariegegaronne");
    ASSERT_NE(connector, nullptr) << "the bioariegegaronne plugin did not load";
}

void BagConnectorTest::TearDown() { connector.reset(); }

std::unique_ptr<BagRun> BagConnectorTest::read(const std::string& location, const sdk::ConfigValue& options,
                                               const std::string& bookmark, sdk::Transport* transport) {
    auto run = std::make_unique<BagRun>();
    sdk::Transport& t = transport ? *transport : files;
    TestSource source(location, t, "bio-ariege-garonne");
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

sdk::Status BagConnectorTest::check(const std::string& location, const sdk::ConfigValue& options) {
    TestSource source(location, files, "bio-ariege-garonne");
    auto configured = source.configure(connector->describe(), options);
    if (!configured) return configured;
    auto ctx = source.context();
    return connector->check(ctx);
}

}  // namespace recolte::testing
