// Bad input: a bad node is a reject naming its JSON path and why; a document that is not a DFC
// catalogue (malformed, truncated, not UTF-8, no DFC node) fails the whole read.
#include "bag_fixture.hpp"

namespace recolte::testing {
namespace {

TEST_F(BagConnectorTest, EveryBadNodeIsARejectWithItsPathAndReason) {
    const std::string file = bagTestData("rejets.jsonld");
    auto run = read(file);
    ASSERT_TRUE(run->ok()) << run->why();
    // 10 catalog items, a text in the graph, a product nobody sells: read = accepted + rejected.
    EXPECT_EQ(run->read(), 12u);
    EXPECT_EQ(run->sink.offers.size(), 3u) << run->sink.describeRejects();
    EXPECT_EQ(run->sink.rejects.size(), 9u) << run->sink.describeRejects();
    for (const char* name : {"Carottes", "Navets", "Tomates"}) EXPECT_NE(run->offer(name), nullptr) << name;

    struct Expected {
        const char* reason;
        const char* excerpt;  // a piece of the node's JSON
    };
    const Expected expected[] = {
        {"unité inconnue : « dfc-m:Brouette » (quantité du produit)", "catalog_items/fumier"},
        {"prix manquant : l'offre https://bio-ariege-garonne.fr/api/dfc/offers/radis n'a pas de dfc-b:hasPrice",
         "catalog_items/radis"},
        {"produit « https://bio-ariege-garonne.fr/api/dfc/supplied_products/absent » introuvable dans le document",
         "catalog_items/poireaux"},
        {"article sans offre (dfc-b:offeredThrough) : prix inconnu", "catalog_items/blettes"},
        {"prix illisible : « deux euros »", "catalog_items/epinards"},
        {"quantité du produit manquante (dfc-b:hasQuantity)", "catalog_items/courges"},
        {"unité « dfc-m:Metre » : pas une unité de vente", "catalog_items/ficelle"},
        {"élément qui n'est pas un nœud JSON-LD (texte)", "un texte égaré"},
        {"produit « Céleri orphelin » qu'aucun article de catalogue", "supplied_products/orphelin"},
    };
    for (const auto& e : expected) {
        const auto* r = run->rejectSaying(e.reason);
        ASSERT_NE(r, nullptr) << "no reject saying: " << e.reason << "\n" << run->sink.describeRejects();
        EXPECT_EQ(r->where.file, file);
        EXPECT_EQ(r->where.element.rfind("@graph[", 0), 0u) << r->where.element;
        EXPECT_GT(r->where.line, 1) << e.reason;
        EXPECT_TRUE(bagContains(r->excerpt, e.excerpt)) << r->excerpt;
        EXPECT_FALSE(bagContains(r->excerpt, "\n")) << "excerpts are one line";
    }
    // The path names the very element: the stray text is the 31st node of the graph.
    EXPECT_EQ(run->rejectSaying("pas un nœud JSON-LD")->where.element, "@graph[30]");
}

TEST_F(BagConnectorTest, NonDfcUnitsAndMissingProducersAreRejected) {
    const std::string doc = R"({"@context": "https://www.datafoodconsortium.org", "@graph": [
        {"@id": "urn:e:1", "@type": "dfc-b:Enterprise", "dfc-b:name": "Ferme A"},
        {"@id": "urn:e:2", "@type": "dfc-b:Enterprise", "dfc-b:name": "Ferme B"},
        {"@id": "urn:i:orphan", "@type": "dfc-b:CatalogItem", "dfc-b:references": "urn:p:1", "dfc-b:offeredThrough": "urn:o:1"},
        {"@id": "urn:p:1", "@type": "dfc-b:SuppliedProduct", "dfc-b:name": "Ail rose",
         "dfc-b:hasQuantity": {"dfc-b:hasUnit": "dfc-m:Kilogram", "dfc-b:value": 1}},
        {"@id": "urn:o:1", "@type": "dfc-b:Offer", "dfc-b:hasPrice": {"dfc-b:value": 8, "dfc-b:hasUnit": "dfc-m:Euro"}},
        {"@id": "urn:i:2", "@type": "dfc-b:CatalogItem", "dfc-b:managedBy": "urn:e:1", "dfc-b:references": "urn:p:2", "dfc-b:offeredThrough": "urn:o:2"},
        {"@id": "urn:p:2", "@type": "dfc-b:SuppliedProduct", "dfc-b:name": "Ail violet",
         "dfc-b:hasQuantity": {"dfc-b:hasUnit": "dfc-m:Kilogram", "dfc-b:value": 1}},
        {"@id": "urn:o:2", "@type": "dfc-b:Offer", "dfc-b:hasPrice": {"dfc-b:value": 8, "dfc-b:hasUnit": "dfc-m:Yen"}},
        {"@id": "urn:i:3", "@type": "dfc-b:CatalogItem", "dfc-b:managedBy": "urn:e:1", "dfc-b:references": "urn:p:3", "dfc-b:offeredThrough": "urn:o:3"},
        {"@id": "urn:p:3", "@type": "dfc-b:SuppliedProduct", "dfc-b:name": "Ail blanc",
         "dfc-b:hasQuantity": {"dfc-b:hasUnit": "dfc-m:Kilogram", "dfc-b:value": 1}},
        {"@id": "urn:o:3", "@type": "dfc-b:Offer", "dfc-b:hasPrice": "_:b7"}
      ]})";
    auto run = read(temp.write("ail.jsonld", doc));
    ASSERT_TRUE(run->ok()) << run->why();
    EXPECT_TRUE(run->sink.offers.empty());
    ASSERT_EQ(run->sink.rejects.size(), 3u) << run->sink.describeRejects();
    EXPECT_NE(run->rejectSaying("producteur introuvable"), nullptr) << run->sink.describeRejects();
    EXPECT_EQ(run->rejectSaying("producteur introuvable")->where.element, "@graph[2]");
    EXPECT_NE(run->rejectSaying("unité de prix inconnue : « dfc-m:Yen »"), nullptr) << run->sink.describeRejects();
    EXPECT_NE(run->rejectSaying("prix « _:b7 » introuvable dans le document"), nullptr) << run->sink.describeRejects();
    EXPECT_EQ(run->sink.producers.size(), 1u) << "Ferme B sells nothing: a producer of its own";
}

