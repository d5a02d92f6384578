// The hub's own checks before it writes an invoice: the EN 16931 core rules (BR-nn, BR-CO-nn,
// BR-S-nn...) and Chorus Pro's (buyer by SIRET, service code, engagement number, number length,
// type code). Each violation names its rule id and says in French what is wrong.
#pragma once

#include <string>
#include <vector>

#include "recolte/sdk/invoice.hpp"

namespace recolte::invoice {

struct RuleViolation {
    std::string rule;     // "BR-CO-10", "CPP-SIRET"...
    std::string message;  // French, for the producer or the finance officer
};

// What Chorus Pro requires of this buyer (from the buyer's Chorus Pro settings).
struct ChorusBuyerRequirements {
    bool service_code = false;       // BT-10 required
    bool engagement_number = false;  // BT-13 required
};

std::vector<RuleViolation> checkEn16931(const sdk::InvoiceRecord& invoice);
std::vector<RuleViolation> checkChorusPro(const sdk::InvoiceRecord& invoice, const ChorusBuyerRequirements& buyer);
// The rule ids checkEn16931 implements (for the agreement test against the official rule tests).
const std::vector<std::string>& implementedEn16931Rules();

}  // namespace recolte::invoice
