#include "app/runtime.hpp"

#include "config/store_options.hpp"

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <filesystem>
#include <iostream>

namespace recolte::app {

void setupLogging(const std::string& level) {
    static bool done = false;
    if (!done) {
        auto logger = spdlog::stderr_color_mt("recolte");
        spdlog::set_default_logger(logger);
        spdlog::set_pattern("%Y-%m-%dT%H:%M:%S.%e %^%l%$ [%n] %v");
        done = true;
    }
    spdlog::set_level(spdlog::level::from_str(level));
}

std::string defaultPluginDir() {
    std::error_code ec;
    auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (ec) return "lib/recolte/plugins";
    return (exe.parent_path().parent_path() / "lib" / "recolte" / "plugins").lexically_normal().string();
}

void loadPlugins(registry::PluginRegistry& registry, const std::string& dir, bool quiet) {
    registry.loadDirectory(dir.empty() ? defaultPluginDir() : dir);
    if (quiet) return;
    for (const auto& f : registry.failures()) spdlog::warn("plugin skipped: {}: {}", f.path, f.reason);
}

std::unique_ptr<Runtime> openRuntime(const std::string& configPath, bool withStore, int portOverride) {
    auto rt = std::make_unique<Runtime>();
    auto loaded = config::loadConfig(configPath);
    if (!loaded.errors.empty()) {
        for (const auto& e : loaded.errors) std::cerr << "error: " << e << "\n";
        std::cerr << loaded.errors.size() << " error(s) in " << configPath << "\n";
        return nullptr;
    }
    rt->config = std::move(loaded.config);
    if (portOverride >= 0) rt->config.http_port = portOverride;
    setupLogging(rt->config.log_level);
    loadPlugins(rt->registry, rt->config.plugins_dir);
    auto errors = config::checkSources(rt->config, rt->registry);
    if (!errors.empty()) {
        for (const auto& e : errors) std::cerr << "error: " << e << "\n";
        std::cerr << errors.size() << " error(s) in " << configPath << "\n";
        return nullptr;
    }
    if (withStore) {
        try {
            auto options = config::storeOptions(rt->config);
            if (!options) throw std::runtime_error(options.error().describe());
            rt->store = store::openStore(options.value());
        } catch (const std::exception& e) {
            std::cerr << "error: " << e.what() << "\n";
            return nullptr;
        }
    }
    return rt;
}

}  // namespace recolte::app
