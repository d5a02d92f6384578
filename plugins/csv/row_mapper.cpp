#include "row_mapper.hpp"

#include <cstdint>
#include <optional>
#include <string_view>

#include "recolte/sdk/text.hpp"

namespace recolte::csv_connector {

namespace {

using sdk::Decimal;

// ASCII case-insensitive suffix test, without allocating.
bool endsWithNoCase(std::string_view text, std::string_view lowerSuffix) {
    if (text.size() < lowerSuffix.size()) return false;
    const std::string_view tail = text.substr(text.size() - lowerSuffix.size());
    for (size_t i = 0; i < tail.size(); ++i) {
        const char c = (tail[i] >= 'A' && tail[i] <= 'Z') ? static_cast<char>(tail[i] + 32) : tail[i];
        if (c != lowerSuffix[i]) return false;
    }
    return true;
}

// "12,50 €", "12,50 EUR HT", "12,50€" -> "12,50". Only trailing currency or tax words are removed:
// anything else must still parse as a number or the row is rejected.
std::string stripCurrency(std::string text) {
    static constexpr std::string_view kSuffixes[] = {"\xE2\x82\xAC", "eur", "euros", "ht", "h.t.", "h.t"};
    if (!text.empty() && text.back() >= '0' && text.back() <= '9') return text;  // the usual case
    for (bool again = true; again;) {
        again = false;
        text = sdk::trim(text);
        for (std::string_view suffix : kSuffixes) {
            if (text.size() > suffix.size() && endsWithNoCase(text, suffix)) {
                text.resize(text.size() - suffix.size());
                again = true;
                break;
            }
        }
    }
    return text;
}

// Collapses runs of spaces to one, after folding.
std::string foldKey(std::string_view text) {
    const std::string folded = sdk::foldForSearch(sdk::trim(text));
    std::string out;
    out.reserve(folded.size());
    for (char c : folded) {
        if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
        out += c;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

// Parses "120", "120 kg", "1 200,5 kg", "12 barquettes" into a number and a unit text; an empty unit
// means the price unit.
std::optional<sdk::Quantity> parseQuantity(const std::string& text, const std::string& defaultUnit) {
    size_t end = 0;
    while (end < text.size()) {
        const unsigned char c = static_cast<unsigned char>(text[end]);
        const bool numeric = (c >= '0' && c <= '9') || c == ',' || c == '.' || c == ' ' || c == '+' || c == '-';
        // NBSP and narrow NBSP group thousands too.
        if (numeric) {
            ++end;
        } else if (c == 0xC2 && end + 1 < text.size() && static_cast<unsigned char>(text[end + 1]) == 0xA0) {
            end += 2;
        } else if (c == 0xE2 && end + 2 < text.size() && static_cast<unsigned char>(text[end + 1]) == 0x80 &&
                   static_cast<unsigned char>(text[end + 2]) == 0xAF) {
            end += 3;
        } else {
            break;
        }
    }
    const auto value = Decimal::parse(sdk::trim(std::string_view(text).substr(0, end)));
    if (!value || value->isNegative()) return std::nullopt;
    std::string unit = sdk::trim(std::string_view(text).substr(end));
    return sdk::Quantity{*value, unit.empty() ? defaultUnit : unit};
}

// A count of days or pieces: "3", "3 jours", "3 j".
std::optional<int64_t> parseCount(const std::string& text, bool days) {
    size_t i = 0;
    int64_t value = 0;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
        if (value > 1'000'000) return std::nullopt;
        value = value * 10 + (text[i] - '0');
        ++i;
    }
    if (i == 0) return std::nullopt;
    const std::string rest = foldKey(std::string_view(text).substr(i));
    if (rest.empty()) return value;
    if (days && (rest == "j" || rest == "jour" || rest == "jours" || rest == "j." || rest == "jrs")) return value;
    return std::nullopt;
}

std::optional<Decimal> parseVat(const std::string& text) {
    std::string t = sdk::trim(text);
    if (!t.empty() && t.back() == '%') t = sdk::trim(std::string_view(t).substr(0, t.size() - 1));
    auto rate = Decimal::parse(t);
    if (!rate || rate->isNegative() || *rate > Decimal::fromInt(100)) return std::nullopt;
    // Spreadsheets formatted as a percentage export 5,5 % as 0,055.
    if (!rate->isZero() && *rate < Decimal::fromInt(1)) rate = Decimal::fromRaw(rate->raw() * 100);
    return rate;
}

// A 4-digit postcode is a French one whose leading zero a spreadsheet dropped ("9000" for Foix).
std::string fixPostcode(std::string postcode) {
    if (postcode.size() == 4 && postcode.find_first_not_of("0123456789") == std::string::npos) return "0" + postcode;
    return postcode;
}

class Row {
public:
    Row(const std::vector<std::string>& fields, const ColumnMap& columns, const Settings& settings)
        : fields_(fields), columns_(columns), settings_(settings) {}

    // The trimmed cell, or the option's default when there is no column or the cell is empty.
    std::string get(Field f) const {
        const int i = columns_.index(f);
        if (i >= 0 && static_cast<size_t>(i) < fields_.size()) {
            std::string v = sdk::trim(fields_[static_cast<size_t>(i)]);
            if (!v.empty()) return v;
        }
        return settings_.fallback(f);
    }
    sdk::Error bad(Field f, std::string reason) const {
        return sdk::dataError(std::move(reason), columns_.headerOf(f));
    }

private:
    const std::vector<std::string>& fields_;
    const ColumnMap& columns_;
    const Settings& settings_;
};

std::string quoted(const std::string& s) { return "« " + s + " »"; }

}  // namespace

std::string derivedSourceId(const sdk::OfferRecord& offer) {
    return foldKey(offer.producer.source_key) + "|" + foldKey(offer.name) + "|" + foldKey(offer.price_unit);
}

sdk::Expected<sdk::OfferRecord> mapRow(const std::vector<std::string>& fields, const ColumnMap& columns,
                                       const Settings& settings) {
    const Row row(fields, columns, settings);
    sdk::OfferRecord o;

    o.name = row.get(Field::Name);
    if (o.name.empty()) return row.bad(Field::Name, "nom du produit vide");

    const std::string priceText = row.get(Field::Price);
    if (priceText.empty()) return row.bad(Field::Price, "prix manquant");
    const auto price = Decimal::parse(stripCurrency(priceText));
    if (!price) return row.bad(Field::Price, "prix " + quoted(priceText) + " : ce n'est pas un nombre");
    if (price->isNegative()) return row.bad(Field::Price, "prix négatif " + quoted(priceText));
    o.price = *price;
    o.currency = "EUR";

    o.price_unit = row.get(Field::PriceUnit);
    if (o.price_unit.empty()) return row.bad(Field::PriceUnit, "unité de prix manquante (kg, pièce, botte...)");
    o.packaging = row.get(Field::Packaging);

    if (const std::string vat = row.get(Field::Vat); !vat.empty()) {
        o.vat_rate = parseVat(vat);
        if (!o.vat_rate) return row.bad(Field::Vat, "taux de TVA " + quoted(vat) + " illisible (attendu un pourcentage, ex. 5,5)");
    }

    for (Field f : {Field::AvailableFrom, Field::AvailableTo}) {
        const std::string text = row.get(f);
        if (text.empty()) continue;
        std::string iso = sdk::parseDate(text);
        if (iso.empty()) return row.bad(f, "date " + quoted(text) + " invalide (attendu JJ/MM/AAAA)");
        (f == Field::AvailableFrom ? o.available_from : o.available_to) = std::move(iso);
    }
    if (!o.available_from.empty() && !o.available_to.empty() && o.available_to < o.available_from)
        return row.bad(Field::AvailableTo, "période inversée : disponible du " + o.available_from + " au " + o.available_to);

    for (Field f : {Field::QuantityAvailable, Field::MinimumOrder}) {
        const std::string text = row.get(f);
        if (text.empty()) continue;
        auto q = parseQuantity(text, o.price_unit);
        if (!q) return row.bad(f, "quantité " + quoted(text) + " illisible (attendu un nombre, ex. 120 ou 120 kg)");
        (f == Field::QuantityAvailable ? o.quantity_available : o.minimum_order) = std::move(q);
    }
    if (const std::string text = row.get(Field::LeadTimeDays); !text.empty()) {
        o.lead_time_days = parseCount(text, true);
        if (!o.lead_time_days) return row.bad(Field::LeadTimeDays, "délai " + quoted(text) + " illisible (attendu un nombre de jours)");
    }
    if (const std::string text = row.get(Field::PiecesPerPack); !text.empty()) {
        o.pieces_per_pack = parseCount(text, false);
        if (!o.pieces_per_pack || *o.pieces_per_pack == 0)
            return row.bad(Field::PiecesPerPack, "nombre de pièces par colis " + quoted(text) + " illisible");
    }

    o.labels = sdk::splitList(row.get(Field::Labels), ",;|/+");
    o.description = row.get(Field::Description);
    o.product_type = row.get(Field::ProductType);
    o.family = row.get(Field::Family);
    o.origin = row.get(Field::Origin);
    o.ean = row.get(Field::Ean);

    sdk::ProducerRecord& p = o.producer;
    p.name = row.get(Field::ProducerName);
    p.siret = row.get(Field::ProducerSiret);
    p.address.street = row.get(Field::ProducerStreet);
    p.address.postcode = fixPostcode(row.get(Field::ProducerPostcode));
    p.address.city = row.get(Field::ProducerCity);
    p.address.departement = row.get(Field::ProducerDepartement);
    sdk::Contact contact;
    contact.email = row.get(Field::ProducerEmail);
    contact.phone = row.get(Field::ProducerPhone);
    if (!contact.email.empty() || !contact.phone.empty()) p.contacts.push_back(std::move(contact));
    p.source_key = row.get(Field::ProducerKey);
    if (p.source_key.empty()) p.source_key = !p.siret.empty() ? p.siret : p.name;

    o.source_id = row.get(Field::SourceId);
    if (o.source_id.empty()) o.source_id = derivedSourceId(o);
    return o;
}

}  // namespace recolte::csv_connector
