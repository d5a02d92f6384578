// The ABI probe: a plain C function every plugin exports, read by the host with dlopen before
// Poco's ClassLoader (whose manifest only compares a type name). A mismatch is refused with both
// versions named (DuckDB's rule).
#pragma once

#include <cstdint>

// Bump when anything in recolte/sdk/ changes layout or virtual tables.
#define RECOLTE_SDK_ABI_VERSION 3u
#define RECOLTE_SDK_VERSION "0.2.0"

#define RECOLTE_STRINGIFY2(x) #x
#define RECOLTE_STRINGIFY(x) RECOLTE_STRINGIFY2(x)
#if defined(__clang__)
#define RECOLTE_COMPILER_ID "clang-" RECOLTE_STRINGIFY(__clang_major__)
#elif defined(__GNUC__)
#define RECOLTE_COMPILER_ID "gcc-" RECOLTE_STRINGIFY(__GNUC__)
#else
#define RECOLTE_COMPILER_ID "unknown"
#endif
#define RECOLTE_PROBE_SYMBOL "recolte_connector_probe"

extern "C" {
struct RecolteConnectorProbe {
    uint32_t abi_version;
    const char* sdk_version;
    const char* connector_name;
    const char* connector_version;
    const char* compiler_id;
};
typedef const RecolteConnectorProbe* (*RecolteProbeFunction)(void);
}
