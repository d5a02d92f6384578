// The recolte commands. `serve` is a Poco ServerApplication (so --daemon and --pidfile work);
// the others are plain Poco Applications. Each declares its own options and prints its --help.
#pragma once

#include <string>
#include <vector>

namespace recolte::app {

struct CommandInfo {
    std::string name;
    std::string usage;    // after "recolte NAME"
    std::string summary;
};

const std::vector<CommandInfo>& commands();

int runServe(int argc, char** argv);     // argv[0] = "recolte serve"
int runCommand(const std::string& name, int argc, char** argv);  // sync, connectors, check-config
int runInvoice(int argc, char** argv);   // argv[0] = "recolte invoice"; verb "new"
int runHashToken(int argc, char** argv);  // argv[0] = "recolte hash-token"
int runInvoices(int argc, char** argv);   // argv[0] = "recolte invoices", argv[1] = "export"
int runConnectorTest(int argc, char** argv);  // argv[0] = "recolte connector-test"
int runNewConnector(int argc, char** argv);   // argv[0] = "recolte new-connector"
int runMigrateStore(int argc, char** argv);   // argv[0] = "recolte migrate-store"
int runSyncWorker(int argc, char** argv);     // hidden: the child of one isolated sync

}  // namespace recolte::app
