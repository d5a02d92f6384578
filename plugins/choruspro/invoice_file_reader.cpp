#include "invoice_file_reader.hpp"

#include "cii_reader.hpp"
#include "embedded_invoice.hpp"
#include "pdf_attachments.hpp"
#include "pivot_reader.hpp"
#include "recolte/sdk/json.hpp"
#include "recolte/sdk/text.hpp"
#include "recolte/sdk/xml.hpp"
#include "status_reader.hpp"
#include "ubl_reader.hpp"

namespace recolte::choruspro {

namespace {

// The line at the end of an Error's `where` ("facture.xml:41"), 0 when none.
int64_t lineOf(const sdk::Error& e) {
    const size_t colon = e.where.rfind(':');
    if (colon == std::string::npos) return 0;
    int64_t line = 0;
    for (size_t i = colon + 1; i < e.where.size(); ++i) {
        if (e.where[i] < '0' || e.where[i] > '9') return 0;
        line = line * 10 + (e.where[i] - '0');
    }
    return line;
}

// The SDK's JSON errors say "(ligne 3, colonne 14)" in their message.
int64_t lineInMessage(const std::string& message) {
    const size_t at = message.find("ligne ");
    if (at == std::string::npos) return 0;
    int64_t line = 0;
    for (size_t i = at + 6; i < message.size() && message[i] >= '0' && message[i] <= '9'; ++i) line = line * 10 + (message[i] - '0');
    return line;
}

std::string indexed(const std::string& id, size_t index, size_t count) {
    return count > 1 ? id + "#" + std::to_string(index + 1) : id;
}

}  // namespace

sdk::Location InvoiceFileReader::at(int64_t line, const std::string& element) const {
    sdk::Location where;
    where.file = blob_ ? blob_->name : "";
    where.line = line;
    where.element = element;
    return where;
}

void InvoiceFileReader::reject(int64_t line, const std::string& element, const std::string& reason,
                               const std::string& excerpt) {
    sdk::Reject r;
    r.where = at(line, element);
    r.reason = reason;
    r.excerpt = excerpt;
    sink_.reject(std::move(r));
    ++rejects_;
}

void InvoiceFileReader::rejectFile(const std::string& name, const std::string& reason) {
    sdk::Reject r;
    r.where.file = name;
    r.reason = reason;
    sink_.reject(std::move(r));
    ++rejects_;
}

void InvoiceFileReader::emit(MappedInvoice&& inv, const std::string& format, const std::string& sourceId) {
    if (inv.error) {
        const std::string number = inv.record.number.empty() ? "" : "facture " + quoted(inv.record.number) + " refusée : ";
        reject(inv.error->line, inv.error->path, number + inv.error->reason, inv.error->excerpt);
        return;
    }
    auto& r = inv.record;
    r.source_id = sourceId;
    r.source_format = format;
    const std::string element = r.where.element;
    const int64_t line = r.where.line;
    r.where = at(line, element);
    for (const auto& w : inv.warnings) {
        const sdk::Location where = at(w.line, w.path);
        sink_.warning(where, w.reason);
        r.warnings.push_back(w.reason + (w.path.empty() ? "" : " (" + w.path + ")"));
    }
    sink_.invoice(std::move(r));
    ++invoices_;
}

void InvoiceFileReader::readXml(const sdk::Blob& blob, const std::string& id) {
    sdk::xml::ParseOptions options;
    options.name = blob.name;
    auto root = sdk::xml::parse(blob.bytes, options);
    if (!root) {
        reject(lineOf(root.error()), "", "fichier XML illisible : " + root.error().message,
               sdk::excerpt(blob.bytes, 200));
        return;
    }
    const sdk::xml::Element& e = *root;
    if (isUbl(e) || isCii(e)) {
        MappedInvoice inv = isUbl(e) ? readUbl(e) : readCii(e);
        inv.record.where.element = e.path();
        inv.record.where.line = e.line();
        emit(std::move(inv), isUbl(e) ? "ubl" : "cii", id);
        return;
    }
    if (isPivot(e)) {
        auto invoices = readPivot(e, settings_.zip);
        if (invoices.empty()) reject(e.line(), e.path(), "pivot Chorus Pro sans facture (CPPFactures/CPPFacturePivotUnitaire)", "");
        const size_t n = invoices.size();
        for (size_t i = 0; i < n; ++i) emit(std::move(invoices[i]), "pivot", indexed(id, i, n));
        return;
    }
    if (isStatusPivot(e)) {
        StatusRead read = readStatusPivot(e);
        for (const auto& w : read.warnings) sink_.warning(at(w.line, w.path), w.reason);
        for (const auto& p : read.rejects) reject(p.line, p.path, p.reason, p.excerpt);
        const size_t n = read.records.size();
        for (size_t i = 0; i < n; ++i) {
            auto& r = read.records[i];
            r.source_id = indexed(id, i, n);
            r.where = at(r.where.line, r.where.element);
            sink_.invoiceStatus(std::move(r));
            ++statuses_;
        }
        return;
    }
    const std::string ns = e.ns().empty() ? "sans espace de noms" : "espace de noms « " + e.ns() + " »";
    reject(e.line(), e.path(),
           "élément racine « " + e.name() + " » (" + ns +
               ") non reconnu : ni facture UBL (Invoice, CreditNote), ni CII (CrossIndustryInvoice), ni pivot Chorus Pro "
               "(CPPFacturePivot, CPPStatut)",
           "");
}

void InvoiceFileReader::readJson(const sdk::Blob& blob, const std::string& id) {
    sdk::json::ParseOptions options;
    options.name = blob.name;
    auto doc = sdk::json::Document::parse(blob.bytes, options);
    if (!doc) {
        reject(lineInMessage(doc.error().message), "", "fichier JSON illisible : " + doc.error().message,
               sdk::excerpt(blob.bytes, 200));
        return;
    }
    auto read = readStatusJson(doc->root());
    if (!read) {
        reject(1, "", "JSON non reconnu : ni liste de factures Chorus Pro (listeFactures), ni historique de statuts "
                      "(historiquesDesStatuts)",
               sdk::excerpt(blob.bytes, 200));
        return;
    }
    for (const auto& w : read->warnings) sink_.warning(at(w.line, w.path), w.reason);
    for (const auto& p : read->rejects) reject(p.line, p.path, p.reason, p.excerpt);
    const size_t n = read->records.size();
    for (size_t i = 0; i < n; ++i) {
        auto& r = read->records[i];
        r.source_id = id + "#" + (r.chorus_id.empty() ? std::to_string(i + 1) : r.chorus_id);
        r.where = at(r.where.line, r.where.element);
        sink_.invoiceStatus(std::move(r));
        ++statuses_;
    }
}

void InvoiceFileReader::readPdf(const sdk::Blob& blob, const std::string& id) {
    auto embedded = readFacturX(blob.bytes, blob.name, settings_.zip.max_total_bytes);
    if (!embedded) {
        reject(0, "", embedded.error().message, "");
        return;
    }
    MappedInvoice inv = std::move(embedded->invoice);
    // Paths inside the attachment are prefixed with its name.
    for (auto& w : inv.warnings) w.path = embedded->name + "!" + w.path;
    if (inv.error) inv.error->path = embedded->name + "!" + inv.error->path;
    inv.record.where.element = embedded->name;
    emit(std::move(inv), "facturx", id);
}

void InvoiceFileReader::read(const sdk::Blob& blob, const std::string& relativeName) {
    blob_ = &blob;
    const std::string_view head = skipBomAndSpace(blob.bytes);
    if (blob.bytes.empty()) {
        reject(0, "", "fichier vide", "");
    } else if (looksLikePdf(blob.bytes)) {
        readPdf(blob, relativeName);
    } else if (!head.empty() && (head.front() == '{' || head.front() == '[')) {
        readJson(blob, relativeName);
    } else if (looksLikeXml(head)) {
        readXml(blob, relativeName);
    } else {
        reject(0, "", "format non reconnu : ni XML (UBL, CII, pivot), ni PDF Factur-X, ni JSON Chorus Pro",
               sdk::excerpt(blob.bytes, 80));
    }
    blob_ = nullptr;
}

}  // namespace recolte::choruspro
