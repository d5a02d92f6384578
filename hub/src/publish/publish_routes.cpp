// The publishers' routes: HTML pages, feeds and exports. Each publisher adds its handlers here.
#include "api/router.hpp"

namespace recolte::api {

std::vector<Route> publishRoutes() { return {}; }

}  // namespace recolte::api
