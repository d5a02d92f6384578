// What the csv connector reads from well-formed price lists: encodings, delimiters, quoting,
// decimal commas, header spellings and the column mapping option.
#include <algorithm>
#include <set>

#include "csv_fixture.hpp"
#include "recolte/sdk/decimal.hpp"

namespace recolte::testing {
namespace {

using sdk::Decimal;

Decimal dec(const char* text) { return *Decimal::parse(text); }

bool endsWith(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

TEST_F(CsvConnectorTest, GoodPriceListGivesOneOfferPerRowWithEveryField) {
    auto run = read(csvTestData("mercuriale-occitanie.csv"));
    ASSERT_TRUE(run->ok()) << run->why();
    EXPECT_EQ(run->sink.offers.size(), 25u);
    EXPECT_TRUE(run->sink.rejects.empty()) << run->sink.describeRejects();

    const auto* carrots = run->sink.offerNamed("Carottes");
    ASSERT_NE(carrots, nullptr);
    EXPECT_EQ(carrots->source_id, "TV-001");
    EXPECT_EQ(carrots->price, dec("1.80"));
    EXPECT_EQ(carrots->currency, "EUR");
    EXPECT_EQ(carrots->price_unit, "kg");
    EXPECT_EQ(carrots->packaging, "colis de 5 kg");
    EXPECT_EQ(carrots->vat_rate, dec("5.5"));
    EXPECT_EQ(carrots->labels, std::vector<std::string>{"AB"});
    EXPECT_EQ(carrots->product_type, "légumes");
    EXPECT_EQ(carrots->available_from, "2025-10-01");
    EXPECT_EQ(carrots->available_to, "2026-03-31");
    ASSERT_TRUE(carrots->quantity_available.has_value());
    EXPECT_EQ(carrots->quantity_available->value, Decimal::fromInt(300));
    EXPECT_EQ(carrots->quantity_available->unit, "kg") << "a bare quantity is in the price unit";
    EXPECT_EQ(carrots->origin, "France");
    EXPECT_EQ(carrots->producer.name, "Ferme des Trois Vallées");
    EXPECT_EQ(carrots->producer.siret, "84215673900018");
    EXPECT_EQ(carrots->producer.address.street, "12 chemin de la Bastide");
    EXPECT_EQ(carrots->producer.address.postcode, "09100");
    EXPECT_EQ(carrots->producer.address.city, "Pamiers");
    EXPECT_TRUE(endsWith(carrots->where.file, "mercuriale-occitanie.csv"));
    EXPECT_EQ(carrots->where.line, 2);

    const auto* potatoes = run->sink.offerNamed("Pommes de terre Agria");
    ASSERT_NE(potatoes, nullptr);
    ASSERT_TRUE(potatoes->quantity_available.has_value());
    EXPECT_EQ(potatoes->quantity_available->value, Decimal::fromInt(1200)) << "\"1 200 kg\": spaces group thousands";
    EXPECT_EQ(potatoes->quantity_available->unit, "kg");

    const auto* honey = run->sink.offerNamed("Miel de châtaignier");
    ASSERT_NE(honey, nullptr);
    EXPECT_EQ(honey->price_unit, "pot");
    EXPECT_EQ(honey->packaging, "250 g");
    EXPECT_EQ(honey->producer.address.postcode, "11300");

    const auto* chickpeas = run->sink.offerNamed("Pois chiches");
    ASSERT_NE(chickpeas, nullptr);
    EXPECT_EQ(chickpeas->labels, (std::vector<std::string>{"AB", "HVE"}));

    const auto* courgettes = run->sink.offerNamed("Courgettes");
    ASSERT_NE(courgettes, nullptr);
    EXPECT_EQ(courgettes->available_from, "2025-06-01") << "ISO dates are read too";

    // Rows in file order, each at its own physical line.
    for (size_t i = 0; i < run->sink.offers.size(); ++i) EXPECT_EQ(run->sink.offers[i].where.line, int64_t(i) + 2);
}

TEST_F(CsvConnectorTest, Windows1252IsTranscodedIncludingThe0x80To0x9FRange) {
    auto options = mapValue({
        {"producer_name", scalarValue("La Ferme du Couserans")},
        {"producer_siret", scalarValue("51327780600032")},
        {"producer_postcode", scalarValue("09200")},
        {"producer_city", scalarValue("Saint-Girons")},
    });
    auto run = read(csvTestData("mercuriale-windows1252.csv"), options);
    ASSERT_TRUE(run->ok()) << run->why();
    ASSERT_EQ(run->sink.offers.size(), 5u) << run->sink.describeRejects();
    EXPECT_TRUE(run->sink.rejects.empty());

    // Œ (0x8C), ’ (0x92), œ (0x9C), – (0x96), € (0x80), « » (0xAB 0xBB) all arrive as UTF-8.
    const auto* eggs = run->sink.offerNamed("Œufs de poules élevées en plein air");
    ASSERT_NE(eggs, nullptr);
    EXPECT_EQ(eggs->price, dec("4.10")) << "\"4,10 €\": the euro sign is not part of the number";
    EXPECT_EQ(eggs->description, "Calibre « moyen »");
    ASSERT_NE(run->sink.offerNamed("Pomme d\u2019api"), nullptr);
    EXPECT_EQ(run->sink.offerNamed("Pomme d\u2019api")->description, "Variété ancienne \u2013 petits fruits");
    ASSERT_NE(run->sink.offerNamed("Bœuf haché"), nullptr);
    EXPECT_EQ(run->sink.offerNamed("Bœuf haché")->labels, std::vector<std::string>{"Label Rouge"});

    // The producer comes from the options when the file has no producer columns.
    for (const auto& o : run->sink.offers) {
        EXPECT_EQ(o.producer.name, "La Ferme du Couserans");
        EXPECT_EQ(o.producer.siret, "51327780600032");
        EXPECT_EQ(o.producer.address.postcode, "09200");
        EXPECT_EQ(o.producer.address.city, "Saint-Girons");
    }
    // The title line above the header is skipped with a warning; data starts at line 3.
    EXPECT_EQ(eggs->where.line, 3);
    ASSERT_EQ(run->sink.warnings.size(), 1u);
    EXPECT_EQ(run->sink.warnings[0].first.line, 1);

    // Forcing the encoding gives the same text.
    auto forced = read(csvTestData("mercuriale-windows1252.csv"),
                       mapValue({{"encoding", scalarValue("windows-1252")}, {"producer_name", scalarValue("X")}}));
    ASSERT_TRUE(forced->ok()) << forced->why();
    EXPECT_NE(forced->sink.offerNamed("Œufs de poules élevées en plein air"), nullptr);
}

TEST_F(CsvConnectorTest, CommaSeparatedWithBomAndQuotedDecimalCommas) {
    auto run = read(csvTestData("mercuriale-virgule-bom.csv"));
    ASSERT_TRUE(run->ok()) << run->why();
    ASSERT_EQ(run->sink.offers.size(), 4u) << run->sink.describeRejects();
    // The BOM is not part of the first header: "Référence" is recognized.
    EXPECT_EQ(run->sink.offers[0].source_id, "JG-201");
    EXPECT_EQ(run->sink.offers[0].price, dec("4.20"));
    const auto* onions = run->sink.offerNamed("Oignons rouges, en botte");
    ASSERT_NE(onions, nullptr) << "a quoted field keeps its comma";
    EXPECT_EQ(onions->price, dec("1.60"));
    EXPECT_EQ(onions->price_unit, "botte");
    ASSERT_NE(run->sink.offerNamed("Aubergines"), nullptr);
    EXPECT_EQ(run->sink.offerNamed("Aubergines")->price, dec("2.40")) << "a decimal point is read too";
    EXPECT_EQ(run->sink.offerNamed("Basilic")->packaging, "pot de 12 cm");
}

TEST_F(CsvConnectorTest, TabSeparatedWithOtherHeaderSpellings) {
    auto run = read(csvTestData("mercuriale-tabulation.tsv"));
    ASSERT_TRUE(run->ok()) << run->why();
    ASSERT_EQ(run->sink.offers.size(), 3u) << run->sink.describeRejects();
    const auto* mead = run->sink.offerNamed("Hydromel");
    ASSERT_NE(mead, nullptr);
    EXPECT_EQ(mead->price, dec("12"));
    EXPECT_EQ(mead->price_unit, "pièce");
    EXPECT_EQ(mead->producer.name, "Miellerie du Razès");
    EXPECT_EQ(mead->producer.address.postcode, "11300");
    EXPECT_EQ(mead->producer.address.city, "Limoux");
    EXPECT_EQ(run->sink.offerNamed("Pollen frais")->labels, std::vector<std::string>{"AB"});

    // No reference column: ids derived from producer, name and price unit, distinct and stable.
    std::set<std::string> ids;
    for (const auto& o : run->sink.offers) ids.insert(o.source_id);
    EXPECT_EQ(ids.size(), 3u);
    auto again = read(csvTestData("mercuriale-tabulation.tsv"));
    ASSERT_TRUE(again->ok());
    for (size_t i = 0; i < again->sink.offers.size(); ++i)
        EXPECT_EQ(again->sink.offers[i].source_id, run->sink.offers[i].source_id);
}

TEST_F(CsvConnectorTest, QuotedNewlinesKeepLineNumbersRight) {
    auto run = read(csvTestData("mercuriale-multiligne.csv"));
    ASSERT_TRUE(run->ok()) << run->why();
    ASSERT_EQ(run->sink.offers.size(), 3u) << run->sink.describeRejects();
    const auto& carrots = run->sink.offers[0];
    EXPECT_EQ(carrots.where.line, 2);
    EXPECT_NE(carrots.description.find("Lavées, calibre \"moyen\"."), std::string::npos) << carrots.description;
    EXPECT_NE(carrots.description.find("\nLivraison le mardi."), std::string::npos);
    // The description spans lines 2 to 4: the next rows start at 5 and 6.
    EXPECT_EQ(run->sink.offers[1].name, "Navets");
    EXPECT_EQ(run->sink.offers[1].where.line, 5);
    EXPECT_EQ(run->sink.offers[2].where.line, 6);
    EXPECT_EQ(run->sink.offers[2].description, "Cuites; sous vide");
    EXPECT_EQ(run->sink.offers[2].price, dec("2.10"));
}

TEST_F(CsvConnectorTest, DelimiterOptionOverridesDetection) {
    // Commas inside values do not fool the detection: the header line splits most on ';'.
    const std::string path = writeTemp("melange.csv", "Produit;Prix;Unité;Note, remarque\nCarottes;1,80;kg;extra, lavées\n");
    auto detected = read(path);
    ASSERT_TRUE(detected->ok()) << detected->why();
    ASSERT_EQ(detected->sink.offers.size(), 1u);
    EXPECT_EQ(detected->sink.offers[0].name, "Carottes");
    EXPECT_EQ(detected->sink.offers[0].price, dec("1.80"));

    // Forced ',' on a ';' file: the header has no price column any more.
    auto forced = read(csvTestData("mercuriale-occitanie.csv"), mapValue({{"delimiter", scalarValue(",")}}));
    ASSERT_FALSE(forced->ok());
    EXPECT_EQ(forced->error().kind, sdk::ErrorKind::Config);

    auto tab = read(csvTestData("mercuriale-tabulation.tsv"), mapValue({{"delimiter", scalarValue("tab")}}));
    ASSERT_TRUE(tab->ok()) << tab->why();
    EXPECT_EQ(tab->sink.offers.size(), 3u);
}

TEST_F(CsvConnectorTest, ColumnsOptionMapsUnusualHeaders) {
    const std::string path = writeTemp("export.csv",
                                       "Nom de l'article;Montant;Pour;Produit\n"
                                       "Courge butternut;2,20;kg;légumes d'hiver\n"
                                       "Potimarron;2,60;kg;légumes d'hiver\n");
    auto options = mapValue({{"columns", mapValue({
                                             {"name", scalarValue("Nom de l'article")},
                                             {"price", scalarValue("Tarif HT|Montant")},
                                             {"price_unit", scalarValue("POUR")},
                                             {"product_type", scalarValue("Produit")},
                                         })}});
    auto run = read(path, options);
    ASSERT_TRUE(run->ok()) << run->why();
    ASSERT_EQ(run->sink.offers.size(), 2u) << run->sink.describeRejects();
    EXPECT_EQ(run->sink.offers[0].name, "Courge butternut");
    EXPECT_EQ(run->sink.offers[0].price, dec("2.20"));
    EXPECT_EQ(run->sink.offers[0].price_unit, "kg");
    // "Produit" is a default spelling of the name, but the mapping gave it to product_type.
    EXPECT_EQ(run->sink.offers[0].product_type, "légumes d'hiver");
}

TEST_F(CsvConnectorTest, DefaultPriceUnitReplacesAMissingUnitColumn) {
    const std::string path = writeTemp("sans-unite.csv", "Produit;Prix\nPommes;2,10\nPoires;2,40\n");
    auto without = read(path);
    ASSERT_FALSE(without->ok());
    EXPECT_NE(without->error().message.find("unité de prix"), std::string::npos) << without->error().message;

    auto with = read(path, mapValue({{"default_price_unit", scalarValue("kg")}, {"default_vat", scalarValue("5,5")}}));
    ASSERT_TRUE(with->ok()) << with->why();
    ASSERT_EQ(with->sink.offers.size(), 2u);
    for (const auto& o : with->sink.offers) {
        EXPECT_EQ(o.price_unit, "kg");
        EXPECT_EQ(o.vat_rate, dec("5.5"));
    }
}

TEST_F(CsvConnectorTest, HeaderLineOption) {
    const std::string path = writeTemp("titre.csv",
                                       "Tarifs 2025;;\n"
                                       "Produit;Prix;Unité\n"
                                       "Produit;Prix;Unité\n"
                                       "Navets;1,60;kg\n");
    // Auto: the first row naming the columns is the header; the repeated header is then a bad row.
    auto autoRun = read(path);
    ASSERT_TRUE(autoRun->ok()) << autoRun->why();
    EXPECT_EQ(autoRun->sink.offers.size(), 1u);
    ASSERT_EQ(autoRun->sink.rejects.size(), 1u);
    EXPECT_EQ(autoRun->sink.rejects[0].where.line, 3);

    auto explicitRun = read(path, mapValue({{"header_line", scalarValue("3")}}));
    ASSERT_TRUE(explicitRun->ok()) << explicitRun->why();
    EXPECT_EQ(explicitRun->sink.offers.size(), 1u);
    EXPECT_TRUE(explicitRun->sink.rejects.empty()) << explicitRun->sink.describeRejects();
    EXPECT_EQ(explicitRun->sink.offers[0].where.line, 4);
}

TEST_F(CsvConnectorTest, ProducerColumnsWinOverOptionsAndLostLeadingZeroIsRestored) {
    const std::string path = writeTemp("cp.csv",
                                       "Produit;Prix;Unité;Producteur;Code postal\n"
                                       "Fromage de chèvre;4,50;pièce;Chèvrerie de Lescure;9000\n"
                                       "Tomme;16,00;kg;;\n");
    auto run = read(path, mapValue({{"producer_name", scalarValue("Ferme par défaut")},
                                    {"producer_postcode", scalarValue("09300")}}));
    ASSERT_TRUE(run->ok()) << run->why();
    ASSERT_EQ(run->sink.offers.size(), 2u);
    EXPECT_EQ(run->sink.offers[0].producer.name, "Chèvrerie de Lescure");
    EXPECT_EQ(run->sink.offers[0].producer.address.postcode, "09000");
    EXPECT_EQ(run->sink.offers[1].producer.name, "Ferme par défaut") << "an empty cell falls back to the option";
    EXPECT_EQ(run->sink.offers[1].producer.address.postcode, "09300");
}

}  // namespace
}  // namespace recolte::testing
