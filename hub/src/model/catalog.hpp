// The common schema in C++: what the store keeps and the API serves, after normalization.
// Mirrors schemas/*.schema.json (offer, producer, need, reject, sync-run); change both together.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "recolte/sdk/decimal.hpp"
#include "recolte/sdk/model.hpp"

namespace recolte::model {

using sdk::Decimal;

enum class BaseUnit { Kg, L, Piece };
const char* toString(BaseUnit u);  // "kg", "l", "piece"

struct UnitPrice {
    Decimal amount;  // EUR per base unit, 4 decimals
    BaseUnit unit = BaseUnit::Piece;
};

struct Price {
    Decimal amount;  // excluding VAT
    std::string currency = "EUR";
    std::optional<Decimal> vat_rate;  // percent
    std::string unit;  // what the price is for, as the source wrote it ("kg", "botte", "500 g")
};

struct ProducerRef {
    std::string id;
    std::string siret;  // empty = none
    std::string name;
};

struct Offer {
    std::string id;  // stable: derived from source + source_id
    std::string source;
    std::string source_id;
    ProducerRef producer;
    std::string departement;  // the producer's, copied for filtering
    std::string name;
    std::string description;
    std::string product_type;  // DFC product type id ("vegetable"), empty when unknown
    std::string family;        // Ma Cantine famille_produits, empty when unknown
    std::vector<std::string> labels;  // BIO, LABEL_ROUGE, AOCAOP, IGP, STG, HVE, FERMIER, COMMERCE_EQUITABLE...
    Price price;
    std::string packaging;  // as written
    std::optional<int64_t> pieces_per_pack;
    UnitPrice unit_price;
    std::string available_from;  // YYYY-MM-DD or empty (no bound)
    std::string available_to;
    std::optional<sdk::Quantity> quantity_available;
    std::optional<sdk::Quantity> minimum_order;
    std::optional<int64_t> lead_time_days;
    std::string origin;
    std::string ean;
    std::string updated_at;  // ISO 8601 UTC, when the hub last saw its content change
};

struct Producer {
    std::string id;     // stable: from the SIRET, or from source + source_key when there is none
    std::string siret;  // empty = none (then `flagged`)
    bool siret_missing = false;
    std::string name;
    sdk::Address address;
    std::vector<sdk::Contact> contacts;
    std::vector<sdk::PointOfSale> points_of_sale;
    std::vector<std::string> sources;  // names of the sources that list it
};

struct Need {
    std::string id;
    std::string source;
    std::string source_id;
    std::string title;
    std::string description;
    std::string buyer_name;
    std::string buyer_siret;
    std::string buyer_kind;
    std::string product_type;
    std::optional<sdk::Quantity> quantity;
    std::string delivery_from;
    std::string delivery_to;
    std::string answer_deadline;
    std::string criteria;
    std::string contract_type;
    sdk::Address place;
    std::string status;  // open, awarded, closed
    std::string status_reason;
    std::string updated_at;
};

struct StoredReject {
    std::string source;
    std::string file;  // or url
    std::string url;
    int64_t line = 0;
    std::string column;
    std::string element;
    std::string reason;
    std::string excerpt;
    std::string at;  // ISO 8601 UTC of the sync that found it
};

struct SyncCounts {
    int64_t read = 0, accepted = 0, rejected = 0;
    int64_t added = 0, changed = 0, removed = 0, unchanged = 0;
};

struct SyncRun {
    std::string source;
    std::string connector;
    std::string started;   // ISO 8601 UTC
    std::string finished;
    std::string outcome;   // "ok" or "failed"
    SyncCounts counts;
    std::string error;     // empty when ok
    double duration_seconds = 0;
};

}  // namespace recolte::model
