#include "model/invoice_normalize.hpp"

#include <algorithm>

#include "model/match_key.hpp"
#include "model/normalize.hpp"
#include "recolte/sdk/text.hpp"

namespace recolte::model {

namespace {

// Label wordings are at most a few words long ("en conversion vers l agriculture biologique").
constexpr size_t kLongestLabelWording = 6;

void addLabelsFrom(std::string_view text, std::vector<std::string>& labels) {
    const std::string key = matchKey(text);
    std::vector<std::string> words;
    for (size_t i = 0; i < key.size();) {
        size_t j = key.find(' ', i);
        if (j == std::string::npos) j = key.size();
        if (j > i) words.push_back(key.substr(i, j - i));
        i = j + 1;
    }
    // Longest wording first, and its words are used up: "en conversion bio" is CONVERSION_BIO, not
    // also BIO.
    for (size_t start = 0; start < words.size();) {
        size_t used = 1;
        for (size_t n = std::min(kLongestLabelWording, words.size() - start); n >= 1; --n) {
            std::string phrase;
            for (size_t k = 0; k < n; ++k) phrase += (k ? " " : "") + words[start + k];
            auto code = labelCode(phrase);
            if (!code) continue;
            if (std::find(labels.begin(), labels.end(), *code) == labels.end()) labels.push_back(*code);
            used = n;
            break;
        }
        start += used;
    }
}

std::string violationText(const invoice::RuleViolation& v) { return v.rule + " : " + v.message; }

}  // namespace

bool refusesInvoice(std::string_view rule) {
    static const std::vector<std::string_view> refusing{
        "BR-02", "BR-03", "BR-12", "BR-13", "BR-14", "BR-15", "BR-CO-10", "BR-CO-11",
        "BR-CO-12", "BR-CO-13", "BR-CO-14", "BR-CO-15", "BR-CO-16"};
    return std::find(refusing.begin(), refusing.end(), rule) != refusing.end();
}

InvoiceLineClass classifyInvoiceLine(const sdk::InvoiceLine& line) {
    InvoiceLineClass c;
    c.product_type = productTypeId(line.name);
    if (c.product_type.empty()) c.product_type = productTypeId(line.description);
    addLabelsFrom(line.name, c.labels);
    addLabelsFrom(line.description, c.labels);
    return c;
}

sdk::Expected<Invoice> normalizeInvoice(std::string_view source, const sdk::InvoiceRecord& record,
                                        const std::vector<invoice::RuleViolation>& violations) {
    const sdk::Location& where = record.where;
    auto fail = [&](const std::string& message) -> sdk::Expected<Invoice> {
        return sdk::dataError("facture refusée : " + message, where.describe());
    };
    if (sdk::trim(record.source_id).empty()) return fail("identifiant de la facture dans la source manquant (source_id)");
    if (sdk::trim(record.number).empty()) return fail("numéro de facture absent (BT-1, règle BR-02)");
    if (record.issue_date.empty()) return fail("date d'émission absente (BT-2, règle BR-03)");
    if (sdk::parseDate(record.issue_date) != record.issue_date)
        return fail("date d'émission illisible : \"" + sdk::excerpt(record.issue_date, 40) + "\" (AAAA-MM-JJ attendu)");
    // A Chorus Pro pivot is Chorus Pro's own transport of an invoice it has already accepted, read
    // leniently (issue #4): its totals that do not add up are warnings, not a refusal.
    const bool lenient = record.source_format == "pivot";
    std::string refused;
    for (const auto& v : violations)
        if (!lenient && refusesInvoice(v.rule)) refused += (refused.empty() ? "" : " ; ") + violationText(v);
    if (!refused.empty()) return fail(refused);

    Invoice inv;
    inv.source = std::string(source);
    inv.id = invoiceId(source, record.source_id);
    inv.record = record;
    for (const auto& line : record.lines) inv.line_classes.push_back(classifyInvoiceLine(line));
    inv.warnings = record.warnings;
    for (const auto& v : violations) inv.warnings.push_back(violationText(v));
    for (const auto* party : {&record.seller, &record.buyer}) {
        const std::string siret = compactSiret(party->siret);
        if (!siret.empty() && !isValidSiret(siret))
            inv.warnings.push_back("SIRET invalide pour " + (party->name.empty() ? std::string("une partie") : party->name) +
                                   " : \"" + party->siret + "\" (14 chiffres et clé de Luhn attendus)");
    }
    inv.status = record.status;
    inv.status_history = record.status_history;
    return inv;
}

sdk::Status checkStatusReport(const sdk::InvoiceStatusRecord& report) {
    if (report.status.empty() && report.history.empty()) return sdk::dataError("statut de facture absent");
    if (report.chorus_id.empty() && (report.seller_siret.empty() || report.number.empty()))
        return sdk::dataError("statut impossible à rattacher à une facture : ni identifiant Chorus Pro, "
                              "ni SIRET du fournisseur avec numéro de facture");
    return sdk::Status::success();
}

bool statusMatches(const sdk::InvoiceStatusRecord& report, const sdk::InvoiceRecord& invoice) {
    if (!report.chorus_id.empty() && !invoice.chorus_id.empty()) return report.chorus_id == invoice.chorus_id;
    const std::string reportSiret = compactSiret(report.seller_siret);
    return !reportSiret.empty() && !report.number.empty() && reportSiret == compactSiret(invoice.seller.siret) &&
           report.number == invoice.number;
}

void applyStatusReports(Invoice& inv, const std::vector<sdk::InvoiceStatusRecord>& reports) {
    std::vector<sdk::InvoiceStatusEvent> events = inv.record.status_history;
    std::string undatedLatest = inv.record.status;
    for (const auto& r : reports) {
        for (const auto& e : r.history) events.push_back(e);
        if (r.history.empty() && !r.status.empty()) events.push_back({r.status, "", ""});
        if (!r.status.empty()) undatedLatest = r.status;
    }
    // Oldest first; undated events sort before dated ones, in the order they came.
    std::stable_sort(events.begin(), events.end(), [](const auto& a, const auto& b) { return a.at < b.at; });
    std::vector<sdk::InvoiceStatusEvent> merged;
    for (auto& e : events) {
        const bool seen = std::any_of(merged.begin(), merged.end(), [&](const auto& m) {
            return m.status == e.status && m.at == e.at;
        });
        if (!seen) merged.push_back(std::move(e));
    }
    inv.status_history = std::move(merged);
    const bool anyDated = std::any_of(inv.status_history.begin(), inv.status_history.end(),
                                      [](const auto& e) { return !e.at.empty(); });
    if (anyDated) inv.status = inv.status_history.back().status;
    else inv.status = undatedLatest;
}

}  // namespace recolte::model
