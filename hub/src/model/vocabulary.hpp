// Internal to the model: the small closed vocabularies of the common schema, read from the
// French or English words sources use.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace recolte::model {

// farm_shop, market, amap, shop, drive, other. Empty -> "" (not given), unknown -> "other".
std::string pointOfSaleKind(std::string_view raw);
// ccas, school, college, hospital, association, other. Empty -> "", unknown -> "other".
std::string buyerKind(std::string_view raw);

struct NeedStatus {
    std::string status;       // open, awarded, closed
    bool withoutAward = false;  // "sans suite", "infructueux", "annulé": closed, and that is the reason
};
// Empty -> open; unknown -> nullopt (a data error for the caller).
std::optional<NeedStatus> needStatus(std::string_view raw);

}  // namespace recolte::model
