// Pieces of the sources pages: how often a source syncs, its last run, in words.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "model/catalog.hpp"
#include "store/store.hpp"

namespace recolte::publish {

// "toutes les 15 min", "toutes les heures", "tous les jours".
std::string everyText(int64_t seconds);
// The last sync of a source, or nullopt when it never ran.
std::optional<model::SyncRun> lastRun(store::Store& store, const std::string& source);
// "Réussie" / "Échec" as a badge.
std::string outcomeBadge(const model::SyncRun& run);

}  // namespace recolte::publish
