// recolte COMMAND [OPTIONS]: dispatches to the command's own Poco application.
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include "app/commands.hpp"
#include "recolte/sdk/abi.hpp"

namespace {

void usage(std::ostream& out) {
    out << "Récolte: one catalogue of the local-food platforms of Occitanie.\n\n"
        << "usage: recolte COMMAND [OPTIONS]\n\ncommands:\n";
    for (const auto& c : recolte::app::commands())
        out << "  " << c.name << std::string(16 - std::min<size_t>(15, c.name.size()), ' ') << c.summary << "\n";
    out << "\n'recolte COMMAND --help' describes each command's options.\n";
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        usage(std::cerr);
        return 64;
    }
    const std::string cmd = argv[1];
    if (cmd == "--help" || cmd == "-h" || cmd == "help") {
        usage(std::cout);
        return 0;
    }
    if (cmd == "--version" || cmd == "version") {
        std::cout << "recolte " << RECOLTE_SDK_VERSION << " (connector ABI " << RECOLTE_SDK_ABI_VERSION << ", "
                  << RECOLTE_COMPILER_ID << ")\n";
        return 0;
    }
    // The command's application sees "recolte COMMAND" as its program name and the rest as options.
    std::string program = std::string(argv[0]) + " " + cmd;
    std::vector<char*> args;
    args.push_back(program.data());
    for (int i = 2; i < argc; ++i) args.push_back(argv[i]);
    args.push_back(nullptr);
    const int n = argc - 1;
    if (cmd == "serve") return recolte::app::runServe(n, args.data());
    if (cmd == "invoice") return recolte::app::runInvoice(n, args.data());
    if (cmd == "hash-token") return recolte::app::runHashToken(n, args.data());
    if (cmd == "invoices") return recolte::app::runInvoices(n, args.data());
    if (cmd == "connector-test") return recolte::app::runConnectorTest(n, args.data());
    if (cmd == "new-connector") return recolte::app::runNewConnector(n, args.data());
    if (cmd == "migrate-store") return recolte::app::runMigrateStore(n, args.data());
    if (cmd == "sync-worker") return recolte::app::runSyncWorker(n, args.data());
    for (const auto& c : recolte::app::commands())
        if (c.name == cmd) return recolte::app::runCommand(cmd, n, args.data());
    std::cerr << "recolte: unknown command \"" << cmd << "\"\n\n";
    usage(std::cerr);
    return 64;
}
