#include "mangerbio_fixture.hpp"

#include "registry/plugin_registry.hpp"

namespace recolte::testing::mangerbio {

namespace {

// The registry outlives every connector it created: one per process.
registry::PluginRegistry& pluginRegistry() {
    static registry::PluginRegistry registry;
    static const bool loaded = [] {
        auto name = registry.loadFile(std::string(RECOLTE_TEST_PLUGIN_DIR) + "/libmangerbio.so");
        EXPECT_TRUE(name.ok()) << (name.ok() ? "" : name.error().describe());
        return name.ok();
    }();
    (void)loaded;
    return registry;
}

}  // namespace

const char* const kHeader = "Référence;Code Producteur;Libellé Producteur;Désignation;Prix;Unité de prix;TVA;Logos;Référence EAN 13\n";

std::string row(const std::string& ref, const std::string& name, const std::string& price, const std::string& unit,
                const std::string& vat, const std::string& logos, const std::string& ean) {
    return ref + ";P01;Ferme du Couserans;" + name + ";" + price + ";" + unit + ";" + vat + ";" + logos + ";" + ean + "\n";
}

std::string testData(const std::string& name) {
    return std::string(RECOLTE_TEST_SOURCE_DIR) + "/plugins/mangerbio/testdata/" + name;
}

std::string sampleData(const std::string& name) { return std::string(RECOLTE_TEST_SOURCE_DIR) + "/data/samples/" + name; }

const sdk::OfferRecord* Reading::offer(const std::string& sourceId) const {
    for (const auto& o : sink.offers)
        if (o.source_id == sourceId) return &o;
    return nullptr;
}

const sdk::Reject* Reading::rejectAt(int64_t line) const {
    for (const auto& r : sink.rejects)
        if (r.where.line == line) return &r;
    return nullptr;
}

size_t Reading::warningsWith(const std::string& text) const {
    size_t n = 0;
    for (const auto& [where, message] : sink.warnings)
        if (message.find(text) != std::string::npos) ++n;
    return n;
}

void MangerBioTest::SetUp() {
    connector = pluginRegistry().create("mangerbio");
    ASSERT_NE(connector, nullptr) << "the mangerbio plugin did not load";
}

std::unique_ptr<Reading> MangerBioTest::read(const std::string& location, const sdk::ConfigValue& options,
                                         const std::string& bookmark) {
    return readWith(transport, location, options, bookmark);
}

std::unique_ptr<Reading> MangerBioTest::readWith(sdk::Transport& through, const std::string& location,
                                                 const sdk::ConfigValue& options, const std::string& bookmark) {
    auto run = std::make_unique<Reading>();
    TestSource source(location, through, "mangerbio");
    auto configured = source.configure(connector->describe(), options);
    if (!configured) {
        run->result = configured.error();
        return run;
    }
    source.bookmark = bookmark;
    sdk::Context ctx{source.source, source.options, through, run->log, source.bookmark};
    run->result = connector->read(ctx, run->sink);
    return run;
}

sdk::Status MangerBioTest::check(const std::string& location, const sdk::ConfigValue& options) {
    TestSource source(location, transport, "mangerbio");
    auto configured = source.configure(connector->describe(), options);
    if (!configured) return configured;
    auto ctx = source.context();
    return connector->check(ctx);
}

}  // namespace recolte::testing::mangerbio
