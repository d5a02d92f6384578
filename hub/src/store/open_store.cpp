// openStore: the engine the configuration names, behind the one SQL store.
#include <Poco/Exception.h>

#include <filesystem>
#include <stdexcept>

#include "store/sql_engine.hpp"
#include "store/store.hpp"

namespace recolte::store {

std::unique_ptr<Store> openStore(const StoreOptions& options) {
    if (!options.postgresql.empty()) {
        try {
            return openSqlStore(postgresqlEngine(options.postgresql, options.postgresql_password));
        } catch (const Poco::Exception& e) {
            throw std::runtime_error("cannot open the PostgreSQL store: " + e.displayText());
        }
    }
    if (options.sqlite_path.empty())
        throw std::runtime_error("no store configured: set store: {sqlite: PATH} or store: {postgresql: CONNINFO}");
    try {
        return openSqlStore(sqliteEngine(options.sqlite_path));
    } catch (const Poco::Exception& e) {
        throw std::runtime_error("cannot open the SQLite store " + options.sqlite_path + ": " + e.displayText());
    } catch (const std::filesystem::filesystem_error& e) {
        throw std::runtime_error("cannot open the SQLite store " + options.sqlite_path + ": " + e.what());
    }
}

}  // namespace recolte::store
