// A temporary folder for one kit run (schemas, records to validate, edited copies of samples),
// removed at the end.
#pragma once

#include <string>

#include "recolte/sdk/expected.hpp"

namespace recolte::kit {

class WorkDir {
public:
    WorkDir();
    ~WorkDir();
    WorkDir(const WorkDir&) = delete;
    WorkDir& operator=(const WorkDir&) = delete;

    const std::string& path() const { return path_; }
    // Creates the parent folders; returns the absolute path.
    std::string write(const std::string& relative, const std::string& content) const;

private:
    std::string path_;
};

// Copies a file or a folder (recursively) into `dir`; returns the copy's path.
sdk::Expected<std::string> copyInto(const std::string& source, const std::string& dir);

// Replaces the first occurrence of `replace` by `with` in `file`; an error when it is not there.
sdk::Status editFile(const std::string& file, const std::string& replace, const std::string& with);

}  // namespace recolte::kit
