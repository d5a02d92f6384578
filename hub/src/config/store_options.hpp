// The store's options from the configuration and the environment: the PostgreSQL password is
// read from the variable that store.password_env names, at the moment the store opens.
#pragma once

#include "config/config.hpp"
#include "recolte/sdk/expected.hpp"
#include "store/store.hpp"
#include "sync/transport_options.hpp"

namespace recolte::config {

// A config error naming store.password_env when that variable is not set.
sdk::Expected<store::StoreOptions> storeOptions(const Config& cfg, const sync::EnvLookup& lookupEnv = sync::processEnv);

}  // namespace recolte::config
