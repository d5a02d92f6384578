#include "kit/work_dir.hpp"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace recolte::kit {

namespace fs = std::filesystem;

WorkDir::WorkDir() {
    std::string pattern = (fs::temp_directory_path() / "recolte-kit-XXXXXX").string();
    if (!mkdtemp(pattern.data())) throw std::runtime_error("cannot create a temporary folder in " + fs::temp_directory_path().string());
    path_ = pattern;
}

WorkDir::~WorkDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
}

std::string WorkDir::write(const std::string& relative, const std::string& content) const {
    fs::path p = fs::path(path_) / relative;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
    return p.string();
}

sdk::Expected<std::string> copyInto(const std::string& source, const std::string& dir) {
    std::error_code ec;
    fs::path target = fs::path(dir) / fs::path(source).filename();
    if (fs::is_directory(source, ec)) fs::copy(source, target, fs::copy_options::recursive, ec);
    else fs::copy_file(source, target, fs::copy_options::overwrite_existing, ec);
    if (ec) return sdk::systemError("cannot copy to " + target.string() + ": " + ec.message(), source);
    return target.string();
}

sdk::Status editFile(const std::string& file, const std::string& replace, const std::string& with) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return sdk::configError("no such file in the copy of the source", file);
    std::ostringstream ss;
    ss << in.rdbuf();
    std::string text = ss.str();
    auto at = text.find(replace);
    if (at == std::string::npos) return sdk::configError("text to replace not found: \"" + replace + "\"", file);
    text.replace(at, replace.size(), with);
    std::ofstream(file, std::ios::binary | std::ios::trunc) << text;
    return sdk::Status::success();
}

}  // namespace recolte::kit
