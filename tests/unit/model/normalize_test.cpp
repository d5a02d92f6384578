// Stable ids and whole-record normalization (hub/src/model/ids.cpp, normalize.cpp).
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <string>

#include "model/normalize.hpp"
#include "recolte/sdk/text.hpp"

namespace recolte::model {
namespace {

Decimal dec(const char* text) { return Decimal::parse(text).value(); }

bool isHex16(const std::string& s) {
    return s.size() == 16 && std::all_of(s.begin(), s.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
           });
}

bool contains(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}

const char* kSiret = "73282932000074";  // a valid SIRET (Luhn)

// ---- Ids ---------------------------------------------------------------------------------------

TEST(NormalizeIds, OfferAndNeedIdsAreTheHashOfTheirKey) {
    EXPECT_EQ(offerId("csv-ferme", "TOM-01"), sdk::sha256Hex("offer\x1f" "csv-ferme\x1f" "TOM-01").substr(0, 16));
    EXPECT_EQ(needId("agrilocal31", "C-42"), sdk::sha256Hex("need\x1f" "agrilocal31\x1f" "C-42").substr(0, 16));
    EXPECT_TRUE(isHex16(offerId("a", "b")));
    EXPECT_TRUE(isHex16(needId("a", "b")));
}

TEST(NormalizeIds, StableAndDistinct) {
    EXPECT_EQ(offerId("s", "1"), offerId("s", "1"));
    EXPECT_NE(offerId("s", "1"), needId("s", "1"));   // an offer and a need never share an id
    EXPECT_NE(offerId("s", "1"), offerId("t", "1"));  // the same source id in two sources
    EXPECT_NE(offerId("s", "1"), offerId("s", "2"));
    EXPECT_NE(offerId("ab", "c"), offerId("a", "bc"));  // the separator keeps the parts apart
}

TEST(NormalizeIds, ProducerIdComesFromAValidSiretWhateverTheSource) {
    const std::string expected = sdk::sha256Hex(std::string("siret\x1f") + kSiret).substr(0, 16);
    EXPECT_EQ(producerId(kSiret, "mangerbio", "P1"), expected);
    EXPECT_EQ(producerId("732 829 320 00074", "agrilocal", "other-key"), expected);
}

TEST(NormalizeIds, ProducerIdFallsBackToSourceAndKey) {
    const std::string local = sdk::sha256Hex("local\x1f" "mangerbio\x1f" "P1").substr(0, 16);
    EXPECT_EQ(producerId("", "mangerbio", "P1"), local);
    EXPECT_EQ(producerId("73282932000075", "mangerbio", "P1"), local);  // invalid SIRET: not trusted
    EXPECT_NE(producerId("", "mangerbio", "P1"), producerId("", "agrilocal", "P1"));
    EXPECT_NE(producerId("", "mangerbio", "P1"), producerId(kSiret, "mangerbio", "P1"));
}

// ---- Producers ---------------------------------------------------------------------------------

sdk::ProducerRecord producer() {
    sdk::ProducerRecord p;
    p.source_key = " P1 ";
    p.siret = " 732 829 320 00074 ";
    p.name = "  Ferme du Moulin ";
    p.address.street = " 2 chemin du Moulin ";
    p.address.postcode = "09100";
    p.address.city = " Pamiers ";
    p.contacts = {{" Marie ", " marie@example.org ", "", ""}, {"", " ", "", ""}};
    p.points_of_sale = {{" Marché de Pamiers ", "Marché", {}, " samedi matin "},
                        {"Boutique", "vente à la ferme", {}, ""},
                        {"Drive", "Drive fermier", {}, ""},
                        {"Ailleurs", "péniche", {}, ""},
                        {"Sans type", " ", {}, ""}};
    p.where.file = "producteurs.csv";
    p.where.line = 7;
    return p;
}

TEST(NormalizeProducer, TrimsDerivesAndIdentifies) {
    auto r = normalizeProducer("mangerbio", producer());
    ASSERT_TRUE(r.ok()) << r.error().describe();
    const Producer& p = *r;
    EXPECT_EQ(p.name, "Ferme du Moulin");
    EXPECT_EQ(p.siret, kSiret);
    EXPECT_FALSE(p.siret_missing);
    EXPECT_EQ(p.id, producerId(kSiret, "mangerbio", "P1"));
    EXPECT_EQ(p.address.street, "2 chemin du Moulin");
    EXPECT_EQ(p.address.city, "Pamiers");
    EXPECT_EQ(p.address.departement, "09");
    EXPECT_EQ(p.address.country, "FR");
    ASSERT_EQ(p.contacts.size(), 1u);  // the blank one is dropped
    EXPECT_EQ(p.contacts[0].name, "Marie");
    EXPECT_EQ(p.contacts[0].email, "marie@example.org");
    ASSERT_EQ(p.points_of_sale.size(), 5u);
    EXPECT_EQ(p.points_of_sale[0].name, "Marché de Pamiers");
    EXPECT_EQ(p.points_of_sale[0].kind, "market");
    EXPECT_EQ(p.points_of_sale[0].opening_hours, "samedi matin");
    EXPECT_EQ(p.points_of_sale[1].kind, "farm_shop");
    EXPECT_EQ(p.points_of_sale[2].kind, "drive");
    EXPECT_EQ(p.points_of_sale[3].kind, "other");  // an unknown kind
    EXPECT_EQ(p.points_of_sale[4].kind, "");       // not given
    EXPECT_EQ(p.sources, std::vector<std::string>{"mangerbio"});
}

TEST(NormalizeProducer, InvalidSiretIsADataErrorNamingIt) {
    auto rec = producer();
    rec.siret = "732 829 320 00075";
    auto r = normalizeProducer("mangerbio", rec);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, sdk::ErrorKind::Data);
    EXPECT_EQ(r.error().message, "SIRET invalide : \"732 829 320 00075\" (14 chiffres et clé de Luhn attendus)");
    EXPECT_EQ(r.error().where, "producteurs.csv:7");
}

