#include "columns.hpp"

#include <algorithm>

#include "recolte/sdk/text.hpp"

namespace recolte::mangerbio {

namespace {

// Socleo's headers come first; the variants are what a re-saved or hand-edited export shows.
std::vector<FieldInfo> makeTable() {
    return {
        {Field::SourceId, "source_id", true, "référence", {"Référence", "Réf", "Référence produit", "Réf produit"}},
        {Field::ProducerCode, "producer_code", true, "code producteur", {"Code Producteur", "Code fournisseur"}},
        {Field::ProducerName, "producer_name", true, "libellé producteur",
         {"Libellé Producteur", "Producteur", "Nom producteur", "Nom du producteur"}},
        {Field::ProductType, "product_type", false, "type produit", {"Type produit", "Type de produit"}},
        {Field::Family, "family", false, "famille", {"Famille", "Famille produit"}},
        {Field::AgricultureCode, "agriculture_code", false, "code agriculture", {"Code Agriculture"}},
        {Field::AgricultureLabel, "agriculture_label", false, "libellé agriculture",
         {"Libellé Agriculture", "Agriculture", "Mode de production"}},
        {Field::Name, "name", true, "désignation", {"Désignation", "Désignation produit", "Libellé produit"}},
        {Field::Price, "price", true, "prix", {"Prix", "Prix HT", "Prix unitaire HT", "Prix unitaire"}},
        {Field::PriceUnit, "price_unit", true, "unité de prix", {"Unité de prix", "Unité prix"}},
        {Field::Vat, "vat", false, "TVA", {"TVA", "Code TVA", "Taux TVA", "Taux de TVA"}},
        {Field::Ean, "ean", false, "référence EAN 13",
         {"Référence EAN 13", "Référence EAN13", "EAN 13", "EAN13", "EAN", "Code EAN"}},
        {Field::HandlingUnit, "handling_unit", false, "unité de gestion", {"Unité de gestion"}},
        {Field::PackSize, "pack_size", false, "colisage", {"Colisage"}},
        {Field::LeadTimeDays, "lead_time_days", false, "délai de commande",
         {"Délai de commande (jours)", "Délai de commande", "Délai commande", "Délai (jours)"}},
        {Field::QuantityAvailable, "quantity_available", false, "quantité disponible",
         {"Quantité disponible", "Qté disponible", "Stock disponible", "Stock"}},
        {Field::Logos, "logos", false, "logos", {"Logos", "Logo"}},
        {Field::Origin, "origin", false, "origine production", {"Origine production", "Origine"}},
        {Field::Description, "description", false, "description", {"Description", "Descriptif"}},
        {Field::ProducerSiret, "producer_siret", false, "SIRET", {"SIRET", "SIRET producteur", "N° SIRET"}},
        {Field::ProducerStreet, "producer_street", false, "adresse", {"Adresse", "Adresse producteur"}},
        {Field::ProducerPostcode, "producer_postcode", false, "code postal", {"Code postal", "CP"}},
        {Field::ProducerCity, "producer_city", false, "ville", {"Ville", "Commune"}},
    };
}

const std::string kEmpty;


}  // namespace

const std::vector<FieldInfo>& fieldTable() {
    static const std::vector<FieldInfo> table = makeTable();
    return table;
}

const FieldInfo& infoOf(Field f) { return fieldTable()[static_cast<size_t>(f)]; }

std::string foldHeader(std::string_view header) { return sdk::foldWords(header); }

sdk::Expected<HeaderSpellings> buildSpellings(const std::map<std::string, std::string>& columns) {
    HeaderSpellings s;
    for (const auto& info : fieldTable()) {
        const auto f = static_cast<size_t>(info.field);
        for (const char* h : info.headers) {
            s.folded[f].push_back(foldHeader(h));
            s.shown[f].emplace_back(h);
        }
    }
    for (const auto& [key, value] : columns) {
        const auto it = std::find_if(fieldTable().begin(), fieldTable().end(),
                                     [&key = key](const FieldInfo& i) { return key == i.key; });
        if (it == fieldTable().end()) {
            std::string valid;
            for (const auto& i : fieldTable()) valid += (valid.empty() ? "" : ", ") + std::string(i.key);
            return sdk::configError("champ inconnu « " + key + " » dans l'option columns ; champs possibles : " + valid,
                                    "columns." + key);
        }
        const auto f = static_cast<size_t>(it->field);
        s.folded[f].clear();
        s.shown[f].clear();
        for (const auto& spelling : sdk::splitList(value, "|")) {
            s.folded[f].push_back(foldHeader(spelling));
            s.shown[f].push_back(spelling);
        }
        if (s.folded[f].empty())
            return sdk::configError("en-tête vide pour le champ « " + key + " » dans l'option columns", "columns." + key);
        s.overridden[f] = true;
    }
    return s;
}

ColumnMap::ColumnMap(const std::vector<std::string>& headerRow, const HeaderSpellings& spellings)
    : headers_(headerRow) {
    index_.fill(-1);
    std::vector<std::string> folded;
    folded.reserve(headers_.size());
    for (const auto& h : headers_) folded.push_back(foldHeader(h));
    std::vector<bool> used(headers_.size(), false);

    auto assign = [&](size_t f) {
        for (const auto& spelling : spellings.folded[f]) {
            for (size_t i = 0; i < folded.size(); ++i) {
                if (!used[i] && !spelling.empty() && folded[i] == spelling) {
                    index_[f] = static_cast<int>(i);
                    used[i] = true;
                    return;
                }
            }
        }
    };
    // Fields mapped in `columns` choose first, so that a default spelling never takes their column.
    for (size_t f = 0; f < kFieldCount; ++f)
        if (spellings.overridden[f]) assign(f);
    for (size_t f = 0; f < kFieldCount; ++f)
        if (!spellings.overridden[f]) assign(f);
}

const std::string& ColumnMap::headerOf(Field f) const {
    const int i = index(f);
    return i >= 0 ? headers_[static_cast<size_t>(i)] : kEmpty;
}

const std::string& ColumnMap::headerAt(size_t column) const {
    return column < headers_.size() ? headers_[column] : kEmpty;
}

std::vector<std::string> ColumnMap::unusedHeaders() const {
    std::vector<bool> used(headers_.size(), false);
    for (const int i : index_)
        if (i >= 0) used[static_cast<size_t>(i)] = true;
    std::vector<std::string> out;
    for (size_t i = 0; i < headers_.size(); ++i)
        if (!used[i] && !sdk::trim(headers_[i]).empty()) out.push_back(headers_[i]);
    return out;
}

std::vector<Field> ColumnMap::missingRequired() const {
    std::vector<Field> out;
    for (const auto& info : fieldTable())
        if (info.required && !has(info.field)) out.push_back(info.field);
    return out;
}

}  // namespace recolte::mangerbio
