#include "csv_fixture.hpp"

#include <fstream>
#include <random>

namespace recolte::testing {

registry::PluginRegistry& csvRegistry() {
    static registry::PluginRegistry registry;
    static const bool loaded = [] {
        auto name = registry.loadFile(std::string(RECOLTE_TEST_PLUGIN_DIR) + "/libcsv.so");
        EXPECT_TRUE(name.ok()) << (name.ok() ? "" : name.error().describe());
        return name.ok();
    }();
    (void)loaded;
    return registry;
}

std::string csvTestData(const std::string& name) {
    return std::string(RECOLTE_TEST_SOURCE_DIR) + "/plugins/csv/testdata/" + name;
}

void CsvConnectorTest::SetUp() {
    connector = csvRegistry().create("csv");
    ASSERT_NE(connector, nullptr) << "the csv plugin did not load";
}

void CsvConnectorTest::TearDown() {
    connector.reset();
    if (temp_) {
        std::error_code ec;
        std::filesystem::remove_all(*temp_, ec);
    }
}

std::unique_ptr<ReadRun> CsvConnectorTest::read(const std::string& location, const sdk::ConfigValue& options,
                                               const std::string& bookmark) {
    auto run = std::make_unique<ReadRun>();
    TestSource source(location, transport, "mercuriale");
    auto configured = source.configure(connector->describe(), options);
    if (!configured) {
        ADD_FAILURE() << "options refused: " << configured.error().describe();
        run->result = configured.error();
        return run;
    }
    source.bookmark = bookmark;
    sdk::Context ctx{source.source, source.options, transport, run->log, source.bookmark};
    run->result = connector->read(ctx, run->sink);
    return run;
}

sdk::Status CsvConnectorTest::check(const std::string& location, const sdk::ConfigValue& options) {
    TestSource source(location, transport, "mercuriale");
    auto configured = source.configure(connector->describe(), options);
    if (!configured) return configured;
    auto ctx = source.context();
    return connector->check(ctx);
}

std::string CsvConnectorTest::tempDir() {
    if (!temp_) {
        std::random_device rd;
        temp_ = std::filesystem::temp_directory_path() / ("recolte-csv-" + std::to_string(rd()) + std::to_string(rd()));
        std::filesystem::create_directories(*temp_);
    }
    return temp_->string();
}

std::string CsvConnectorTest::writeTemp(const std::string& name, const std::string& bytes) {
    const std::string path = tempDir() + "/" + name;
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
}

}  // namespace recolte::testing
