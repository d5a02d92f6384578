// Invoices into the hub: what makes one refused (no number, no issue date, totals that do not add
// up: the EN 16931 arithmetic rules), what the hub reads in each line (product type and labels,
// with the catalogue's vocabulary), and the effective status once status reports are applied.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "invoice/invoice_rules.hpp"
#include "model/invoice.hpp"
#include "recolte/sdk/expected.hpp"

namespace recolte::model {

// The rules whose violation refuses an invoice: a missing number (BR-02), issue date (BR-03) or
// total (BR-12..BR-15), and the arithmetic of the totals (BR-CO-10..BR-CO-16). Any other
// violation is kept on the invoice as a warning.
bool refusesInvoice(std::string_view ruleId);

// `violations` = invoice::checkEn16931(record). A data error whose French message names each
// refusing rule (except for a Chorus Pro pivot, read leniently: there they are warnings), or the invoice with its id, line classes and warnings (seller_producer_id and the
// effective status are left to the caller, who knows the catalogue and the status reports).
sdk::Expected<Invoice> normalizeInvoice(std::string_view source, const sdk::InvoiceRecord& record,
                                        const std::vector<invoice::RuleViolation>& violations);

// Product type and labels read in a line's name and description.
InvoiceLineClass classifyInvoiceLine(const sdk::InvoiceLine& line);

// A status report the hub can keep: it says a status and names its invoice (Chorus Pro id, or
// seller SIRET + number). Else a data error saying which is missing. The sync and the acceptance
// kit both ask this.
sdk::Status checkStatusReport(const sdk::InvoiceStatusRecord& report);

// Does this status report speak of this invoice? By Chorus Pro id when both have one, else by
// seller SIRET + invoice number.
bool statusMatches(const sdk::InvoiceStatusRecord& report, const sdk::InvoiceRecord& invoice);

// The invoice's own history merged with the reports' (oldest first, duplicates dropped); the
// status is the latest one. Without any dated event, the last report's status wins over the file's.
void applyStatusReports(Invoice& invoice, const std::vector<sdk::InvoiceStatusRecord>& reports);

}  // namespace recolte::model
