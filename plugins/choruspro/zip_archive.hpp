// Reads a ZIP archive held in memory (a Chorus Pro pivot's PJ/Contenu) with libzip, refusing what
// could hurt: more entries than allowed, a total uncompressed size over the limit, an entry that
// expands more than `max_ratio` times (ZIP bomb) or more than its header says, an encrypted entry,
// and names that are absolute or climb out of the archive ("../../etc/x"). Nothing is written to
// disk: entries come back as bytes.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "recolte/sdk/expected.hpp"

namespace recolte::choruspro {

struct ZipLimits {
    uint64_t max_total_bytes = 64ull << 20;
    uint64_t max_entries = 100;
    uint64_t max_ratio = 200;
};

struct ZipEntry {
    std::string name;
    std::string bytes;
};

// Every file entry (folders skipped), in archive order. Errors are data errors in French.
sdk::Expected<std::vector<ZipEntry>> readZip(std::string_view bytes, const ZipLimits& limits);

// True for a name an archive must not hold: absolute, a drive letter, a backslash, or a ".." step.
bool isUnsafeEntryName(std::string_view name);

}  // namespace recolte::choruspro
