#include "scaffold/scaffold.hpp"

#include <filesystem>
#include <fstream>
#include <regex>

#include "scaffold/template_files.hpp"

namespace recolte::scaffold {

namespace fs = std::filesystem;

std::string checkName(const std::string& name) {
    static const std::regex valid("^[a-z][a-z0-9_]*$");
    if (name.empty()) return "the name is empty";
    if (name.size() > 40) return "the name is longer than 40 characters";
    if (!std::regex_match(name, valid))
        return "\"" + name + "\": use lower-case letters, digits and _, starting with a letter (e.g. marche_saint_girons)";
    return {};
}

sdk::Expected<std::vector<std::string>> writeConnector(const std::string& name, const std::string& dir) {
    if (auto why = checkName(name); !why.empty()) return sdk::configError(why, "NAME");
    const fs::path root = fs::absolute(fs::path(dir) / name).lexically_normal();
    std::error_code ec;
    if (fs::exists(root, ec)) return sdk::configError("already exists; choose another name or --dir", root.string());
    std::vector<std::string> written;
    for (const auto& f : templateFiles()) {
        std::string text(f.content);
        for (size_t at = text.find("@NAME@"); at != std::string::npos; at = text.find("@NAME@", at + name.size()))
            text.replace(at, 6, name);
        const fs::path target = root / std::string(f.name);
        fs::create_directories(target.parent_path(), ec);
        std::ofstream out(target, std::ios::binary);
        out << text;
        if (ec || !out) return sdk::systemError("cannot write the file", target.string());
        written.push_back(target.string());
    }
    return written;
}

}  // namespace recolte::scaffold
