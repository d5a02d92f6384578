#include "publish/csv_export.hpp"

#include "publish/csv_cells.hpp"
#include "publish/doc.hpp"
#include "publish/format_fr.hpp"
#include "publish/html.hpp"
#include "publish/vocabulary_fr.hpp"

namespace recolte::publish {

namespace {

// "09 · Ariège": text for Excel, which would turn a bare "09" into 9.
std::string departementCell(const std::string& code) { return code.empty() ? code : departementLabel(code); }

// "40 kg" from {"value": 40, "unit": "kg"}.
std::string quantity(const JsonValue& obj, std::string_view key) {
    auto q = member(obj, key);
    if (!q) return {};
    auto value = decimal(*q, "value");
    if (!value) return {};
    const std::string unit = str(*q, "unit");
    return frenchNumber(*value) + (unit.empty() ? "" : " " + unit);
}

// "Le Bourg" / "09200 Saint-Girons": the postcode stays with the commune, so Excel keeps its 0.
std::string commune(const JsonValue& address) { return str(address, "postcode") + " " + str(address, "city"); }

std::string trimmed(std::string s) {
    while (!s.empty() && s.front() == ' ') s.erase(s.begin());
    while (!s.empty() && s.back() == ' ') s.pop_back();
    return s;
}

std::string joined(const std::vector<std::string>& parts, std::string_view separator) {
    std::string out;
    for (const auto& p : parts) {
        if (p.empty()) continue;
        if (!out.empty()) out += separator;
        out += p;
    }
    return out;
}

std::string addressLine(const JsonValue& address) {
    return joined({str(address, "street"), trimmed(commune(address))}, ", ");
}

}  // namespace

std::string offerCsvHeader() {
    return csvHeader({"Produit", "Producteur", "SIRET", "Département", "Type de produit", "Prix HT", "Unité de vente",
                      "TVA (%)", "Prix unitaire HT", "Unité", "Conditionnement", "Labels", "Disponible du",
                      "Disponible au", "Quantité disponible", "Commande minimum", "Délai de commande (jours)",
                      "Origine", "Description", "Plateforme", "Référence", "Mis à jour", "Page de l’offre"});
}

std::string offerCsvRow(const std::string& doc, const std::string& base) {
    const auto d = parseDoc(doc);
    const auto o = d.root();
    CsvRow row;
    row.text(str(o, "name"));
    if (auto p = member(o, "producer")) {
        row.text(str(*p, "name")).text(spacedSiret(str(*p, "siret")));
    } else {
        row.text("").text("");
    }
    row.text(departementCell(str(o, "departement")));
    const std::string type = str(o, "product_type");
    row.text(type.empty() ? type : productTypeName(type));
    if (auto p = member(o, "price")) {
        row.number(decimal(*p, "amount"), 2).text(str(*p, "unit")).number(decimal(*p, "vat_rate"));
    } else {
        row.text("").text("").text("");
    }
    if (auto u = member(o, "unit_price")) {
        row.number(decimal(*u, "amount"), 2).text("€/" + baseUnitName(str(*u, "unit")));
    } else {
        row.text("").text("");
    }
    row.text(str(o, "packaging"));
    std::vector<std::string> labels;
    for (const auto& code : strings(o, "labels")) labels.push_back(labelName(code));
    row.text(joined(labels, ", "));
    row.date(str(o, "available_from")).date(str(o, "available_to"));
    row.text(quantity(o, "quantity_available")).text(quantity(o, "minimum_order"));
    std::optional<int64_t> lead;
    if (auto v = member(o, "lead_time_days")) lead = v->integer();
    row.integer(lead);
    row.text(str(o, "origin")).text(str(o, "description"));
    row.text(str(o, "source")).text(str(o, "source_id"));
    row.dateTime(str(o, "updated_at"));
    row.text(base + "/offres/" + urlEncode(str(o, "id")));
    return row.line();
}

std::string producerCsvHeader() {
    return csvHeader({"Producteur", "SIRET", "Adresse", "Commune", "Département", "Contacts", "Téléphone", "Courriel",
                      "Site web", "Points de vente", "Nombre de points de vente", "Plateformes", "SIRET manquant",
                      "Page du producteur"});
}

std::string producerCsvRow(const std::string& doc, const std::string& base) {
    const auto d = parseDoc(doc);
    const auto p = d.root();
    CsvRow row;
    row.text(str(p, "name")).text(spacedSiret(str(p, "siret")));
    if (auto a = member(p, "address")) {
        row.text(str(*a, "street")).text(trimmed(commune(*a))).text(departementCell(str(*a, "departement")));
    } else {
        row.text("").text("").text("");
    }
    std::vector<std::string> names, phones, emails, sites;
    if (auto contacts = member(p, "contacts")) {
        for (size_t i = 0; i < contacts->size(); ++i) {
            const auto c = contacts->at(i);
            names.push_back(str(c, "name"));
            phones.push_back(spacedPhone(str(c, "phone")));
            emails.push_back(str(c, "email"));
            sites.push_back(str(c, "website"));
        }
    }
    row.text(joined(names, ", ")).text(joined(phones, ", ")).text(joined(emails, ", ")).text(joined(sites, ", "));
    // One line per point of sale: "Marché de Saint-Girons (Marché) — Place des Poilus, 09200
    // Saint-Girons — samedi 8 h-13 h".
    std::vector<std::string> places;
    if (auto points = member(p, "points_of_sale")) {
        for (size_t i = 0; i < points->size(); ++i) {
            const auto pos = points->at(i);
            std::string line = str(pos, "name");
            const std::string kind = str(pos, "kind");
            if (!kind.empty()) line += (line.empty() ? "" : " ") + std::string("(") + pointOfSaleKindName(kind) + ")";
            std::string where;
            if (auto a = member(pos, "address")) where = addressLine(*a);
            places.push_back(joined({line, where, str(pos, "opening_hours")}, " — "));
        }
    }
    row.text(joined(places, "\n")).integer(static_cast<int64_t>(places.size()));
    row.text(joined(strings(p, "sources"), ", "));
    const auto missing = member(p, "siret_missing");
    row.text(missing && missing->boolean() ? "oui" : "non");
    row.text(base + "/producteurs/" + urlEncode(str(p, "id")));
    return row.line();
}

}  // namespace recolte::publish
