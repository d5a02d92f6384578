// One data row -> one offer, or the reason (in French) why the row is rejected.
#pragma once

#include <string>
#include <vector>

#include "column_map.hpp"
#include "recolte/sdk/expected.hpp"
#include "recolte/sdk/model.hpp"
#include "settings.hpp"

namespace recolte::csv_connector {

// On failure the error is a data error whose `where` is the header of the faulty column.
// The offer's `where` and the producer's `where` are left for the caller to fill.
sdk::Expected<sdk::OfferRecord> mapRow(const std::vector<std::string>& fields, const ColumnMap& columns,
                                       const Settings& settings);

// The offer's id when the file has no reference for it: producer key, product name and price unit,
// folded ("ferme du moulin|carottes|kg"), so that re-reading the same list gives the same ids.
std::string derivedSourceId(const sdk::OfferRecord& offer);

}  // namespace recolte::csv_connector
