// Loads the built choruspro plugin through the registry, as the daemon does, runs it on files or
// folders (FileTransport), and reads expected values from the same files independently of the
// plugin: libxml2 XPath over the invoice, Python's zipfile for a pivot's attachment, the qpdf
// command to build Factur-X PDFs.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "recolte/sdk/connector.hpp"
#include "registry/plugin_registry.hpp"
#include "support/capture_sink.hpp"
#include "support/source_context.hpp"
#include "support/temp_dir.hpp"
#include "sync/file_transport.hpp"

namespace recolte::testing {

registry::PluginRegistry& chorusproRegistry();

std::string chorusproTestData(const std::string& name);
// ${RECOLTE_SHARED_DIR:-<repo>/../shared}/conformance/<name>
std::string conformance(const std::string& name);
// The regular files of a folder, sorted.
std::vector<std::string> filesIn(const std::string& folder);

struct ChorusProRun {
    CaptureSink sink;
    NullLog log;
    std::optional<sdk::Expected<sdk::ReadResult>> result;

    bool ok() const { return result && result->ok(); }
    std::string why() const { return result && !result->ok() ? result->error().describe() : sink.describeRejects(); }
    const sdk::InvoiceRecord* invoice(const std::string& sourceId) const;
    // The reject whose file ends with `fileSuffix`, or nullptr.
    const sdk::Reject* rejectOf(const std::string& fileSuffix) const;
};

class ChorusProConnectorTest : public ::testing::Test {
protected:
    void SetUp() override;
    void TearDown() override;
    std::unique_ptr<ChorusProRun> read(const std::string& location, const sdk::ConfigValue& options = {},
                                       const std::string& bookmark = {});

    std::unique_ptr<sdk::Connector> connector;
    sync::FileTransport files;
    TempDir temp;
};

// An XML document read with libxml2 (no network, no entities), queried with XPath 1.0.
class XPathDoc {
public:
    explicit XPathDoc(const std::string& bytes);
    ~XPathDoc();
    XPathDoc(const XPathDoc&) = delete;
    XPathDoc& operator=(const XPathDoc&) = delete;
    bool ok() const { return doc_ != nullptr; }
    std::string string(const std::string& xpath) const;  // string(...) of the expression
    double number(const std::string& xpath) const;       // number(...) / count(...)

private:
    void* doc_ = nullptr;
};

std::string readFile(const std::string& path);
// Runs a shell command; its standard output, and the exit code in `status`.
std::string run(const std::string& command, int* status = nullptr);
// The first ZIP entry inside the base64 PJ/Contenu number `pj` (1-based) of pivot unit `unit`,
// extracted with /usr/bin/python3 (base64 + zipfile), "" when none is XML.
std::string pivotAttachmentXml(const std::string& pivotFile, int unit);

}  // namespace recolte::testing