TEST(NormalizeProducer, MissingSiretIsKeptAndFlagged) {
    auto rec = producer();
    rec.siret = "  ";
    auto r = normalizeProducer("mangerbio", rec);
    ASSERT_TRUE(r.ok()) << r.error().describe();
    EXPECT_TRUE(r->siret_missing);
    EXPECT_EQ(r->siret, "");
    EXPECT_EQ(r->id, producerId("", "mangerbio", "P1"));
}

TEST(NormalizeProducer, WithoutKeyTheFoldedNameIdentifiesIt) {
    auto a = producer();
    a.siret.clear();
    a.source_key.clear();
    auto b = a;
    b.name = "FERME DU MOULIN";
    auto ra = normalizeProducer("csv", a);
    auto rb = normalizeProducer("csv", b);
    ASSERT_TRUE(ra.ok() && rb.ok());
    EXPECT_EQ(ra->id, producerId("", "csv", sdk::foldForSearch("Ferme du Moulin")));
    EXPECT_EQ(ra->id, rb->id);
}

TEST(NormalizeProducer, NameIsRequired) {
    auto rec = producer();
    rec.name = "   ";
    auto r = normalizeProducer("mangerbio", rec);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().message, "nom du producteur manquant");
}

TEST(NormalizeProducer, KeepsAGivenDepartementAndCountry) {
    auto rec = producer();
    rec.address.postcode = "20200";
    rec.address.departement = "";
    auto corsica = normalizeProducer("s", rec);
    ASSERT_TRUE(corsica.ok());
    EXPECT_EQ(corsica->address.departement, "2B");

    rec.address.departement = "9";
    rec.address.country = "be";
    auto given = normalizeProducer("s", rec);
    ASSERT_TRUE(given.ok());
    EXPECT_EQ(given->address.departement, "09");
    EXPECT_EQ(given->address.country, "BE");
}

