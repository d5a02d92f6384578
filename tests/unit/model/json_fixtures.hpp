// Records for the JSON writer tests: one with every field filled (awkward text included) and one
// with only what a stored record always has. Shared by json_test.cpp and schema_conformance_test.cpp.
#pragma once

#include <cmath>

#include "model/catalog.hpp"

namespace recolte::test {

using model::Decimal;

inline Decimal dec(const char* text) { return *Decimal::parse(text); }

inline sdk::Address fullAddress() {
    sdk::Address a;
    a.street = "12 chemin des Crêtes";
    a.postcode = "09100";
    a.city = "Pamiers";
    a.departement = "09";
    a.country = "FR";
    a.lat = 43.1163;
    a.lon = 1.6108;
    return a;
}

inline model::Offer fullOffer() {
    model::Offer o;
    o.id = "3f2a9c0d1b7e4a55";
    o.source = "mangerbio-09";
    o.source_id = "REF-0042";
    o.producer = {"a1b2c3d4e5f60718", "73282932000074", "GAEC des Crêtes \"Bio\""};
    o.departement = "09";
    o.name = "Tomates cœur de bœuf <extra> & co";
    o.description = "Ligne 1\nLigne 2\t\"citée\"";
    o.product_type = "tomato";
    o.family = "FRUITS_ET_LEGUMES";
    o.labels = {"BIO", "HVE"};
    o.price.amount = dec("0.1") + dec("0.2");
    o.price.currency = "EUR";
    o.price.vat_rate = dec("5.5");
    o.price.unit = "500 g";
    o.packaging = "colis de 5 kg";
    o.pieces_per_pack = 10;
    o.unit_price = {dec("0.6"), model::BaseUnit::Kg};
    o.available_from = "2024-06-01";
    o.available_to = "2024-09-30";
    o.quantity_available = sdk::Quantity{dec("1234.5678"), "kg"};
    o.minimum_order = sdk::Quantity{dec("0.001"), "kg"};
    o.lead_time_days = 2;
    o.origin = "Ariège";
    o.ean = "3760123456789";
    o.updated_at = "2024-05-02T08:30:00Z";
    return o;
}

inline model::Offer minimalOffer() {
    model::Offer o;
    o.id = "0000000000000001";
    o.source = "csv";
    o.source_id = "1";
    o.producer.id = "p1";
    o.name = "Œufs";
    o.price.amount = dec("3");
    o.price.unit = "douzaine";
    o.unit_price = {dec("0.25"), model::BaseUnit::Piece};
    o.updated_at = "2024-05-02T08:30:00Z";
    return o;
}

inline model::Producer fullProducer() {
    model::Producer p;
    p.id = "a1b2c3d4e5f60718";
    p.siret = "73282932000074";
    p.name = "GAEC des Crêtes";
    p.address = fullAddress();
    p.contacts = {{"Marie Durand", "marie@example.org", "+33 5 61 00 00 00", "https://cretes.example.org"}};
    sdk::PointOfSale shop;
    shop.name = "Boutique à la ferme";
    shop.kind = "farm_shop";
    shop.address = fullAddress();
    shop.opening_hours = "mar.–sam. 9h-12h";
    sdk::PointOfSale market;
    market.name = "Marché de Foix";
    market.kind = "market";
    market.address.city = "Foix";
    market.address.postcode = "09000";
    market.address.departement = "09";
    p.points_of_sale = {shop, market};
    p.sources = {"mangerbio-09", "agrilocal-09"};
    return p;
}

inline model::Producer minimalProducer() {
    model::Producer p;
    p.id = "p1";
    p.siret_missing = true;
    p.name = "Ferme sans SIRET";
    p.sources = {"csv"};
    return p;
}

inline model::Need fullNeed() {
    model::Need n;
    n.id = "9e8d7c6b5a493827";
    n.source = "agrilocal-31";
    n.source_id = "CONS-2024-17";
    n.title = "Pommes pour la cantine";
    n.description = "Livraison hebdomadaire";
    n.buyer_name = "CCAS de Toulouse";
    n.buyer_siret = "21310555400017";
    n.buyer_kind = "ccas";
    n.product_type = "apples";
    n.quantity = sdk::Quantity{dec("250"), "kg"};
    n.delivery_from = "2024-09-01";
    n.delivery_to = "2024-12-20";
    n.answer_deadline = "2024-08-15T12:00:00Z";
    n.criteria = "Prix 40 %, qualité 60 %";
    n.contract_type = "marché à bons de commande";
    n.place = fullAddress();
    n.status = "closed";
    n.status_reason = "sans suite";
    n.updated_at = "2024-08-16T06:00:00Z";
    return n;
}

inline model::Need minimalNeed() {
    model::Need n;
    n.id = "n1";
    n.source = "agrilocal-31";
    n.source_id = "C1";
    n.title = "Carottes";
    n.buyer_name = "École";
    n.status = "open";
    n.updated_at = "2024-08-16T06:00:00Z";
    return n;
}

inline model::StoredReject fullReject() {
    model::StoredReject r;
    r.source = "csv";
    r.file = "prix.csv";
    r.url = "https://exemple.fr/prix.csv";
    r.line = 12;
    r.column = "prix";
    r.element = "/catalogue/produit[3]";
    r.reason = "Prix illisible : « douze »";
    r.excerpt = "REF-1;Tomates;douze\x01;\xE9t\xE9";  // a control byte and Windows-1252 bytes
    r.at = "2024-05-02T08:30:00Z";
    return r;
}

inline model::StoredReject minimalReject() {
    model::StoredReject r;
    r.source = "csv";
    r.reason = "Fichier vide";
    r.at = "2024-05-02T08:30:00Z";
    return r;
}

inline model::SyncRun okRun() {
    model::SyncRun s;
    s.source = "mangerbio-09";
    s.connector = "mangerbio";
    s.started = "2024-05-02T08:30:00Z";
    s.finished = "2024-05-02T08:30:02Z";
    s.outcome = "ok";
    s.counts = {120, 118, 2, 5, 3, 1, 110};
    s.duration_seconds = 1.2345;
    return s;
}

inline model::SyncRun failedRun() {
    model::SyncRun s;
    s.source = "agrilocal-31";
    s.connector = "agrilocal";
    s.started = "2024-05-02T08:30:00Z";
    s.finished = "2024-05-02T08:30:00Z";
    s.outcome = "failed";
    s.error = "Fichier introuvable : /data/agrilocal.xml";
    return s;
}

}  // namespace recolte::test
