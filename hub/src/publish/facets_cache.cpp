#include "publish/facets_cache.hpp"

#include <mutex>
#include <string>

namespace recolte::publish {

std::shared_ptr<const store::OfferFacets> cachedFacets(store::Store& store) {
    // Every sync, successful or not, records a run: the runs' times identify the store's state.
    std::string key = std::to_string(reinterpret_cast<uintptr_t>(&store));
    for (const auto& s : store.sources()) {
        key += '|' + s.name;
        if (s.last_run) key += '|' + s.last_run->started + '|' + s.last_run->finished;
    }
    // Runs are timed to the second; the change log's last entry tells apart two syncs in one second.
    store::ChangeQuery last;
    last.limit = 1;
    for (const auto& c : store.recentChanges(last)) key += '#' + std::to_string(c.seq);
    static std::mutex mutex;
    static std::string cachedKey;
    static std::shared_ptr<const store::OfferFacets> cached;
    std::lock_guard lock(mutex);  // one computation at a time; the others wait for its result
    if (!cached || key != cachedKey) {
        cached = std::make_shared<const store::OfferFacets>(store.offerFacets());
        cachedKey = key;
    }
    return cached;
}

}  // namespace recolte::publish
