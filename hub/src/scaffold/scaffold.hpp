// `recolte new-connector NAME`: writes a working connector (a market's price list in JSON) from the
// embedded template, with @NAME@ replaced, into DIR/NAME.
#pragma once

#include <string>
#include <vector>

#include "recolte/sdk/expected.hpp"

namespace recolte::scaffold {

// A connector name is also a library, a C++ namespace and a config value: [a-z][a-z0-9_]*, at most
// 40 characters. Returns why a name is refused, or "" when it is fine.
std::string checkName(const std::string& name);

// Writes every template file into `dir`/`name` (which must not exist yet); returns the files written.
sdk::Expected<std::vector<std::string>> writeConnector(const std::string& name, const std::string& dir);

}  // namespace recolte::scaffold
