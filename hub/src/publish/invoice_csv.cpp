#include "publish/invoice_csv.hpp"

#include "publish/csv_cells.hpp"
#include "publish/doc.hpp"
#include "publish/invoice_money.hpp"

namespace recolte::publish {

std::string invoiceCsvHeader() {
    return csvHeader({"N° de facture", "Date de facture", "Date d'échéance", "Fournisseur", "SIRET du fournisseur",
                      "Acheteur", "Code service", "N° d'engagement", "Désignation", "Quantité", "Unité",
                      "Montant HT", "Taux de TVA (%)", "Montant de TVA", "Total TTC de la facture", "Statut"});
}

std::string invoiceCsvRows(const std::string& doc) {
    const auto d = parseDoc(doc);
    const auto inv = d.root();
    auto party = [&](std::string_view key, std::string_view field) {
        auto p = member(inv, key);
        return p ? str(*p, field) : std::string();
    };
    std::optional<sdk::Decimal> total;
    if (auto t = member(inv, "totals")) total = decimal(*t, "tax_inclusive");
    auto head = [&](CsvRow& row) {
        row.text(str(inv, "number")).date(str(inv, "issue_date")).date(str(inv, "due_date"));
        row.text(party("seller", "name")).text(spacedSiret(party("seller", "siret")));
        row.text(party("buyer", "name")).text(str(inv, "buyer_reference")).text(str(inv, "order_reference"));
    };
    auto tail = [&](CsvRow& row) { row.number(total, 2).text(str(inv, "status")); };

    std::string out;
    const auto lines = member(inv, "lines");
    if (!lines || lines->size() == 0) {
        CsvRow row;
        head(row);
        row.text("").text("").text("").text("").text("").text("");
        tail(row);
        return row.line();
    }
    for (size_t i = 0; i < lines->size(); ++i) {
        const auto l = lines->at(i);
        CsvRow row;
        head(row);
        const std::string name = str(l, "name");
        row.text(name.empty() ? str(l, "description") : name);
        row.number(decimal(l, "quantity")).text(str(l, "unit_code"));
        const auto net = decimal(l, "net_amount");
        const auto rate = decimal(l, "vat_rate");
        row.number(net, 2).number(rate);
        row.number(net && rate ? std::optional<sdk::Decimal>(percentOf(*net, *rate)) : std::nullopt, 2);
        tail(row);
        out += row.line();
    }
    return out;
}

}  // namespace recolte::publish
