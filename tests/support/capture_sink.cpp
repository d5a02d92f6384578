#include "support/capture_sink.hpp"

namespace recolte::testing {

const sdk::OfferRecord* CaptureSink::offerNamed(const std::string& name) const {
    for (const auto& o : offers)
        if (o.name == name) return &o;
    return nullptr;
}

std::string CaptureSink::describeRejects() const {
    std::string out;
    for (const auto& r : rejects) out += r.where.describe() + ": " + r.reason + "\n";
    return out;
}

}  // namespace recolte::testing
