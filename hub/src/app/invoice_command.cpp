// recolte invoice new FILE.yaml --out DIR: an invoice that Chorus Pro accepts, from a short
// description. The hub's EN 16931 and Chorus Pro checks run first; any violation refuses the
// invoice (one line per rule, nothing written).
#include <fstream>
#include <iostream>
#include <sstream>

#include "app/commands.hpp"
#include "app/runtime.hpp"
#include "invoice/invoice_draft.hpp"
#include "invoice/invoice_files.hpp"
#include "invoice/invoice_rules.hpp"

namespace recolte::app {

namespace {

void help(std::ostream& out) {
    out << "usage: recolte invoice new FILE.yaml --out DIR\n\n"
        << "Builds an invoice from a short description (docs/invoices.md, example in\n"
        << "config/examples/invoice.yaml): computes the line amounts, the VAT breakdown and the totals,\n"
        << "checks the EN 16931 rules and Chorus Pro's, then writes DIR/<number>.ubl.xml (UBL 2.1) and\n"
        << "DIR/<number>.cii.xml (UN/CEFACT CII D16B). A refused invoice prints one line per rule and\n"
        << "writes nothing (exit 1).\n\n"
        << "options:\n  --out DIR    the folder to write into (created when missing)\n  -h, --help   this help\n";
}

int fail(const std::string& message) {
    std::cerr << "recolte invoice: " << message << "\nTry 'recolte invoice --help'.\n";
    return kExitUsage;
}

int invoiceNew(const std::string& file, const std::string& outDir) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        std::cerr << file << ": fichier illisible\n";
        return kExitSyncFailed;
    }
    std::stringstream text;
    text << in.rdbuf();
    auto draft = invoice::draftFromYaml(text.str(), file);
    if (!draft) {
        std::cerr << draft.error().describe() << "\n";
        return kExitSyncFailed;
    }
    auto violations = invoice::checkEn16931(draft->invoice);
    for (auto& v : invoice::checkChorusPro(draft->invoice, draft->buyer_requires)) violations.push_back(std::move(v));
    if (!violations.empty()) {
        std::cerr << file << ": facture refusée, rien n'est écrit (" << violations.size() << " règle(s) non respectée(s)) :\n";
        for (const auto& v : violations) std::cerr << v.rule << ": " << v.message << "\n";
        return kExitSyncFailed;
    }
    auto written = invoice::writeInvoiceFiles(draft->invoice, outDir);
    if (!written) {
        std::cerr << written.error().describe() << "\n";
        return kExitSoftware;
    }
    const auto& t = draft->invoice.totals;
    std::cout << "facture " << draft->invoice.number << " (type " << draft->invoice.type_code << ", "
              << draft->invoice.lines.size() << " ligne(s))\n";
    for (const auto& b : draft->invoice.vat_breakdown)
        std::cout << "  TVA " << b.category << " " << b.rate.value_or(sdk::Decimal()).toString(0) << " % : base "
                  << b.taxable_amount.toString(2) << ", TVA " << b.tax_amount.toString(2) << "\n";
    std::cout << "  total HT " << t.tax_exclusive.toString(2) << ", TVA " << t.tax.value_or(sdk::Decimal()).toString(2)
              << ", TTC " << t.tax_inclusive.toString(2) << ", à payer " << t.payable.toString(2) << " "
              << draft->invoice.currency << "\n"
              << "écrit : " << written->ubl << "\n"
              << "écrit : " << written->cii << "\n";
    return kExitOk;
}

}  // namespace

int runInvoice(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    std::string verb, file, outDir;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "-h" || a == "--help") {
            help(std::cout);
            return kExitOk;
        }
        if (a == "--out" || a == "-o") {
            if (i + 1 >= args.size()) return fail("--out needs a folder");
            outDir = args[++i];
        } else if (a.rfind("--out=", 0) == 0) {
            outDir = a.substr(6);
        } else if (!a.empty() && a[0] == '-') {
            return fail("unknown option \"" + a + "\"");
        } else if (verb.empty()) {
            verb = a;
        } else if (file.empty()) {
            file = a;
        } else {
            return fail("unexpected argument \"" + a + "\"");
        }
    }
    if (verb != "new") return fail(verb.empty() ? "a verb is required: new" : "unknown verb \"" + verb + "\" (only: new)");
    if (file.empty()) return fail("the description file is required");
    if (outDir.empty()) return fail("--out DIR is required");
    return invoiceNew(file, outDir);
}

}  // namespace recolte::app
