// What the agrilocal connector reads from well-formed exports: every consultation field, supplier
// listings with their points of sale and products, element paths and lines, encodings.
#include "agrilocal_fixture.hpp"
#include "model/normalize.hpp"
#include "recolte/sdk/decimal.hpp"

namespace recolte::testing {
namespace {

using sdk::Decimal;

Decimal dec(const char* text) { return *Decimal::parse(text); }

TEST_F(AgrilocalConnectorTest, ConsultationsBecomeNeedsWithEveryField) {
    auto run = read(agrilocalTestData("export-ariege.xml"));
    ASSERT_TRUE(run->ok()) << run->why();
    EXPECT_TRUE(run->sink.rejects.empty()) << run->sink.describeRejects();
    EXPECT_TRUE(run->sink.warnings.empty()) << run->sink.warnings.front().second;
    ASSERT_EQ(run->sink.needs.size(), 5u);

    const auto* potatoes = run->need("09:AGL09-2026-0141");
    ASSERT_NE(potatoes, nullptr) << "source id = site:id";
    EXPECT_EQ(potatoes->title, "Pommes de terre pour la cuisine centrale");
    EXPECT_EQ(potatoes->description, "Pommes de terre de consommation, calibre 40/70") << "the product stays readable";
    EXPECT_EQ(potatoes->buyer_name, "CCAS de Foix");
    EXPECT_EQ(potatoes->buyer_siret, "26090012300019");
    EXPECT_EQ(potatoes->buyer_kind, "ccas");
    EXPECT_EQ(potatoes->product_type, "légumes");
    ASSERT_TRUE(potatoes->quantity.has_value());
    EXPECT_EQ(potatoes->quantity->value, dec("1200.5")) << "\"1 200,5\": French grouping and decimal comma";
    EXPECT_EQ(potatoes->quantity->unit, "kg");
    EXPECT_EQ(potatoes->delivery_from, "2026-12-01");
    EXPECT_EQ(potatoes->delivery_to, "2027-02-26");
    EXPECT_EQ(potatoes->place.street, "Cuisine centrale, 4 rue du Palais");
    EXPECT_EQ(potatoes->place.postcode, "09000");
    EXPECT_EQ(potatoes->place.city, "Foix");
    EXPECT_EQ(potatoes->answer_deadline, "2026-11-30T12:00");
    EXPECT_EQ(potatoes->criteria, "Prix (40 %) ; Origine locale (30 %) ; Qualité gustative (30%)");
    EXPECT_EQ(potatoes->contract_type, "Marché à bons de commande");
    EXPECT_EQ(potatoes->status, "open");
    EXPECT_EQ(potatoes->status_reason, "");
    EXPECT_EQ(potatoes->where.element, "/export/consultations/consultation[1]");
    EXPECT_EQ(potatoes->where.line, 6);
    EXPECT_NE(potatoes->where.file.find("export-ariege.xml"), std::string::npos);

    // Fields as child elements, French dates, a deadline with a time, CDATA.
    const auto* yogurts = run->need("09:AGL09-2026-0142");
    ASSERT_NE(yogurts, nullptr);
    EXPECT_EQ(yogurts->title, "Yaourts nature au lait de brebis") << "no <intitule>: the product names the need";
    EXPECT_EQ(yogurts->description, "Pots de 125 g, livraison le lundi avant 9 h. Allergènes : lait & dérivés.");
    EXPECT_EQ(yogurts->buyer_siret, "19090123400012");
    EXPECT_EQ(yogurts->buyer_kind, "college");
    EXPECT_EQ(yogurts->product_type, "produits laitiers");
    EXPECT_EQ(yogurts->quantity->unit, "pot") << "unit codes compare without case";
    EXPECT_EQ(yogurts->delivery_from, "2027-01-04");
    EXPECT_EQ(yogurts->delivery_to, "2027-07-02");
    EXPECT_EQ(yogurts->place.street, "Collège Lakanal, 09000 Foix") << "a place given as one line of text";
    EXPECT_EQ(yogurts->place.departement, "09") << "no postcode: the site's département";
    EXPECT_EQ(yogurts->answer_deadline, "2026-12-04T17:30");
    EXPECT_EQ(yogurts->criteria, "Prix 50 %, qualité 50 %");
    EXPECT_EQ(yogurts->where.element, "/export/consultations/consultation[2]");

    const auto* carrots = run->need("09:AGL09-2026-0128");
    ASSERT_NE(carrots, nullptr);
    EXPECT_EQ(carrots->status, "awarded") << "\"attribuée\", with its accent";
    EXPECT_EQ(carrots->buyer_kind, "ccas");
    EXPECT_EQ(carrots->place.departement, "09");

    const auto* beef = run->need("09:AGL09-2026-0131");
    ASSERT_NE(beef, nullptr);
    EXPECT_EQ(beef->status, "closed");
    EXPECT_EQ(beef->status_reason, "Aucune offre reçue dans le délai");
    EXPECT_EQ(beef->buyer_kind, "other") << "an EHPAD is none of the schema's kinds";
    EXPECT_EQ(beef->delivery_from, "2026-11-02");
    EXPECT_EQ(beef->delivery_to, "") << "a single delivery day";
    EXPECT_EQ(beef->place.postcode, "09300");

    const auto* eggs = run->need("31:AGL09-2026-0144");
    ASSERT_NE(eggs, nullptr) << "a consultation's own site wins over the export's";
    EXPECT_EQ(eggs->place.departement, "31");
    EXPECT_EQ(eggs->answer_deadline, "2026-12-18T12:00:00+01:00");
    EXPECT_EQ(eggs->quantity->unit, "douzaine");
    EXPECT_EQ(eggs->where.element, "/export/consultations/consultation[5]");
}

TEST_F(AgrilocalConnectorTest, SuppliersBecomeProducersAndTheirProductsOffers) {
    auto run = read(agrilocalTestData("export-ariege.xml"));
    ASSERT_TRUE(run->ok()) << run->why();
    ASSERT_EQ(run->sink.producers.size(), 3u);
    ASSERT_EQ(run->sink.offers.size(), 3u);
    EXPECT_EQ(run->read(), 11u) << "5 consultations, 3 suppliers, 3 products";

    const auto* farm = run->producer("Ferme du Couserans");
    ASSERT_NE(farm, nullptr);
    EXPECT_EQ(farm->siret, "81234567600017");
    EXPECT_EQ(farm->source_key, "81234567600017");
    EXPECT_EQ(farm->address.street, "Le Bourg");
    EXPECT_EQ(farm->address.postcode, "09200");
    EXPECT_EQ(farm->address.city, "Saint-Girons");
    ASSERT_EQ(farm->contacts.size(), 1u);
    EXPECT_EQ(farm->contacts[0].name, "Marie Soum");
    EXPECT_EQ(farm->contacts[0].email, "contact@ferme-couserans.example");
    EXPECT_EQ(farm->contacts[0].phone, "05 61 00 00 01");
    ASSERT_EQ(farm->points_of_sale.size(), 2u);
    EXPECT_EQ(farm->points_of_sale[0].name, "Boutique de la ferme");
    EXPECT_EQ(farm->points_of_sale[0].kind, "vente à la ferme");
    EXPECT_EQ(farm->points_of_sale[0].opening_hours, "mercredi et samedi 9 h - 12 h");
    EXPECT_EQ(farm->points_of_sale[1].name, "Marché de Saint-Girons");
    EXPECT_EQ(farm->points_of_sale[1].address.street, "Place des Poilus");
    EXPECT_EQ(farm->points_of_sale[1].address.postcode, "09200");
    EXPECT_EQ(farm->where.element, "/export/fournisseurs/fournisseur[1]");
    EXPECT_EQ(farm->where.line, 77);

    const auto* cheese = run->offer("09:81234567600017:TOMME");
    ASSERT_NE(cheese, nullptr) << "offer id = site:supplier SIRET:product id";
    EXPECT_EQ(cheese->name, "Tomme des Pyrénées au lait cru");
    EXPECT_EQ(cheese->product_type, "fromage");
    EXPECT_EQ(cheese->labels, (std::vector<std::string>{"AB", "Fermier"}));
    EXPECT_EQ(cheese->price, dec("18.50"));
    EXPECT_EQ(cheese->currency, "EUR");
    EXPECT_EQ(cheese->price_unit, "kg");
    EXPECT_EQ(cheese->vat_rate, dec("5.5"));
    EXPECT_EQ(cheese->producer.siret, "81234567600017");
    EXPECT_EQ(cheese->producer.points_of_sale.size(), 2u) << "the offer carries its whole producer";
    EXPECT_EQ(cheese->where.element, "/export/fournisseurs/fournisseur[1]/produits/produit[1]");
    EXPECT_EQ(cheese->where.line, 92);

    const auto* yogurt = run->offer("09:81234567600017:YAOURT-BREBIS");
    ASSERT_NE(yogurt, nullptr);
    EXPECT_EQ(yogurt->price, dec("0.85"));
    EXPECT_EQ(yogurt->price_unit, "pot");
    EXPECT_EQ(yogurt->packaging, "125 g");
    EXPECT_EQ(yogurt->labels, (std::vector<std::string>{"AB"}));
    EXPECT_EQ(yogurt->available_from, "2026-03-01");
    EXPECT_EQ(yogurt->available_to, "2026-12-20");
    EXPECT_FALSE(yogurt->vat_rate.has_value());

    // No SIRET: the supplier's platform id keys it; a product without id is keyed by its name.
    const auto* garden = run->producer("Les Jardins de Lavelanet");
    ASSERT_NE(garden, nullptr);
    EXPECT_EQ(garden->siret, "");
    EXPECT_EQ(garden->source_key, "F09-0107");
    EXPECT_EQ(garden->address.street, "12 chemin de la Touyre, 09300 Lavelanet");
    const auto* leeks = run->offer("09:F09-0107:poireaux");
    ASSERT_NE(leeks, nullptr);
    EXPECT_EQ(leeks->price_unit, "botte");
    EXPECT_EQ(leeks->available_from, "2026-10-01");
    EXPECT_EQ(leeks->available_to, "2027-03-31");
    EXPECT_EQ(leeks->where.element, "/export/fournisseurs/fournisseur[2]/produit");

    // Address fields directly on the supplier; a supplier without products is a directory entry.
    const auto* orchard = run->producer("Vergers de Pamiers");
    ASSERT_NE(orchard, nullptr);
    EXPECT_EQ(orchard->address.street, "Route de Foix");
    EXPECT_EQ(orchard->address.postcode, "09100");
    EXPECT_EQ(orchard->address.city, "Pamiers");
}

TEST_F(AgrilocalConnectorTest, GoodExportsNormalizeWithoutRejects) {
    const std::string sample = std::string(RECOLTE_TEST_SOURCE_DIR) + "/data/samples/agrilocal-09.xml";
    for (const std::string& file : {agrilocalTestData("export-ariege.xml"), sample, agrilocalTestData("sites")}) {
        auto run = read(file);
        ASSERT_TRUE(run->ok()) << file << ": " << run->why();
        EXPECT_TRUE(run->sink.rejects.empty()) << file << ": " << run->sink.describeRejects();
        for (const auto& need : run->sink.needs) {
            auto n = model::normalizeNeed("agrilocal", need);
            EXPECT_TRUE(n.ok()) << file << " " << need.source_id << ": " << (n.ok() ? "" : n.error().message);
        }
        for (const auto& producer : run->sink.producers) {
            auto p = model::normalizeProducer("agrilocal", producer);
            EXPECT_TRUE(p.ok()) << file << " " << producer.name << ": " << (p.ok() ? "" : p.error().message);
        }
        for (const auto& offer : run->sink.offers) {
            auto o = model::normalizeOffer("agrilocal", offer);
            EXPECT_TRUE(o.ok()) << file << " " << offer.source_id << ": " << (o.ok() ? "" : o.error().message);
        }
    }
}

TEST_F(AgrilocalConnectorTest, NormalizedNeedsGetTheSchemasWords) {
    auto run = read(agrilocalTestData("export-ariege.xml"));
    ASSERT_TRUE(run->ok()) << run->why();
    auto potatoes = model::normalizeNeed("agrilocal", *run->need("09:AGL09-2026-0141"));
    ASSERT_TRUE(potatoes.ok()) << potatoes.error().message;
    EXPECT_EQ(potatoes->product_type, "vegetable");
    EXPECT_EQ(potatoes->place.departement, "09");
    auto beef = model::normalizeNeed("agrilocal", *run->need("09:AGL09-2026-0131"));
    ASSERT_TRUE(beef.ok()) << beef.error().message;
    EXPECT_EQ(beef->status, "closed");
    EXPECT_EQ(beef->status_reason, "Aucune offre reçue dans le délai");
    auto cheese = model::normalizeOffer("agrilocal", *run->offer("09:81234567600017:TOMME"));
    ASSERT_TRUE(cheese.ok()) << cheese.error().message;
    EXPECT_EQ(cheese->offer.labels, (std::vector<std::string>{"BIO", "FERMIER"}));
    EXPECT_EQ(cheese->producer.address.departement, "09");
}

TEST_F(AgrilocalConnectorTest, DeclaredOrForcedLatin1IsRead) {
    auto declared = read(agrilocalTestData("iso-8859-1.xml"));
    ASSERT_TRUE(declared->ok()) << declared->why();
    ASSERT_EQ(declared->sink.needs.size(), 1u);
    EXPECT_EQ(declared->sink.needs[0].buyer_name, "Collège du Couserans");
    EXPECT_EQ(declared->sink.needs[0].description, "Pommes de l'Ariège, variétés anciennes appréciées");

    auto forced = read(agrilocalTestData("latin1-sans-declaration.xml"), mapValue({{"encoding", scalarValue("iso-8859-1")}}));
    ASSERT_TRUE(forced->ok()) << forced->why();
    ASSERT_EQ(forced->sink.needs.size(), 1u);
    EXPECT_EQ(forced->sink.needs[0].buyer_name, "Collège du Couserans");
}

}  // namespace
}  // namespace recolte::testing
