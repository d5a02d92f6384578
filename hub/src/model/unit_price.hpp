// Internal to the model: computeUnitPrice with what normalizeOffer needs to warn about.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "model/catalog.hpp"
#include "recolte/sdk/expected.hpp"

namespace recolte::model {

struct UnitPriceOutcome {
    UnitPrice price;
    // The price is per piece although a packaging was given that could have said the piece's
    // weight, because the packaging text could not be read ("sachet kraft").
    bool packagingUnread = false;
};

sdk::Expected<UnitPriceOutcome> computeUnitPriceDetailed(Decimal price, std::string_view priceUnit,
                                                         std::string_view packaging,
                                                         std::optional<int64_t> piecesPerPack);

}  // namespace recolte::model
