// The files of hub/src/scaffold/template/, compiled into the hub (cmake/EmbedFiles.cmake), so that
// an installed `recolte new-connector` needs no source tree. Named by their path in the template.
#pragma once

#include <vector>

#include "publish/embedded_files.hpp"

namespace recolte::scaffold {

using publish::EmbeddedFile;

const std::vector<EmbeddedFile>& templateFiles();

}  // namespace recolte::scaffold
