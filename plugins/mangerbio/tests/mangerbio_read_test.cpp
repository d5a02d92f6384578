// Good Socleo exports: every column lands in the right field, whatever the encoding, the column
// order or the extra columns; the options (columns, producer_sirets) and the bookmark work.
#include "mangerbio_fixture.hpp"

namespace recolte::testing::mangerbio {
namespace {

using sdk::Decimal;

Decimal dec(const char* text) { return *Decimal::parse(text); }

TEST_F(MangerBioTest, Utf8CatalogueMapsEveryColumn) {
    auto run = read(testData("catalogue-utf8.csv"));
    ASSERT_TRUE(run->ok()) << run->why();
    EXPECT_FALSE(run->value().unchanged);
    EXPECT_TRUE(run->sink.rejects.empty()) << run->sink.describeRejects();
    ASSERT_EQ(run->sink.offers.size(), 8u);

    const auto* tomme = run->offer("T-001");
    ASSERT_NE(tomme, nullptr);
    EXPECT_EQ(tomme->name, "Tomme des Pyrénées au lait cru");
    EXPECT_EQ(tomme->price, dec("17.90"));
    EXPECT_EQ(tomme->currency, "EUR");
    EXPECT_EQ(tomme->price_unit, "kg");  // K
    EXPECT_EQ(tomme->vat_rate, dec("5.5"));  // code 1
    EXPECT_EQ(tomme->product_type, "Produits laitiers");
    EXPECT_EQ(tomme->family, "Fromages");
    EXPECT_EQ(tomme->origin, "Ariège");
    EXPECT_EQ(tomme->lead_time_days, 3);
    ASSERT_TRUE(tomme->quantity_available);
    EXPECT_EQ(tomme->quantity_available->value, dec("35"));
    EXPECT_EQ(tomme->quantity_available->unit, "kg");
    EXPECT_EQ(tomme->packaging, "Pièce");  // sold by weight, handled as a whole cheese
    EXPECT_FALSE(tomme->pieces_per_pack);
    EXPECT_EQ(tomme->labels, (std::vector<std::string>{"BIO", "AB"}));  // code B and [EU] -> BIO, [AB]
    EXPECT_EQ(tomme->where.file, testData("catalogue-utf8.csv"));
    EXPECT_EQ(tomme->where.line, 2);

    const auto& producer = tomme->producer;
    EXPECT_EQ(producer.source_key, "P01");
    EXPECT_EQ(producer.name, "Ferme du Couserans");
    EXPECT_EQ(producer.siret, "81234567600017");
    EXPECT_EQ(producer.address.street, "Le Bourg");
    EXPECT_EQ(producer.address.postcode, "09200");  // the zero a spreadsheet dropped is back
    EXPECT_EQ(producer.address.city, "Saint-Girons");
    EXPECT_EQ(producer.where.line, 2);

    const auto* yaourt = run->offer("T-002");
    ASSERT_NE(yaourt, nullptr);
    EXPECT_EQ(yaourt->name, "Yaourt nature au lait de brebis « 125 g »");
    EXPECT_EQ(yaourt->price_unit, "pièce");  // U
    EXPECT_EQ(yaourt->packaging, "Colis");
    EXPECT_EQ(yaourt->pieces_per_pack, 12);
    EXPECT_EQ(yaourt->ean, "3760123450010");
    EXPECT_EQ(yaourt->quantity_available->unit, "pièce");

    const auto* lentilles = run->offer("T-003");
    ASSERT_NE(lentilles, nullptr);
    EXPECT_EQ(lentilles->vat_rate, dec("5.5"));  // written as a percentage
    EXPECT_EQ(lentilles->packaging, "Sac de 5 kg");  // K: the colisage is a weight
    EXPECT_FALSE(lentilles->pieces_per_pack);
    EXPECT_EQ(lentilles->quantity_available->value, dec("300.5"));

    const auto* haricots = run->offer("T-004");
    ASSERT_NE(haricots, nullptr);
    EXPECT_EQ(haricots->labels, (std::vector<std::string>{"LR", "IGP"}));  // conventional: no farming label
    EXPECT_EQ(haricots->packaging, "Sachet de 1 kg");

    const auto* poires = run->offer("T-005");
    ASSERT_NE(poires, nullptr);
    EXPECT_EQ(poires->labels, (std::vector<std::string>{"CONVERSION_BIO"}));
    EXPECT_EQ(poires->producer.siret, "");  // no SIRET: identified within the platform by its code
    EXPECT_EQ(poires->producer.source_key, "P03");

    const auto* salade = run->offer("T-006");
    ASSERT_NE(salade, nullptr);
    EXPECT_EQ(salade->price_unit, "pièce");  // "u" in lower case
    EXPECT_EQ(salade->packaging, "");        // "Pièce" says nothing more than the price unit

    const auto* vin = run->offer("T-007");
    ASSERT_NE(vin, nullptr);
    EXPECT_EQ(vin->name, "Vin rouge – cuvée Œillade 75 cl");
    EXPECT_EQ(vin->vat_rate, dec("20"));  // code 3
    EXPECT_EQ(vin->pieces_per_pack, 6);

    const auto* persil = run->offer("T-008");
    ASSERT_NE(persil, nullptr);
    EXPECT_EQ(persil->vat_rate, dec("10"));  // code 2
    EXPECT_EQ(persil->labels, (std::vector<std::string>{"AB", "Label Rouge"}));
    // Code agriculture "X" without a libellé: a warning at that row and column, no label.
    ASSERT_EQ(run->warningsWith("code agriculture « X » inconnu"), 1u);
    for (const auto& [where, message] : run->sink.warnings) {
        if (message.find("« X »") == std::string::npos) continue;
        EXPECT_EQ(where.line, 9);
        EXPECT_EQ(where.column, "Code Agriculture");
    }
}

TEST_F(MangerBioTest, Windows1252ExportReadsLikeItsUtf8Twin) {
    auto utf8 = read(testData("catalogue-utf8.csv"));
    auto cp1252 = read(testData("catalogue-windows1252.csv"));
    ASSERT_TRUE(utf8->ok()) << utf8->why();
    ASSERT_TRUE(cp1252->ok()) << cp1252->why();
    EXPECT_TRUE(cp1252->sink.rejects.empty()) << cp1252->sink.describeRejects();  // trailing ';' tolerated
    ASSERT_EQ(cp1252->sink.offers.size(), utf8->sink.offers.size());
    for (size_t i = 0; i < utf8->sink.offers.size(); ++i) {
        const auto& a = utf8->sink.offers[i];
        const auto& b = cp1252->sink.offers[i];
        EXPECT_EQ(b.source_id, a.source_id);
        EXPECT_EQ(b.name, a.name);  // é, «, –, Œ converted from their Windows-1252 bytes
        EXPECT_EQ(b.producer.name, a.producer.name);
        EXPECT_EQ(b.producer.address.city, a.producer.address.city);
        EXPECT_EQ(b.price, a.price);
        EXPECT_EQ(b.price_unit, a.price_unit);
        EXPECT_EQ(b.vat_rate, a.vat_rate);
        EXPECT_EQ(b.labels, a.labels);
        EXPECT_EQ(b.packaging, a.packaging);
        EXPECT_EQ(b.origin, a.origin);
        EXPECT_EQ(b.where.line, a.where.line);
    }
    bool logged = false;
    for (const auto& [level, message] : cp1252->log.lines)
        logged = logged || message.find("windows-1252") != std::string::npos;
    EXPECT_TRUE(logged) << "the detected encoding is logged";
}

TEST_F(MangerBioTest, ColumnsInAnyOrderAnySpellingCaseAndUnknownOnesIgnored) {
    auto run = read(testData("catalogue-ordre-colonnes.csv"));
    ASSERT_TRUE(run->ok()) << run->why();
    ASSERT_TRUE(run->sink.rejects.empty()) << run->sink.describeRejects();
    ASSERT_EQ(run->sink.offers.size(), 2u);

    const auto* tomme = run->offer("T-001");
    ASSERT_NE(tomme, nullptr);
    EXPECT_EQ(tomme->name, "Tomme des Pyrénées au lait cru");
    EXPECT_EQ(tomme->price, dec("17.9"));
    EXPECT_EQ(tomme->price_unit, "kg");
    EXPECT_EQ(tomme->producer.source_key, "P01");
    EXPECT_EQ(tomme->producer.siret, "");  // no SIRET column, no option
    EXPECT_EQ(tomme->labels, (std::vector<std::string>{"BIO", "AB"}));

    const auto* confiture = run->offer("T-010");
    ASSERT_NE(confiture, nullptr);
    EXPECT_EQ(confiture->producer.name, "Les Confitures d'Hélène");
    EXPECT_EQ(confiture->product_type, "Épicerie");
    EXPECT_EQ(confiture->family, "Confitures");
    EXPECT_EQ(confiture->pieces_per_pack, 12);
    EXPECT_EQ(confiture->lead_time_days, 4);
    EXPECT_EQ(confiture->origin, "Aude");
    EXPECT_EQ(confiture->ean, "3760123450027");
    EXPECT_TRUE(confiture->labels.empty());  // "Conventionnelle"
    // Nothing of the unknown columns reached the record; the log names them.
    EXPECT_EQ(confiture->description, "");
    bool logged = false;
    for (const auto& [level, message] : run->log.lines)
        logged = logged || (message.find("« Photo »") != std::string::npos &&
                            message.find("« Commentaire interne »") != std::string::npos);
    EXPECT_TRUE(logged);
}

TEST_F(MangerBioTest, ProducerSiretsOptionGivesTheSiretsTheExportLacks) {
    auto options = mapValue({{"producer_sirets", mapValue({{"P01", scalarValue("812 345 676 00017")},
                                                           {"P99", scalarValue("88321456100010")}})}});
    auto run = read(testData("catalogue-ordre-colonnes.csv"), options);
    ASSERT_TRUE(run->ok()) << run->why();
    EXPECT_EQ(run->offer("T-001")->producer.siret, "812 345 676 00017");  // as written; the hub compacts it
    EXPECT_EQ(run->offer("T-010")->producer.siret, "");                   // P09 is not listed
    // P99 sells nothing here: probably a typo, said once.
    EXPECT_EQ(run->warningsWith("« P99 »"), 1u);
}

TEST_F(MangerBioTest, SiretCellWinsOverTheOptionWithAWarningWhenTheyDiffer) {
    auto options = mapValue({{"producer_sirets", mapValue({{"P01", scalarValue("88321456100010")},
                                                           {"P02", scalarValue("883 214 561 00010")}})}});
    auto run = read(testData("catalogue-utf8.csv"), options);
    ASSERT_TRUE(run->ok()) << run->why();
    EXPECT_EQ(run->offer("T-001")->producer.siret, "81234567600017");
    EXPECT_EQ(run->warningsWith("différent de celui de l'option producer_sirets"), 2u);  // T-001, T-002; P02 agrees
}

TEST_F(MangerBioTest, ColumnsOptionReadsAnExportWithOtherHeaders) {
    const std::string path = write("autres-entetes.csv",
                                   "Code article;Fournisseur;Nom fournisseur;Article;Tarif HT;Unité tarif\n"
                                   "A-1;F1;Ferme du Couserans;Tomme;17,90;K\n");
    const auto columns = mapValue({{"columns", mapValue({{"source_id", scalarValue("Code article")},
                                                         {"producer_code", scalarValue("Fournisseur")},
                                                         {"producer_name", scalarValue("Nom fournisseur")},
                                                         {"name", scalarValue("Libellé|Article")},
                                                         {"price", scalarValue("Tarif HT")},
                                                         {"price_unit", scalarValue("unite tarif")}})}});
    auto run = read(path, columns);
    ASSERT_TRUE(run->ok()) << run->why();
    ASSERT_EQ(run->sink.offers.size(), 1u);
    EXPECT_EQ(run->sink.offers[0].source_id, "A-1");
    EXPECT_EQ(run->sink.offers[0].producer.source_key, "F1");
    EXPECT_EQ(run->sink.offers[0].name, "Tomme");
    EXPECT_EQ(run->sink.offers[0].price_unit, "kg");

    auto unknown = read(path, mapValue({{"columns", mapValue({{"prix", scalarValue("Tarif HT")}})}}));
    ASSERT_FALSE(unknown->ok());
    EXPECT_EQ(unknown->error().kind, sdk::ErrorKind::Config);
    EXPECT_NE(unknown->error().message.find("« prix »"), std::string::npos) << unknown->error().message;
    EXPECT_NE(unknown->error().message.find("price_unit"), std::string::npos) << "lists the valid keys";
}

TEST_F(MangerBioTest, UnchangedCatalogueIsNotReadAgain) {
    const std::string path = write("catalogue.csv", std::string(kHeader) + row("R-1", "Tomme", "17,90", "K"));
    auto first = read(path);
    ASSERT_TRUE(first->ok()) << first->why();
    const std::string bookmark = first->value().bookmark;
    EXPECT_EQ(bookmark.rfind("sha256:", 0), 0u) << bookmark;

    auto second = read(path, {}, bookmark);
    ASSERT_TRUE(second->ok()) << second->why();
    EXPECT_TRUE(second->value().unchanged);
    EXPECT_EQ(second->value().bookmark, bookmark);
    EXPECT_EQ(second->sink.recordCount() + second->sink.rejects.size(), 0u);

    // Another option value (the SIRET list) changes what is emitted: full read.
    auto withSirets = read(path, mapValue({{"producer_sirets", mapValue({{"P01", scalarValue("81234567600017")}})}}),
                           bookmark);
    ASSERT_TRUE(withSirets->ok()) << withSirets->why();
    EXPECT_FALSE(withSirets->value().unchanged);
    EXPECT_NE(withSirets->value().bookmark, bookmark);
    EXPECT_EQ(withSirets->sink.offers.size(), 1u);

    // One byte changed: full read.
    write("catalogue.csv", std::string(kHeader) + row("R-1", "Tomme", "17,95", "K"));
    auto third = read(path, {}, bookmark);
    ASSERT_TRUE(third->ok()) << third->why();
    EXPECT_FALSE(third->value().unchanged);
    ASSERT_EQ(third->sink.offers.size(), 1u);
    EXPECT_EQ(third->sink.offers[0].price, dec("17.95"));
}

TEST_F(MangerBioTest, FolderReadsEveryExportInNameOrder) {
    write("b-montgeard.csv", std::string(kHeader) + row("M-1", "Lentilles", "4,40", "K"));
    write("a-couserans.csv", std::string(kHeader) + row("C-1", "Tomme", "17,90", "K"));
    write("lisezmoi.txt", "pas un catalogue");
    auto run = read(temp.path().string());
    ASSERT_TRUE(run->ok()) << run->why();
    ASSERT_EQ(run->sink.offers.size(), 2u);
    EXPECT_EQ(run->sink.offers[0].source_id, "C-1");
    EXPECT_EQ(run->sink.offers[1].source_id, "M-1");
}

TEST_F(MangerBioTest, CheckReadsOnlyTheHeader) {
    EXPECT_TRUE(check(testData("catalogue-utf8.csv")).ok());
    const auto missing = check(testData("colonne-manquante.csv"));
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().kind, sdk::ErrorKind::Config);
}

}  // namespace
}  // namespace recolte::testing::mangerbio