TEST_F(BagConnectorTest, MalformedOrTruncatedJsonFailsTheReadWithLineAndColumn) {
    const std::string truncated = bagTestData("tronque.json");
    auto run = read(truncated);
    ASSERT_FALSE(run->ok()) << "a truncated catalogue is never read as a shorter one";
    EXPECT_EQ(run->error().kind, sdk::ErrorKind::Data);
    EXPECT_EQ(run->error().where, truncated);
    EXPECT_TRUE(bagContains(run->error().message, "JSON invalide")) << run->error().message;
    EXPECT_TRUE(bagContains(run->error().message, "(fichier tronqué ?)")) << run->error().message;
    EXPECT_TRUE(bagContains(run->error().message, "ligne 190")) << run->error().message;
    EXPECT_TRUE(run->sink.offers.empty()) << "nothing is emitted before the document is whole";

    auto broken = read(temp.write("virgule.jsonld", "{\"@graph\": [\n  {\"@id\": \"x\",}\n]}"));
    ASSERT_FALSE(broken->ok());
    EXPECT_TRUE(bagContains(broken->error().message, "virgule en trop")) << broken->error().message;
    EXPECT_TRUE(bagContains(broken->error().message, "ligne 2, colonne 15")) << broken->error().message;

    auto empty = read(temp.write("vide.json", ""));
    ASSERT_FALSE(empty->ok());
    EXPECT_TRUE(bagContains(empty->error().message, "document vide")) << empty->error().message;
}

TEST_F(BagConnectorTest, WrongEncodingFailsTheRead) {
    auto run = read(bagTestData("windows-1252.jsonld"));
    ASSERT_FALSE(run->ok());
    EXPECT_EQ(run->error().kind, sdk::ErrorKind::Data);
    EXPECT_TRUE(bagContains(run->error().message, "UTF-8")) << run->error().message;
    EXPECT_TRUE(bagContains(run->error().message, "ligne 12")) << run->error().message;
}

TEST_F(BagConnectorTest, JsonThatIsNoDfcCatalogueFailsTheRead) {
    auto run = read(bagTestData("pas-un-catalogue.json"));
    ASSERT_FALSE(run->ok());
    EXPECT_EQ(run->error().kind, sdk::ErrorKind::Data);
    EXPECT_TRUE(bagContains(run->error().message, "n'est pas un catalogue DFC")) << run->error().message;

    auto scalar = read(temp.write("nombre.json", "42"));
    ASSERT_FALSE(scalar->ok());
    EXPECT_TRUE(bagContains(scalar->error().message, "nombre JSON, pas un catalogue JSON-LD")) << scalar->error().message;

    auto graph = read(temp.write("graphe.json", R"({"@graph": "rien"})"));
    ASSERT_FALSE(graph->ok());
    EXPECT_TRUE(bagContains(graph->error().message, "« @graph » est un texte")) << graph->error().message;

    auto deep = read(temp.write("profond.json", std::string(150, '[') + std::string(150, ']')));
    ASSERT_FALSE(deep->ok());
    EXPECT_TRUE(bagContains(deep->error().message, "imbrication trop profonde")) << deep->error().message;
}

}  // namespace
}  // namespace recolte::testing
