// The publishers' routes: HTML pages, feeds and exports. Each publisher adds its handlers here.
#include "api/router.hpp"

namespace recolte::api {

std::vector<Route> pageRoutes();  // pages_routes.cpp: the HTML pages and their static files
std::vector<Route> feedRoutes();    // feed_routes.cpp: the Atom feed of changes
std::vector<Route> exportRoutes();  // export_routes.cpp: CSV, DFC JSON-LD, OpenAPI and schemas

std::vector<Route> publishRoutes() {
    std::vector<Route> all;
    for (auto* part : {&pageRoutes, &feedRoutes, &exportRoutes}) {
        auto routes = part();
        all.insert(all.end(), routes.begin(), routes.end());
    }
    return all;
}

}  // namespace recolte::api
