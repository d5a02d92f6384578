// Loads the built agrilocal plugin through the registry, as the daemon does, and runs it on files
// (FileTransport) or URLs (HttpTransport), capturing what it emits.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <string>

#include "recolte/sdk/connector.hpp"
#include "registry/plugin_registry.hpp"
#include "support/capture_sink.hpp"
#include "support/source_context.hpp"
#include "support/temp_dir.hpp"
#include "sync/file_transport.hpp"

namespace recolte::testing {

// The registry outlives every connector it created: one per process.
registry::PluginRegistry& agrilocalRegistry();

std::string agrilocalTestData(const std::string& name);

struct AgrilocalRun {
    CaptureSink sink;
    NullLog log;
    std::optional<sdk::Expected<sdk::ReadResult>> result;

    bool ok() const { return result && result->ok(); }
    const sdk::ReadResult& value() const { return result->value(); }
    const sdk::Error& error() const { return result->error(); }
    std::string why() const { return result && !result->ok() ? result->error().describe() : sink.describeRejects(); }

    // By source id / name; nullptr when absent.
    const sdk::NeedRecord* need(const std::string& sourceId) const;
    const sdk::OfferRecord* offer(const std::string& sourceId) const;
    const sdk::ProducerRecord* producer(const std::string& name) const;
    // The reject whose element path ends with `pathSuffix`, or nullptr.
    const sdk::Reject* rejectAt(const std::string& pathSuffix) const;
    // What the host counts as read: records + rejects.
    size_t read() const { return sink.recordCount() + sink.rejects.size(); }
};

class AgrilocalConnectorTest : public ::testing::Test {
protected:
    void SetUp() override;
    void TearDown() override;

    // Validates `options` through the plugin's option table, then reads `location` with
    // `transport` (the file transport when null).
    std::unique_ptr<AgrilocalRun> read(const std::string& location, const sdk::ConfigValue& options = {},
                                       const std::string& bookmark = {}, sdk::Transport* transport = nullptr);
    sdk::Status check(const std::string& location, const sdk::ConfigValue& options = {});

    std::unique_ptr<sdk::Connector> connector;
    sync::FileTransport files;
    TempDir temp;
};

// {elements: {key: value, ...}} as a ConfigValue.
sdk::ConfigValue elementsOption(std::vector<std::pair<std::string, std::string>> names);

}  // namespace recolte::testing
