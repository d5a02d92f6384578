// One <fournisseur> element -> a producer (the directory entry) and one offer per product it may
// supply, each product accepted or refused on its own.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "fields.hpp"
#include "names.hpp"
#include "recolte/sdk/model.hpp"

namespace recolte::agrilocal {

struct MappedProduct {
    const Element* element = nullptr;
    std::optional<Problem> problem;  // set: the product is a reject
    sdk::OfferRecord offer;
};

struct MappedSupplier {
    std::optional<Problem> problem;  // set: the supplier and every product of it are rejects
    sdk::ProducerRecord producer;
    std::vector<MappedProduct> products;
    std::vector<Problem> warnings;
};

// `site` as for consultations: it prefixes offer ids, since one source may read several sites.
MappedSupplier mapSupplier(const Element& supplier, const Names& names, const std::string& site);

}  // namespace recolte::agrilocal
