#include "invoice/invoice_files.hpp"

#include <filesystem>
#include <fstream>

#include "invoice/invoice_writers.hpp"

namespace recolte::invoice {

namespace fs = std::filesystem;

std::string invoiceFileStem(const std::string& number) {
    std::string out;
    for (const char c : number) {
        const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                          c == '_' || c == '.';
        out += keep ? c : '_';
    }
    if (out.empty() || out.find_first_not_of('.') == std::string::npos) out = "facture" + out;
    return out;
}

namespace {

sdk::Status writeAtomically(const fs::path& path, const std::string& bytes) {
    const fs::path tmp = path.string() + ".tmp";
    {
        std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
        f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        if (!f.good()) return sdk::systemError("écriture impossible", tmp.string());
    }
    std::error_code ec;
    fs::rename(tmp, path, ec);
    if (ec) return sdk::systemError("renommage impossible : " + ec.message(), path.string());
    return sdk::Status::success();
}

}  // namespace

sdk::Expected<WrittenFiles> writeInvoiceFiles(const sdk::InvoiceRecord& invoice, const std::string& dir) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) return sdk::systemError("dossier impossible à créer : " + ec.message(), dir);
    const std::string stem = invoiceFileStem(invoice.number);
    WrittenFiles files{(fs::path(dir) / (stem + ".ubl.xml")).string(), (fs::path(dir) / (stem + ".cii.xml")).string()};
    if (auto s = writeAtomically(files.ubl, writeUbl(invoice)); !s) return s.error();
    if (auto s = writeAtomically(files.cii, writeCii(invoice)); !s) return s.error();
    return files;
}

}  // namespace recolte::invoice
