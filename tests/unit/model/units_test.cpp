// Units and normalized unit prices (hub/src/model/units.cpp, unit_price.cpp).
#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <string>

#include "model/normalize.hpp"

namespace recolte::model {
namespace {

Decimal dec(const char* text) {
    auto d = Decimal::parse(text);
    EXPECT_TRUE(d.has_value()) << text;
    return d.value_or(Decimal{});
}

struct UnitCase {
    const char* text;
    const char* amount;  // in kg, l or pieces
    BaseUnit unit;
    bool container;
};

void PrintTo(const UnitCase& c, std::ostream* os) { *os << '"' << c.text << '"'; }

class UnitParseTable : public ::testing::TestWithParam<UnitCase> {};

TEST_P(UnitParseTable, ReadsTheQuantityInItsBaseUnit) {
    const UnitCase& c = GetParam();
    auto q = parseQuantityUnit(c.text);
    ASSERT_TRUE(q.ok()) << c.text << ": " << q.error().message;
    EXPECT_EQ(q->amount, dec(c.amount)) << c.text << " gave " << q->amount.toString(4);
    EXPECT_EQ(q->unit, c.unit) << c.text;
    EXPECT_EQ(q->container, c.container) << c.text;
}

INSTANTIATE_TEST_SUITE_P(
    Units, UnitParseTable,
    ::testing::Values(
        // What a price is for.
        UnitCase{"kg", "1", BaseUnit::Kg, false}, UnitCase{"le kg", "1", BaseUnit::Kg, false},
        UnitCase{"au kg", "1", BaseUnit::Kg, false}, UnitCase{"/kg", "1", BaseUnit::Kg, false},
        UnitCase{"€/kg", "1", BaseUnit::Kg, false}, UnitCase{"€ HT / kg", "1", BaseUnit::Kg, false},
        UnitCase{"par kg", "1", BaseUnit::Kg, false}, UnitCase{"KG", "1", BaseUnit::Kg, false},
        UnitCase{"au kilo", "1", BaseUnit::Kg, false}, UnitCase{"kilos", "1", BaseUnit::Kg, false},
        UnitCase{"500 g", "0.5", BaseUnit::Kg, false}, UnitCase{"500g", "0.5", BaseUnit::Kg, false},
        UnitCase{"les 100 g", "0.1", BaseUnit::Kg, false}, UnitCase{"250 grammes", "0.25", BaseUnit::Kg, false},
        UnitCase{"0,5 kg", "0.5", BaseUnit::Kg, false}, UnitCase{"500 mg", "0.0005", BaseUnit::Kg, false},
        UnitCase{"1 tonne", "1000", BaseUnit::Kg, false}, UnitCase{"100000000 kg", "100000000", BaseUnit::Kg, false},
        UnitCase{"litre", "1", BaseUnit::L, false}, UnitCase{"le litre", "1", BaseUnit::L, false},
        UnitCase{"litres", "1", BaseUnit::L, false}, UnitCase{"l", "1", BaseUnit::L, false},
        UnitCase{"L", "1", BaseUnit::L, false}, UnitCase{"75 cl", "0.75", BaseUnit::L, false},
        UnitCase{"75cl", "0.75", BaseUnit::L, false}, UnitCase{"1,5 L", "1.5", BaseUnit::L, false},
        UnitCase{"1.5 l", "1.5", BaseUnit::L, false}, UnitCase{"250 ml", "0.25", BaseUnit::L, false},
        UnitCase{"demi-litre", "0.5", BaseUnit::L, false},
        // Pieces.
        UnitCase{"pièce", "1", BaseUnit::Piece, false}, UnitCase{"Pièce", "1", BaseUnit::Piece, false},
        UnitCase{"PIECE", "1", BaseUnit::Piece, false}, UnitCase{"la pièce", "1", BaseUnit::Piece, false},
        UnitCase{"à la pièce", "1", BaseUnit::Piece, false}, UnitCase{"pce", "1", BaseUnit::Piece, false},
        UnitCase{"pc", "1", BaseUnit::Piece, false}, UnitCase{"u", "1", BaseUnit::Piece, false},
        UnitCase{"U", "1", BaseUnit::Piece, false}, UnitCase{"unité", "1", BaseUnit::Piece, false},
        UnitCase{"l'unité", "1", BaseUnit::Piece, false}, UnitCase{"l’unité", "1", BaseUnit::Piece, false},
        UnitCase{"6 pièces", "6", BaseUnit::Piece, false}, UnitCase{"pièce(s)", "1", BaseUnit::Piece, false},
        UnitCase{"botte", "1", BaseUnit::Piece, false},
        UnitCase{"la botte", "1", BaseUnit::Piece, false}, UnitCase{"tête", "1", BaseUnit::Piece, false},
        UnitCase{"part", "1", BaseUnit::Piece, false}, UnitCase{"tranche", "1", BaseUnit::Piece, false},
        UnitCase{"douzaine", "12", BaseUnit::Piece, false}, UnitCase{"la douzaine", "12", BaseUnit::Piece, false},
        UnitCase{"demi-douzaine", "6", BaseUnit::Piece, false},
        UnitCase{"2 douzaines", "24", BaseUnit::Piece, false},
        UnitCase{"douzaine d'œufs", "12", BaseUnit::Piece, false}, UnitCase{"6 œufs", "6", BaseUnit::Piece, false},
        UnitCase{"boîte de 6 oeufs", "6", BaseUnit::Piece, true},
        // Containers count as one piece.
        UnitCase{"pot", "1", BaseUnit::Piece, true}, UnitCase{"le pot", "1", BaseUnit::Piece, true},
        UnitCase{"bocal", "1", BaseUnit::Piece, true}, UnitCase{"barquette", "1", BaseUnit::Piece, true}, UnitCase{"plaquette", "1", BaseUnit::Piece, true},
        UnitCase{"sachet", "1", BaseUnit::Piece, true}, UnitCase{"bouteille", "1", BaseUnit::Piece, true},
        UnitCase{"colis", "1", BaseUnit::Piece, true}, UnitCase{"caisse", "1", BaseUnit::Piece, true},
        UnitCase{"cagette", "1", BaseUnit::Piece, true}, UnitCase{"filet", "1", BaseUnit::Piece, true},
        UnitCase{"plateau", "1", BaseUnit::Piece, true}, UnitCase{"carton", "1", BaseUnit::Piece, true},
        UnitCase{"lot", "1", BaseUnit::Piece, true}, UnitCase{"boîte", "1", BaseUnit::Piece, true},
        UnitCase{"Boite", "1", BaseUnit::Piece, true}, UnitCase{"6 bouteilles", "6", BaseUnit::Piece, true},
        UnitCase{"3 pots", "3", BaseUnit::Piece, true}, UnitCase{"bouteille(s)", "1", BaseUnit::Piece, true},
        // Containers with what they hold.
        UnitCase{"colis de 5 kg", "5", BaseUnit::Kg, false}, UnitCase{"Colis 5kg", "5", BaseUnit::Kg, false},
        UnitCase{"barquette 250g", "0.25", BaseUnit::Kg, false},
        UnitCase{"barquette (250 g)", "0.25", BaseUnit::Kg, false},
        UnitCase{"pot de 250 g", "0.25", BaseUnit::Kg, false},
        UnitCase{"caisse de 6 bouteilles", "6", BaseUnit::Piece, true},
        UnitCase{"caisse de 6 bouteilles de 75 cl", "4.5", BaseUnit::L, false},
        UnitCase{"lot de 3", "3", BaseUnit::Piece, true}, UnitCase{"colis x12", "12", BaseUnit::Piece, true},
        UnitCase{"colis de 12 pots", "12", BaseUnit::Piece, true},
        UnitCase{"2 x 500 g", "1", BaseUnit::Kg, false}, UnitCase{"6x75cl", "4.5", BaseUnit::L, false},
        UnitCase{"500 g le sachet", "0.5", BaseUnit::Kg, false}));

TEST(UnitParse, UnknownUnitIsAnErrorNamingTheText) {
    auto q = parseQuantityUnit("brouette");
    ASSERT_FALSE(q.ok());
    EXPECT_EQ(q.error().kind, sdk::ErrorKind::Data);
    EXPECT_EQ(q.error().message, "unité inconnue : \"brouette\"");
}

TEST(UnitParse, MalformedQuantitiesAreErrorsNotGuesses) {
    struct Bad {
        const char* text;
        const char* message;
    };
    for (const Bad& b : {Bad{"1 kg 500", "quantité illisible : \"1 kg 500\""},
                         Bad{"3", "quantité illisible : \"3\""},
                         Bad{"1 000 g", "quantité illisible : \"1 000 g\""},
                         Bad{"6 x", "quantité illisible : \"6 x\""},
                         Bad{"1/2 douzaine", "quantité illisible : \"1/2 douzaine\""},
                         Bad{"0 kg", "quantité nulle : \"0 kg\""},
                         Bad{"0,000 g", "quantité nulle : \"0,000 g\""},
                         Bad{"colis de 0 kg", "quantité nulle : \"colis de 0 kg\""},
                         Bad{"-2 kg", "quantité négative : \"-2 kg\""},
                         Bad{"environ 2 kg", "unité inconnue : \"environ 2 kg\""},
                         Bad{"botte de radis", "unité inconnue : \"botte de radis\""},
                         Bad{"le", "unité inconnue : \"le\""},
                         Bad{"  ", "unité manquante"}}) {
        auto q = parseQuantityUnit(b.text);
        ASSERT_FALSE(q.ok()) << b.text;
        EXPECT_EQ(q.error().message, b.message) << b.text;
    }
}

TEST(UnitParse, HugeQuantitiesAreRefusedInsteadOfOverflowing) {
    // 10^15 tonnes is 10^18 kg: more than a Decimal holds with 4 decimals.
    auto big = parseQuantityUnit("1000000000000000 tonnes");
    ASSERT_FALSE(big.ok());
    EXPECT_NE(big.error().message.find("hors limites"), std::string::npos);
    auto longNumber = parseQuantityUnit("12345678901234567890 g");
    ASSERT_FALSE(longNumber.ok());
    EXPECT_NE(longNumber.error().message.find("hors limites"), std::string::npos);
}

TEST(UnitParse, BaseUnitNames) {
    EXPECT_STREQ(toString(BaseUnit::Kg), "kg");
    EXPECT_STREQ(toString(BaseUnit::L), "l");
    EXPECT_STREQ(toString(BaseUnit::Piece), "piece");
}

struct PriceCase {
    const char* why;
    const char* price;
    const char* priceUnit;
    const char* packaging;
    std::optional<int64_t> piecesPerPack;
    const char* expected;  // EUR per base unit
    BaseUnit unit;
};

void PrintTo(const PriceCase& c, std::ostream* os) { *os << c.why; }

class UnitPriceTable : public ::testing::TestWithParam<PriceCase> {};

TEST_P(UnitPriceTable, ComputesEurosPerBaseUnit) {
    const PriceCase& c = GetParam();
    auto p = computeUnitPrice(dec(c.price), c.priceUnit, c.packaging, c.piecesPerPack);
    ASSERT_TRUE(p.ok()) << c.why << ": " << p.error().message;
    EXPECT_EQ(p->amount, dec(c.expected)) << c.why << " gave " << p->amount.toString(4);
    EXPECT_EQ(p->unit, c.unit) << c.why;
}

// Each expected value is the price divided by the quantity the comment spells out.
INSTANTIATE_TEST_SUITE_P(
    Prices, UnitPriceTable,
    ::testing::Values(
        PriceCase{"3.50 le kg", "3.50", "le kg", "", {}, "3.50", BaseUnit::Kg},
        PriceCase{"2.00 for 500 g = 2 / 0.5", "2.00", "500 g", "", {}, "4.00", BaseUnit::Kg},
        PriceCase{"1.00 for 500 mg = 1 / 0.0005", "1.00", "500 mg", "", {}, "2000", BaseUnit::Kg},
        PriceCase{"0.0001 for 1 mg: exact below Decimal's 4 decimals = 0.0001 / 0.000001", "0.0001", "1 mg", "", {},
                  "100", BaseUnit::Kg},
        PriceCase{"6.00 for 75 cl = 6 / 0.75", "6.00", "75 cl", "", {}, "8.00", BaseUnit::L},
        PriceCase{"3.00 for 1,5 L = 3 / 1.5", "3.00", "1,5 L", "", {}, "2.00", BaseUnit::L},
        PriceCase{"12.00 for colis de 5 kg = 12 / 5", "12.00", "colis de 5 kg", "", {}, "2.40", BaseUnit::Kg},
        PriceCase{"2.50 for barquette 250g = 2.5 / 0.25", "2.50", "barquette 250g", "", {}, "10.00", BaseUnit::Kg},
        PriceCase{"1.20 la pièce", "1.20", "pièce", "", {}, "1.20", BaseUnit::Piece},
        PriceCase{"1.50 la botte (one piece)", "1.50", "botte", "", {}, "1.50", BaseUnit::Piece},
        PriceCase{"3.60 la douzaine = 3.6 / 12", "3.60", "douzaine", "", {}, "0.30", BaseUnit::Piece},
        PriceCase{"2.10 la demi-douzaine = 2.1 / 6", "2.10", "demi-douzaine", "", {}, "0.35", BaseUnit::Piece},
        PriceCase{"30.00 caisse de 6 bouteilles = 30 / 6", "30.00", "caisse de 6 bouteilles", "", {}, "5.00",
                  BaseUnit::Piece},
        PriceCase{"4.50 lot de 3 = 4.5 / 3", "4.50", "lot de 3", "", {}, "1.50", BaseUnit::Piece},
        PriceCase{"3.50 le pot", "3.50", "pot", "", {}, "3.50", BaseUnit::Piece},
        // The packaging gives the weight or volume of a counted piece.
        PriceCase{"3.50 pot of 250 g = 3.5 / 0.25", "3.50", "pot", "250 g", {}, "14.00", BaseUnit::Kg},
        PriceCase{"3.50 pot, packaging 'pot de 250 g'", "3.50", "pot", "pot de 250 g", {}, "14.00", BaseUnit::Kg},
        PriceCase{"3.60 douzaine of 60 g eggs = 3.6 / (12 * 0.06)", "3.60", "douzaine", "60 g", {}, "5.00",
                  BaseUnit::Kg},
        PriceCase{"30.00 caisse de 6 bouteilles of 75 cl = 30 / 4.5", "30.00", "caisse de 6 bouteilles", "75 cl", {},
                  "6.6667", BaseUnit::L},
        PriceCase{"1.00 pièce in '6 x 250 g' = 1 / 0.25", "1.00", "pièce", "6 x 250 g", {}, "4.00", BaseUnit::Kg},
        // Colisage: it multiplies a pack bought as a whole, never a piece.
        PriceCase{"20.00 colis of 10 x 250 g = 20 / 2.5", "20.00", "colis", "250 g", 10, "8.00", BaseUnit::Kg},
        PriceCase{"20.00 colis of 10 pieces = 20 / 10", "20.00", "colis", "", 10, "2.00", BaseUnit::Piece},
        PriceCase{"10.00 colis described as 'colis de 5 kg' = 10 / 5", "10.00", "colis", "colis de 5 kg", 10, "2.00",
                  BaseUnit::Kg},
        PriceCase{"24.00 colis of '12 pots' = 24 / 12", "24.00", "colis", "12 pots", {}, "2.00", BaseUnit::Piece},
        PriceCase{"24.00 colis of 'colis de 12' = 24 / 12", "24.00", "colis", "colis de 12", {}, "2.00",
                  BaseUnit::Piece},
        PriceCase{"40.00 for 2 colis of 10 = 40 / 20", "40.00", "2 colis", "", 10, "2.00", BaseUnit::Piece},
        PriceCase{"40.00 for 2 colis of 10 x 250 g = 40 / 5", "40.00", "2 colis", "250 g", 10, "8.00", BaseUnit::Kg},
        PriceCase{"20.00 for 2 colis de 5 kg = 20 / 10", "20.00", "2 colis", "colis de 5 kg", {}, "2.00",
                  BaseUnit::Kg},
        PriceCase{"27.00 for 6 bouteilles of 75 cl = 27 / 4.5", "27.00", "6 bouteilles", "75 cl", {}, "6.00",
                  BaseUnit::L},
        PriceCase{"9.00 colis of '6 x 250 g' = 9 / 1.5", "9.00", "colis", "6 x 250 g", {}, "6.00", BaseUnit::Kg},
        PriceCase{"3.50 pot, colisage 12 only ships them: 3.5 / 0.25", "3.50", "pot", "250 g", 12, "14.00",
                  BaseUnit::Kg},
        PriceCase{"2.00 pièce, colis de 5 kg of 10 pieces = 2 / 0.5", "2.00", "pièce", "colis de 5 kg", 10, "4.00",
                  BaseUnit::Kg},
        PriceCase{"2.00 pièce, colis de 5 kg, piece count unknown: per piece", "2.00", "pièce", "colis de 5 kg", {},
                  "2.00", BaseUnit::Piece},
        PriceCase{"a measured price unit ignores the packaging", "4.00", "kg", "colis de 5 kg", 10, "4.00",
                  BaseUnit::Kg},
        // Rounding: half away from zero, at 4 decimals, once.
        PriceCase{"1.00 / 3 = 0.33333...", "1.00", "lot de 3", "", {}, "0.3333", BaseUnit::Piece},
        PriceCase{"2.00 / 3 = 0.66666...", "2.00", "lot de 3", "", {}, "0.6667", BaseUnit::Piece},
        PriceCase{"0.0001 / 2 = 0.00005 rounds up", "0.0001", "lot de 2", "", {}, "0.0001", BaseUnit::Piece},
        PriceCase{"-0.0001 / 2 = -0.00005 rounds away from zero", "-0.0001", "lot de 2", "", {}, "-0.0001",
                  BaseUnit::Piece},
        PriceCase{"0.00 stays 0", "0", "kg", "", {}, "0", BaseUnit::Kg},
        PriceCase{"a large price: 900000000 / 0.5", "900000000", "500 g", "", {}, "1800000000", BaseUnit::Kg}));

TEST(UnitPrice, UnknownPriceUnitIsADataErrorNamingIt) {
    auto p = computeUnitPrice(dec("3"), "brouette", "", std::nullopt);
    ASSERT_FALSE(p.ok());
    EXPECT_EQ(p.error().kind, sdk::ErrorKind::Data);
    EXPECT_EQ(p.error().message, "unité de prix inconnue : \"brouette\"");
}

TEST(UnitPrice, ErrorsSayWhatIsWrong) {
    struct Bad {
        const char* priceUnit;
        const char* packaging;
        std::optional<int64_t> ppp;
        const char* message;
    };
    for (const Bad& b : {
             Bad{"", "", {}, "unité de prix manquante"},
             Bad{"0 kg", "", {}, "quantité nulle dans l'unité de prix : \"0 kg\""},
             Bad{"1 kg 500", "", {}, "unité de prix illisible : \"1 kg 500\""},
             Bad{"-1 kg", "", {}, "quantité négative dans l'unité de prix : \"-1 kg\""},
             Bad{"colis", "", 0, "colisage invalide : 0 (nombre de pièces par colis attendu)"},
             Bad{"colis", "", -4, "colisage invalide : -4 (nombre de pièces par colis attendu)"},
             Bad{"pot", "0 g", {}, "quantité nulle dans le conditionnement : \"0 g\""},
         }) {
        auto p = computeUnitPrice(dec("3"), b.priceUnit, b.packaging, b.ppp);
        ASSERT_FALSE(p.ok()) << b.priceUnit;
        EXPECT_EQ(p.error().message, b.message) << b.priceUnit;
    }
}

TEST(UnitPrice, UnreadablePackagingLeavesAPricePerPiece) {
    auto p = computeUnitPrice(dec("3.50"), "pot", "sachet kraft", std::nullopt);
    ASSERT_TRUE(p.ok()) << p.error().message;
    EXPECT_EQ(p->unit, BaseUnit::Piece);
    EXPECT_EQ(p->amount, dec("3.50"));
}

TEST(UnitPrice, AResultBeyondDecimalIsAnErrorNotAnOverflow) {
    const Decimal maxPrice = Decimal::fromRaw(std::numeric_limits<int64_t>::max());
    auto p = computeUnitPrice(maxPrice, "1 g", "", std::nullopt);  // max / 0.001 does not fit
    ASSERT_FALSE(p.ok());
    EXPECT_NE(p.error().message.find("hors limites"), std::string::npos) << p.error().message;
    auto fits = computeUnitPrice(maxPrice, "kg", "", std::nullopt);
    ASSERT_TRUE(fits.ok()) << fits.error().message;
    EXPECT_EQ(fits->amount, maxPrice);
}

}  // namespace
}  // namespace recolte::model
