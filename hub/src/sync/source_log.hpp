// One spdlog logger per source, named after it, handed to plugins through sdk::Log.
#pragma once

#include <memory>
#include <string>

#include <spdlog/spdlog.h>

#include "recolte/sdk/transport.hpp"

namespace recolte::sync {

std::shared_ptr<spdlog::logger> sourceLogger(const std::string& source);

class SourceLog : public sdk::Log {
public:
    explicit SourceLog(const std::string& source) : logger_(sourceLogger(source)) {}
    void debug(const std::string& msg) override { logger_->debug(msg); }
    void info(const std::string& msg) override { logger_->info(msg); }
    void warn(const std::string& msg) override { logger_->warn(msg); }
    void error(const std::string& msg) override { logger_->error(msg); }

private:
    std::shared_ptr<spdlog::logger> logger_;
};

}  // namespace recolte::sync
