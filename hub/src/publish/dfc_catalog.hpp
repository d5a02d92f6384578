// The catalogue in DFC JSON-LD (Data Food Consortium ontology 1.16), so that Open Food Network
// and other DFC platforms read it: per offer a dfc-b:SuppliedProduct (name, description, product
// type dfc-pt, quantity with a dfc-m unit, certifications dfc-f), a dfc-b:CatalogItem and a
// dfc-b:Offer with its dfc-b:Price; per producer a dfc-b:Enterprise and its dfc-b:Address.
//
// The @context is the one the official connector (npm @datafoodconsortium/connector) bundles, so
// it imports the document offline. Identifiers are fragments of the catalogue's own address
// (".../api/dfc/catalog#offers/<id>"): stable, and they resolve to this document.
// Values are written as text ("2.50"), as the connector itself does: exact decimals.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace recolte::publish {

inline constexpr const char* kDfcContext =
    "https://www.datafoodconsortium.org/wp-content/plugins/wordpress-context-jsonld/context_1.16.0.jsonld";

// Written piece by piece so a large catalogue streams: begin(), offer() for each offer, then
// enterprise() for each producer the offers named (producerIds()), then end().
class DfcCatalogWriter {
public:
    // base: the hub's public address ("http://127.0.0.1:8080").
    explicit DfcCatalogWriter(std::string base);

    std::string begin();
    // The SuppliedProduct, CatalogItem and Offer of one offer document.
    std::string offer(const std::string& offerDoc);
    // Producers in the order offers first named them.
    const std::vector<std::string>& producerIds() const { return producerOrder_; }
    // The Enterprise (and its Address) of a producer: from its document when the store has it,
    // else from the name the offers carry.
    std::string enterprise(const std::string& producerId, const std::optional<std::string>& producerDoc);
    std::string end();

private:
    std::string iri(const char* kind, const std::string& id) const;
    void separator(std::string& out);

    std::string base_;
    bool first_ = true;
    struct Supplied {
        std::string name;
        std::vector<std::string> offerIds;
    };
    std::map<std::string, Supplied> producers_;
    std::vector<std::string> producerOrder_;
};

// The dfc-f certification of a label code (BIO -> "dfc-f:Organic-AB"), "" when DFC has none.
std::string dfcCertification(const std::string& labelCode);

}  // namespace recolte::publish
