// Whole records: a connector's ProducerRecord, OfferRecord or NeedRecord -> the common schema.
// A hard problem (no name, invalid SIRET, price or date unreadable) is a data error whose French
// message names the field and the value; the record becomes a reject. A soft one (unknown label or
// product type) is a warning kept beside an accepted offer.
#include <optional>
#include <string>
#include <vector>

#include "model/dates.hpp"
#include "model/departement.hpp"
#include "model/normalize.hpp"
#include "model/unit_price.hpp"
#include "model/vocabulary.hpp"
#include "recolte/sdk/text.hpp"

namespace recolte::model {

namespace {

std::string quoted(std::string_view s) { return "\"" + std::string(s) + "\""; }

sdk::Error fail(std::string message, const sdk::Location& where) {
    return sdk::dataError(std::move(message), where.describe());
}

std::string upperAscii(std::string s) {
    for (char& c : s) {
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    }
    return s;
}

// ISO 3166 alpha-2; France when empty, as the design says. A name the hub cannot turn into a
// code is left out ("") rather than written where a code is expected.
std::string countryCode(std::string_view raw) {
    const std::string t = upperAscii(sdk::trim(raw));
    const std::string folded = sdk::foldForSearch(t);
    if (t.empty() || folded == "france" || t == "FRA") return "FR";
    if (t.size() == 2 && t[0] >= 'A' && t[0] <= 'Z' && t[1] >= 'A' && t[1] <= 'Z') return t;
    return "";
}

sdk::Address normalizeAddress(const sdk::Address& in) {
    sdk::Address a;
    a.street = sdk::trim(in.street);
    a.postcode = sdk::trim(in.postcode);
    a.city = sdk::trim(in.city);
    a.departement = upperAscii(sdk::trim(in.departement));
    if (a.departement.size() == 1 && a.departement[0] >= '1' && a.departement[0] <= '9') {
        a.departement = "0" + a.departement;  // "9" -> "09", as postcodes write it
    }
    // A name ("Ariège") or a wrong code is not a département code: the postcode says it.
    if (!isDepartementCode(a.departement)) a.departement = departementFromPostcode(a.postcode);
    a.country = countryCode(in.country);
    a.lat = in.lat;
    a.lon = in.lon;
    return a;
}

std::vector<sdk::Contact> normalizeContacts(const std::vector<sdk::Contact>& in) {
    std::vector<sdk::Contact> out;
    for (const auto& c : in) {
        sdk::Contact t{sdk::trim(c.name), sdk::trim(c.email), sdk::trim(c.phone), sdk::trim(c.website)};
        if (t.name.empty() && t.email.empty() && t.phone.empty() && t.website.empty()) continue;
        out.push_back(std::move(t));
    }
    return out;
}

std::vector<sdk::PointOfSale> normalizePointsOfSale(const std::vector<sdk::PointOfSale>& in) {
    std::vector<sdk::PointOfSale> out;
    out.reserve(in.size());
    for (const auto& p : in) {
        out.push_back({sdk::trim(p.name), pointOfSaleKind(p.kind), normalizeAddress(p.address),
                       sdk::trim(p.opening_hours)});
    }
    return out;
}

// Checks an optional ISO date field; `what` names it in French ("le début de disponibilité").
std::optional<sdk::Error> checkDate(const std::string& value, const char* what, const sdk::Location& where,
                                    bool dateTimeAllowed = false) {
    if (value.empty()) return std::nullopt;
    const bool ok = dateTimeAllowed ? isIsoDateOrDateTime(value) : isIsoDate(value);
    if (ok) return std::nullopt;
    return fail(std::string("date invalide pour ") + what + " : " + quoted(value) + " (AAAA-MM-JJ attendu)", where);
}

std::optional<sdk::Error> checkQuantity(const std::optional<sdk::Quantity>& q, const char* what,
                                        const sdk::Location& where) {
    if (!q || !q->value.isNegative()) return std::nullopt;
    return fail(std::string(what) + " négative : " + q->value.toString(0, ','), where);
}

std::optional<sdk::Quantity> trimmedQuantity(const std::optional<sdk::Quantity>& q) {
    if (!q) return std::nullopt;
    return sdk::Quantity{q->value, sdk::trim(q->unit)};
}

// "", "€", "euro", "euros" -> EUR; any 3-letter code -> upper case; else nullopt.
std::optional<std::string> currencyCode(std::string_view raw) {
    const std::string t = sdk::trim(raw);
    const std::string folded = sdk::foldForSearch(t);
    if (t.empty() || t == "\xE2\x82\xAC" || folded == "euro" || folded == "euros") return std::string("EUR");
    if (t.size() != 3) return std::nullopt;
    for (const char c : t) {
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return std::nullopt;
    }
    return upperAscii(t);
}

void addLabel(std::vector<std::string>& labels, const std::string& code) {
    for (const auto& l : labels) {
        if (l == code) return;
    }
    labels.push_back(code);
}

// Maps each raw label; a text holding several ("AB, Label Rouge") is split when it is not one
// label as a whole. Unknown ones become warnings and are dropped.
void mapLabels(const std::vector<std::string>& raw, std::vector<std::string>& labels,
               std::vector<std::string>& warnings) {
    for (const auto& r : raw) {
        const std::string text = sdk::trim(r);
        if (text.empty()) continue;
        if (auto code = labelCode(text)) {
            addLabel(labels, *code);
            continue;
        }
        const auto parts = sdk::splitList(text, ",;|/+");
        if (parts.size() <= 1) {
            warnings.push_back("label inconnu : " + quoted(text));
            continue;
        }
        for (const auto& part : parts) {
            if (auto code = labelCode(part)) {
                addLabel(labels, *code);
            } else {
                warnings.push_back("label inconnu : " + quoted(part));
            }
        }
    }
}

}  // namespace

sdk::Expected<Producer> normalizeProducer(std::string_view source, const sdk::ProducerRecord& record) {
    const sdk::Location& where = record.where;
    if (sdk::trim(source).empty()) return fail("source manquante pour le producteur", where);

    Producer p;
    p.name = sdk::trim(record.name);
    if (p.name.empty()) return fail("nom du producteur manquant", where);

    const std::string rawSiret = sdk::trim(record.siret);
    if (rawSiret.empty()) {
        p.siret_missing = true;  // kept, and flagged for the PAT to complete
    } else {
        p.siret = compactSiret(rawSiret);
        if (!isValidSiret(p.siret)) {
            return fail("SIRET invalide : " + quoted(rawSiret) + " (14 chiffres et clé de Luhn attendus)", where);
        }
    }

    p.address = normalizeAddress(record.address);
    p.contacts = normalizeContacts(record.contacts);
    p.points_of_sale = normalizePointsOfSale(record.points_of_sale);
    p.sources = {std::string(source)};

    std::string key = sdk::trim(record.source_key);
    if (key.empty()) key = sdk::foldForSearch(p.name);
    p.id = producerId(p.siret, source, key);
    return p;
}

sdk::Expected<NormalizedOffer> normalizeOffer(std::string_view source, const sdk::OfferRecord& record) {
    const sdk::Location& where = record.where;
    NormalizedOffer out;
    Offer& o = out.offer;

    o.source = sdk::trim(source);
    if (o.source.empty()) return fail("source manquante pour l'offre", where);
    o.source_id = sdk::trim(record.source_id);
    if (o.source_id.empty()) return fail("identifiant de l'offre manquant (source_id)", where);
    o.id = offerId(o.source, o.source_id);
    o.name = sdk::trim(record.name);
    if (o.name.empty()) return fail("nom de l'offre manquant", where);

    auto producer = normalizeProducer(o.source, record.producer);
    if (!producer) {
        sdk::Error e = producer.error();
        if (e.where.empty()) e.where = where.describe();
        return e;
    }
    out.producer = std::move(producer.value());
    o.producer = ProducerRef{out.producer.id, out.producer.siret, out.producer.name};
    o.departement = out.producer.address.departement;

    if (!record.price) return fail("prix manquant", where);
    if (record.price->isNegative()) return fail("prix négatif : " + record.price->toString(2, ','), where);
    o.price.amount = *record.price;
    const auto currency = currencyCode(record.currency);
    if (!currency) return fail("devise inconnue : " + quoted(sdk::trim(record.currency)) + " (code ISO attendu, comme EUR)", where);
    o.price.currency = *currency;
    if (record.vat_rate && (record.vat_rate->isNegative() || *record.vat_rate > Decimal::fromInt(100))) {
        return fail("taux de TVA invalide : " + record.vat_rate->toString(0, ',') + " % (entre 0 et 100 attendu)", where);
    }
    o.price.vat_rate = record.vat_rate;
    o.price.unit = sdk::trim(record.price_unit);
    o.packaging = sdk::trim(record.packaging);
    o.pieces_per_pack = record.pieces_per_pack;

    auto unitPrice = computeUnitPriceDetailed(o.price.amount, o.price.unit, o.packaging, o.pieces_per_pack);
    if (!unitPrice) return fail(unitPrice.error().message, where);
    o.unit_price = unitPrice->price;
    if (unitPrice->packagingUnread) {
        out.warnings.push_back("conditionnement illisible : " + quoted(o.packaging) +
                               " (prix unitaire calculé à la pièce)");
    }

    mapLabels(record.labels, o.labels, out.warnings);

    const std::string rawType = sdk::trim(record.product_type);
    if (!rawType.empty()) {
        o.product_type = productTypeId(rawType);
        if (o.product_type.empty()) out.warnings.push_back("type de produit inconnu : " + quoted(rawType));
    }
    o.family = sdk::trim(record.family);
    o.description = sdk::trim(record.description);

    o.available_from = sdk::trim(record.available_from);
    o.available_to = sdk::trim(record.available_to);
    if (auto e = checkDate(o.available_from, "le début de disponibilité", where)) return *e;
    if (auto e = checkDate(o.available_to, "la fin de disponibilité", where)) return *e;
    if (!o.available_from.empty() && !o.available_to.empty() && o.available_from > o.available_to) {
        return fail("période de disponibilité incohérente : du " + o.available_from + " au " + o.available_to, where);
    }

    if (auto e = checkQuantity(record.quantity_available, "quantité disponible", where)) return *e;
    if (auto e = checkQuantity(record.minimum_order, "quantité minimale de commande", where)) return *e;
    o.quantity_available = trimmedQuantity(record.quantity_available);
    o.minimum_order = trimmedQuantity(record.minimum_order);
    if (record.lead_time_days && *record.lead_time_days < 0) {
        return fail("délai de commande négatif : " + std::to_string(*record.lead_time_days) + " jours", where);
    }
    o.lead_time_days = record.lead_time_days;
    o.origin = sdk::trim(record.origin);
    o.ean = sdk::trim(record.ean);
    // o.updated_at stays empty: it is when the hub saw the content change, which the store knows.
    return out;
}

sdk::Expected<Need> normalizeNeed(std::string_view source, const sdk::NeedRecord& record) {
    const sdk::Location& where = record.where;
    Need n;
    n.source = sdk::trim(source);
    if (n.source.empty()) return fail("source manquante pour le besoin", where);
    n.source_id = sdk::trim(record.source_id);
    if (n.source_id.empty()) return fail("identifiant du besoin manquant (source_id)", where);
    n.id = needId(n.source, n.source_id);
    n.title = sdk::trim(record.title);
    if (n.title.empty()) return fail("intitulé du besoin manquant", where);

    const std::string rawStatus = sdk::trim(record.status);
    const auto status = needStatus(rawStatus);
    if (!status) {
        return fail("statut du besoin inconnu : " + quoted(rawStatus) + " (ouvert, attribué ou clos attendu)", where);
    }
    n.status = status->status;
    n.status_reason = sdk::trim(record.status_reason);
    if (n.status_reason.empty() && status->withoutAward) n.status_reason = rawStatus;

    const std::string rawSiret = sdk::trim(record.buyer_siret);
    if (!rawSiret.empty()) {
        n.buyer_siret = compactSiret(rawSiret);
        if (!isValidSiret(n.buyer_siret)) {
            return fail("SIRET de l'acheteur invalide : " + quoted(rawSiret) + " (14 chiffres et clé de Luhn attendus)",
                        where);
        }
    }
    n.buyer_name = sdk::trim(record.buyer_name);
    n.buyer_kind = buyerKind(record.buyer_kind);
    n.product_type = productTypeId(record.product_type);
    n.description = sdk::trim(record.description);

    if (auto e = checkQuantity(record.quantity, "quantité demandée", where)) return *e;
    n.quantity = trimmedQuantity(record.quantity);

    n.delivery_from = sdk::trim(record.delivery_from);
    n.delivery_to = sdk::trim(record.delivery_to);
    n.answer_deadline = sdk::trim(record.answer_deadline);
    if (auto e = checkDate(n.delivery_from, "le début de livraison", where)) return *e;
    if (auto e = checkDate(n.delivery_to, "la fin de livraison", where)) return *e;
    if (auto e = checkDate(n.answer_deadline, "la date limite de réponse", where, true)) return *e;
    if (!n.delivery_from.empty() && !n.delivery_to.empty() && n.delivery_from > n.delivery_to) {
        return fail("période de livraison incohérente : du " + n.delivery_from + " au " + n.delivery_to, where);
    }

    n.criteria = sdk::trim(record.criteria);
    n.contract_type = sdk::trim(record.contract_type);
    n.place = normalizeAddress(record.place);
    // n.updated_at stays empty: the store sets it when it sees the need change.
    return n;
}

}  // namespace recolte::model
