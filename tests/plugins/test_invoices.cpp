// Invoice i (0-based), one per pretend file "facture-i.xml":
//   number FA-2026-00i, issued 2026-05-(10+i) when i is even, 2026-06-(10+i) when odd;
//   buyer CCAS de Foix (SIRET 21345678900014, 09000 Foix, 42.9653 / 1.6073), service code
//   SERVICE-(i%2), engagement ENG-i; Chorus Pro id CPP-i for even i only;
//   seller: even i Ferme de test (81234567600017, 09000, same département as the buyer);
//           i%4 == 1 Maraîcher du Gers (41234567800012, 32000, no coordinates);
//           i%4 == 3 Primeurs de Toulouse (52345678900016, 31000, 43.6045 / 1.4440, about 71 km away);
//   line 1 "Pommes bio" 10 KGM x 2.50 = 25.00, line 2 6.00 (5 KGM x 1.20): "Carottes", but
//   "=1+1" for i == 1 and "Poulet Label Rouge" for i == 2; VAT S 5.5 %: 1.71;
//   totals 31.00 / 31.00 / 1.71 / 32.71 / 32.71; status MISE_A_DISPOSITION on the issue day.
// Status report i: MANDATEE at 2026-07-01T10:00:00Z, by CPP-i for even i, else by SIRET + number.
#include "test_invoices.hpp"

#include <cstdio>

namespace recolte::testplugin {

using namespace recolte::sdk;

namespace {

Decimal dec(const char* text) { return *Decimal::parse(text); }

std::string number(int64_t i) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "FA-2026-%03lld", static_cast<long long>(i));
    return buf;
}

std::string issueDate(int64_t i) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "2026-%02d-%02lld", i % 2 ? 6 : 5, static_cast<long long>(10 + i % 18));
    return buf;
}

InvoiceParty party(const char* name, const char* siret, const char* postcode, const char* city) {
    InvoiceParty p;
    p.name = name;
    p.siret = siret;
    p.legal_id = siret;
    p.legal_id_scheme = "0009";
    p.address.street = "1 place de la Mairie";
    p.address.postcode = postcode;
    p.address.city = city;
    p.address.country = "FR";
    return p;
}

InvoiceLine line(const char* id, const char* name, const char* qty, const char* price, const char* net) {
    InvoiceLine l;
    l.id = id;
    l.name = name;
    l.quantity = dec(qty);
    l.unit_code = "KGM";
    l.net_price = dec(price);
    l.net_amount = dec(net);
    l.vat_category = "S";
    l.vat_rate = dec("5.5");
    return l;
}

InvoiceRecord invoice(int64_t i, const std::string& file) {
    InvoiceRecord r;
    r.source_id = "facture-" + std::to_string(i) + ".xml";
    r.source_format = "ubl";
    r.customization_id = "urn:cen.eu:en16931:2017";
    r.number = number(i);
    r.type_code = "380";
    r.issue_date = issueDate(i);
    r.due_date = "2026-08-31";
    r.currency = "EUR";
    r.buyer_reference = "SERVICE-" + std::to_string(i % 2);
    r.order_reference = "ENG-" + std::to_string(i);
    r.payment_terms = "30 jours fin de mois";
    if (i % 2 == 0) {
        r.seller = party("Ferme de test", "81234567600017", "09000", "Foix");
    } else if (i % 4 == 1) {
        r.seller = party("Maraîcher du Gers", "41234567800012", "32000", "Auch");
    } else {
        r.seller = party("Primeurs de Toulouse", "52345678900016", "31000", "Toulouse");
        r.seller.address.lat = 43.6045;
        r.seller.address.lon = 1.4440;
    }
    r.seller.vat_id = "FR00" + r.seller.siret.substr(0, 9);
    r.buyer = party("CCAS de Foix", "21345678900014", "09000", "Foix");
    r.buyer.address.lat = 42.9653;
    r.buyer.address.lon = 1.6073;
    r.lines.push_back(line("1", "Pommes bio", "10", "2.50", "25.00"));
    r.lines.push_back(line("2", i == 1 ? "=1+1" : i == 2 ? "Poulet Label Rouge" : "Carottes", "5", "1.20", "6.00"));
    r.vat_breakdown.push_back({"S", dec("5.5"), dec("31.00"), dec("1.71"), "", ""});
    r.totals.line_net = dec("31.00");
    r.totals.tax_exclusive = dec("31.00");
    r.totals.tax = dec("1.71");
    r.totals.tax_inclusive = dec("32.71");
    r.totals.payable = dec("32.71");
    if (i % 2 == 0) r.chorus_id = "CPP-" + std::to_string(i);
    r.status = "MISE_A_DISPOSITION";
    r.status_history.push_back({"MISE_A_DISPOSITION", r.issue_date + "T08:00:00Z", ""});
    r.where.file = file + "/" + r.source_id;
    r.where.element = "/Invoice";
    return r;
}

}  // namespace

void emitInvoices(RecordSink& sink, const std::string& file, int64_t count) {
    for (int64_t i = 0; i < count; ++i) sink.invoice(invoice(i, file));
}

void emitInvoiceStatuses(RecordSink& sink, const std::string& file, int64_t count) {
    for (int64_t i = 0; i < count; ++i) {
        InvoiceStatusRecord s;
        s.source_id = "statut-" + std::to_string(i);
        if (i % 2 == 0) {
            s.chorus_id = "CPP-" + std::to_string(i);
        } else {
            s.seller_siret = i % 4 == 1 ? "41234567800012" : "52345678900016";
            s.number = number(i);
        }
        s.status = "MANDATEE";
        s.history.push_back({"MANDATEE", "2026-07-01T10:00:00Z", "mandatement"});
        s.where.file = file + "/liste-factures.json";
        s.where.element = "listeFactures[" + std::to_string(i) + "]";
        sink.invoiceStatus(std::move(s));
    }
}

void emitBadInvoices(RecordSink& sink, const std::string& file) {
    InvoiceRecord noNumber = invoice(90, file);
    noNumber.source_id = "sans-numero.xml";
    noNumber.number.clear();
    noNumber.where.file = file + "/sans-numero.xml";
    sink.invoice(std::move(noNumber));

    InvoiceRecord wrong = invoice(91, file);
    wrong.source_id = "totaux-faux.xml";
    wrong.number = "FA-FAUX";
    wrong.totals.line_net = dec("40.00");      // lines sum to 31.00 (BR-CO-10)
    wrong.totals.tax_inclusive = dec("50.00");  // 31.00 + 1.71 (BR-CO-15)
    wrong.totals.payable = dec("50.00");
    wrong.buyer = party("CCAS de Pamiers", "26090001500017", "09100", "Pamiers");  // kept out of Foix's figures
    wrong.where.file = file + "/totaux-faux.xml";
    sink.invoice(std::move(wrong));
}

}  // namespace recolte::testplugin
