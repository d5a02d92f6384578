#include "sync/source_log.hpp"

#include <mutex>

namespace recolte::sync {

std::shared_ptr<spdlog::logger> sourceLogger(const std::string& source) {
    static std::mutex mutex;
    std::lock_guard lock(mutex);
    const std::string name = "source." + source;
    if (auto existing = spdlog::get(name)) return existing;
    // Same sinks as the default logger, so --log settings apply to every source.
    auto def = spdlog::default_logger();
    auto logger = std::make_shared<spdlog::logger>(name, def->sinks().begin(), def->sinks().end());
    logger->set_level(def->level());
    spdlog::register_logger(logger);
    return logger;
}

}  // namespace recolte::sync
