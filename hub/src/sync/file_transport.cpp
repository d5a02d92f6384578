#include "sync/file_transport.hpp"

#include <fnmatch.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "sync/line_cap.hpp"

namespace recolte::sync {

namespace fs = std::filesystem;

sdk::Expected<std::vector<std::string>> FileTransport::list(const std::string& location, const std::string& pattern) {
    if (location.rfind("http://", 0) == 0 || location.rfind("https://", 0) == 0)
        return std::vector<std::string>{location};  // a URL is one document
    std::error_code ec;
    auto status = fs::status(location, ec);
    if (ec || !fs::exists(status))
        return sdk::configError("fichier ou dossier introuvable", location);
    if (!fs::is_directory(status)) return std::vector<std::string>{location};
    std::vector<std::string> files;
    for (const auto& entry : fs::directory_iterator(location, ec)) {
        if (!entry.is_regular_file()) continue;
        const std::string name = entry.path().filename().string();
        if (name.empty() || name[0] == '.') continue;
        if (!pattern.empty() && fnmatch(pattern.c_str(), name.c_str(), 0) != 0) continue;
        files.push_back(entry.path().string());
    }
    if (ec) return sdk::systemError("cannot list the folder: " + ec.message(), location);
    std::sort(files.begin(), files.end());
    return files;
}

sdk::Expected<sdk::Blob> FileTransport::fetch(const std::string& location, const sdk::FetchOptions& options) {
    if (location.rfind("http://", 0) == 0 || location.rfind("https://", 0) == 0)
        return sdk::configError("HTTP sources are not supported yet by this hub", location);
    std::error_code ec;
    auto size = fs::file_size(location, ec);
    if (ec) return sdk::configError("fichier illisible : " + ec.message(), location);
    const uint64_t limit = options.max_bytes ? std::min<uint64_t>(options.max_bytes, maxBytes_) : maxBytes_;
    if (size > limit)
        return sdk::dataError("fichier trop gros : " + std::to_string(size) + " octets (limite " + std::to_string(limit) + ")",
                              location);
    std::ifstream in(location, std::ios::binary);
    if (!in) return sdk::configError("fichier illisible", location);
    sdk::Blob blob;
    blob.name = location;
    if (options.max_line_bytes == 0) {
        blob.bytes.resize(size);
        in.read(blob.bytes.data(), static_cast<std::streamsize>(size));
        blob.bytes.resize(static_cast<size_t>(in.gcount()));
        return blob;
    }
    // Read in chunks so that an over-long line never sits in memory whole.
    LineCap cap(blob, options.max_line_bytes);
    std::string chunk(64 * 1024, '\0');
    while (in.read(chunk.data(), static_cast<std::streamsize>(chunk.size())) || in.gcount() > 0)
        cap.append(chunk.data(), static_cast<size_t>(in.gcount()));
    cap.finish();
    return blob;
}

}  // namespace recolte::sync
