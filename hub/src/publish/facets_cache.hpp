// The catalogue's filter choices (store::OfferFacets) are full scans of the offers: computed once
// per state of the sources and shared by every page until the next sync.
#pragma once

#include <memory>

#include "store/store.hpp"

namespace recolte::publish {

std::shared_ptr<const store::OfferFacets> cachedFacets(store::Store& store);

}  // namespace recolte::publish
