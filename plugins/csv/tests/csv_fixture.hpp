// Loads the built csv plugin through the registry, as the daemon does, and runs it on files with
// a real FileTransport, capturing what it emits.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "recolte/sdk/connector.hpp"
#include "registry/plugin_registry.hpp"
#include "support/capture_sink.hpp"
#include "support/source_context.hpp"
#include "sync/file_transport.hpp"

namespace recolte::testing {

// The registry outlives every connector it created: one per process.
registry::PluginRegistry& csvRegistry();

std::string csvTestData(const std::string& name);

struct ReadRun {
    CaptureSink sink;
    NullLog log;
    std::optional<sdk::Expected<sdk::ReadResult>> result;

    bool ok() const { return result && result->ok(); }
    const sdk::ReadResult& value() const { return result->value(); }
    const sdk::Error& error() const { return result->error(); }
    std::string why() const { return result && !result->ok() ? result->error().describe() : sink.describeRejects(); }
};

class CsvConnectorTest : public ::testing::Test {
protected:
    void SetUp() override;
    void TearDown() override;

    // Validates `options` through the plugin's option table, then reads `location`.
    std::unique_ptr<ReadRun> read(const std::string& location, const sdk::ConfigValue& options = {},
                                  const std::string& bookmark = {});
    sdk::Status check(const std::string& location, const sdk::ConfigValue& options = {});

    // A file in a fresh temporary folder, removed after the test.
    std::string writeTemp(const std::string& name, const std::string& bytes);
    std::string tempDir();

    std::unique_ptr<sdk::Connector> connector;
    sync::FileTransport transport;

private:
    std::optional<std::filesystem::path> temp_;
};

}  // namespace recolte::testing
