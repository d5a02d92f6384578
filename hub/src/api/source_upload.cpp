#include "api/source_upload.hpp"

#include <fcntl.h>
#include <fnmatch.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <vector>

#include "recolte/sdk/text.hpp"

namespace recolte::api {

namespace {

constexpr size_t kMaxNameBytes = 200;

// Writes all of `data`, retrying short writes.
bool writeAll(int fd, const char* data, size_t size) {
    while (size > 0) {
        const ssize_t n = ::write(fd, data, size);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        data += n;
        size -= static_cast<size_t>(n);
    }
    return true;
}

// The rename is durable only once the folder itself is flushed.
void syncFolder(const std::string& folder) {
    const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}

}  // namespace

std::string uploadNameProblem(const std::string& name, const std::string& pattern) {
    if (name.empty()) return "nom de fichier vide";
    if (name.size() > kMaxNameBytes)
        return "nom de fichier trop long : " + std::to_string(name.size()) + " octets (" +
               std::to_string(kMaxNameBytes) + " au plus)";
    if (!sdk::isValidUtf8(name)) return "nom de fichier qui n'est pas de l'UTF-8 valide";
    for (unsigned char c : name) {
        if (c == '/' || c == '\\') return "un nom de fichier ne peut pas contenir « / » ni « \\ »";
        if (c < 0x20 || c == 0x7f) return "un nom de fichier ne peut pas contenir de caractère de contrôle";
    }
    if (name.front() == '.') return "un nom de fichier ne peut pas commencer par un point";
    if (name.find("..") != std::string::npos) return "un nom de fichier ne peut pas contenir « .. »";
    if (!pattern.empty() && ::fnmatch(pattern.c_str(), name.c_str(), 0) != 0)
        return "« " + name + " » ne correspond pas au motif « " + pattern + " » des fichiers que lit cette source";
    return {};
}

UploadResult writeUpload(std::istream& in, const std::string& folder, const std::string& name, int64_t cap,
                         int64_t expected) {
    UploadResult result;
    const std::string target = (std::filesystem::path(folder) / name).string();
    std::string temp = (std::filesystem::path(folder) / ".upload-XXXXXX").string();
    std::vector<char> tempBuf(temp.begin(), temp.end());
    tempBuf.push_back('\0');
    const int fd = ::mkostemp(tempBuf.data(), O_CLOEXEC);
    if (fd < 0) {
        result.error = "cannot create a temporary file in " + folder + ": " + std::strerror(errno);
        return result;
    }
    temp = tempBuf.data();
    const auto fail = [&](UploadResult::Outcome outcome, std::string error) {
        ::close(fd);
        ::unlink(temp.c_str());
        result.outcome = outcome;
        result.error = std::move(error);
        return result;
    };
    ::fchmod(fd, 0644);  // mkostemp makes it 0600; the file is data for any reader of the folder
    std::vector<char> chunk(64 * 1024);
    while (in) {
        in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
        const auto got = static_cast<size_t>(in.gcount());
        result.bytes += static_cast<int64_t>(got);
        if (result.bytes > cap) return fail(UploadResult::Outcome::TooLarge, {});
        if (got && !writeAll(fd, chunk.data(), got))
            return fail(UploadResult::Outcome::Failed, "cannot write " + temp + ": " + std::strerror(errno));
    }
    if (in.bad() || (expected >= 0 && result.bytes != expected))
        return fail(UploadResult::Outcome::Incomplete, "the request body ended after " + std::to_string(result.bytes) +
                                                       " bytes" + (expected >= 0 ? " of " + std::to_string(expected) : ""));
    if (::fsync(fd) != 0) return fail(UploadResult::Outcome::Failed, "cannot flush " + temp + ": " + std::strerror(errno));
    struct stat before {};
    result.replaced = ::stat(target.c_str(), &before) == 0;
    if (::rename(temp.c_str(), target.c_str()) != 0)
        return fail(UploadResult::Outcome::Failed, "cannot rename onto " + target + ": " + std::strerror(errno));
    ::close(fd);
    syncFolder(folder);
    result.outcome = UploadResult::Outcome::Written;
    return result;
}

}  // namespace recolte::api