TEST(NormalizeProducer, ADepartementThatIsNoCodeComesFromThePostcode) {
    auto rec = producer();
    for (const char* bad : {"Ariège", "20", "00", "99", "979"}) {
        rec.address.departement = bad;
        auto r = normalizeProducer("s", rec);
        ASSERT_TRUE(r.ok());
        EXPECT_EQ(r->address.departement, "09") << bad;  // postcode 09100
    }
    rec.address.postcode = "";
    rec.address.departement = "Ariège";
    auto none = normalizeProducer("s", rec);
    ASSERT_TRUE(none.ok());
    EXPECT_EQ(none->address.departement, "");
    for (const char* good : {"2A", "2b", "971", "988", "31"}) {
        rec.address.departement = good;
        auto r = normalizeProducer("s", rec);
        ASSERT_TRUE(r.ok());
        std::string upper = good;
        for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        EXPECT_EQ(r->address.departement, upper) << good;
    }
}

TEST(NormalizeProducer, CountryIsAnIsoCode) {
    auto rec = producer();
    struct Case {
        const char* raw;
        const char* code;
    };
    for (const Case& c : {Case{"", "FR"}, Case{"France", "FR"}, Case{"FRA", "FR"}, Case{" es ", "ES"},
                          Case{"Royaume de Navarre", ""}}) {
        rec.address.country = c.raw;
        auto r = normalizeProducer("s", rec);
        ASSERT_TRUE(r.ok());
        EXPECT_EQ(r->address.country, c.code) << c.raw;
    }
}

// ---- Offers ------------------------------------------------------------------------------------

sdk::OfferRecord offer() {
    sdk::OfferRecord o;
    o.source_id = " TOM-01 ";
    o.producer = producer();
    o.name = " Tomates cerises ";
    o.description = " Variétés anciennes ";
    o.product_type = "Légumes";
    o.labels = {"AB", " Label Rouge ", "bio"};
    o.price = dec("3.50");
    o.vat_rate = dec("5.5");
    o.price_unit = "pot";
    o.packaging = "250 g";
    o.available_from = "2024-06-01";
    o.available_to = "2024-09-30";
    o.quantity_available = sdk::Quantity{dec("40"), " pot "};
    o.lead_time_days = 2;
    o.origin = " Ariège ";
    o.where.file = "prix.csv";
    o.where.line = 12;
    return o;
}

TEST(NormalizeOffer, FillsTheCommonSchema) {
    auto r = normalizeOffer("csv-ferme", offer());
    ASSERT_TRUE(r.ok()) << r.error().describe();
    const Offer& o = r->offer;
    EXPECT_EQ(o.id, offerId("csv-ferme", "TOM-01"));
    EXPECT_EQ(o.source, "csv-ferme");
    EXPECT_EQ(o.source_id, "TOM-01");
    EXPECT_EQ(o.name, "Tomates cerises");
    EXPECT_EQ(o.description, "Variétés anciennes");
    EXPECT_EQ(o.product_type, "vegetable");
    EXPECT_EQ(o.labels, (std::vector<std::string>{"BIO", "LABEL_ROUGE"}));  // "bio" again is not repeated
    EXPECT_EQ(o.price.amount, dec("3.50"));
    EXPECT_EQ(o.price.currency, "EUR");
    EXPECT_EQ(o.price.vat_rate, dec("5.5"));
    EXPECT_EQ(o.price.unit, "pot");
    EXPECT_EQ(o.packaging, "250 g");
    // 3.50 for a 250 g pot.
    EXPECT_EQ(o.unit_price.amount, dec("14"));
    EXPECT_EQ(o.unit_price.unit, BaseUnit::Kg);
    EXPECT_EQ(o.available_from, "2024-06-01");
    EXPECT_EQ(o.available_to, "2024-09-30");
    ASSERT_TRUE(o.quantity_available.has_value());
    EXPECT_EQ(o.quantity_available->unit, "pot");
    EXPECT_EQ(o.lead_time_days, 2);
    EXPECT_EQ(o.origin, "Ariège");
    // The producer, normalized once, is referenced from the offer.
    EXPECT_EQ(r->producer.id, producerId(kSiret, "csv-ferme", "P1"));
    EXPECT_EQ(o.producer.id, r->producer.id);
    EXPECT_EQ(o.producer.siret, kSiret);
    EXPECT_EQ(o.producer.name, "Ferme du Moulin");
    EXPECT_EQ(o.departement, "09");
    EXPECT_TRUE(r->warnings.empty());
}

