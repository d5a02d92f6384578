// new-connector and connector-test: the connector developer's commands (docs/connectors.md).
#include <Poco/Util/Application.h>
#include <Poco/Util/HelpFormatter.h>
#include <Poco/Util/Option.h>
#include <Poco/Util/OptionSet.h>

#include <iostream>
#include <map>

#include "app/commands.hpp"
#include "app/runtime.hpp"
#include "kit/acceptance_kit.hpp"
#include "scaffold/scaffold.hpp"

namespace recolte::app {

using Poco::Util::Option;
using Poco::Util::OptionCallback;
using Poco::Util::OptionSet;

namespace {

// A command with --help and named options; subclasses add theirs and implement execute().
class DeveloperCommand : public Poco::Util::Application {
public:
    explicit DeveloperCommand(std::string name) : name_(std::move(name)) { setUnixOptions(true); }

protected:
    void defineOptions(OptionSet& options) override {
        options.addOption(Option("help", "h", "print this help").callback(OptionCallback<DeveloperCommand>(this, &DeveloperCommand::onHelp)));
        for (const auto& o : extraOptions()) {
            Option option(o.name, "", o.description);
            option.repeatable(false).callback(OptionCallback<DeveloperCommand>(this, &DeveloperCommand::onOption));
            if (!o.argument.empty()) option.argument(o.argument);
            options.addOption(option);
        }
    }

    struct Extra {
        std::string name, argument, description;
    };
    virtual std::vector<Extra> extraOptions() const = 0;
    virtual int execute(const std::vector<std::string>& args) = 0;

    int main(const std::vector<std::string>& args) override {
        if (help_) {
            for (const auto& c : commands()) {
                if (c.name != name_) continue;
                Poco::Util::HelpFormatter help(options());
                help.setCommand("recolte " + name_);
                help.setUsage(c.usage);
                help.setHeader(c.summary);
                help.setUnixStyle(true);
                help.format(std::cout);
            }
            return kExitOk;
        }
        return execute(args);
    }

    std::string value(const std::string& name) const {
        auto it = values_.find(name);
        return it == values_.end() ? std::string() : it->second;
    }
    bool given(const std::string& name) const { return values_.count(name) > 0; }
    int usage(const std::string& message) const {
        std::cerr << "recolte " << name_ << ": " << message << "\nTry 'recolte " << name_ << " --help'.\n";
        return kExitUsage;
    }

private:
    void onHelp(const std::string&, const std::string&) {
        help_ = true;
        stopOptionsProcessing();
    }
    void onOption(const std::string& name, const std::string& v) { values_[name] = v; }

    std::string name_;
    bool help_ = false;
    std::map<std::string, std::string> values_;
};

class NewConnectorCommand : public DeveloperCommand {
public:
    NewConnectorCommand() : DeveloperCommand("new-connector") {}

protected:
    std::vector<Extra> extraOptions() const override {
        return {{"dir", "DIR", "where to create the NAME folder (default: the current folder)"}};
    }

    int execute(const std::vector<std::string>& args) override {
        if (args.size() != 1) return usage("expected one NAME, e.g. recolte new-connector marche_saint_girons");
        const std::string dir = given("dir") ? value("dir") : ".";
        auto written = scaffold::writeConnector(args[0], dir);
        if (!written) {
            std::cerr << "recolte new-connector: " << written.error().describe() << "\n";
            return written.error().kind == sdk::ErrorKind::Config ? kExitUsage : kExitSoftware;
        }
        for (const auto& f : *written) std::cout << "wrote " << f << "\n";
        std::cout << "\nnext: build it against this hub, then run the acceptance kit on it (docs/connectors.md):\n"
                  << "  cmake -S " << dir << "/" << args[0] << " -B build-" << args[0]
                  << " -DCMAKE_PREFIX_PATH=<where recolte is installed>\n"
                  << "  cmake --build build-" << args[0] << "\n"
                  << "  recolte connector-test build-" << args[0] << "/lib" << args[0] << ".so --config " << dir << "/"
                  << args[0] << "/acceptance.yaml\n";
        return kExitOk;
    }
};

class ConnectorTestCommand : public DeveloperCommand {
public:
    ConnectorTestCommand() : DeveloperCommand("connector-test") {}

protected:
    std::vector<Extra> extraOptions() const override {
        return {{"config", "FILE", "the connector's acceptance.yaml"},
                {"schemas", "DIR", "validate against the *.schema.json of DIR (default: those built into this hub)"},
                {"write-expected", "", "(re)write the expected-records file from this read instead of comparing"}};
    }

    int execute(const std::vector<std::string>& args) override {
        if (args.size() != 1) return usage("expected one PLUGIN.so");
        if (!given("config")) return usage("--config acceptance.yaml is required");
        setupLogging("error");  // the connector's own log lines would drown the report
        kit::KitOptions options;
        options.schema_dir = value("schemas");
        options.write_expected = given("write-expected");
        const auto results = kit::runAcceptance(args[0], value("config"), options);
        int failed = 0, skipped = 0;
        for (const auto& r : results) {
            std::cout << kit::toString(r.outcome) << " " << r.name << ": " << r.detail << "\n";
            failed += r.outcome == kit::Outcome::Fail;
            skipped += r.outcome == kit::Outcome::Skip;
        }
        std::cout << "\n" << args[0] << ": " << results.size() - failed - skipped << " passed, " << failed << " failed, "
                  << skipped << " skipped (each skip says why)\n";
        return failed ? kExitSyncFailed : kExitOk;
    }
};

template <typename Command>
int runDeveloperCommand(const char* name, int argc, char** argv) {
    Command app;
    try {
        app.init(argc, argv);
    } catch (const Poco::Exception& e) {
        std::cerr << "recolte " << name << ": " << e.displayText() << "\nTry 'recolte " << name << " --help'.\n";
        return kExitUsage;
    }
    return app.run();
}

}  // namespace

int runNewConnector(int argc, char** argv) { return runDeveloperCommand<NewConnectorCommand>("new-connector", argc, argv); }
int runConnectorTest(int argc, char** argv) {
    return runDeveloperCommand<ConnectorTestCommand>("connector-test", argc, argv);
}

}  // namespace recolte::app
