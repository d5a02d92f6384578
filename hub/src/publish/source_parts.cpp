#include "publish/source_parts.hpp"

#include "publish/html.hpp"
#include "publish/vocabulary_fr.hpp"

namespace recolte::publish {

std::string everyText(int64_t seconds) {
    if (seconds <= 0) return "au démarrage seulement";
    if (seconds % 86400 == 0) return seconds == 86400 ? "tous les jours" : "tous les " + std::to_string(seconds / 86400) + " jours";
    if (seconds % 3600 == 0) return seconds == 3600 ? "toutes les heures" : "toutes les " + std::to_string(seconds / 3600) + " h";
    if (seconds % 60 == 0) return "toutes les " + std::to_string(seconds / 60) + " min";
    return "toutes les " + std::to_string(seconds) + " s";
}

std::optional<model::SyncRun> lastRun(store::Store& store, const std::string& source) {
    for (const auto& s : store.sources())
        if (s.name == source) return s.last_run;
    return std::nullopt;
}

std::string outcomeBadge(const model::SyncRun& run) {
    const bool ok = run.outcome == "ok";
    return std::string("<span class=\"badge ") + (ok ? "ok" : "failed") + "\">" + esc(outcomeName(run.outcome)) + "</span>";
}

}  // namespace recolte::publish
