// recolte serve: a Poco ServerApplication (so --daemon, --pidfile and --umask work) that syncs
// every source on its schedule and serves the API.
#include <Poco/ConsoleChannel.h>
#include <Poco/Logger.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Util/HelpFormatter.h>
#include <Poco/Util/Option.h>
#include <Poco/Util/OptionSet.h>
#include <Poco/Util/ServerApplication.h>

#include <spdlog/spdlog.h>

#include <filesystem>
#include <iostream>

#include "api/api_context.hpp"
#include "api/auth.hpp"
#include "api/auth_throttle.hpp"
#include "api/router.hpp"
#include "app/commands.hpp"
#include "app/runtime.hpp"
#include "app/served_sources.hpp"
#include "sync/scheduler.hpp"
#include "sync/sync_engine.hpp"

namespace recolte::app {

namespace {

using Poco::Util::Option;
using Poco::Util::OptionCallback;
using Poco::Util::OptionSet;

class ServeApp : public Poco::Util::ServerApplication {
public:
    ServeApp() {
        setUnixOptions(true);
        Poco::Logger::root().setChannel(new Poco::ConsoleChannel(std::cerr));
    }

protected:
    void defineOptions(OptionSet& options) override {
        ServerApplication::defineOptions(options);  // --daemon, --pidfile, --umask
        options.addOption(Option("help", "h", "print this help").callback(OptionCallback<ServeApp>(this, &ServeApp::onHelp)));
        options.addOption(Option("config", "c", "the YAML configuration file")
                              .argument("FILE")
                              .repeatable(false)
                              .callback(OptionCallback<ServeApp>(this, &ServeApp::onConfig)));
        options.addOption(Option("port", "p", "HTTP port (overrides http.port; 0 = any free port)")
                              .argument("N")
                              .repeatable(false)
                              .callback(OptionCallback<ServeApp>(this, &ServeApp::onPort)));
        options.addOption(Option("bind", "b", "address to listen on (overrides http.bind)")
                              .argument("ADDR")
                              .repeatable(false)
                              .callback(OptionCallback<ServeApp>(this, &ServeApp::onBind)));
    }

    int main(const std::vector<std::string>& args) override {
        if (help_) {
            Poco::Util::HelpFormatter help(options());
            help.setCommand("recolte serve");
            help.setUsage(commands().front().usage);
            help.setHeader(commands().front().summary);
            help.setUnixStyle(true);
            help.format(std::cout);
            return kExitOk;
        }
        if (!args.empty()) {
            std::cerr << "recolte serve: unexpected argument \"" << args.front() << "\"\n";
            return kExitUsage;
        }
        if (badPort_) {
            std::cerr << "recolte serve: --port expects a number from 0 to 65535\n";
            return kExitUsage;
        }
        if (configPath_.empty()) {
            std::cerr << "recolte serve: --config FILE is required\n";
            return kExitUsage;
        }
        auto rt = openRuntime(configPath_, true, port_);
        if (!rt) return kExitConfig;
        if (!bind_.empty()) rt->config.http_bind = bind_;

        api::Metrics metrics;
        const api::Authenticator auth(rt->config.auth_tokens);
        const auto& limits = rt->config.http_limits;
        api::AuthThrottle throttle({limits.auth_free_failures, std::chrono::seconds(limits.auth_max_delay_seconds)});
        // The scheduler exists before the server, so that the admin routes can queue syncs.
        sync::SyncEngine engine(*rt->store, rt->registry);
        engine.isolate(sync::selfWorkerCommand(rt->config.file), rt->config.sync_defaults);
        sync::Scheduler scheduler(engine, rt->config.sources,
                                  [&metrics](const model::SyncRun& run) { metrics.countSync(run.outcome); });
        api::ApiContext ctx{*rt->store,
                            servedSources(rt->config, rt->registry),
                            metrics,
                            &auth,
                            rt->config.invoices_local_km,
                            limits,
                            &throttle,
                            [&scheduler](const std::string& source) { return queueSync(scheduler, source); }};

        std::unique_ptr<Poco::Net::HTTPServer> server;
        try {
            Poco::Net::ServerSocket socket(Poco::Net::SocketAddress(rt->config.http_bind, static_cast<Poco::UInt16>(rt->config.http_port)));
            auto* params = new Poco::Net::HTTPServerParams;
            params->setMaxThreads(16);
            params->setMaxQueued(256);
            params->setKeepAlive(true);
            server = std::make_unique<Poco::Net::HTTPServer>(new api::Router(ctx), socket, params);
            server->start();
            spdlog::info("listening on http://{}:{}/", rt->config.http_bind, socket.address().port());
        } catch (const Poco::Exception& e) {
            std::cerr << "error: cannot listen on " << rt->config.http_bind << ":" << rt->config.http_port << ": "
                      << e.displayText() << "\n";
            return kExitConfig;
        }

        scheduler.start();
        waitForTerminationRequest();
        spdlog::info("stopping");
        server->stopAll(true);  // first: a request may still queue a sync
        scheduler.stop();
        return kExitOk;
    }

private:
    void onHelp(const std::string&, const std::string&) {
        help_ = true;
        stopOptionsProcessing();
    }
    // Absolute now: --daemon changes directory to / after reading the options.
    void onConfig(const std::string&, const std::string& v) { configPath_ = std::filesystem::absolute(v).string(); }
    void onPort(const std::string&, const std::string& v) {
        try {
            size_t used = 0;
            int p = std::stoi(v, &used);
            if (used != v.size() || p < 0 || p > 65535) throw std::out_of_range(v);
            port_ = p;
        } catch (const std::exception&) {
            badPort_ = true;
        }
    }
    void onBind(const std::string&, const std::string& v) { bind_ = v; }

    bool help_ = false;
    bool badPort_ = false;
    std::string configPath_;
    std::string bind_;
    int port_ = -1;
};

}  // namespace

int runServe(int argc, char** argv) {
    ServeApp app;
    return app.run(argc, argv);
}

}  // namespace recolte::app