TEST(NormalizeOffer, UnknownLabelAndProductTypeAreWarningsNotRejects) {
    auto rec = offer();
    rec.labels = {"AB", "xyz", "IGP; Nature et Saveurs"};
    rec.product_type = "brouette";
    auto r = normalizeOffer("s", rec);
    ASSERT_TRUE(r.ok()) << r.error().describe();
    EXPECT_EQ(r->offer.labels, (std::vector<std::string>{"BIO", "IGP"}));
    EXPECT_EQ(r->offer.product_type, "");
    EXPECT_TRUE(contains(r->warnings, "label inconnu : \"xyz\"")) << ::testing::PrintToString(r->warnings);
    EXPECT_TRUE(contains(r->warnings, "label inconnu : \"Nature et Saveurs\""));
    EXPECT_TRUE(contains(r->warnings, "type de produit inconnu : \"brouette\""));
}

TEST(NormalizeOffer, UnreadablePackagingIsAWarningAndThePriceStaysPerPiece) {
    auto rec = offer();
    rec.packaging = "sachet kraft";
    auto r = normalizeOffer("s", rec);
    ASSERT_TRUE(r.ok()) << r.error().describe();
    EXPECT_EQ(r->offer.unit_price.unit, BaseUnit::Piece);
    EXPECT_EQ(r->offer.unit_price.amount, dec("3.50"));
    EXPECT_TRUE(contains(r->warnings,
                         "conditionnement illisible : \"sachet kraft\" (prix unitaire calculé à la pièce)"));
}

TEST(NormalizeOffer, CurrencyDefaultsToEurosAndIsChecked) {
    auto rec = offer();
    rec.currency = "€";
    auto euro = normalizeOffer("s", rec);
    ASSERT_TRUE(euro.ok());
    EXPECT_EQ(euro->offer.price.currency, "EUR");
    rec.currency = "chf";
    auto franc = normalizeOffer("s", rec);
    ASSERT_TRUE(franc.ok());
    EXPECT_EQ(franc->offer.price.currency, "CHF");
    rec.currency = "pièces d'or";
    auto bad = normalizeOffer("s", rec);
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().message, "devise inconnue : \"pièces d'or\" (code ISO attendu, comme EUR)");
}

struct OfferError {
    const char* why;
    void (*mutate)(sdk::OfferRecord&);
    const char* message;
};

void PrintTo(const OfferError& e, std::ostream* os) { *os << e.why; }

class NormalizeOfferErrors : public ::testing::TestWithParam<OfferError> {};

TEST_P(NormalizeOfferErrors, RejectWithAFrenchReasonAndWhere) {
    auto rec = offer();
    GetParam().mutate(rec);
    auto r = normalizeOffer("s", rec);
    ASSERT_FALSE(r.ok()) << GetParam().why;
    EXPECT_EQ(r.error().kind, sdk::ErrorKind::Data);
    EXPECT_EQ(r.error().message, GetParam().message);
    EXPECT_FALSE(r.error().where.empty()) << GetParam().why;
}

