// A connector's Context without YAML: options written as ConfigValues in the test, validated
// through the connector's own option table exactly as the config loader does.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "recolte/sdk/connector.hpp"
#include "recolte/sdk/options.hpp"
#include "support/capture_sink.hpp"

namespace recolte::testing {

sdk::ConfigValue scalarValue(std::string text);
sdk::ConfigValue listValue(std::vector<std::string> items);
// Keys in the given order, like a YAML mapping.
sdk::ConfigValue mapValue(std::vector<std::pair<std::string, sdk::ConfigValue>> entries);

// One configured source: its name and location, validated options, a transport, a log and the
// bookmark of the previous read. Not copyable: a Context refers to its members.
class TestSource {
public:
    TestSource(std::string location, sdk::Transport& transport, std::string name = "test");
    TestSource(const TestSource&) = delete;
    TestSource& operator=(const TestSource&) = delete;

    // sdk::validateOptions(connector's table, options): the config loader's path.
    sdk::Status configure(const sdk::ConnectorDescription& description, const sdk::ConfigValue& options = {});

    sdk::Context context() { return sdk::Context{source, options, transport, log, bookmark}; }

    sdk::SourceRef source;
    sdk::OptionValues options;
    sdk::Transport& transport;
    NullLog log;
    std::string bookmark;
};

}  // namespace recolte::testing
