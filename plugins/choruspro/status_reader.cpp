// Field by field, see FORMAT.md ("Liste des factures", "Historique des statuts", "Statut pivot").
#include "status_reader.hpp"

#include "recolte/sdk/text.hpp"

namespace recolte::choruspro {

namespace {

using sdk::json::Value;

std::string str(const Value& object, std::string_view key) {
    auto v = object.get(key);
    if (!v || v->isNull() || v->isArray() || v->isObject()) return {};
    return sdk::trim(v->text());
}

Problem problemAt(const Value& v, std::string reason) {
    return Problem{v.path(), v.line(), std::move(reason), sdk::excerpt(v.raw(), 200)};
}

std::optional<sdk::Decimal> amount(const Value& object, std::string_view key, StatusRead& out) {
    auto v = object.get(key);
    if (!v || v->isNull()) return std::nullopt;
    auto d = v->decimal();
    // An amount written as French text ("12,50") is read too.
    if (!d && v->isString()) d = sdk::Decimal::parse(v->text());
    if (!d) out.warnings.push_back(problemAt(*v, std::string("montant ") + std::string(key) + " " + quoted(v->raw()) +
                                                     " illisible : ignoré"));
    return d;
}

std::string date(const Value& object, std::string_view key, StatusRead& out) {
    const std::string t = str(object, key);
    if (t.empty()) return {};
    std::string iso = isoDate(t);
    if (iso.empty()) out.warnings.push_back(problemAt(*object.get(key), std::string(key) + " " + quoted(t) + " n'est pas une date : ignorée"));
    return iso;
}

void readListEntry(const Value& e, StatusRead& out) {
    if (!e.isObject()) {
        out.rejects.push_back(problemAt(e, "entrée de listeFactures qui n'est pas un objet JSON mais un " +
                                               std::string(sdk::json::toString(e.type()))));
        return;
    }
    sdk::InvoiceStatusRecord r;
    r.chorus_id = str(e, "idFacture");
    r.number = str(e, "numeroFacture");
    if (r.chorus_id.empty() && r.number.empty()) {
        out.rejects.push_back(problemAt(e, "facture sans idFacture ni numeroFacture : impossible de la rattacher"));
        return;
    }
    const std::string supplierIdType = str(e, "typeIdentifiantFournisseur");
    if (supplierIdType.empty() || supplierIdType == "SIRET") r.seller_siret = str(e, "codeFournisseur");
    r.seller_name = str(e, "designationFournisseur");
    r.buyer_siret = str(e, "codeDestinataire");
    r.buyer_name = str(e, "designationDestinataire");
    r.service_code = str(e, "codeServiceExecutant");
    r.order_reference = str(e, "numeroBonCommande");
    r.contract_reference = str(e, "numeroMarche");
    r.issue_date = date(e, "dateFacture", out);
    r.currency = str(e, "devise");
    r.tax_exclusive = amount(e, "montantHT", out);
    r.tax_inclusive = amount(e, "montantTTC", out);
    r.payable = amount(e, "montantAPayer", out);
    r.status = str(e, "statut");
    if (const std::string deposited = date(e, "dateDepot", out); !deposited.empty())
        r.history.push_back(sdk::InvoiceStatusEvent{"DEPOSEE", deposited, "date de dépôt"});
    r.where.element = e.path();
    r.where.line = e.line();
    out.records.push_back(std::move(r));
}

StatusRead readList(const Value& list) {
    StatusRead out;
    if (!list.isArray()) {
        out.rejects.push_back(problemAt(list, "listeFactures n'est pas un tableau JSON"));
        return out;
    }
    for (size_t i = 0; i < list.size(); ++i) readListEntry(list.at(i), out);
    return out;
}

StatusRead readHistory(const Value& root) {
    StatusRead out;
    sdk::InvoiceStatusRecord r;
    r.chorus_id = str(root, "idFacture");
    r.number = str(root, "numeroFacture");
    r.status = str(root, "statutCourantCode");
    auto histo = root.get("historiquesDesStatuts");
    std::optional<Value> list = histo && histo->isObject() ? histo->get("histoStatut") : std::nullopt;
    if (list && list->isArray()) {
        // Chorus Pro lists the newest first; the record keeps the oldest first.
        for (size_t i = list->size(); i-- > 0;) {
            const Value e = list->at(i);
            if (!e.isObject()) {
                out.warnings.push_back(problemAt(e, "entrée de l'historique qui n'est pas un objet : ignorée"));
                continue;
            }
            sdk::InvoiceStatusEvent ev;
            ev.status = str(e, "histoStatutCode");
            const std::string at = str(e, "histoStatutDatePassage");
            // "2015-12-03 10:36": kept as an ISO date-time.
            ev.at = at.size() >= 16 && !isoDate(at).empty() ? isoDate(at) + "T" + at.substr(11, 5) : isoDate(at);
            if (!at.empty() && ev.at.empty())
                out.warnings.push_back(problemAt(e, "date de passage " + quoted(at) + " illisible"));
            ev.comment = str(e, "histoStatutCommentaire");
            r.history.push_back(std::move(ev));
        }
    } else if (histo) {
        out.warnings.push_back(problemAt(*histo, "historiquesDesStatuts sans tableau histoStatut"));
    }
    if (r.status.empty() && !r.history.empty()) r.status = r.history.back().status;
    if (r.chorus_id.empty() && r.number.empty())
        out.warnings.push_back(problemAt(root, "historique sans idFacture ni numeroFacture : le hub ne pourra le rattacher "
                                               "qu'au nom de fichier"));
    r.where.element = root.path();
    r.where.line = root.line();
    out.records.push_back(std::move(r));
    return out;
}

}  // namespace

std::optional<StatusRead> readStatusJson(const Value& root) {
    if (!root.isObject()) return std::nullopt;
    if (auto list = root.get("listeFactures")) return readList(*list);
    if (root.get("historiquesDesStatuts") || root.get("statutCourantCode")) return readHistory(root);
    return std::nullopt;
}

bool isStatusPivot(const Element& root) { return root.localName() == "CPPStatut"; }

StatusRead readStatusPivot(const Element& root) {
    StatusRead out;
    for (const Element* u : findAll(&root, "CPPFactureStatuts/CPPFactureStatutUnitaire")) {
        FieldReader fields;
        sdk::InvoiceStatusRecord r;
        const Element* seller = find(u, "Fournisseur");
        if (textAt(seller, "TypeIdentifiant") == "1") r.seller_siret = textAt(seller, "Identifiant");
        r.seller_name = textAt(seller, "RaisonSociale");
        const Element* buyer = find(u, "Debiteur");
        if (textAt(buyer, "TypeIdentifiant") == "1") r.buyer_siret = textAt(buyer, "Identifiant");
        r.buyer_name = textAt(buyer, "Nom");
        const Element* data = find(u, "DonneesStatut");
        r.number = textAt(data, "IdFacture");
        r.issue_date = fields.date(find(data, "DateFacture"), "date de facture");
        sdk::InvoiceStatusEvent ev;
        ev.status = textAt(data, "ComplementStatut");
        if (ev.status.empty()) ev.status = "code " + textAt(data, "IdStatut");
        const std::string at = textAt(data, "Horodatage");
        ev.at = isoDate(at).empty() ? "" : at;
        if (!at.empty() && ev.at.empty()) fields.warn(find(data, "Horodatage"), "horodatage " + quoted(at) + " illisible");
        ev.comment = textAt(data, "Commentaire");
        r.status = ev.status;
        r.history.push_back(std::move(ev));
        for (const auto& w : fields.warnings()) out.warnings.push_back(w);
        if (r.number.empty()) {
            out.rejects.push_back(Problem{u->path(), u->line(), "statut sans numéro de facture (DonneesStatut/IdFacture)",
                                          sdk::xml::excerptOf(*u, 200)});
            continue;
        }
        r.where.element = u->path();
        r.where.line = u->line();
        out.records.push_back(std::move(r));
    }
    // A status about a whole flow (CPPFluxStatuts) names no invoice: shown as a reject, not dropped.
    for (const Element* u : findAll(&root, "CPPFluxStatuts/CPPFluxStatutUnitaire")) {
        const Element* data = find(u, "DonneesStatut");
        out.rejects.push_back(Problem{u->path(), u->line(),
                                      "statut du flux " + quoted(textAt(data, "IdFlux")) + " (" +
                                          textAt(data, "ComplementStatut") +
                                          ") : il ne concerne aucune facture en particulier, rien à importer",
                                      sdk::xml::excerptOf(*u, 200)});
    }
    return out;
}

}  // namespace recolte::choruspro