INSTANTIATE_TEST_SUITE_P(
    Offers, NormalizeOfferErrors,
    ::testing::Values(
        OfferError{"no source id", [](sdk::OfferRecord& o) { o.source_id = " "; },
                   "identifiant de l'offre manquant (source_id)"},
        OfferError{"no name", [](sdk::OfferRecord& o) { o.name.clear(); }, "nom de l'offre manquant"},
        OfferError{"no price", [](sdk::OfferRecord& o) { o.price.reset(); }, "prix manquant"},
        OfferError{"negative price", [](sdk::OfferRecord& o) { o.price = dec("-3"); }, "prix négatif : -3,00"},
        OfferError{"unknown price unit", [](sdk::OfferRecord& o) { o.price_unit = "brouette"; },
                   "unité de prix inconnue : \"brouette\""},
        OfferError{"no price unit", [](sdk::OfferRecord& o) { o.price_unit = ""; }, "unité de prix manquante"},
        OfferError{"zero quantity", [](sdk::OfferRecord& o) { o.price_unit = "0 kg"; },
                   "quantité nulle dans l'unité de prix : \"0 kg\""},
        OfferError{"bad colisage", [](sdk::OfferRecord& o) { o.pieces_per_pack = 0; },
                   "colisage invalide : 0 (nombre de pièces par colis attendu)"},
        OfferError{"bad VAT", [](sdk::OfferRecord& o) { o.vat_rate = dec("120"); },
                   "taux de TVA invalide : 120 % (entre 0 et 100 attendu)"},
        OfferError{"invalid producer SIRET", [](sdk::OfferRecord& o) { o.producer.siret = "123"; },
                   "SIRET invalide : \"123\" (14 chiffres et clé de Luhn attendus)"},
        OfferError{"no producer name", [](sdk::OfferRecord& o) { o.producer.name = ""; },
                   "nom du producteur manquant"},
        OfferError{"bad start date", [](sdk::OfferRecord& o) { o.available_from = "2024-13-01"; },
                   "date invalide pour le début de disponibilité : \"2024-13-01\" (AAAA-MM-JJ attendu)"},
        OfferError{"not a leap year", [](sdk::OfferRecord& o) { o.available_to = "2023-02-29"; },
                   "date invalide pour la fin de disponibilité : \"2023-02-29\" (AAAA-MM-JJ attendu)"},
        OfferError{"French date not parsed by the connector",
                   [](sdk::OfferRecord& o) { o.available_from = "01/06/2024"; },
                   "date invalide pour le début de disponibilité : \"01/06/2024\" (AAAA-MM-JJ attendu)"},
        OfferError{"window upside down", [](sdk::OfferRecord& o) { o.available_from = "2024-10-01"; },
                   "période de disponibilité incohérente : du 2024-10-01 au 2024-09-30"},
        OfferError{"negative stock", [](sdk::OfferRecord& o) { o.quantity_available = sdk::Quantity{dec("-5"), "kg"}; },
                   "quantité disponible négative : -5"},
        OfferError{"negative lead time", [](sdk::OfferRecord& o) { o.lead_time_days = -2; },
                   "délai de commande négatif : -2 jours"}));

TEST(NormalizeOffer, ErrorsNameTheRecordsPlace) {
    auto rec = offer();
    rec.price.reset();
    auto r = normalizeOffer("s", rec);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().where, "prix.csv:12");
    EXPECT_EQ(r.error().describe(), "prix.csv:12: prix manquant");
}

TEST(NormalizeOffer, ProducerErrorGetsTheOffersPlaceWhenItHasNone) {
    auto rec = offer();
    rec.producer.where = {};
    rec.producer.siret = "123";
    auto r = normalizeOffer("s", rec);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().where, "prix.csv:12");
}

