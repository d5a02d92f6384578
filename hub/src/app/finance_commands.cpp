// The finance commands: `recolte hash-token` (the SHA-256 to put in auth.tokens, from a token read
// on standard input, so it never shows in a shell history or a process list) and `recolte invoices
// export` (the accounting CSV of GET /api/v1/invoices/export.csv, into a file or standard output).
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>

#include "api/auth.hpp"
#include "app/commands.hpp"
#include "app/runtime.hpp"
#include "publish/invoice_csv.hpp"
#include "recolte/sdk/text.hpp"
#include "store/store.hpp"

namespace recolte::app {

namespace {

constexpr const char* kHashTokenHelp =
    "usage: recolte hash-token < TOKEN_FILE\n\n"
    "Reads a token on standard input (one trailing line break is ignored) and prints its SHA-256 in\n"
    "hexadecimal, to put in the configuration:\n\n"
    "  auth:\n    tokens:\n      - {name: compta-ccas, roles: [finance], sha256: <what this prints>}\n\n"
    "The token itself is never written anywhere by the hub.\n";

constexpr const char* kInvoicesHelp =
    "usage: recolte invoices export --config FILE [--out FILE] [--seller S] [--buyer B]\n"
    "                               [--service-code CODE] [--status STATUS] [--from DATE] [--to DATE]\n\n"
    "Writes the invoices as CSV for accounting (one row per invoice line; ';', decimal comma, UTF-8\n"
    "BOM, as GET /api/v1/invoices/export.csv), to FILE or to standard output.\n\n"
    "  --seller, --buyer   a SIRET (14 digits) or words of the name\n"
    "  --service-code      the buyer's Chorus Pro service code (BT-10)\n"
    "  --status            a Chorus Pro status (MISE_A_DISPOSITION, MANDATEE...)\n"
    "  --from, --to        issue dates, YYYY-MM-DD, both included\n";

int usageError(const std::string& command, const std::string& message) {
    std::cerr << "recolte " << command << ": " << message << "\nTry 'recolte " << command << " --help'.\n";
    return kExitUsage;
}

}  // namespace

int runHashToken(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--help" || a == "-h") {
            std::cout << kHashTokenHelp;
            return kExitOk;
        }
        return usageError("hash-token", "unexpected argument \"" + a + "\" (the token is read on standard input)");
    }
    std::string token((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
    if (!token.empty() && token.back() == '\n') token.pop_back();
    if (!token.empty() && token.back() == '\r') token.pop_back();
    if (token.empty()) return usageError("hash-token", "no token on standard input");
    std::cout << api::hashToken(token) << "\n";
    return kExitOk;
}

int runInvoices(int argc, char** argv) {
    if (argc >= 2 && (std::string(argv[1]) == "--help" || std::string(argv[1]) == "-h")) {
        std::cout << kInvoicesHelp;
        return kExitOk;
    }
    if (argc < 2 || std::string(argv[1]) != "export") return usageError("invoices", "expected the subcommand: export");
    std::map<std::string, std::string> opts;
    const std::vector<std::string> known{"--config", "--out", "--seller", "--buyer", "--service-code", "--status",
                                         "--from", "--to"};
    for (int i = 2; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--help" || a == "-h") {
            std::cout << kInvoicesHelp;
            return kExitOk;
        }
        std::string value;
        if (auto eq = a.find('='); eq != std::string::npos) {
            value = a.substr(eq + 1);
            a = a.substr(0, eq);
        } else if (i + 1 < argc) {
            value = argv[++i];
        } else {
            return usageError("invoices", a + " needs a value");
        }
        if (std::find(known.begin(), known.end(), a) == known.end())
            return usageError("invoices", "unknown option \"" + a + "\"");
        if (!opts.emplace(a, value).second) return usageError("invoices", a + " given twice");
    }
    if (!opts.count("--config")) return usageError("invoices", "--config FILE is required");
    store::InvoiceQuery q;
    q.limit = 0;
    q.seller = opts["--seller"];
    q.buyer = opts["--buyer"];
    q.service_code = opts["--service-code"];
    q.status = opts["--status"];
    for (auto [name, target] : {std::pair{"--from", &q.from}, std::pair{"--to", &q.to}}) {
        const std::string v = opts[name];
        if (v.empty()) continue;
        if (sdk::parseDate(v) != v) return usageError("invoices", std::string(name) + " expects a date YYYY-MM-DD, got \"" + v + "\"");
        *target = v;
    }
    auto rt = openRuntime(opts["--config"], true);
    if (!rt) return kExitConfig;

    const std::string out = opts["--out"];
    // Into a temporary file renamed at the end: an interrupted export never leaves half a file.
    const std::string tmp = out.empty() ? std::string() : out + ".part";
    std::ofstream file;
    if (!out.empty()) {
        file.open(tmp, std::ios::binary | std::ios::trunc);
        if (!file) {
            std::cerr << "recolte invoices export: cannot write " << tmp << "\n";
            return kExitConfig;
        }
    }
    std::ostream& sink = out.empty() ? std::cout : file;
    int64_t invoices = 0;
    sink << publish::invoiceCsvHeader();
    rt->store->eachInvoice(q, [&](const std::string& doc) {
        sink << publish::invoiceCsvRows(doc);
        ++invoices;
    });
    sink.flush();
    if (!out.empty()) {
        file.close();
        std::error_code ec;
        if (!file || (std::filesystem::rename(tmp, out, ec), ec)) {
            std::cerr << "recolte invoices export: cannot write " << out << (ec ? ": " + ec.message() : "") << "\n";
            std::filesystem::remove(tmp, ec);
            return kExitSoftware;
        }
        std::cerr << out << ": " << invoices << " invoice(s)\n";
    }
    return kExitOk;
}

}  // namespace recolte::app
