// libFuzzer harness for the YAML configuration loader: any text gives either a configuration or
// errors that each name a place and a reason, never a crash.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "config/config.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    auto result = recolte::config::loadConfigFromString(std::string(reinterpret_cast<const char*>(data), size),
                                                        "/fuzz/recolte.yaml");
    for (const auto& e : result.errors)
        if (e.empty()) std::abort();
    return 0;
}
