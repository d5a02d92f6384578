// Files of schemas/ compiled into the daemon at build time (cmake/EmbedFiles.cmake generates their
// definition), so /openapi.yaml and /schemas/ serve exactly what the repository holds, with no
// install path to find at run time.
#pragma once

#include <string_view>
#include <vector>

namespace recolte::publish {

struct EmbeddedFile {
    std::string_view name;  // file name: "openapi.yaml", "offer.schema.json"
    std::string_view content;
};

const std::vector<EmbeddedFile>& schemaFiles();
// nullptr when there is no such file.
const EmbeddedFile* findSchemaFile(std::string_view name);

}  // namespace recolte::publish
