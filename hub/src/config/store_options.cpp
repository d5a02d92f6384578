#include "config/store_options.hpp"

namespace recolte::config {

sdk::Expected<store::StoreOptions> storeOptions(const Config& cfg, const sync::EnvLookup& lookupEnv) {
    store::StoreOptions options;
    options.sqlite_path = cfg.sqlite_path;
    options.postgresql = cfg.postgresql;
    if (!cfg.postgresql_password_env.empty()) {
        auto password = lookupEnv ? lookupEnv(cfg.postgresql_password_env) : std::nullopt;
        if (!password)
            return sdk::configError("store.password_env: the environment variable " + cfg.postgresql_password_env +
                                        " is not set",
                                    cfg.file);
        options.postgresql_password = *password;
    }
    return options;
}

}  // namespace recolte::config