TEST(NormalizeOffer, SameSourceIdGivesTheSameOfferId) {
    auto a = offer();
    auto b = offer();
    b.name = "Autre nom";
    b.price = dec("4");
    auto ra = normalizeOffer("s", a);
    auto rb = normalizeOffer("s", b);
    ASSERT_TRUE(ra.ok() && rb.ok());
    EXPECT_EQ(ra->offer.id, rb->offer.id);
    auto rc = normalizeOffer("t", a);
    ASSERT_TRUE(rc.ok());
    EXPECT_NE(ra->offer.id, rc->offer.id);
}

// ---- Needs -------------------------------------------------------------------------------------

sdk::NeedRecord need() {
    sdk::NeedRecord n;
    n.source_id = " C-42 ";
    n.title = " Pommes pour la cantine ";
    n.buyer_name = " Collège Jean Jaurès ";
    n.buyer_siret = "732 829 320 00074";
    n.buyer_kind = "Collège";
    n.product_type = "pommes";
    n.quantity = sdk::Quantity{dec("200"), " kg "};
    n.delivery_from = "2024-09-02";
    n.delivery_to = "2024-12-20";
    n.answer_deadline = "2024-07-15T12:00:00+02:00";
    n.place.postcode = "31000";
    n.place.city = "Toulouse";
    n.status = "";
    n.where.file = "consultations.xml";
    n.where.element = "/consultations/consultation[3]";
    return n;
}

TEST(NormalizeNeed, FillsTheCommonSchema) {
    auto r = normalizeNeed("agrilocal31", need());
    ASSERT_TRUE(r.ok()) << r.error().describe();
    const Need& n = *r;
    EXPECT_EQ(n.id, needId("agrilocal31", "C-42"));
    EXPECT_EQ(n.source_id, "C-42");
    EXPECT_EQ(n.title, "Pommes pour la cantine");
    EXPECT_EQ(n.buyer_name, "Collège Jean Jaurès");
    EXPECT_EQ(n.buyer_siret, kSiret);
    EXPECT_EQ(n.buyer_kind, "college");
    EXPECT_EQ(n.product_type, "apples");
    ASSERT_TRUE(n.quantity.has_value());
    EXPECT_EQ(n.quantity->unit, "kg");
    EXPECT_EQ(n.status, "open");  // default
    EXPECT_EQ(n.place.departement, "31");
    EXPECT_EQ(n.place.country, "FR");
    EXPECT_EQ(n.answer_deadline, "2024-07-15T12:00:00+02:00");
}

TEST(NormalizeNeed, StatusesInFrenchAndEnglish) {
    struct Case {
        const char* raw;
        const char* status;
    };
    for (const Case& c : {Case{"open", "open"}, Case{"Ouverte", "open"}, Case{"en cours", "open"},
                          Case{"awarded", "awarded"}, Case{"Attribuée", "awarded"}, Case{"closed", "closed"},
                          Case{"Clôturée", "closed"}, Case{"sans suite", "closed"},
                          Case{"Déclarée sans suite", "closed"}, Case{"infructueuse", "closed"}}) {
        auto rec = need();
        rec.status = c.raw;
        auto r = normalizeNeed("s", rec);
        ASSERT_TRUE(r.ok()) << c.raw << ": " << r.error().describe();
        EXPECT_EQ(r->status, c.status) << c.raw;
    }
}

TEST(NormalizeNeed, ClosedWithoutAwardKeepsItsReason) {
    auto rec = need();
    rec.status = "sans suite";
    auto implicit = normalizeNeed("s", rec);
    ASSERT_TRUE(implicit.ok());
    EXPECT_EQ(implicit->status, "closed");
    EXPECT_EQ(implicit->status_reason, "sans suite");

    rec.status_reason = " budget insuffisant ";
    auto explicitReason = normalizeNeed("s", rec);
    ASSERT_TRUE(explicitReason.ok());
    EXPECT_EQ(explicitReason->status_reason, "budget insuffisant");
}

TEST(NormalizeNeed, UnknownProductTypeIsEmpty) {
    auto rec = need();
    rec.product_type = "brouette";
    auto r = normalizeNeed("s", rec);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->product_type, "");
}

