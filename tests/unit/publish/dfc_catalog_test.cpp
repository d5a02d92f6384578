// The DFC JSON-LD writer: the connector's @context, one SuppliedProduct/CatalogItem/Offer per
// offer with exact prices, quantities that give back the unit price, and one Enterprise per
// producer listing what it supplies.
#include <gtest/gtest.h>

#include "model/json.hpp"
#include "publish/dfc_catalog.hpp"
#include "recolte/sdk/json.hpp"

namespace recolte::publish {
namespace {

model::Offer offer(const std::string& id, const std::string& priceUnit, const std::string& packaging, int64_t priceRaw,
                   int64_t unitPriceRaw, model::BaseUnit unit) {
    model::Offer o;
    o.id = id;
    o.source = "ferme";
    o.source_id = "REF-" + id;
    o.producer = {"p1", "81234567600017", "Ferme du Couserans"};
    o.departement = "09";
    o.name = "Produit " + id + " \"spécial\"";
    o.product_type = "dairy-product";
    o.labels = {"BIO", "FERMIER"};
    o.price.amount = sdk::Decimal::fromRaw(priceRaw);
    o.price.vat_rate = sdk::Decimal::parse("5.5");
    o.price.unit = priceUnit;
    o.packaging = packaging;
    o.unit_price = {sdk::Decimal::fromRaw(unitPriceRaw), unit};
    o.updated_at = "2026-11-26T10:00:00Z";
    return o;
}

std::string catalogue(const std::vector<model::Offer>& offers, const std::optional<std::string>& producerDoc) {
    DfcCatalogWriter w("http://hub");
    std::string out = w.begin();
    for (const auto& o : offers) out += w.offer(model::toJson(o));
    for (const auto& id : w.producerIds()) out += w.enterprise(id, producerDoc);
    return out + w.end();
}

std::optional<sdk::json::Value> node(const sdk::json::Document& d, const std::string& id) {
    const auto graph = *d.root().get("@graph");
    for (size_t i = 0; i < graph.size(); ++i)
        if (graph.at(i).get("@id")->text() == id) return graph.at(i);
    return std::nullopt;
}

TEST(DfcCatalog, WritesValidJsonLdWithTheConnectorsContext) {
    const std::string text = catalogue({offer("a", "pot", "125 g", 8500, 68000, model::BaseUnit::Kg)}, std::nullopt);
    auto d = sdk::json::Document::parse(text);
    ASSERT_TRUE(d) << d.error().message << "\n" << text;
    EXPECT_EQ(d->root().get("@context")->text(), kDfcContext);
    EXPECT_EQ(d->root().get("@graph")->size(), 4u);  // product, item, offer, enterprise (no address known)
}

TEST(DfcCatalog, OneProductItemAndOfferPerOfferWithExactValues) {
    const std::string text = catalogue({offer("a", "pot", "125 g", 8500, 68000, model::BaseUnit::Kg),
                                        offer("b", "douzaine", "", 41000, 3417, model::BaseUnit::Piece),
                                        offer("c", "botte", "", 15000, 15000, model::BaseUnit::Piece),
                                        offer("d", "colis", "sachet kraft", 90000, 18000, model::BaseUnit::Kg)},
                                       std::nullopt);
    auto d = sdk::json::Document::parse(text);
    ASSERT_TRUE(d) << text;
    const auto product = node(*d, "http://hub/api/dfc/catalog#supplied-products/a");
    ASSERT_TRUE(product);
    EXPECT_EQ(product->get("@type")->text(), "dfc-b:SuppliedProduct");
    EXPECT_EQ(product->get("dfc-b:name")->text(), "Produit a \"spécial\"");
    EXPECT_EQ(product->get("dfc-b:hasType")->text(), "dfc-pt:dairy-product");
    EXPECT_EQ(product->get("dfc-b:hasCertification")->size(), 1u);  // FERMIER has no DFC facet
    EXPECT_EQ(product->get("dfc-b:hasCertification")->at(0).text(), "dfc-f:Organic-AB");
    // A pot of 125 g at 0.85 is what gives 6.80 EUR/kg.
    EXPECT_EQ(product->get("dfc-b:hasQuantity")->get("dfc-b:hasUnit")->text(), "dfc-m:Kilogram");
    EXPECT_EQ(product->get("dfc-b:hasQuantity")->get("dfc-b:value")->text(), "0.125");
    const auto eggs = node(*d, "http://hub/api/dfc/catalog#supplied-products/b");
    EXPECT_EQ(eggs->get("dfc-b:hasQuantity")->get("dfc-b:value")->text(), "12");
    EXPECT_EQ(eggs->get("dfc-b:hasQuantity")->get("dfc-b:hasUnit")->text(), "dfc-m:Piece");
    // Unreadable packaging: no quantity rather than a guess.
    EXPECT_FALSE(node(*d, "http://hub/api/dfc/catalog#supplied-products/d")->get("dfc-b:hasQuantity"));

    const auto item = node(*d, "http://hub/api/dfc/catalog#catalog-items/a");
    EXPECT_EQ(item->get("dfc-b:references")->text(), "http://hub/api/dfc/catalog#supplied-products/a");
    EXPECT_EQ(item->get("dfc-b:offeredThrough")->text(), "http://hub/api/dfc/catalog#offers/a");
    EXPECT_EQ(item->get("dfc-b:sku")->text(), "REF-a");
    const auto offerNode = node(*d, "http://hub/api/dfc/catalog#offers/a");
    const auto price = *offerNode->get("dfc-b:hasPrice");
    EXPECT_EQ(price.get("dfc-b:value")->text(), "0.85");
    EXPECT_EQ(price.get("dfc-b:VATrate")->text(), "5.5");
    EXPECT_EQ(price.get("dfc-b:hasUnit")->text(), "dfc-m:Euro");
}

TEST(DfcCatalog, OneEnterprisePerProducerWithItsAddress) {
    model::Producer p;
    p.id = "p1";
    p.siret = "81234567600017";
    p.name = "Ferme du Couserans";
    p.address.street = "Le Bourg";
    p.address.postcode = "09200";
    p.address.city = "Saint-Girons";
    p.address.departement = "09";
    const std::string text = catalogue({offer("a", "kg", "", 10000, 10000, model::BaseUnit::Kg),
                                        offer("b", "kg", "", 20000, 20000, model::BaseUnit::Kg)},
                                       model::toJson(p));
    auto d = sdk::json::Document::parse(text);
    ASSERT_TRUE(d) << text;
    const auto e = node(*d, "http://hub/api/dfc/catalog#enterprises/p1");
    ASSERT_TRUE(e);
    EXPECT_EQ(e->get("@type")->text(), "dfc-b:Enterprise");
    EXPECT_EQ(e->get("dfc-b:name")->text(), "Ferme du Couserans");
    EXPECT_EQ(e->get("https://recolte.example/ns#siret")->text(), "81234567600017");
    EXPECT_EQ(e->get("dfc-b:supplies")->size(), 2u);
    EXPECT_EQ(e->get("dfc-b:manages")->at(1).text(), "http://hub/api/dfc/catalog#catalog-items/b");
    const auto a = node(*d, std::string(e->get("dfc-b:hasAddress")->text()));
    ASSERT_TRUE(a);
    EXPECT_EQ(a->get("dfc-b:hasPostalCode")->text(), "09200");
    EXPECT_EQ(a->get("dfc-b:hasCity")->text(), "Saint-Girons");
}

}  // namespace
}  // namespace recolte::publish
