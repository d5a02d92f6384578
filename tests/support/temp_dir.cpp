#include "support/temp_dir.hpp"

#include <stdexcept>

#include <unistd.h>

namespace recolte::testing {

TempDir::TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "recolte-test-XXXXXX").string();
    if (!mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
    path_ = tmpl;
}

TempDir::~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
}

std::string TempDir::write(const std::string& name, const std::string& content) const {
    auto p = path_ / name;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream out(p, std::ios::binary);
    out << content;
    return p.string();
}

}  // namespace recolte::testing