TEST(NormalizeNeed, BuyerKinds) {
    struct Case {
        const char* raw;
        const char* kind;
    };
    for (const Case& c : {Case{"CCAS", "ccas"}, Case{"école", "school"}, Case{"Hôpital", "hospital"},
                          Case{"Association", "association"}, Case{"mairie", "other"}, Case{"", ""}}) {
        auto rec = need();
        rec.buyer_kind = c.raw;
        auto r = normalizeNeed("s", rec);
        ASSERT_TRUE(r.ok());
        EXPECT_EQ(r->buyer_kind, c.kind) << c.raw;
    }
}

struct NeedError {
    const char* why;
    void (*mutate)(sdk::NeedRecord&);
    const char* message;
};

void PrintTo(const NeedError& e, std::ostream* os) { *os << e.why; }

class NormalizeNeedErrors : public ::testing::TestWithParam<NeedError> {};

TEST_P(NormalizeNeedErrors, RejectWithAFrenchReasonAndWhere) {
    auto rec = need();
    GetParam().mutate(rec);
    auto r = normalizeNeed("s", rec);
    ASSERT_FALSE(r.ok()) << GetParam().why;
    EXPECT_EQ(r.error().kind, sdk::ErrorKind::Data);
    EXPECT_EQ(r.error().message, GetParam().message);
    EXPECT_EQ(r.error().where, "consultations.xml, élément « /consultations/consultation[3] »");
}

INSTANTIATE_TEST_SUITE_P(
    Needs, NormalizeNeedErrors,
    ::testing::Values(
        NeedError{"no source id", [](sdk::NeedRecord& n) { n.source_id.clear(); },
                  "identifiant du besoin manquant (source_id)"},
        NeedError{"no title", [](sdk::NeedRecord& n) { n.title = "  "; }, "intitulé du besoin manquant"},
        NeedError{"unknown status", [](sdk::NeedRecord& n) { n.status = "en pause"; },
                  "statut du besoin inconnu : \"en pause\" (ouvert, attribué ou clos attendu)"},
        NeedError{"invalid buyer SIRET", [](sdk::NeedRecord& n) { n.buyer_siret = "732 829 320 00075"; },
                  "SIRET de l'acheteur invalide : \"732 829 320 00075\" (14 chiffres et clé de Luhn attendus)"},
        NeedError{"bad delivery date", [](sdk::NeedRecord& n) { n.delivery_from = "2024-02-30"; },
                  "date invalide pour le début de livraison : \"2024-02-30\" (AAAA-MM-JJ attendu)"},
        NeedError{"bad deadline time", [](sdk::NeedRecord& n) { n.answer_deadline = "2024-07-15T25:00"; },
                  "date invalide pour la date limite de réponse : \"2024-07-15T25:00\" (AAAA-MM-JJ attendu)"},
        NeedError{"delivery window upside down", [](sdk::NeedRecord& n) { n.delivery_to = "2024-08-01"; },
                  "période de livraison incohérente : du 2024-09-02 au 2024-08-01"},
        NeedError{"negative quantity", [](sdk::NeedRecord& n) { n.quantity = sdk::Quantity{dec("-1"), "kg"}; },
                  "quantité demandée négative : -1"}));

TEST(NormalizeNeed, DeadlineMayBeADateOrADateTime) {
    for (const char* d : {"2024-07-15", "2024-07-15T12:00", "2024-07-15 12:00:30", "2024-07-15T12:00:00Z",
                          "2024-07-15T12:00:00.250+02:00"}) {
        auto rec = need();
        rec.answer_deadline = d;
        auto r = normalizeNeed("s", rec);
        EXPECT_TRUE(r.ok()) << d << ": " << (r.ok() ? "" : r.error().message);
    }
}

}  // namespace
}  // namespace recolte::model
