// sync, connectors, check-config.
#include <Poco/Util/Application.h>
#include <Poco/Util/HelpFormatter.h>
#include <Poco/Util/Option.h>
#include <Poco/Util/OptionException.h>
#include <Poco/Util/OptionSet.h>

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <iostream>

#include "app/commands.hpp"
#include "app/runtime.hpp"
#include "recolte/sdk/options.hpp"
#include "sync/sync_engine.hpp"
#include "sync/transport_options.hpp"

namespace recolte::app {

using Poco::Util::Option;
using Poco::Util::OptionSet;

const std::vector<CommandInfo>& commands() {
    static const std::vector<CommandInfo> all{
        {"serve", "--config FILE [--port N] [--bind ADDR] [--daemon --pidfile FILE]",
         "sync every source, then serve the catalogue and the JSON API over HTTP"},
        {"sync", "--config FILE [SOURCE...]", "sync sources once in the foreground, with a summary per source"},
        {"connectors", "[--describe] [--plugins DIR | --config FILE]", "list the loaded connectors and their options"},
        {"check-config", "--config FILE", "validate a configuration without running it"},
        {"invoice", "new FILE.yaml --out DIR", "build an invoice Chorus Pro accepts (UBL and CII) from a short description"},
        {"hash-token", "< TOKEN", "print the SHA-256 of a token read on standard input (for auth.tokens)"},
        {"invoices", "export --config FILE [--out FILE] [filters]", "export invoices as CSV for accounting"},
        {"new-connector", "NAME [--dir DIR]", "write a working connector skeleton in DIR/NAME (docs/connectors.md)"},
        {"connector-test", "PLUGIN.so --config acceptance.yaml [--schemas DIR] [--write-expected]",
         "run the acceptance kit on a connector plugin"},
        {"migrate-store", "--from STORE --to STORE [--password-env NAME] [--replace]",
         "copy a hub's store between SQLite and PostgreSQL (data, history, rejects), counts checked"},
    };
    return all;
}

namespace {

const CommandInfo& info(const std::string& name) {
    for (const auto& c : commands())
        if (c.name == name) return c;
    return commands().front();
}

class CommandApp : public Poco::Util::Application {
public:
    explicit CommandApp(std::string command) : command_(std::move(command)) { setUnixOptions(true); }

protected:
    void defineOptions(OptionSet& options) override {
        options.addOption(Option("help", "h", "print this help").callback(
            Poco::Util::OptionCallback<CommandApp>(this, &CommandApp::onHelp)));
        options.addOption(Option("config", "c", "the YAML configuration file")
                                  .argument("FILE")
                                  .repeatable(false)
                                  .callback(Poco::Util::OptionCallback<CommandApp>(this, &CommandApp::onConfig)));
        if (command_ == "connectors") {
            options.addOption(Option("describe", "d", "print every option each connector declares")
                                  .callback(Poco::Util::OptionCallback<CommandApp>(this, &CommandApp::onDescribe)));
            options.addOption(Option("plugins", "p", "the plugin folder (default: next to the binary)")
                                  .argument("DIR")
                                  .repeatable(false)
                                  .callback(Poco::Util::OptionCallback<CommandApp>(this, &CommandApp::onPlugins)));
        }
    }

    int main(const std::vector<std::string>& args) override {
        if (help_) {
            Poco::Util::HelpFormatter help(options());
            help.setCommand("recolte " + command_);
            help.setUsage(info(command_).usage);
            help.setHeader(info(command_).summary);
            help.setUnixStyle(true);
            help.format(std::cout);
            return kExitOk;
        }
        if (command_ == "connectors") return connectors(args);
        if (configPath_.empty()) {
            std::cerr << "recolte " << command_ << ": --config FILE is required\n";
            return kExitUsage;
        }
        if (command_ == "check-config") return checkConfig(args);
        return sync(args);
    }

private:
    void onHelp(const std::string&, const std::string&) {
        help_ = true;
        stopOptionsProcessing();
    }
    void onConfig(const std::string&, const std::string& v) { configPath_ = v; }
    void onDescribe(const std::string&, const std::string&) { describe_ = true; }
    void onPlugins(const std::string&, const std::string& v) { pluginDir_ = v; }

