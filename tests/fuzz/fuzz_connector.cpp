// libFuzzer harness for one connector's parser, built once per connector (RECOLTE_FUZZ_CONNECTOR,
// RECOLTE_FUZZ_FILE): the input is served as the source's only file and read through the plugin
// loaded by the registry, exactly as a sync reads it. A crash, a sanitizer report, or a read that
// loses records (read != records + rejects is the host's invariant, so here: an error without a
// message) is a finding.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include "fuzz/memory_transport.hpp"
#include "registry/plugin_registry.hpp"
#include "support/capture_sink.hpp"
#include "support/source_context.hpp"

namespace {

recolte::registry::PluginRegistry* registry = nullptr;

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    const char* dir = std::getenv("RECOLTE_PLUGIN_DIR");
    registry = new recolte::registry::PluginRegistry;  // lives as long as the process
    auto loaded = registry->loadFile(std::string(dir ? dir : RECOLTE_FUZZ_PLUGIN_DIR) + "/lib" RECOLTE_FUZZ_CONNECTOR ".so");
    if (!loaded) {
        std::fprintf(stderr, "cannot load the %s plugin: %s\n", RECOLTE_FUZZ_CONNECTOR, loaded.error().describe().c_str());
        std::abort();
    }
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string name = "/fuzz/" RECOLTE_FUZZ_FILE;
    recolte::fuzz::MemoryTransport transport(name, std::string(reinterpret_cast<const char*>(data), size));
    auto connector = registry->create(RECOLTE_FUZZ_CONNECTOR);
    recolte::testing::TestSource source(name, transport, "fuzz");
    if (!source.configure(connector->describe())) std::abort();  // defaults must validate
    recolte::testing::CaptureSink sink;
    auto ctx = source.context();
    auto result = connector->read(ctx, sink);
    if (!result && result.error().message.empty()) std::abort();  // an error must say why
    for (const auto& r : sink.rejects)
        if (r.reason.empty()) std::abort();  // a reject must say why
    return 0;
}
