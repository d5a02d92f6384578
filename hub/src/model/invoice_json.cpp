// Money as exact decimals with at least 2 decimals ("12.50"), rates and quantities with none
// forced ("5.5", "3"), like the offers. Addresses get their département from the postcode when
// the file gives none, so finance staff can filter and the summary can tell what is local.
#include "model/invoice_json.hpp"

#include "model/json_writer.hpp"
#include "model/normalize.hpp"

namespace recolte::model {

namespace {

void appendParty(std::string& out, const sdk::InvoiceParty& p) {
    Obj o(out);
    o.str("name", p.name);
    o.strOrNull("siret", compactSiret(p.siret));
    o.strOrNull("vat_id", p.vat_id);
    sdk::Address a = p.address;
    if (a.departement.empty()) a.departement = departementFromPostcode(a.postcode);
    appendAddress(o.key("address"), a);
}

void appendEvent(std::string& out, const sdk::InvoiceStatusEvent& e) {
    Obj o(out);
    o.str("status", e.status);
    o.strOrNull("at", e.at);
    o.strOrNull("comment", e.comment);
}

}  // namespace

std::string toJson(const Invoice& inv) {
    const sdk::InvoiceRecord& r = inv.record;
    std::string out;
    out.reserve(2048 + 512 * r.lines.size());
    Obj o(out);
    o.str("id", inv.id);
    o.str("source", inv.source);
    o.str("source_id", r.source_id);
    o.str("number", r.number);
    o.strOrNull("type_code", r.type_code);
    o.str("issue_date", r.issue_date);
    o.strOrNull("due_date", r.due_date);
    o.strOrNull("currency", r.currency);
    appendParty(o.key("seller"), r.seller);
    o.strOrNull("seller_producer_id", inv.seller_producer_id);
    appendParty(o.key("buyer"), r.buyer);
    o.strOrNull("buyer_reference", r.buyer_reference);
    o.strOrNull("order_reference", r.order_reference);
    o.strOrNull("contract_reference", r.contract_reference);
    {
        std::string& arr = o.key("lines");
        arr += '[';
        for (size_t i = 0; i < r.lines.size(); ++i) {
            const auto& l = r.lines[i];
            if (i) arr += ',';
            Obj line(arr);
            line.str("id", l.id);
            line.str("name", l.name);
            line.strOrNull("description", l.description);
            line.decimal("quantity", l.quantity, kPlainDecimals);
            line.strOrNull("unit_code", l.unit_code);
            line.decimal("net_price", l.net_price, kMoneyDecimals);
            line.decimal("net_amount", l.net_amount, kMoneyDecimals);
            line.strOrNull("vat_category", l.vat_category);
            line.decimalOrNull("vat_rate", l.vat_rate, kPlainDecimals);
            const InvoiceLineClass none;
            const InvoiceLineClass& c = i < inv.line_classes.size() ? inv.line_classes[i] : none;
            line.strOrNull("product_type", c.product_type);
            appendArray(line.key("labels"), c.labels, appendStringItem);
        }
        arr += ']';
    }
    appendArray(o.key("vat_breakdown"), r.vat_breakdown, [](std::string& s, const sdk::VatBreakdown& v) {
        Obj b(s);
        b.strOrNull("category", v.category);
        b.decimalOrNull("rate", v.rate, kPlainDecimals);
        b.decimal("taxable", v.taxable_amount, kMoneyDecimals);
        b.decimal("tax", v.tax_amount, kMoneyDecimals);
        b.strOrNull("exemption_reason", v.exemption_reason);
    });
    {
        const auto& t = r.totals;
        Obj tot(o.key("totals"));
        tot.decimal("line_net", t.line_net, kMoneyDecimals);
        tot.decimalOrNull("allowances", t.allowances, kMoneyDecimals);
        tot.decimalOrNull("charges", t.charges, kMoneyDecimals);
        tot.decimal("tax_exclusive", t.tax_exclusive, kMoneyDecimals);
        tot.decimalOrNull("tax", t.tax, kMoneyDecimals);
        tot.decimal("tax_inclusive", t.tax_inclusive, kMoneyDecimals);
        tot.decimalOrNull("prepaid", t.prepaid, kMoneyDecimals);
        tot.decimalOrNull("rounding", t.rounding, kMoneyDecimals);
        tot.decimal("payable", t.payable, kMoneyDecimals);
    }
    o.strOrNull("payment_terms", r.payment_terms);
    o.strOrNull("payment_means_code", r.payment_means_code);
    o.strOrNull("chorus_id", r.chorus_id);
    o.strOrNull("status", inv.status);
    appendArray(o.key("status_history"), inv.status_history, appendEvent);
    o.str("source_format", r.source_format);
    appendArray(o.key("warnings"), inv.warnings, appendStringItem);
    return out;
}

}  // namespace recolte::model
