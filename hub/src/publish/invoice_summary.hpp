// GET /api/v1/invoices/summary: per buyer and month, what was spent excluding VAT (the sum of
// line net amounts, BT-131; credit notes, type 381, count negative) and the share of it that is
// organic (label BIO), EGalim-labelled (any Ma Cantine quality label: BIO, CONVERSION_BIO,
// LABEL_ROUGE, AOCAOP, IGP, STG, HVE, FERMIER, COMMERCE_EQUITABLE, PECHE_DURABLE, RUP) and local
// (seller in the buyer's département, or within `invoices.local_km` of it when both addresses have
// coordinates). Shape: schemas/invoice-summary.schema.json.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <tuple>

#include "recolte/sdk/decimal.hpp"

namespace recolte::publish {

class SpendSummary {
public:
    explicit SpendSummary(int64_t localKm) : localKm_(localKm) {}
    // One invoice's public document.
    void add(const std::string& invoiceDoc);
    std::string toJson() const;

private:
    struct Group {
        std::string buyer_name, buyer_siret, month;
        int64_t invoices = 0;
        sdk::Decimal total, organic, egalim, local;
    };
    int64_t localKm_;
    std::map<std::tuple<std::string, std::string, std::string>, Group> groups_;  // (buyer name key, siret, month)
};

// Great-circle distance in km (coordinates are not money: doubles are fine).
double distanceKm(double lat1, double lon1, double lat2, double lon2);

}  // namespace recolte::publish
