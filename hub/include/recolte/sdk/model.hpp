// Records as a connector emits them: the source's facts, lightly typed. The core's normalizer turns
// them into the common schema (schemas/*.schema.json): units, unit prices, labels, SIRET checks and
// producer merge happen there, once, not in every plugin.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "recolte/sdk/decimal.hpp"

namespace recolte::sdk {

// Where a record or a reject comes from. `line` is the physical line (1-based) where the record
// starts; `column` a column name or number; `element` an XML/JSON path. Empty/0 when unknown.
struct Location {
    std::string file;
    std::string url;
    int64_t line = 0;
    std::string column;
    std::string element;

    std::string describe() const;  // "prix.csv:12 (colonne prix)"
};

struct Address {
    std::string street;
    std::string postcode;
    std::string city;
    std::string departement;  // "09", "31", "2A"; derived from postcode when empty
    std::string country;      // ISO 3166 alpha-2, "FR" when empty
    std::optional<double> lat, lon;  // coordinates are not money: doubles are fine
};

struct PointOfSale {
    std::string name;
    std::string kind;  // farm_shop, market, amap, shop, drive, other (free text is normalized)
    Address address;
    std::string opening_hours;  // as written
};

struct Contact {
    std::string name;
    std::string email;
    std::string phone;
    std::string website;
};

// A producer as one source describes it.
struct ProducerRecord {
    std::string source_key;  // the producer's id in the source (code producteur, or its name)
    std::string siret;       // raw text; validated by the core (14 digits, Luhn)
    std::string name;
    Address address;
    std::vector<Contact> contacts;
    std::vector<PointOfSale> points_of_sale;
    Location where;
};

// A quantity as written: value plus a unit text ("kg", "pièce", "colis").
struct Quantity {
    Decimal value;
    std::string unit;
};

struct OfferRecord {
    std::string source_id;  // stable id of the offer in its source
    ProducerRecord producer;
    std::string name;
    std::string description;
    std::string product_type;  // raw text or dfc-pt id; the core maps it
    std::string family;        // Ma Cantine famille_produits when known
    std::vector<std::string> labels;  // raw texts ("AB", "bio", "Label Rouge"); the core maps them
    std::optional<Decimal> price;     // price excluding VAT, in `currency`
    std::string currency;             // "EUR" when empty
    std::optional<Decimal> vat_rate;  // percent: 5.5, 20
    std::string price_unit;  // what the price is for, as written: "kg", "500 g", "botte", "pot"
    std::string packaging;   // as written: "250 g", "colis de 5 kg"
    std::optional<int64_t> pieces_per_pack;
    std::string available_from;  // ISO date YYYY-MM-DD, empty = no bound
    std::string available_to;
    std::optional<Quantity> quantity_available;
    std::optional<Quantity> minimum_order;
    std::optional<int64_t> lead_time_days;
    std::string origin;
    std::string ean;
    std::string updated_at;  // ISO date-time when the source says when it changed
    Location where;
};

// An open demand (Agrilocal consultation, association need).
struct NeedRecord {
    std::string source_id;
    std::string title;
    std::string description;
    std::string buyer_name;
    std::string buyer_siret;
    std::string buyer_kind;  // ccas, school, college, hospital, association, other
    std::string product_type;
    std::optional<Quantity> quantity;
    std::string delivery_from;  // ISO dates
    std::string delivery_to;
    std::string answer_deadline;  // ISO date or date-time
    std::string criteria;
    std::string contract_type;
    Address place;
    std::string status;         // open, awarded, closed
    std::string status_reason;  // why closed without award
    std::string updated_at;
    Location where;
};

// A record the connector could not read. `reason` is for a PAT officer: French, plain.
struct Reject {
    Location where;
    std::string reason;
    std::string excerpt;  // the raw bytes, cut to a readable length
};

}  // namespace recolte::sdk
