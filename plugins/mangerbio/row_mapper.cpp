#include "row_mapper.hpp"

#include <algorithm>

#include "recolte/sdk/text.hpp"
#include "socleo_codes.hpp"

namespace recolte::mangerbio {

namespace {

using sdk::Decimal;

std::string quoted(const std::string& s) { return "« " + s + " »"; }

bool isWhole(Decimal d) { return d.raw() % Decimal::kOne == 0; }

// A 4-digit postcode is a French one whose leading zero a spreadsheet dropped ("9200").
std::string fixPostcode(std::string postcode) {
    if (postcode.size() == 4 && postcode.find_first_not_of("0123456789") == std::string::npos) return "0" + postcode;
    return postcode;
}

// "1,90 €" -> "1,90": Socleo writes bare numbers, a re-saved sheet may add the currency.
std::string withoutCurrency(std::string text) {
    for (const std::string suffix : {"\xE2\x82\xAC", "EUR", "eur"}) {
        if (text.size() > suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0) {
            return sdk::trim(std::string_view(text).substr(0, text.size() - suffix.size()));
        }
    }
    return text;
}

// "812 345 676 00017" and "81234567600017" are the same SIRET.
std::string digitsOf(const std::string& s) {
    std::string out;
    for (const char c : s)
        if (c != ' ' && c != '.' && c != '-') out += c;
    return out;
}

class Row {
public:
    Row(const std::vector<std::string>& fields, const ColumnMap& columns) : fields_(fields), columns_(columns) {}

