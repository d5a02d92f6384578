// What the connector reads from real DFC shapes: the official DFC connector's export, Open Food
// Network's catalog_items, a nested document with its own prefixes, aliases and full IRIs.
#include "bag_fixture.hpp"

namespace recolte::testing {
namespace {

using sdk::Decimal;

Decimal dec(const char* s) { return *Decimal::parse(s); }

using Labels = std::vector<std::string>;

const std::string kBase = "https://bio-ariege-garonne.example/api/dfc";

TEST_F(BagConnectorTest, ReadsTheOfficialDfcConnectorExport) {
    const std::string file = bagTestData("connecteur-dfc-officiel.jsonld");
    auto run = read(file);
    ASSERT_TRUE(run->ok()) << run->why();
    EXPECT_EQ(run->sink.offers.size(), 7u);
    EXPECT_TRUE(run->sink.rejects.empty()) << run->sink.describeRejects();
    EXPECT_TRUE(run->sink.producers.empty()) << "both enterprises sell something";

    const auto* carrots = run->offer("Carottes");
    ASSERT_NE(carrots, nullptr);
    EXPECT_EQ(carrots->source_id, kBase + "/catalog_items/carottes");
    EXPECT_EQ(carrots->description, "Carottes des sables, lavées");
    EXPECT_EQ(carrots->price, dec("2.40"));
    EXPECT_EQ(carrots->vat_rate, dec("5.5"));
    EXPECT_EQ(carrots->currency, "EUR");
    EXPECT_EQ(carrots->price_unit, "1 kg");
    EXPECT_EQ(carrots->packaging, "");
    EXPECT_EQ(carrots->product_type, "dfc-pt:carrot");
    EXPECT_EQ(carrots->labels, (Labels{"BIO"})) << "Organic-AB and Organic-EU are one label";
    ASSERT_TRUE(carrots->quantity_available.has_value());
    EXPECT_EQ(carrots->quantity_available->value, Decimal::fromInt(40));
    EXPECT_EQ(carrots->quantity_available->unit, "kg");
    EXPECT_EQ(carrots->where.file, file);
    EXPECT_EQ(carrots->where.url, "");
    EXPECT_EQ(carrots->where.line, 1) << "the connector writes one line";
    EXPECT_EQ(carrots->where.element.rfind("@graph[", 0), 0u) << carrots->where.element;

    const auto& farm = carrots->producer;
    EXPECT_EQ(farm.name, "Ferme du Couserans");
    EXPECT_EQ(farm.siret, "81234567600017");
    EXPECT_EQ(farm.source_key, kBase + "/enterprises/ferme-du-couserans");
    EXPECT_EQ(farm.address.street, "12 chemin du Moulin");
    EXPECT_EQ(farm.address.postcode, "09200");
    EXPECT_EQ(farm.address.city, "Saint-Girons");
    ASSERT_EQ(farm.contacts.size(), 1u);
    EXPECT_EQ(farm.contacts[0].email, "contact@ferme-du-couserans.example");
    EXPECT_EQ(farm.contacts[0].phone, "+33 561662233");
    EXPECT_EQ(farm.contacts[0].website, "https://ferme-du-couserans.example");
    ASSERT_EQ(farm.points_of_sale.size(), 1u);
    EXPECT_EQ(farm.points_of_sale[0].name, "Marché de Saint-Girons");
    EXPECT_EQ(farm.points_of_sale[0].kind, "marché");
    EXPECT_EQ(farm.points_of_sale[0].address.street, "Place des Poilus");
    EXPECT_EQ(farm.points_of_sale[0].opening_hours, "samedi 08:00-13:00");

    const auto* potatoes = run->offer("Pommes de terre Agata");
    ASSERT_NE(potatoes, nullptr);
    EXPECT_EQ(potatoes->price, dec("7.5"));
    EXPECT_EQ(potatoes->price_unit, "5 kg");
    EXPECT_EQ(potatoes->quantity_available->unit, "lots de 5 kg");

    const auto* eggs = run->offer("Œufs fermiers");
    ASSERT_NE(eggs, nullptr);
    EXPECT_EQ(eggs->price_unit, "6 pièces") << "dfc-m:HalfDozen";
    EXPECT_EQ(eggs->product_type, "dfc-pt:egg");

    const auto* chicken = run->offer("Poulet fermier Label Rouge");
    ASSERT_NE(chicken, nullptr);
    EXPECT_EQ(chicken->price_unit, "1 pièce");
    EXPECT_EQ(chicken->packaging, "1,8 kg") << "from its PhysicalCharacteristic";
    EXPECT_EQ(chicken->labels, (Labels{"LABEL_ROUGE"}));

    const auto* cheese = run->offer("Tomme des Pyrénées");
    ASSERT_NE(cheese, nullptr);
    EXPECT_EQ(cheese->price_unit, "500 g");
    EXPECT_EQ(cheese->labels, (Labels{"IGP"}));

    const auto* wine = run->offer("Fronton rouge 2022");
    ASSERT_NE(wine, nullptr);
    EXPECT_EQ(wine->price_unit, "1 bouteille");
    EXPECT_EQ(wine->packaging, "75 cl");
    EXPECT_EQ(wine->vat_rate, Decimal::fromInt(20));
    EXPECT_EQ(wine->labels, (Labels{"AOCAOP", "HVE"}));
    EXPECT_EQ(wine->producer.name, "Domaine de la Colombière");
    EXPECT_EQ(wine->producer.siret, "");
    EXPECT_EQ(wine->producer.address.postcode, "31620");
    EXPECT_TRUE(wine->producer.points_of_sale.empty());

    const auto* juice = run->offer("Jus de raisin");
    ASSERT_NE(juice, nullptr);
    EXPECT_EQ(juice->price_unit, "1 L");
    EXPECT_EQ(juice->labels, (Labels{"NatureEtProgres"})) << "unknown certifications pass through for the hub to warn";
}

TEST_F(BagConnectorTest, ReadsOpenFoodNetworkCatalogItems) {
    auto run = read(bagTestData("ofn-catalog-items.json"));
    ASSERT_TRUE(run->ok()) << run->why();
    EXPECT_EQ(run->sink.offers.size(), 4u);
    EXPECT_TRUE(run->sink.rejects.empty()) << "product groups (dfc-b:hasVariant) are not offers: " << run->sink.describeRejects();
    EXPECT_TRUE(run->sink.producers.empty());

    const auto* apples = run->offer("Pommes Reine des reinettes - 1kg");
    ASSERT_NE(apples, nullptr);
    EXPECT_EQ(apples->source_id, "https://openfoodfrance.org/api/dfc/enterprises/2043/catalog_items/30871");
    EXPECT_EQ(apples->price, dec("2.8"));
    EXPECT_FALSE(apples->vat_rate.has_value()) << "OFN writes no VAT rate";
    EXPECT_EQ(apples->price_unit, "1000 g");
    EXPECT_EQ(apples->product_type, "dfc-pt:apples");
    EXPECT_EQ(apples->quantity_available->value, Decimal::fromInt(25));
    EXPECT_EQ(apples->where.line, 55) << "the line where the CatalogItem starts";
    EXPECT_EQ(apples->where.element, "@graph[4]");

    const auto& garden = apples->producer;
    EXPECT_EQ(garden.name, "Les Jardins de la Lèze");
    EXPECT_EQ(garden.siret, "") << "OFN publishes no SIRET";
    EXPECT_EQ(garden.address.street, "4 chemin de la Lèze") << "dfc-b:hasStreet";
    EXPECT_EQ(garden.address.postcode, "09210") << "dfc-b:hasPostalCode";
    EXPECT_EQ(garden.address.city, "Lézat-sur-Lèze") << "dfc-b:hasCity";
    EXPECT_EQ(garden.address.country, "FR");
    ASSERT_TRUE(garden.address.lat.has_value());
    EXPECT_NEAR(*garden.address.lat, 43.2781, 1e-9);
    EXPECT_NEAR(*garden.address.lon, 1.3449, 1e-9);
    ASSERT_EQ(garden.contacts.size(), 1u);
    EXPECT_EQ(garden.contacts[0].name, "Claire Estaque") << "dfc-b:hasMainContact";
    EXPECT_EQ(garden.contacts[0].phone, "05 61 69 12 34");
    EXPECT_EQ(garden.contacts[0].email, "jardins.leze@example.org");

    EXPECT_EQ(run->offer("Jus de pomme - 1L")->price_unit, "1 L");
    EXPECT_EQ(run->offer("Confiture de figues - 250g")->price_unit, "250 g");
    EXPECT_EQ(run->offer("Confiture de figues - 250g")->quantity_available->value, Decimal::fromInt(0));
    EXPECT_EQ(run->offer("Salade batavia")->price_unit, "1 pièce");
}

TEST_F(BagConnectorTest, OfnEnterpriseGetsItsSiretAndVatFromTheConfiguration) {
    const auto options = mapValue({
        {"sirets", mapValue({{"https://openfoodfrance.org/api/dfc/enterprises/2043", scalarValue("88321456100010")}})},
        {"default_vat", scalarValue("5,5")},
    });
    auto run = read(bagTestData("ofn-catalog-items.json"), options);
    ASSERT_TRUE(run->ok()) << run->why();
    for (const auto& offer : run->sink.offers) {
        EXPECT_EQ(offer.producer.siret, "88321456100010") << offer.name;
        EXPECT_EQ(offer.vat_rate, dec("5.5")) << offer.name;
    }
    // Keyed by the enterprise's exact name works too.
    auto byName = read(bagTestData("ofn-catalog-items.json"),
                       mapValue({{"sirets", mapValue({{"Les Jardins de la Lèze", scalarValue("88321456100010")}})}}));
    ASSERT_TRUE(byName->ok()) << byName->why();
    EXPECT_EQ(byName->sink.offers.front().producer.siret, "88321456100010");
}

TEST_F(BagConnectorTest, OfnAddressServedElsewhereLeavesTheProducerWithoutAddressAndAWarning) {
    // OFN's catalog_items names the enterprise's address by its URL; the Address node itself is
    // served at /api/dfc/addresses/{id}, not fetched.
    std::string text = bagSlurp(bagTestData("ofn-catalog-items.json"));
    const size_t start = text.find("    {\n      \"@id\": \"https://openfoodfrance.org/api/dfc/addresses/9811\"");
    const size_t end = text.find("    {\n", start + 10);
    ASSERT_NE(start, std::string::npos);
    text.erase(start, end - start);
    auto run = read(temp.write("catalog_items.json", text));
    ASSERT_TRUE(run->ok()) << run->why();
    EXPECT_EQ(run->sink.offers.size(), 4u);
    EXPECT_EQ(run->sink.offers.front().producer.address.postcode, "");
    ASSERT_EQ(run->sink.warnings.size(), 1u);
    EXPECT_TRUE(bagContains(run->sink.warnings[0].second, "https://openfoodfrance.org/api/dfc/addresses/9811"))
        << run->sink.warnings[0].second;
}

TEST_F(BagConnectorTest, ReadsNestedNodesOwnPrefixesAliasesValueObjectsAndFullIris) {
    auto run = read(bagTestData("imbrique.jsonld"));
    ASSERT_TRUE(run->ok()) << run->why();
    ASSERT_EQ(run->sink.offers.size(), 2u) << run->sink.describeRejects();
    EXPECT_TRUE(run->sink.rejects.empty());

    const auto& flour = run->sink.offers[0];
    EXPECT_EQ(flour.name, "Farine de blé T80") << "the French value of a language map";
    EXPECT_EQ(flour.source_id, "https://moulin-de-nailloux.example/dfc/items/farine-t80");
    EXPECT_EQ(flour.price, dec("2.15")) << "{\"@value\": 2.15}";
    EXPECT_EQ(flour.vat_rate, dec("5.5"));
    EXPECT_EQ(flour.price_unit, "1 kg") << "{\"@id\": \"m:Kilogram\"} under the document's own prefix";
    EXPECT_EQ(flour.product_type, "dfc-pt:flour");
    EXPECT_EQ(flour.labels, (Labels{"BIO"})) << "@set unwrapped";
    EXPECT_EQ(flour.where.element, "b:manages[0]");

    const auto& lentils = run->sink.offers[1];
    EXPECT_EQ(lentils.name, "Lentilles vertes");
    EXPECT_EQ(lentils.source_id, "sku:LENT-500") << "an anonymous item is known by its sku";
    EXPECT_EQ(lentils.price, dec("3.10"));
    EXPECT_EQ(lentils.price_unit, "500 g");
    EXPECT_EQ(lentils.product_type, "dfc-pt:lentils");
    EXPECT_EQ(lentils.labels, (Labels{"BIO", "HVE"}));

    for (const auto& offer : run->sink.offers) {
        const auto& mill = offer.producer;
        EXPECT_EQ(mill.name, "Moulin de Nailloux") << "an alias (nom -> b:name)";
        EXPECT_EQ(mill.siret, "798 456 125 00011") << "the hub removes the spaces";
        EXPECT_EQ(mill.address.street, "Route de Villefranche") << "OWL 1.16 dfc-b:street";
        EXPECT_EQ(mill.address.postcode, "31560") << "dfc-b:postcode, written as a number";
        EXPECT_EQ(mill.address.city, "Nailloux") << "dfc-b:city";
    }
}

TEST_F(BagConnectorTest, PlainPriceValuesPricesPerKiloAndRootArrays) {
    const std::string doc = R"([
      {"@context": "https://www.datafoodconsortium.org",
       "@id": "urn:bag:e1", "@type": "dfc-b:Enterprise", "dfc-b:name": "Ferme de Montgeard",
       "ofn:siret": "88321456100010"},
      {"@id": "urn:bag:i1", "@type": "dfc-b:CatalogItem", "dfc-b:references": {"@id": "urn:bag:p1"},
       "dfc-b:offeredThrough": {"@type": "dfc-b:Offer", "dfc-b:hasPrice": 9.99}},
      {"@id": "urn:bag:p1", "@type": "dfc-b:SuppliedProduct", "dfc-b:name": "Lentilles vertes du Lauragais",
       "dfc-b:hasQuantity": {"@type": "dfc-b:QuantitativeValue", "dfc-b:hasUnit": "dfc-m:Kilogram", "dfc-b:value": 2}},
      {"@id": "urn:bag:i2", "@type": "dfc-b:CatalogItem", "dfc-b:references": "urn:bag:p2",
       "dfc-b:offeredThrough": {"@type": "dfc-b:Offer", "dfc-b:hasPrice":
         {"@type": "dfc-b:Price", "dfc-b:value": "4.60", "dfc-b:hasUnit": "dfc-m:Kilogram"}}},
      {"@id": "urn:bag:p2", "@type": "dfc-b:SuppliedProduct", "dfc-b:name": "Pois chiches",
       "dfc-b:hasQuantity": {"@type": "dfc-b:QuantitativeValue", "dfc-b:hasUnit": "dfc-m:Kilogram", "dfc-b:value": 5}}
    ])";
    auto run = read(temp.write("tableau.jsonld", doc));
    ASSERT_TRUE(run->ok()) << run->why();
    ASSERT_EQ(run->sink.offers.size(), 2u) << run->sink.describeRejects();
    const auto* lentils = run->offer("Lentilles vertes du Lauragais");
    EXPECT_EQ(lentils->price, dec("9.99")) << "\"dfc-b:hasPrice\": 9.99";
    EXPECT_EQ(lentils->price_unit, "2 kg");
    EXPECT_EQ(lentils->producer.siret, "88321456100010") << "a siret property under any prefix";
    EXPECT_EQ(lentils->where.element, "[1]");
    const auto* chickpeas = run->offer("Pois chiches");
    EXPECT_EQ(chickpeas->price_unit, "1 kg") << "a Price whose unit is a kilogram is a price per kilogram";
    EXPECT_EQ(chickpeas->packaging, "5 kg");
}

