#include "choruspro_fixture.hpp"

#include <libxml/parser.h>
#include <libxml/xpath.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace recolte::testing {

registry::PluginRegistry& chorusproRegistry() {
    static registry::PluginRegistry registry;
    static const bool loaded = [] {
        auto name = registry.loadFile(std::string(RECOLTE_TEST_PLUGIN_DIR) + "/libchoruspro.so");
        EXPECT_TRUE(name.ok()) << (name.ok() ? "" : name.error().describe());
        return name.ok();
    }();
    (void)loaded;
    return registry;
}

std::string chorusproTestData(const std::string& name) {
    return std::string(RECOLTE_TEST_SOURCE_DIR) + "/plugins/choruspro/testdata/" + name;
}

std::string conformance(const std::string& name) {
    const char* shared = std::getenv("RECOLTE_SHARED_DIR");
    const std::string base = shared && *shared ? shared : std::string(RECOLTE_TEST_SOURCE_DIR) + "/../shared";
    return base + "/conformance/" + name;
}

std::vector<std::string> filesIn(const std::string& folder) {
    std::vector<std::string> out;
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(folder, ec))
        if (e.is_regular_file()) out.push_back(e.path().string());
    EXPECT_FALSE(ec) << folder << ": " << ec.message() << " (RECOLTE_SHARED_DIR?)";
    std::sort(out.begin(), out.end());
    return out;
}

const sdk::InvoiceRecord* ChorusProRun::invoice(const std::string& sourceId) const {
    for (const auto& i : sink.invoices)
        if (i.source_id == sourceId) return &i;
    return nullptr;
}

const sdk::Reject* ChorusProRun::rejectOf(const std::string& fileSuffix) const {
    for (const auto& r : sink.rejects) {
        const std::string& f = r.where.file;
        if (f.size() >= fileSuffix.size() && f.compare(f.size() - fileSuffix.size(), fileSuffix.size(), fileSuffix) == 0)
            return &r;
    }
    return nullptr;
}

void ChorusProConnectorTest::SetUp() {
    connector = chorusproRegistry().create("choruspro");
    ASSERT_NE(connector, nullptr) << "the choruspro plugin did not load";
}

void ChorusProConnectorTest::TearDown() { connector.reset(); }

std::unique_ptr<ChorusProRun> ChorusProConnectorTest::read(const std::string& location, const sdk::ConfigValue& options,
                                                           const std::string& bookmark) {
    auto result = std::make_unique<ChorusProRun>();
    TestSource source(location, files, "choruspro-test");
    auto configured = source.configure(connector->describe(), options);
    if (!configured) {
        result->result = configured.error();
        return result;
    }
    source.bookmark = bookmark;
    sdk::Context ctx{source.source, source.options, files, result->log, source.bookmark};
    result->result = connector->read(ctx, result->sink);
    return result;
}

XPathDoc::XPathDoc(const std::string& bytes) {
    doc_ = xmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), "test.xml", nullptr,
                         XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
}

XPathDoc::~XPathDoc() {
    if (doc_) xmlFreeDoc(static_cast<xmlDocPtr>(doc_));
}

namespace {

xmlXPathObjectPtr evaluate(void* doc, const std::string& expression) {
    xmlXPathContextPtr ctx = xmlXPathNewContext(static_cast<xmlDocPtr>(doc));
    xmlXPathObjectPtr result = xmlXPathEvalExpression(reinterpret_cast<const xmlChar*>(expression.c_str()), ctx);
    xmlXPathFreeContext(ctx);
    return result;
}

}  // namespace

std::string XPathDoc::string(const std::string& xpath) const {
    if (!doc_) return {};
    xmlXPathObjectPtr r = evaluate(doc_, "string(" + xpath + ")");
    std::string out = r && r->stringval ? reinterpret_cast<const char*>(r->stringval) : "";
    xmlXPathFreeObject(r);
    // Trimmed, as the plugin trims.
    const auto first = out.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return {};
    return out.substr(first, out.find_last_not_of(" \t\r\n") - first + 1);
}

double XPathDoc::number(const std::string& xpath) const {
    if (!doc_) return -1;
    xmlXPathObjectPtr r = evaluate(doc_, xpath);
    const double out = r ? xmlXPathCastToNumber(r) : -1;
    xmlXPathFreeObject(r);
    return out;
}

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

std::string run(const std::string& command, int* status) {
    std::string out;
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) {
        if (status) *status = -1;
        return out;
    }
    std::array<char, 4096> buffer;
    size_t n;
    while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) out.append(buffer.data(), n);
    const int rc = pclose(pipe);
    if (status) *status = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
    return out;
}

std::string pivotAttachmentXml(const std::string& pivotFile, int unit) {
    const std::string script =
        "import sys, base64, io, zipfile, xml.etree.ElementTree as ET\n"
        "u = list(ET.parse(sys.argv[1]).getroot().iter('CPPFacturePivotUnitaire'))[int(sys.argv[2]) - 1]\n"
        "for pj in u.iter('PJ'):\n"
        "    z = zipfile.ZipFile(io.BytesIO(base64.b64decode(pj.find('Contenu').text)))\n"
        "    for i in z.infolist():\n"
        "        d = z.read(i)\n"
        "        if d.lstrip().startswith(b'<'):\n"
        "            sys.stdout.buffer.write(d); sys.exit(0)\n";
    const std::string scriptFile = std::filesystem::temp_directory_path() / "choruspro_pivot_attachment.py";
    std::ofstream(scriptFile) << script;
    return run("/usr/bin/python3 " + scriptFile + " '" + pivotFile + "' " + std::to_string(unit));
}

}  // namespace recolte::testing
