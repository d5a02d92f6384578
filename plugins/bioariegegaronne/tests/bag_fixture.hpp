// Loads the built bioariegegaronne plugin through the registry, as the daemon does, and runs it on
// files (FileTransport) or URLs (HttpTransport), capturing what it emits.
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
registry::PluginRegistry& bagRegistry();

std::string bagTestData(const std::string& name);
std::string bagSlurp(const std::string& path);

struct BagRun {
    CaptureSink sink;
    NullLog log;
    std::optional<sdk::Expected<sdk::ReadResult>> result;

    bool ok() const { return result && result->ok(); }
    const sdk::ReadResult& value() const { return result->value(); }
    const sdk::Error& error() const { return result->error(); }
    std::string why() const { return result && !result->ok() ? result->error().describe() : sink.describeRejects(); }

    // By name; nullptr when absent.
    const sdk::OfferRecord* offer(const std::string& name) const { return sink.offerNamed(name); }
    const sdk::ProducerRecord* producer(const std::string& name) const;
    // The first reject whose reason contains `text`, or nullptr.
    const sdk::Reject* rejectSaying(const std::string& text) const;
    // What the host counts as read: records + rejects.
    size_t read() const { return sink.recordCount() + sink.rejects.size(); }
};

class BagConnectorTest : public ::testing::Test {
protected:
    void SetUp() override;
    void TearDown() override;

    // Validates `options` through the plugin's option table, then reads `location` with
    // `transport` (the file transport when null).
    std::unique_ptr<BagRun> read(const std::string& location, const sdk::ConfigValue& options = {},
                                 const std::string& bookmark = {}, sdk::Transport* transport = nullptr);
    sdk::Status check(const std::string& location, const sdk::ConfigValue& options = {});

    std::unique_ptr<sdk::Connector> connector;
    sync::FileTransport files;
    TempDir temp;
};

bool bagContains(const std::string& haystack, const std::string& needle);

}  // namespace recolte::testing