TEST_F(BagConnectorTest, VocabAndReverseLinksFindTheirNodes) {
    // @vocab makes bare terms DFC terms; the offer points to its item (dfc-b:offeredItem) and the
    // product to its item (dfc-b:referencedBy), not the other way round; the catalog names the
    // enterprise (dfc-b:maintainedBy) and lists the item.
    const std::string doc = R"({
      "@context": {"@vocab": "https://github.com/datafoodconsortium/ontology/releases/latest/download/DFC_BusinessOntology.owl#",
                   "dfc-m": "https://github.com/datafoodconsortium/taxonomies/releases/latest/download/measures.rdf#"},
      "@graph": [
        {"@id": "urn:e:1", "@type": "Enterprise", "name": "Ferme de l'Hers"},
        {"@id": "urn:e:2", "@type": "Enterprise", "name": "Ferme du Lèze"},
        {"@id": "urn:c:1", "@type": "Catalog", "maintainedBy": "urn:e:2", "lists": ["urn:i:1"]},
        {"@id": "urn:i:1", "@type": "CatalogItem"},
        {"@id": "urn:o:1", "@type": "Offer", "offeredItem": {"@id": "urn:i:1"},
         "hasPrice": {"@type": "Price", "value": 3, "hasUnit": "dfc-m:Euro", "VATrate": 5.5}},
        {"@id": "urn:o:2", "@type": "Offer", "offeredItem": "urn:i:1",
         "hasPrice": {"@type": "Price", "value": 2.5, "hasUnit": "dfc-m:Euro"}},
        {"@id": "urn:p:1", "@type": "SuppliedProduct", "name": "Oignons rosés", "referencedBy": "urn:i:1",
         "hasQuantity": {"@type": "QuantitativeValue", "hasUnit": "dfc-m:Kilogram", "value": 1}}
      ]})";
    auto run = read(temp.write("vocab.jsonld", doc));
    ASSERT_TRUE(run->ok()) << run->why();
    ASSERT_EQ(run->sink.offers.size(), 1u) << run->sink.describeRejects();
    const auto& onions = run->sink.offers[0];
    EXPECT_EQ(onions.name, "Oignons rosés");
    EXPECT_EQ(onions.price, Decimal::fromInt(3)) << "the first offer with a price";
    EXPECT_EQ(onions.producer.name, "Ferme du Lèze") << "through the catalog";
    ASSERT_EQ(run->sink.warnings.size(), 1u);
    EXPECT_TRUE(bagContains(run->sink.warnings[0].second, "plusieurs offres")) << run->sink.warnings[0].second;
    ASSERT_EQ(run->sink.producers.size(), 1u) << "an enterprise that sells nothing is still a producer";
    EXPECT_EQ(run->sink.producers[0].name, "Ferme de l'Hers");
    EXPECT_EQ(run->sink.producers[0].where.element, "@graph[0]");
    EXPECT_EQ(run->read(), 2u);
}

