// One DFC document -> records: one offer or one reject per dfc-b:CatalogItem (its SuppliedProduct,
// its Offer and Price, its Enterprise), a reject per SuppliedProduct no item sells, a producer per
// enterprise that sells nothing, a reject per @graph element that is not a node.
#pragma once

#include <cstdint>
#include <string>

#include "jsonld.hpp"
#include "recolte/sdk/connector.hpp"
#include "settings.hpp"

namespace recolte::bioariegegaronne {

class CatalogReader {
public:
    CatalogReader(const Settings& settings, sdk::RecordSink& sink);

    // `name` is the file path or URL the document came from. An Error means the document as a
    // whole is not a DFC catalogue: the sync fails and keeps the previous data.
    sdk::Status read(const Graph& graph, const std::string& name);

    uint64_t offers() const { return offers_; }
    uint64_t producers() const { return producers_; }
    uint64_t rejects() const { return rejects_; }

private:
    class Document;
    const Settings& settings_;
    sdk::RecordSink& sink_;
    uint64_t offers_ = 0, producers_ = 0, rejects_ = 0;
};

}  // namespace recolte::bioariegegaronne
