// tests/support/validate_json.py compiled into the hub (cmake/EmbedFiles.cmake), so that an
// installed `recolte connector-test` validates records with the same script the tests use.
#pragma once

#include <vector>

#include "publish/embedded_files.hpp"

namespace recolte::kit {

using publish::EmbeddedFile;

const std::vector<EmbeddedFile>& validatorFiles();

}  // namespace recolte::kit
