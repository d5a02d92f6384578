// Loads the built mangerbio plugin through the registry, as the daemon does, and runs it on files
// with a real FileTransport, capturing what it emits.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <string>

#include "recolte/sdk/connector.hpp"
#include "support/capture_sink.hpp"
#include "support/source_context.hpp"
#include "support/temp_dir.hpp"
#include "sync/file_transport.hpp"

namespace recolte::testing::mangerbio {

std::string testData(const std::string& name);
std::string sampleData(const std::string& name);  // data/samples/

struct Reading {
    CaptureSink sink;
    NullLog log;
    std::optional<sdk::Expected<sdk::ReadResult>> result;

    bool ok() const { return result && result->ok(); }
    const sdk::ReadResult& value() const { return result->value(); }
    const sdk::Error& error() const { return result->error(); }
    std::string why() const { return result && !result->ok() ? result->error().describe() : sink.describeRejects(); }
    // The offer with this reference, or nullptr.
    const sdk::OfferRecord* offer(const std::string& sourceId) const;
    // The reject at this physical line, or nullptr.
    const sdk::Reject* rejectAt(int64_t line) const;
    // Warnings whose message holds `text`.
    size_t warningsWith(const std::string& text) const;
};

class MangerBioTest : public ::testing::Test {
protected:
    void SetUp() override;

    // Validates `options` through the plugin's option table (the config loader's path), then reads.
    std::unique_ptr<Reading> read(const std::string& location, const sdk::ConfigValue& options = {},
                              const std::string& bookmark = {});
    // The same through another transport (HTTP).
    std::unique_ptr<Reading> readWith(sdk::Transport& through, const std::string& location,
                                      const sdk::ConfigValue& options = {}, const std::string& bookmark = {});
    sdk::Status check(const std::string& location, const sdk::ConfigValue& options = {});
    // A catalogue written in the test's temporary folder.
    std::string write(const std::string& name, const std::string& text) { return temp.write(name, text); }

    std::unique_ptr<sdk::Connector> connector;
    sync::FileTransport transport;
    TempDir temp;
};

// Socleo's header line, and a row builder with its defaults, for tests that need one odd cell.
extern const char* const kHeader;
std::string row(const std::string& ref, const std::string& name, const std::string& price, const std::string& unit,
                const std::string& vat = "1", const std::string& logos = "", const std::string& ean = "");

}  // namespace recolte::testing::mangerbio