TEST_F(BagConnectorTest, SiretPropertyAndLabelsAreConfigurable) {
    const std::string doc = R"({"@context": "https://www.datafoodconsortium.org", "@graph": [
        {"@id": "urn:e", "@type": "dfc-b:Enterprise", "dfc-b:name": "Rucher du Plantaurel", "bag:numeroSiret": "90312547400010",
         "dfc-b:manages": "urn:i"},
        {"@id": "urn:i", "@type": "dfc-b:CatalogItem", "dfc-b:references": "urn:p", "dfc-b:offeredThrough": "urn:o"},
        {"@id": "urn:o", "@type": "dfc-b:Offer", "dfc-b:hasPrice": {"dfc-b:value": 7, "dfc-b:hasUnit": "dfc-m:Euro"}},
        {"@id": "urn:p", "@type": "dfc-b:SuppliedProduct", "dfc-b:name": "Miel de tilleul",
         "dfc-b:hasCertification": ["dfc-f:NatureEtProgres", "dfc-f:Organic-AB"],
         "dfc-b:hasQuantity": {"dfc-b:hasUnit": "dfc-m:Jar", "dfc-b:value": 1},
         "dfc-b:hasPhysicalCharacteristic": {"dfc-b:hasPhysicalDimension": "dfc-m:Weight", "dfc-b:hasUnit": "dfc-m:Gram", "dfc-b:value": 250}}]})";
    const std::string file = temp.write("miel.jsonld", doc);
    auto plain = read(file);
    ASSERT_TRUE(plain->ok()) << plain->why();
    ASSERT_EQ(plain->sink.offers.size(), 1u) << plain->sink.describeRejects();
    EXPECT_EQ(plain->sink.offers[0].producer.siret, "") << "numeroSiret is no SIRET property by default";
    EXPECT_EQ(plain->sink.offers[0].labels, (Labels{"NatureEtProgres", "BIO"}));
    EXPECT_EQ(plain->sink.offers[0].price_unit, "1 bocal");
    EXPECT_EQ(plain->sink.offers[0].packaging, "250 g");

    auto configured = read(file, mapValue({{"siret_properties", listValue({"numeroSiret"})},
                                           {"labels", mapValue({{"NatureEtProgres", scalarValue("bio")}})}}));
    ASSERT_TRUE(configured->ok()) << configured->why();
    EXPECT_EQ(configured->sink.offers[0].producer.siret, "90312547400010");
    EXPECT_EQ(configured->sink.offers[0].labels, (Labels{"bio", "BIO"}));
}

}  // namespace
}  // namespace recolte::testing