    std::string get(Field f) const {
        const int i = columns_.index(f);
        if (i < 0 || static_cast<size_t>(i) >= fields_.size()) return {};
        return sdk::trim(fields_[static_cast<size_t>(i)]);
    }
    const std::string& header(Field f) const { return columns_.headerOf(f); }
    sdk::Error bad(Field f, std::string reason) const { return sdk::dataError(std::move(reason), header(f)); }

private:
    const std::vector<std::string>& fields_;
    const ColumnMap& columns_;
};

bool isWord(const std::string& text, std::initializer_list<const char*> words) {
    const std::string folded = foldHeader(text);
    for (const char* w : words)
        if (folded == w) return true;
    return false;
}

// Unité de gestion + Colisage -> packaging text and pieces per pack (FORMAT.md, "Colisage").
std::optional<sdk::Error> mapPackaging(const Row& row, bool perKilo, sdk::OfferRecord& o) {
    const std::string handling = row.get(Field::HandlingUnit);
    const std::string packText = row.get(Field::PackSize);
    std::optional<Decimal> pack;
    if (!packText.empty()) {
        pack = parseNumber(packText);
        if (!pack || pack->isNegative() || pack->isZero())
            return row.bad(Field::PackSize, "colisage " + quoted(packText) + " illisible (nombre positif attendu)");
    }
    if (perKilo) {
        // Priced per kg: the colisage is the weight of one handling unit, in kg.
        const bool handlingIsKilo = handling.empty() || isWord(handling, {"k", "kg", "kilo", "kilos", "kilogramme"});
        const std::string weight = pack ? pack->toString(0, ',') + " kg" : "";
        if (handlingIsKilo) {
            o.packaging = (pack && *pack != Decimal::fromInt(1)) ? weight : "";
        } else {
            o.packaging = pack ? handling + " de " + weight : handling;
        }
        return std::nullopt;
    }
    // Priced per piece: the colisage counts the pieces in one handling unit.
    if (pack) {
        if (!isWhole(*pack))
            return row.bad(Field::PackSize, "colisage " + quoted(packText) +
                                                " : nombre entier de pièces attendu pour un prix à la pièce (U)");
        o.pieces_per_pack = pack->raw() / Decimal::kOne;
    }
    if (!isWord(handling, {"u", "unite", "unites", "piece", "pieces", "pce"})) o.packaging = handling;
    return std::nullopt;
}

}  // namespace

sdk::Expected<MappedRow> mapRow(const std::vector<std::string>& fields, const ColumnMap& columns,
                                const Settings& settings) {
    const Row row(fields, columns);
    MappedRow out;
    sdk::OfferRecord& o = out.offer;

    o.source_id = row.get(Field::SourceId);
    if (o.source_id.empty()) return row.bad(Field::SourceId, "référence du produit vide");
    o.name = row.get(Field::Name);
    if (o.name.empty()) return row.bad(Field::Name, "désignation du produit vide");

    const std::string priceText = row.get(Field::Price);
    if (priceText.empty()) return row.bad(Field::Price, "prix manquant");
    const auto price = Decimal::parse(withoutCurrency(priceText));
    if (!price) return row.bad(Field::Price, "prix " + quoted(priceText) + " : ce n'est pas un nombre");
    if (price->isNegative()) return row.bad(Field::Price, "prix négatif " + quoted(priceText));
    o.price = *price;
    o.currency = "EUR";

    const std::string unitCode = row.get(Field::PriceUnit);
    const auto unit = priceUnitWord(unitCode);
    if (!unit) {
        return row.bad(Field::PriceUnit, unitCode.empty()
                                             ? std::string("unité de prix manquante (U = à la pièce, K = au kilo)")
                                             : "unité de prix " + quoted(unitCode) +
                                                   " inconnue : Socleo écrit U (à la pièce) ou K (au kilo)");
    }
    o.price_unit = *unit;
    const bool perKilo = o.price_unit == "kg";

    if (const std::string vat = row.get(Field::Vat); !vat.empty()) {
        auto rate = vatRate(vat, settings.vat_codes);
        if (!rate) return row.bad(Field::Vat, rate.error().message);
        o.vat_rate = *rate;
    }

    if (auto error = mapPackaging(row, perKilo, o)) return *error;

    if (const std::string text = row.get(Field::LeadTimeDays); !text.empty()) {
        const auto days = parseNumber(text);
        if (!days || days->isNegative() || !isWhole(*days))
            return row.bad(Field::LeadTimeDays, "délai de commande " + quoted(text) + " illisible (nombre de jours attendu)");
        o.lead_time_days = days->raw() / Decimal::kOne;
    }
    if (const std::string text = row.get(Field::QuantityAvailable); !text.empty()) {
        const auto quantity = parseNumber(text);
        if (!quantity)
            return row.bad(Field::QuantityAvailable, "quantité disponible " + quoted(text) + " : ce n'est pas un nombre");
        // A negative stock reaches the hub, which refuses it with the other quantity checks.
        o.quantity_available = sdk::Quantity{*quantity, o.price_unit};
    }

    const auto agriculture = agricultureLabel(row.get(Field::AgricultureCode), row.get(Field::AgricultureLabel));
    if (!agriculture.label.empty()) o.labels.push_back(agriculture.label);
    if (!agriculture.warning.empty()) out.warnings.emplace_back(row.header(Field::AgricultureCode), agriculture.warning);
    for (auto& label : logoLabels(row.get(Field::Logos))) {
        // "B" and "[EU]" both say BIO: one is enough.
        if (std::find(o.labels.begin(), o.labels.end(), label) == o.labels.end()) o.labels.push_back(std::move(label));
    }

    if (const std::string ean = row.get(Field::Ean); !ean.empty()) {
        auto checked = checkedEan13(ean);
        if (checked) {
            o.ean = std::move(checked.value());
        } else {
            out.warnings.emplace_back(row.header(Field::Ean), checked.error().message + " ; EAN ignoré");
        }
    }

    o.product_type = row.get(Field::ProductType);
    o.family = row.get(Field::Family);
    o.origin = row.get(Field::Origin);
    o.description = row.get(Field::Description);

    sdk::ProducerRecord& p = o.producer;
    p.source_key = row.get(Field::ProducerCode);
    p.name = row.get(Field::ProducerName);
    if (p.name.empty()) return row.bad(Field::ProducerName, "libellé producteur vide");
    p.siret = row.get(Field::ProducerSiret);
    if (const auto it = settings.producer_sirets.find(p.source_key); !p.source_key.empty() && it != settings.producer_sirets.end()) {
        if (p.siret.empty()) {
            p.siret = it->second;
        } else if (digitsOf(p.siret) != digitsOf(it->second)) {
            out.warnings.emplace_back(row.header(Field::ProducerSiret),
                                      "SIRET " + quoted(p.siret) + " du fichier différent de celui de l'option producer_sirets " +
                                          quoted(it->second) + " pour le producteur " + quoted(p.source_key) +
                                          " : celui du fichier est gardé");
        }
    }
    p.address.street = row.get(Field::ProducerStreet);
    p.address.postcode = fixPostcode(row.get(Field::ProducerPostcode));
    p.address.city = row.get(Field::ProducerCity);
    return out;
}

}  // namespace recolte::mangerbio
