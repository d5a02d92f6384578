#include "column_map.hpp"

#include <algorithm>

#include "recolte/sdk/text.hpp"

namespace recolte::csv_connector {

namespace {

// Written as people write them; compared after normalizeHeader(). Order = preference when a file
// has two candidate columns ("Prix" wins over "Tarif").
std::vector<FieldInfo> makeTable() {
    return {
        {Field::Name, "name",
         {"produit", "désignation", "libellé", "article", "nom du produit", "produits", "désignation produit",
          "libellé produit", "dénomination", "nom produit"}},
        {Field::Price, "price",
         {"prix", "prix ht", "prix unitaire", "prix unitaire ht", "tarif", "tarif ht", "prix de vente", "prix de vente ht",
          "pu ht", "pu", "prix €", "prix € ht", "prix eur", "prix eur ht"}},
        {Field::PriceUnit, "price_unit",
         {"unité", "unité de prix", "par", "unité de vente", "unité prix", "prix par", "u", "unite de facturation"}},
        {Field::Packaging, "packaging",
         {"conditionnement", "colisage", "contenance", "emballage", "format", "poids", "poids net"}},
        {Field::ProducerName, "producer_name",
         {"producteur", "ferme", "exploitation", "nom du producteur", "nom producteur", "libellé producteur",
          "producteur nom", "fournisseur", "nom de la ferme", "raison sociale"}},
        {Field::ProducerSiret, "producer_siret", {"siret", "n° siret", "numéro siret", "siret producteur", "no siret"}},
        {Field::ProducerKey, "producer_key", {"code producteur", "id producteur", "code fournisseur", "réf producteur"}},
        {Field::ProducerStreet, "producer_street", {"adresse", "rue", "adresse producteur", "adresse de la ferme"}},
        {Field::ProducerPostcode, "producer_postcode", {"code postal", "cp", "code postal producteur"}},
        {Field::ProducerCity, "producer_city", {"commune", "ville", "localité"}},
        {Field::ProducerDepartement, "producer_departement", {"département", "dept", "dép", "dpt"}},
        {Field::ProducerEmail, "producer_email", {"email", "e-mail", "courriel", "mail", "adresse e-mail"}},
        {Field::ProducerPhone, "producer_phone", {"téléphone", "tél", "tel", "portable", "n° de téléphone"}},
        {Field::SourceId, "source_id",
         {"référence", "ref", "réf", "code article", "référence produit", "réf produit", "code produit"}},
        {Field::ProductType, "product_type",
         {"type", "catégorie", "rayon", "type produit", "type de produit", "catégorie produit"}},
        {Field::Family, "family", {"famille", "famille de produits", "famille produit", "famille de produit"}},
        {Field::Labels, "labels",
         {"labels", "label", "signe de qualité", "signes de qualité", "signes officiels de qualité", "siqo",
          "certification", "certifications", "logos", "mention valorisante"}},
        {Field::Vat, "vat", {"tva", "taux tva", "taux de tva", "tva %", "taux tva %"}},
        {Field::AvailableFrom, "available_from",
         {"disponible du", "début", "du", "début de disponibilité", "disponible à partir du", "à partir du",
          "date de début", "date début", "disponibilité début"}},
        {Field::AvailableTo, "available_to",
         {"disponible au", "fin", "au", "fin de disponibilité", "disponible jusqu'au", "jusqu'au", "date de fin",
          "date fin", "disponibilité fin"}},
        {Field::QuantityAvailable, "quantity_available",
         {"quantité disponible", "stock", "qté disponible", "quantité", "qté dispo", "volume disponible", "volume"}},
        {Field::MinimumOrder, "minimum_order",
         {"minimum de commande", "commande minimum", "minimum", "qté minimum", "quantité minimum"}},
        {Field::LeadTimeDays, "lead_time_days",
         {"délai de commande", "délai de commande (jours)", "délai", "délai (jours)", "délai de livraison"}},
        {Field::PiecesPerPack, "pieces_per_pack",
         {"pièces par colis", "nombre de pièces", "nb pièces", "unités par colis", "nb par colis"}},
        {Field::Description, "description", {"description", "descriptif", "commentaire", "commentaires", "remarques"}},
        {Field::Origin, "origin", {"origine", "provenance", "origine production", "pays d'origine"}},
        {Field::Ean, "ean", {"ean", "code ean", "ean 13", "ean13", "référence ean 13", "code barre", "code-barres", "gencod"}},
    };
}

const std::string kEmpty;


}  // namespace

const std::vector<FieldInfo>& fieldTable() {
    static const std::vector<FieldInfo> table = makeTable();
    return table;
}

const FieldInfo& infoOf(Field f) { return fieldTable()[static_cast<size_t>(f)]; }

std::string normalizeHeader(std::string_view header) { return sdk::foldWords(header); }

sdk::Expected<AliasTable> buildAliases(const std::map<std::string, std::string>& columns) {
    AliasTable table;
    for (const auto& info : fieldTable()) {
        const size_t f = static_cast<size_t>(info.field);
        for (const char* alias : info.aliases) {
            table.normalized[f].push_back(normalizeHeader(alias));
            table.shown[f].emplace_back(alias);
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
        const size_t f = static_cast<size_t>(it->field);
        table.normalized[f].clear();
        table.shown[f].clear();
        for (const auto& spelling : sdk::splitList(value, "|")) {
            table.normalized[f].push_back(normalizeHeader(spelling));
            table.shown[f].push_back(spelling);
        }
        if (table.normalized[f].empty())
            return sdk::configError("en-tête vide pour le champ « " + key + " » dans l'option columns", "columns." + key);
        table.overridden[f] = true;
    }
    return table;
}

ColumnMap::ColumnMap(const std::vector<std::string>& headerRow, const AliasTable& aliases) : headers_(headerRow) {
    index_.fill(-1);
    std::vector<std::string> normalized;
    normalized.reserve(headers_.size());
    for (const auto& h : headers_) normalized.push_back(normalizeHeader(h));
    std::vector<bool> used(headers_.size(), false);

    // Fields the user mapped explicitly choose first, so a default alias never steals their column.
    auto assign = [&](size_t f) {
        for (const auto& alias : aliases.normalized[f]) {
            for (size_t i = 0; i < normalized.size(); ++i) {
                if (!used[i] && !alias.empty() && normalized[i] == alias) {
                    index_[f] = static_cast<int>(i);
                    used[i] = true;
                    return;
                }
            }
        }
    };
    for (size_t f = 0; f < kFieldCount; ++f)
        if (aliases.overridden[f]) assign(f);
    for (size_t f = 0; f < kFieldCount; ++f)
        if (!aliases.overridden[f]) assign(f);
}

const std::string& ColumnMap::headerOf(Field f) const {
    const int i = index(f);
    return i >= 0 ? headers_[static_cast<size_t>(i)] : kEmpty;
}

const std::string& ColumnMap::headerAt(size_t column) const { return column < headers_.size() ? headers_[column] : kEmpty; }

std::vector<std::string> ColumnMap::unusedHeaders() const {
    std::vector<bool> used(headers_.size(), false);
    for (int i : index_)
        if (i >= 0) used[static_cast<size_t>(i)] = true;
    std::vector<std::string> out;
    for (size_t i = 0; i < headers_.size(); ++i)
        if (!used[i] && !headers_[i].empty()) out.push_back(headers_[i]);
    return out;
}

}  // namespace recolte::csv_connector
