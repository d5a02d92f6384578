// Test helper for the conformance suites (tests/conformance/test_*.py): reads invoice files with the
// `choruspro` connector loaded through the plugin registry, exactly as the daemon loads it, then
//   reexport OUTDIR FILE...  writes every invoice read as OUTDIR/<n>.ubl.xml and OUTDIR/<n>.cii.xml
//   check FILE...            runs checkEn16931 on every invoice read
//   implemented              prints the rule ids checkEn16931 implements
// One JSON object per line on stdout, so that python decides what passes.
// Environment: RECOLTE_PLUGIN_DIR (default: the build's plugin folder).
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "invoice/invoice_rules.hpp"
#include "invoice/invoice_writers.hpp"
#include "registry/plugin_registry.hpp"
#include "support/capture_sink.hpp"
#include "support/source_context.hpp"
#include "sync/file_transport.hpp"

namespace {

namespace fs = std::filesystem;
using namespace recolte;

std::string jsonString(const std::string& s) {
    std::string out = "\"";
    for (const char c : s) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\u%04x", c);
                    out += buf;
                } else {
                    out += c;
                }
        }
    }
    return out + "\"";
}

std::string jsonList(const std::vector<std::string>& items) {
    std::string out = "[";
    for (size_t i = 0; i < items.size(); ++i) out += (i ? "," : "") + jsonString(items[i]);
    return out + "]";
}

struct Reader {
    registry::PluginRegistry registry;
    std::string loadError;

    Reader() {
        const char* env = std::getenv("RECOLTE_PLUGIN_DIR");
        const std::string dir = env && *env ? env : RECOLTE_TEST_PLUGIN_DIR;
        const std::string path = dir + "/libchoruspro.so";
        auto loaded = registry.loadFile(path);
        if (!loaded) loadError = loaded.error().describe();
    }

    // Every invoice and reject the connector emits for one file.
    bool read(const std::string& file, testing::CaptureSink& sink, std::string& error) {
        auto connector = registry.create("choruspro");
        if (!connector) {
            error = "choruspro connector not available";
            return false;
        }
        sync::FileTransport transport;
        testing::TestSource source(file, transport, "conformance");
        if (auto s = source.configure(connector->describe()); !s) {
            error = s.error().describe();
            return false;
        }
        auto ctx = source.context();
        auto result = connector->read(ctx, sink);
        if (!result.ok()) {
            error = result.error().describe();
            return false;
        }
        return true;
    }
};

std::string rejectsOf(const testing::CaptureSink& sink) {
    std::vector<std::string> r;
    for (const auto& rej : sink.rejects) r.push_back(rej.reason);
    return jsonList(r);
}

int reexport(Reader& reader, const std::string& outDir, const std::vector<std::string>& files) {
    fs::create_directories(outDir);
    int n = 0;
    for (const auto& file : files) {
        testing::CaptureSink sink;
        std::string error;
        if (!reader.read(file, sink, error)) {
            std::cout << "{\"file\":" << jsonString(file) << ",\"error\":" << jsonString(error) << "}\n";
            continue;
        }
        std::vector<std::string> written;
        for (const auto& inv : sink.invoices) {
            const std::string stem = (fs::path(outDir) / ("invoice-" + std::to_string(++n))).string();
            for (const auto& [ext, text] : {std::pair{".ubl.xml", invoice::writeUbl(inv)}, {".cii.xml", invoice::writeCii(inv)}}) {
                std::ofstream(stem + ext, std::ios::binary) << text;
                written.push_back(stem + ext);
            }
        }
        std::cout << "{\"file\":" << jsonString(file) << ",\"invoices\":" << sink.invoices.size()
                  << ",\"written\":" << jsonList(written) << ",\"rejects\":" << rejectsOf(sink) << "}\n";
    }
    return 0;
}

int check(Reader& reader, const std::vector<std::string>& files) {
    for (const auto& file : files) {
        testing::CaptureSink sink;
        std::string error;
        if (!reader.read(file, sink, error)) {
            std::cout << "{\"file\":" << jsonString(file) << ",\"error\":" << jsonString(error) << "}\n";
            continue;
        }
        std::vector<std::string> fired;
        for (const auto& inv : sink.invoices)
            for (const auto& v : invoice::checkEn16931(inv)) fired.push_back(v.rule);
        std::cout << "{\"file\":" << jsonString(file) << ",\"invoices\":" << sink.invoices.size()
                  << ",\"fired\":" << jsonList(fired) << ",\"rejects\":" << rejectsOf(sink) << "}\n";
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty()) {
        std::cerr << "usage: invoice_tool reexport OUTDIR FILE... | check FILE... | implemented\n";
        return 64;
    }
    if (args[0] == "implemented") {
        std::cout << jsonList(invoice::implementedEn16931Rules()) << "\n";
        return 0;
    }
    Reader reader;
    if (!reader.loadError.empty()) {
        std::cerr << "invoice_tool: cannot load the choruspro plugin: " << reader.loadError << "\n";
        return 3;
    }
    if (args[0] == "reexport" && args.size() >= 2)
        return reexport(reader, args[1], std::vector<std::string>(args.begin() + 2, args.end()));
    if (args[0] == "check") return check(reader, std::vector<std::string>(args.begin() + 1, args.end()));
    std::cerr << "invoice_tool: unknown mode \"" << args[0] << "\"\n";
    return 64;
}
