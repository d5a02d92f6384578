// One Socleo catalogue row -> one offer (with warnings), or the reason (in French) why the row is
// rejected.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "columns.hpp"
#include "recolte/sdk/expected.hpp"
#include "recolte/sdk/model.hpp"
#include "settings.hpp"

namespace recolte::mangerbio {

struct MappedRow {
    sdk::OfferRecord offer;  // `where` left for the caller to fill
    // Kept, not rejects: a bad EAN (dropped), an unknown agriculture code... (column header, message)
    std::vector<std::pair<std::string, std::string>> warnings;
};

// On failure: a data error whose `where` is the header of the faulty column, as written.
sdk::Expected<MappedRow> mapRow(const std::vector<std::string>& fields, const ColumnMap& columns,
                                const Settings& settings);

}  // namespace recolte::mangerbio
