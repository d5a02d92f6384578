// DFC enterprises -> producers: which enterprise an item belongs to, and what the document says
// of it (name, SIRET, address, contacts, points of sale with opening hours).
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "jsonld.hpp"
#include "recolte/sdk/model.hpp"
#include "settings.hpp"

namespace recolte::bioariegegaronne {

class Producers {
public:
    Producers(const Graph& graph, const Settings& settings);

    // The enterprise selling this catalog item: dfc-b:managedBy, an enterprise that dfc-b:manages
    // it or dfc-b:supplies its product (or dfc-b:suppliedBy), the maintainer of a catalog listing
    // it, an enterprise the item is nested in, else the document's only enterprise.
    std::optional<Node> enterpriseOf(const Node& item, const std::optional<Node>& product) const;

    // The producer record of an enterprise, built once. `warnings` receives what could not be
    // read (an address the document does not include...), once per enterprise.
    const sdk::ProducerRecord& record(const Node& enterprise, std::vector<std::string>& warnings);

    const std::vector<Node>& enterprises() const { return enterprises_; }

private:
    sdk::Address address(const Node& owner, std::vector<std::string>& warnings) const;
    std::vector<sdk::PointOfSale> pointsOfSale(const Node& enterprise, std::vector<std::string>& warnings) const;
    std::string siretOf(const Node& enterprise, const std::string& name) const;

    const Graph& graph_;
    const Settings& settings_;
    std::vector<Node> enterprises_;
    std::vector<Node> places_;
    std::unordered_map<std::string, sdk::ProducerRecord> records_;  // by enterprise id (or path)
};

// Reads an Address node: OWL 1.16 (street, postcode, city) and what the connectors and OFN write
// (hasStreet, hasPostalCode, hasCity), country as an IRI or a name, latitude and longitude.
sdk::Address readAddress(const Node& address);

}  // namespace recolte::bioariegegaronne
