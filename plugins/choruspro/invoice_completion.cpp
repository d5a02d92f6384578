#include "mapped_invoice.hpp"
#include "party_ids.hpp"

namespace recolte::choruspro {

namespace {

using sdk::Decimal;

void warn(MappedInvoice& inv, std::string reason) {
    const Element* at = inv.totals_element;
    inv.warnings.push_back(Problem{at ? at->path() : "", at ? at->line() : 0, std::move(reason), {}});
}

}  // namespace

void takeProblems(MappedInvoice& invoice, const FieldReader& fields) {
    for (const auto& w : fields.warnings()) invoice.warnings.push_back(w);
    if (fields.error() && !invoice.error) invoice.error = fields.error();
}

void completeInvoice(MappedInvoice& inv) {
    auto& r = inv.record;
    deriveSiret(r.seller);
    deriveSiret(r.buyer);
    if (r.payee) deriveSiret(*r.payee);

    auto& t = r.totals;
    if (!inv.has_line_net) {
        Decimal sum;
        for (const auto& line : r.lines) sum = sum + line.net_amount;
        t.line_net = sum;
        warn(inv, "total des lignes (BT-106) absent : recalculé à " + sum.toString() + " d'après les lignes");
    }
    if (!inv.has_tax_exclusive) {
        t.tax_exclusive = t.line_net - t.allowances.value_or(Decimal{}) + t.charges.value_or(Decimal{});
        warn(inv, "total HT (BT-109) absent : recalculé à " + t.tax_exclusive.toString());
    }
    if (!t.tax && !r.vat_breakdown.empty()) {
        Decimal sum;
        for (const auto& v : r.vat_breakdown) sum = sum + v.tax_amount;
        t.tax = sum;
        warn(inv, "montant total de TVA (BT-110) absent : recalculé à " + sum.toString() + " d'après la ventilation");
    }
    if (!inv.has_tax_inclusive) {
        t.tax_inclusive = t.tax_exclusive + t.tax.value_or(Decimal{});
        warn(inv, "total TTC (BT-112) absent : recalculé à " + t.tax_inclusive.toString());
    }
    if (!inv.has_payable) {
        t.payable = t.tax_inclusive - t.prepaid.value_or(Decimal{}) + t.rounding.value_or(Decimal{});
        warn(inv, "net à payer (BT-115) absent : recalculé à " + t.payable.toString());
    }
    inv.totals_element = nullptr;  // the tree may not outlive the record
}

}  // namespace recolte::choruspro