    int connectors(const std::vector<std::string>& args) {
        if (!args.empty()) {
            std::cerr << "recolte connectors: unexpected argument \"" << args.front() << "\"\n";
            return kExitUsage;
        }
        setupLogging("warn");
        std::string dir = pluginDir_;
        if (dir.empty() && !configPath_.empty()) {
            auto loaded = config::loadConfig(configPath_);
            for (const auto& e : loaded.errors) std::cerr << "error: " << e << "\n";
            if (!loaded.errors.empty()) return kExitConfig;
            dir = loaded.config.plugins_dir;
        }
        registry::PluginRegistry registry;
        loadPlugins(registry, dir, true);
        std::cout << "plugin folder: " << (dir.empty() ? defaultPluginDir() : dir) << "\n";
        if (describe_)
            std::cout << "options of every source (besides name, connector, path | url, every):\n"
                      << sdk::describeOptions(sync::transportOptionSpecs()) << "\n";
        for (const auto& name : registry.names()) {
            const auto* i = registry.info(name);
            const auto* d = registry.description(name);
            std::cout << name << " " << i->version << "  " << d->summary << "\n";
            if (!describe_) continue;
            std::cout << "  file: " << i->path << "\n  built with: SDK " << i->sdk_version << ", ABI " << i->abi_version
                      << ", " << i->compiler_id << "\n  streams:";
            for (const auto& s : d->streams) std::cout << " " << sdk::toString(s.stream);
            std::cout << "\n  options (besides those of every source):\n"
                      << sdk::describeOptions(d->options) << "\n";
        }
        for (const auto& f : registry.failures()) std::cout << "not loaded: " << f.path << ": " << f.reason << "\n";
        return kExitOk;
    }

    int checkConfig(const std::vector<std::string>& args) {
        if (!args.empty()) {
            std::cerr << "recolte check-config: unexpected argument \"" << args.front() << "\"\n";
            return kExitUsage;
        }
        auto rt = openRuntime(configPath_, false);
        if (!rt) return kExitConfig;
        std::cout << configPath_ << ": OK, " << rt->config.sources.size() << " source(s): ";
        for (size_t i = 0; i < rt->config.sources.size(); ++i)
            std::cout << (i ? ", " : "") << rt->config.sources[i].name << " (" << rt->config.sources[i].connector << ")";
        std::cout << "\n";
        return kExitOk;
    }

    int sync(const std::vector<std::string>& args) {
        auto rt = openRuntime(configPath_, true);
        if (!rt) return kExitConfig;
        std::vector<const config::SourceConfig*> selected;
        for (const auto& name : args) {
            const config::SourceConfig* found = nullptr;
            for (const auto& s : rt->config.sources)
                if (s.name == name) found = &s;
            if (!found) {
                std::string list;
                for (const auto& s : rt->config.sources) list += (list.empty() ? "" : ", ") + s.name;
                std::cerr << "recolte sync: no source named \"" << name << "\"; sources are: " << list << "\n";
                return kExitUsage;
            }
            selected.push_back(found);
        }
        if (args.empty())
            for (const auto& s : rt->config.sources) selected.push_back(&s);

        sync::SyncEngine engine(*rt->store, rt->registry);
        engine.isolate(sync::selfWorkerCommand(rt->config.file), rt->config.sync_defaults);
        const bool tty = isatty(STDERR_FILENO);
        int failed = 0;
        for (const auto* src : selected) {
            auto lastPrint = std::chrono::steady_clock::now();
            auto progress = [&](const sync::Progress& p) {
                auto now = std::chrono::steady_clock::now();
                if (now - lastPrint < std::chrono::milliseconds(tty ? 200 : 5000)) return;
                lastPrint = now;
                std::string pct = p.total ? " (" + std::to_string(p.done * 100 / p.total) + " %)" : "";
                std::fprintf(stderr, "%s%s: %lld records read%s%s", tty ? "\r" : "", p.source.c_str(),
                             static_cast<long long>(p.records), pct.c_str(), tty ? "   " : "\n");
                std::fflush(stderr);
            };
            model::SyncRun run = engine.syncSource(*src, progress);
            if (tty) std::fprintf(stderr, "\r\033[K");
            const auto& c = run.counts;
            std::printf("%s: %s — read %lld, accepted %lld, rejected %lld, added %lld, changed %lld, removed %lld, "
                        "unchanged %lld, %.2f s\n",
                        run.source.c_str(), run.outcome.c_str(), (long long)c.read, (long long)c.accepted,
                        (long long)c.rejected, (long long)c.added, (long long)c.changed, (long long)c.removed,
                        (long long)c.unchanged, run.duration_seconds);
            if (run.outcome != "ok") {
                std::printf("%s: error: %s\n", run.source.c_str(), run.error.c_str());
                failed += run.outcome != "skipped";  // another instance is syncing it: not a failure
            }
            std::fflush(stdout);
        }
        return failed ? kExitSyncFailed : kExitOk;
    }

    std::string command_;
    bool help_ = false;
    bool describe_ = false;
    std::string configPath_;
    std::string pluginDir_;
};

}  // namespace

int runCommand(const std::string& name, int argc, char** argv) {
    CommandApp app(name);
    try {
        app.init(argc, argv);
    } catch (const Poco::Exception& e) {
        std::cerr << "recolte " << name << ": " << e.displayText() << "\nTry 'recolte " << name << " --help'.\n";
        return kExitUsage;
    }
    return app.run();
}

}  // namespace recolte::app
