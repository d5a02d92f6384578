// One <consultation> element -> one sdk::NeedRecord, or the problem that rejects it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "fields.hpp"
#include "names.hpp"
#include "recolte/sdk/model.hpp"

namespace recolte::agrilocal {

// `site` is the export's département site ("09"), or the option's; a consultation's own site
// attribute wins. `warnings` gets what is kept but worth a look (closed without a reason...).
std::optional<Problem> mapConsultation(const Element& consultation, const Names& names, const std::string& site,
                                       sdk::NeedRecord& out, std::vector<Problem>& warnings);

}  // namespace recolte::agrilocal
