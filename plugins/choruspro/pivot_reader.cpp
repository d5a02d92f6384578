// Field by field, see FORMAT.md ("Pivot Chorus Pro").
#include "pivot_reader.hpp"

#include <Poco/Base64Decoder.h>
#include <Poco/Exception.h>

#include <sstream>

#include "embedded_invoice.hpp"
#include "party_ids.hpp"
#include "pdf_attachments.hpp"
#include "recolte/sdk/text.hpp"

namespace recolte::choruspro {

namespace {

using sdk::Decimal;

// TypeIdentifiant 1 = SIRET; the others (2 UE, 3 hors UE, 4 RIDET, 5 Tahiti, 6 en cours, 7 particulier)
// are kept as a party id.
void identify(const Element* p, sdk::InvoiceParty& party) {
    const std::string type = textAt(p, "TypeIdentifiant");
    const std::string id = textAt(p, "Identifiant");
    if (id.empty()) return;
    if (type == "1" || (type.empty() && looksLikeSiret(id))) {
        party.legal_id = withoutSpaces(id);
        party.legal_id_scheme = "0009";
        party.siret = party.legal_id;
    } else {
        party.party_id = id;
    }
}

std::optional<std::string> decodeBase64(const std::string& text) {
    // Checked first: a stream decoder would stop silently at the first bad character.
    for (char c : text) {
        const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' ||
                        c == '/' || c == '=' || c == ' ' || c == '\t' || c == '\r' || c == '\n';
        if (!ok) return std::nullopt;
    }
    try {
        std::istringstream in(text);
        Poco::Base64Decoder decoder(in);
        std::ostringstream out;
        out << decoder.rdbuf();
        return out.str();
    } catch (const Poco::Exception&) {
        return std::nullopt;
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

struct Attachment {
    std::optional<EmbeddedInvoice> invoice;
    std::optional<Problem> error;
    std::vector<Problem> warnings;
};

// Reads one PJ: decodes, unzips within the limits, and looks for an invoice among the entries.
Attachment readAttachment(const Element* pj, const ZipLimits& limits) {
    Attachment out;
    const Element* content = find(pj, "Contenu");
    const std::string encoded = text(content);
    if (encoded.empty()) return out;
    auto fail = [&](const std::string& reason) {
        out.error = Problem{content->path(), content->line(), reason, sdk::xml::excerptOf(*content, 120)};
    };
    auto bytes = decodeBase64(encoded);
    if (!bytes || bytes->empty()) {
        fail("pièce jointe " + quoted(textAt(pj, "NomPJ")) + " : contenu base64 invalide");
        return out;
    }
    auto entries = readZip(*bytes, limits);
    if (!entries) {
        fail("pièce jointe " + quoted(textAt(pj, "NomPJ")) + " : " + entries.error().message);
        return out;
    }
    for (const auto& entry : *entries) {
        const std::string where = content->path() + "/" + entry.name;
        if (looksLikeXml(entry.bytes)) {
            auto invoice = readInvoiceXml(entry.bytes, entry.name);
            if (invoice) {
                out.invoice = std::move(invoice.value());
                // Paths inside the attachment are prefixed with the attachment's.
                for (auto& w : out.invoice->invoice.warnings) w.path = where + "!" + w.path;
                if (out.invoice->invoice.error) out.invoice->invoice.error->path = where + "!" + out.invoice->invoice.error->path;
                return out;
            }
            out.warnings.push_back(Problem{where, content->line(),
                                           "fichier XML joint " + quoted(entry.name) + " non lu : " + invoice.error().message, {}});
        } else if (looksLikePdf(entry.bytes)) {
            // A plain PDF (a scan) is normal; a Factur-X one carries the invoice.
            auto invoice = readFacturX(entry.bytes, entry.name, limits.max_total_bytes);
            if (invoice) {
                out.invoice = std::move(invoice.value());
                out.invoice->format = "facturx";
                return out;
            }
        }
    }
    return out;
}

void disagree(MappedInvoice& inv, const Element* at, const std::string& what, const std::string& pivot,
              const std::string& original) {
    if (pivot.empty() || original.empty() || pivot == original) return;
    inv.warnings.push_back(Problem{at->path(), at->line(),
                                   what + " : le pivot indique " + quoted(pivot) + ", la facture jointe " + quoted(original) +
                                       " ; la valeur de la facture jointe est retenue",
                                   {}});
}

std::string amount(const std::optional<Decimal>& d) { return d ? d->toString() : ""; }

// The embedded invoice's values win; the pivot fills what it lacks and keeps Chorus Pro's facts.
MappedInvoice merge(MappedInvoice pivot, EmbeddedInvoice embedded, const Element* unit) {
    MappedInvoice out = std::move(embedded.invoice);
    auto& r = out.record;
    const auto& p = pivot.record;
    disagree(out, unit, "numéro de facture", p.number, r.number);
    disagree(out, unit, "date d'émission", p.issue_date, r.issue_date);
    disagree(out, unit, "SIRET du fournisseur", p.seller.siret, r.seller.siret);
    disagree(out, unit, "SIRET du destinataire", p.buyer.siret, r.buyer.siret);
    disagree(out, unit, "code service", p.buyer_reference, r.buyer_reference);
    disagree(out, unit, "numéro d'engagement", p.order_reference, r.order_reference);
    disagree(out, unit, "total HT", p.totals.tax_exclusive.toString(), r.totals.tax_exclusive.toString());
    disagree(out, unit, "total TTC", p.totals.tax_inclusive.toString(), r.totals.tax_inclusive.toString());
    disagree(out, unit, "net à payer", p.totals.payable.toString(), r.totals.payable.toString());
    disagree(out, unit, "montant de TVA", amount(p.totals.tax), amount(r.totals.tax));
    auto fill = [](std::string& into, const std::string& from) {
        if (into.empty()) into = from;
    };
    fill(r.buyer_reference, p.buyer_reference);
    fill(r.order_reference, p.order_reference);
    fill(r.contract_reference, p.contract_reference);
    fill(r.preceding_invoice, p.preceding_invoice);
    fill(r.seller.siret, p.seller.siret);
    fill(r.buyer.siret, p.buyer.siret);
    fill(r.seller.name, p.seller.name);
    fill(r.buyer.name, p.buyer.name);
    fill(r.iban, p.iban);
    fill(r.payment_means_code, p.payment_means_code);
    fill(r.delivery_date, p.delivery_date);
    fill(r.currency, p.currency);
    r.chorus_id = p.chorus_id;
    r.status = p.status;
    r.status_history = p.status_history;
    out.warnings.insert(out.warnings.begin(), pivot.warnings.begin(), pivot.warnings.end());
    out.warnings.push_back(Problem{unit->path(), unit->line(),
                                   "valeurs lues dans la facture jointe " + quoted(embedded.name) + " (" + embedded.format + ")", {}});
    return out;
}

MappedInvoice readUnit(const Element* u) {
    MappedInvoice inv;
    FieldReader fields;
    auto& r = inv.record;
    const Element* seller = find(u, "Fournisseur");
    identify(seller, r.seller);
    r.seller.name = textAt(seller, "RaisonSociale");
    r.seller.address.country = textAt(seller, "CodePays");
    if (attr(find(seller, "ReferenceBancaire"), "Type") == "IBAN" || !textAt(seller, "ReferenceBancaire/Compte").empty())
        r.iban = textAt(seller, "ReferenceBancaire/Compte");
    if (const std::string payee = textAt(seller, "RaisonSocialeEncaisseur"); !payee.empty()) {
        r.payee = sdk::InvoiceParty{};
        r.payee->name = payee;
    }
    const Element* buyer = find(u, "Debiteur");
    identify(buyer, r.buyer);
    r.buyer.name = textAt(buyer, "Nom");
    r.buyer_reference = textAt(buyer, "CodeService");

    const Element* data = find(u, "DonneesFacture");
    r.number = textAt(data, "Id");
    r.chorus_id = textAt(data, "IdCPRO");
    const std::string origin = textAt(data, "IdFactureOrigine");
    if (origin != r.number) r.preceding_invoice = origin;
    r.type_code = textAt(data, "Type");
    const Element* issueDate = find(data, "DateEmissionFacture");
    r.issue_date = fields.date(issueDate, "date d'émission");
    if (r.issue_date.empty()) r.issue_date_text = text(issueDate);
    r.delivery_date = fields.date(find(data, "DateLivraison"), "date de livraison");
    r.payment_means_given = find(data, "ModePaiement") != nullptr;
    r.payment_means_code = textAt(data, "ModePaiement/Code");
    r.currency = textAt(data, "Devise");
    r.contract_reference = textAt(data, "Engagement/NumeroMarche");
    r.order_reference = textAt(data, "Engagement/NumeroEngagement");

    const Element* amounts = find(data, "Montants");
    inv.totals_element = amounts ? amounts : u;
    auto& t = r.totals;
    auto total = [&](const char* name, const char* what, Decimal& into, bool& present) {
        if (auto v = fields.decimalAt(amounts, name, what)) {
            into = *v;
            present = true;
        }
    };
    total("MontantHT", "montant HT", t.tax_exclusive, inv.has_tax_exclusive);
    total("MontantTTC", "montant TTC", t.tax_inclusive, inv.has_tax_inclusive);
    total("MontantNetAPayer", "net à payer", t.payable, inv.has_payable);

    // Taux is a percentage (5.5 = 5,5 %). The pivot has no VAT category: S for a positive rate,
    // Z for a zero one.
    Decimal taxSum;
    for (const Element* vat : findAll(data, "TVAs/TVA")) {
        sdk::VatBreakdown v;
        v.rate = fields.decimalAt(vat, "Taux", "taux de TVA");
        v.taxable_amount = fields.decimalOr0(find(vat, "BaseHt"), "base HT");
        v.tax_amount = fields.decimalOr0(find(vat, "MontantTVA"), "montant de TVA");
        v.category = v.rate && v.rate->isZero() ? "Z" : "S";
        taxSum = taxSum + v.tax_amount;
        r.vat_breakdown.push_back(std::move(v));
    }
    if (!r.vat_breakdown.empty()) t.tax = taxSum;

    Decimal lineSum;
    for (const Element* l : findAll(data, "Lignes/Ligne")) {
        sdk::InvoiceLine line;
        line.id = attr(l, "NumOrdre");
        line.name = textAt(l, "ReferenceProduit");
        line.seller_item_id = line.name;
        line.net_price = fields.decimalOr0(find(l, "PrixUnitaire"), "prix unitaire");
        line.quantity = fields.decimalOr0(find(l, "Quantite"), "quantité");
        line.unit_code = "C62";  // the pivot gives no unit: "one" (UN/ECE rec. 20)
        line.net_amount = fields.decimalOr0(find(l, "MontantHT"), "montant HT de la ligne");
        line.vat_rate = fields.decimalAt(l, "TauxTVA", "taux de TVA de la ligne");
        line.vat_category = line.vat_rate && line.vat_rate->isZero() ? "Z" : "S";
        lineSum = lineSum + line.net_amount;
        r.lines.push_back(std::move(line));
    }
    // The pivot has no document-level allowance or charge: the lines' sum, or the HT total when it
    // lists no line, is BT-106.
    t.line_net = r.lines.empty() ? t.tax_exclusive : lineSum;
    inv.has_line_net = true;

    for (const Element* v : findAll(u, "CycleDeValidation/ValidationUnitaire")) {
        sdk::InvoiceStatusEvent e;
        e.status = textAt(v, "ComplementStatut");
        if (e.status.empty()) e.status = "code " + textAt(v, "CodeStatut");
        e.at = fields.date(find(v, "DateStatut"), "date de statut");
        e.comment = textAt(v, "Commentaire");
        r.status_history.push_back(std::move(e));
    }
    if (!r.status_history.empty()) r.status = r.status_history.back().status;

    if (r.number.empty()) fields.fail(data ? data : u, "numéro de facture (DonneesFacture/Id) absent");
    takeProblems(inv, fields);
    return inv;
}

}  // namespace

bool isPivot(const Element& root) { return root.localName() == "CPPFacturePivot"; }

std::vector<MappedInvoice> readPivot(const Element& root, const ZipLimits& limits) {
    std::vector<MappedInvoice> out;
    for (const Element* u : findAll(&root, "CPPFactures/CPPFacturePivotUnitaire")) {
        MappedInvoice inv = readUnit(u);
        std::optional<EmbeddedInvoice> embedded;
        for (const Element* pj : findAll(u, "PJ")) {
            Attachment a = readAttachment(pj, limits);
            inv.warnings.insert(inv.warnings.end(), a.warnings.begin(), a.warnings.end());
            if (a.error && !inv.error) inv.error = a.error;
            if (a.invoice && !embedded) embedded = std::move(a.invoice);
        }
        if (embedded && embedded->invoice.error) {
            const Problem& why = *embedded->invoice.error;
            inv.warnings.push_back(Problem{why.path, why.line,
                                           "facture jointe " + quoted(embedded->name) + " illisible (" + why.reason +
                                               ") : valeurs du pivot retenues",
                                           {}});
            embedded.reset();
        }
        if (embedded && !inv.error) {
            inv.totals_element = nullptr;
            deriveSiret(inv.record.seller);
            deriveSiret(inv.record.buyer);
            inv = merge(std::move(inv), std::move(*embedded), u);
        } else {
            completeInvoice(inv);
        }
        inv.record.where.element = u->path();
        inv.record.where.line = u->line();
        out.push_back(std::move(inv));
    }
    return out;
}

}  // namespace recolte::choruspro
