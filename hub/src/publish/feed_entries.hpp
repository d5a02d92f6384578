// What one change of the store's log says in the Atom feed, in French: a new offer, a price that
// moved (old -> new), an offer or a need withdrawn, a new need.
#pragma once

#include <optional>
#include <string>

#include "publish/atom_feed.hpp"
#include "store/store.hpp"

namespace recolte::publish {

// "tag:recolte,2026:change/<seq>": the change log's sequence is the store's, so every hub instance
// sharing a store gives the same entry the same id.
std::string changeEntryId(int64_t seq);

// `doc` is the record's current JSON document (offer or need) when it still exists: it adds the
// producer, the unit and the unit price to what the change log keeps. `base` is the hub's public
// address, for the link to the record's page.
AtomEntry feedEntry(const store::ChangeEntry& change, const std::optional<std::string>& doc, const std::string& base);

}  // namespace recolte::publish
