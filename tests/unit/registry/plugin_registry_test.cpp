#include <gtest/gtest.h>

#include <filesystem>

#include "recolte/sdk/abi.hpp"
#include "registry/plugin_registry.hpp"
#include "support/capture_sink.hpp"
#include "support/source_context.hpp"
#include "sync/file_transport.hpp"

namespace recolte::registry {
namespace {

std::string testPlugin(const std::string& name) { return std::string(RECOLTE_TEST_BAD_PLUGIN_DIR) + "/lib" + name + ".so"; }

TEST(PluginRegistry, LoadsAGoodPluginAndCreatesWorkingConnectors) {
    PluginRegistry reg;
    auto loaded = reg.loadFile(testPlugin("test_good"));
    ASSERT_TRUE(loaded.ok()) << loaded.error().describe();
    EXPECT_EQ(*loaded, "test_good");
    ASSERT_NE(reg.info("test_good"), nullptr);
    EXPECT_EQ(reg.info("test_good")->abi_version, RECOLTE_SDK_ABI_VERSION);
    EXPECT_EQ(reg.description("test_good")->options.size(), 7u);
    auto c = reg.create("test_good");
    ASSERT_NE(c, nullptr);
    sync::FileTransport transport;
    testing::TestSource src("/nowhere", transport);
    ASSERT_TRUE(src.configure(c->describe()).ok());
    testing::CaptureSink sink;
    auto ctx = src.context();
    auto result = c->read(ctx, sink);
    ASSERT_TRUE(result.ok());
    EXPECT_EQ(sink.offers.size(), 3u);
    EXPECT_EQ(reg.create("nope"), nullptr);
}

TEST(PluginRegistry, RefusesAWrongAbiNamingBothVersions) {
    PluginRegistry reg;
    auto r = reg.loadFile(testPlugin("test_wrong_abi"));
    ASSERT_FALSE(r.ok());
    const std::string msg = r.error().message;
    EXPECT_NE(msg.find("ABI mismatch"), std::string::npos) << msg;
    EXPECT_NE(msg.find("SDK ABI 999"), std::string::npos) << msg;
    EXPECT_NE(msg.find("this hub provides SDK ABI " + std::to_string(RECOLTE_SDK_ABI_VERSION)), std::string::npos) << msg;
    EXPECT_TRUE(reg.names().empty());
    ASSERT_EQ(reg.failures().size(), 1u);
}

TEST(PluginRegistry, RefusesALibraryWithoutTheProbe) {
    PluginRegistry reg;
    auto r = reg.loadFile(testPlugin("test_no_probe"));
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().message.find("no exported recolte_connector_probe"), std::string::npos) << r.error().message;
}

TEST(PluginRegistry, RefusesAnUndefinedSymbolAtLoadNotAtFirstCall) {
    PluginRegistry reg;
    auto r = reg.loadFile(testPlugin("test_missing_symbol"));
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().message.find("recolte_test_symbol_that_does_not_exist"), std::string::npos) << r.error().message;
}

TEST(PluginRegistry, RefusesAMissingFileAndANonLibrary) {
    PluginRegistry reg;
    EXPECT_FALSE(reg.loadFile("/nonexistent/libx.so").ok());
    auto r = reg.loadFile(std::string(RECOLTE_TEST_SOURCE_DIR) + "/CMakeLists.txt");
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().message.find("cannot load"), std::string::npos);
}

TEST(PluginRegistry, ADirectoryLoadReportsFailuresAndKeepsTheGoodOnes) {
    PluginRegistry reg;
    reg.loadDirectory(RECOLTE_TEST_BAD_PLUGIN_DIR);
    auto names = reg.names();
    ASSERT_EQ(names.size(), 1u);
    EXPECT_EQ(names[0], "test_good");
    EXPECT_EQ(reg.failures().size(), 3u);  // wrong ABI, no probe, missing symbol
}

TEST(PluginRegistry, RefusesTheSameConnectorTwice) {
    PluginRegistry reg;
    ASSERT_TRUE(reg.loadFile(testPlugin("test_good")).ok());
    auto again = reg.loadFile(testPlugin("test_good"));
    ASSERT_FALSE(again.ok());
    EXPECT_NE(again.error().message.find("already loaded"), std::string::npos);
}

}  // namespace
}  // namespace recolte::registry
