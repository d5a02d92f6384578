#include "zip_archive.hpp"

#include <zip.h>

#include <memory>

#include "xml_fields.hpp"  // quoted()

namespace recolte::choruspro {

namespace {

struct ArchiveCloser {
    void operator()(zip_t* z) const { zip_discard(z); }
};
struct FileCloser {
    void operator()(zip_file_t* f) const { zip_fclose(f); }
};

std::string libzipMessage(int code) {
    zip_error_t error;
    zip_error_init_with_code(&error, code);
    std::string out = zip_error_strerror(&error);
    zip_error_fini(&error);
    return out;
}

}  // namespace

bool isUnsafeEntryName(std::string_view name) {
    if (name.empty() || name.front() == '/' || name.find('\\') != std::string_view::npos) return true;
    if (name.size() >= 2 && name[1] == ':') return true;  // C:...
    size_t start = 0;
    while (start <= name.size()) {
        size_t end = name.find('/', start);
        if (end == std::string_view::npos) end = name.size();
        if (name.substr(start, end - start) == "..") return true;
        start = end + 1;
    }
    return false;
}

sdk::Expected<std::vector<ZipEntry>> readZip(std::string_view bytes, const ZipLimits& limits) {
    if (bytes.size() < 4 || bytes.compare(0, 2, "PK") != 0)
        return sdk::dataError("la pièce jointe n'est pas une archive ZIP (signature « PK » absente)");
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (!source) {
        std::string message = zip_error_strerror(&error);
        zip_error_fini(&error);
        return sdk::systemError("archive ZIP impossible à ouvrir : " + message);
    }
    std::unique_ptr<zip_t, ArchiveCloser> archive(zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error));
    if (!archive) {
        zip_source_free(source);
        std::string message = zip_error_strerror(&error);
        zip_error_fini(&error);
        return sdk::dataError("la pièce jointe n'est pas une archive ZIP lisible : " + message);
    }
    zip_error_fini(&error);

    const zip_int64_t count = zip_get_num_entries(archive.get(), 0);
    if (count < 0) return sdk::dataError("archive ZIP illisible (nombre d'entrées inconnu)");
    if (static_cast<uint64_t>(count) > limits.max_entries)
        return sdk::dataError("archive ZIP de " + std::to_string(count) + " entrées : refusée (limite " +
                              std::to_string(limits.max_entries) + ", option zip_max_entries)");

    std::vector<ZipEntry> out;
    uint64_t total = 0;
    for (zip_uint64_t i = 0; i < static_cast<zip_uint64_t>(count); ++i) {
        zip_stat_t st;
        zip_stat_init(&st);
        if (zip_stat_index(archive.get(), i, 0, &st) != 0)
            return sdk::dataError("entrée " + std::to_string(i + 1) + " de l'archive ZIP illisible");
        const std::string name = st.name ? st.name : "";
        if (isUnsafeEntryName(name))
            return sdk::dataError("entrée ZIP " + quoted(name) +
                                  " refusée : nom absolu ou qui remonte hors de l'archive (« .. »)");
        if (!name.empty() && name.back() == '/') continue;  // a folder
        if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
            return sdk::dataError("entrée ZIP " + quoted(name) + " chiffrée : illisible");
        const uint64_t declared = (st.valid & ZIP_STAT_SIZE) ? st.size : 0;
        const uint64_t compressed = (st.valid & ZIP_STAT_COMP_SIZE) ? st.comp_size : 0;
        if (declared > 0 && (compressed == 0 || declared / compressed > limits.max_ratio))
            return sdk::dataError("entrée ZIP " + quoted(name) + " : " + std::to_string(compressed) + " octets qui en donneraient " +
                                  std::to_string(declared) + ", taux de compression suspect (bombe ZIP ; limite " +
                                  std::to_string(limits.max_ratio) + " pour 1, option zip_max_ratio)");
        if (total + declared > limits.max_total_bytes)
            return sdk::dataError("archive ZIP trop volumineuse une fois décompressée : plus de " +
                                  std::to_string(limits.max_total_bytes) + " octets (option zip_max_bytes)");

        std::unique_ptr<zip_file_t, FileCloser> file(zip_fopen_index(archive.get(), i, 0));
        if (!file)
            return sdk::dataError("entrée ZIP " + quoted(name) + " illisible : " +
                                  libzipMessage(zip_error_code_zip(zip_get_error(archive.get()))));
        ZipEntry entry{name, {}};
        entry.bytes.reserve(static_cast<size_t>(declared));
        char buffer[64 * 1024];
        for (;;) {
            const zip_int64_t n = zip_fread(file.get(), buffer, sizeof buffer);
            if (n < 0)
                return sdk::dataError("entrée ZIP " + quoted(name) + " endommagée : " +
                                      libzipMessage(zip_error_code_zip(zip_file_get_error(file.get()))));
            if (n == 0) break;
            // The header may lie: what is really inflated counts.
            if (entry.bytes.size() + static_cast<uint64_t>(n) > declared || total + entry.bytes.size() + n > limits.max_total_bytes)
                return sdk::dataError("entrée ZIP " + quoted(name) + " plus grosse que ce qu'annonce l'archive (" +
                                      std::to_string(declared) + " octets) : refusée (bombe ZIP ?)");
            entry.bytes.append(buffer, static_cast<size_t>(n));
        }
        total += entry.bytes.size();
        out.push_back(std::move(entry));
    }
    return out;
}

}  // namespace recolte::choruspro
