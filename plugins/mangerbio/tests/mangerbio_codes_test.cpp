// Socleo's codes as the connector reads them: TVA codes and percentages, the vat_codes option,
// Logos and Code/Libellé Agriculture, EAN check digits. Each case is one row of a small export.
#include "mangerbio_fixture.hpp"

namespace recolte::testing::mangerbio {
namespace {

using sdk::Decimal;

class MangerBioCodesTest : public MangerBioTest {
protected:
    // Reads one row; the offer or nullptr when it was rejected (then `lastReject` says why).
    std::optional<sdk::OfferRecord> one(const std::string& rowText, const sdk::ConfigValue& options = {}) {
        auto run = read(write("une-ligne-" + std::to_string(++count_) + ".csv", std::string(kHeader) + rowText), options);
        EXPECT_TRUE(run->ok()) << run->why();
        lastWarnings = run->sink.warnings.size();
        lastReject = run->sink.rejects.empty() ? "" : run->sink.rejects[0].reason;
        if (run->sink.offers.size() != 1) return std::nullopt;
        return run->sink.offers[0];
    }
    std::optional<Decimal> vat(const std::string& text, const sdk::ConfigValue& options = {}) {
        auto o = one(row("R", "Tomme", "17,90", "K", text), options);
        return o ? o->vat_rate : std::nullopt;
    }
    std::vector<std::string> logos(const std::string& text) {
        auto o = one(row("R", "Tomme", "17,90", "K", "1", text));
        return o ? o->labels : std::vector<std::string>{"(rejeté)"};
    }
    std::string ean(const std::string& text) {
        auto o = one(row("R", "Tomme", "17,90", "K", "1", "", text));
        return o ? o->ean : "(rejeté)";
    }

    std::string lastReject;
    size_t lastWarnings = 0;

private:
    int count_ = 0;
};

Decimal dec(const char* text) { return *Decimal::parse(text); }

TEST_F(MangerBioCodesTest, VatCodesAndPercentages) {
    EXPECT_EQ(vat("0"), dec("0"));
    EXPECT_EQ(vat("1"), dec("5.5"));
    EXPECT_EQ(vat("2"), dec("10"));
    EXPECT_EQ(vat("3"), dec("20"));
    EXPECT_EQ(vat("4"), dec("2.1"));
    EXPECT_EQ(vat("5,5"), dec("5.5"));
    EXPECT_EQ(vat("5.5 %"), dec("5.5"));
    EXPECT_EQ(vat("20"), dec("20"));
    EXPECT_EQ(vat("2,1"), dec("2.1"));
    EXPECT_EQ(vat(""), std::nullopt);  // no TVA given: none, not a reject
    EXPECT_EQ(lastReject, "");
}

TEST_F(MangerBioCodesTest, UnknownVatIsRejected) {
    for (const char* text : {"7", "19,6", "vingt", "-1"}) {
        EXPECT_EQ(vat(text), std::nullopt) << text;
        EXPECT_NE(lastReject.find(std::string("TVA « ") + text + " » inconnue"), std::string::npos) << lastReject;
    }
}

TEST_F(MangerBioCodesTest, VatCodesOptionAddsAndReplacesCodes) {
    const auto options = mapValue({{"vat_codes", mapValue({{"5", scalarValue("8,5")}, {"1", scalarValue("20 %")}})}});
    EXPECT_EQ(vat("5", options), dec("8.5"));
    EXPECT_EQ(vat("1", options), dec("20"));
    EXPECT_EQ(vat("2", options), dec("10"));  // the other assumed codes stay

    auto bad = read(write("x.csv", kHeader), mapValue({{"vat_codes", mapValue({{"5", scalarValue("beaucoup")}})}}));
    ASSERT_FALSE(bad->ok());
    EXPECT_EQ(bad->error().kind, sdk::ErrorKind::Config);
    EXPECT_EQ(bad->error().where, "vat_codes.5");
}

TEST_F(MangerBioCodesTest, LogosBecomeLabelWords) {
    EXPECT_EQ(logos("[EU]"), (std::vector<std::string>{"BIO"}));
    EXPECT_EQ(logos("[EU][AB]"), (std::vector<std::string>{"BIO", "AB"}));
    EXPECT_EQ(logos("[ eu ] [AB]"), (std::vector<std::string>{"BIO", "AB"}));
    EXPECT_EQ(logos("[LR]"), (std::vector<std::string>{"LR"}));
    EXPECT_EQ(logos("[AOP][IGP][STG][HVE]"), (std::vector<std::string>{"AOP", "IGP", "STG", "HVE"}));
    EXPECT_EQ(logos("AB, Label Rouge"), (std::vector<std::string>{"AB", "Label Rouge"}));
    EXPECT_EQ(logos("[Nature & Progrès]"), (std::vector<std::string>{"Nature & Progrès"}));  // the hub warns
    EXPECT_EQ(logos(""), (std::vector<std::string>{}));
}

TEST_F(MangerBioCodesTest, AgricultureCodeAndLibelle) {
    const std::string header = "Référence;Code Producteur;Libellé Producteur;Désignation;Prix;Unité de prix;Code Agriculture;Libellé Agriculture\n";
    auto labels = [&](const std::string& code, const std::string& libelle) {
        auto run = read(write("agri-" + code + libelle + ".csv", header + "R;P;Ferme;Tomme;1;K;" + code + ";" + libelle + "\n"));
        EXPECT_TRUE(run->ok()) << run->why();
        lastWarnings = run->sink.warnings.size();
        return run->sink.offers.empty() ? std::vector<std::string>{"(rejeté)"} : run->sink.offers[0].labels;
    };
    using L = std::vector<std::string>;
    EXPECT_EQ(labels("B", "Biologique"), (L{"BIO"}));
    EXPECT_EQ(labels("b", ""), (L{"BIO"}));
    EXPECT_EQ(labels("C2", "Conversion"), (L{"CONVERSION_BIO"}));
    EXPECT_EQ(labels("C1", ""), (L{"CONVERSION_BIO"}));
    EXPECT_EQ(labels("", "Agriculture biologique"), (L{"BIO"}));
    EXPECT_EQ(labels("", "En conversion vers l'AB"), (L{"CONVERSION_BIO"}));
    EXPECT_EQ(labels("C", "Conventionnelle"), (L{}));
    EXPECT_EQ(labels("R", "Agriculture raisonnée"), (L{}));
    EXPECT_EQ(labels("", "Non bio"), (L{}));
    EXPECT_EQ(labels("D", "Biodynamie"), (L{"Biodynamie"}));  // passed on: the hub maps it or warns
    EXPECT_EQ(lastWarnings, 0u);
    EXPECT_EQ(labels("Z", ""), (L{}));
    EXPECT_EQ(lastWarnings, 1u);  // an unknown code alone is said
}

TEST_F(MangerBioCodesTest, EanCheckDigit) {
    EXPECT_EQ(ean("3760123450010"), "3760123450010");
    EXPECT_EQ(ean("3 760123 450010"), "3760123450010");
    EXPECT_EQ(ean("012345678905"), "0012345678905");  // 12 digits: the leading zero a spreadsheet dropped
    EXPECT_EQ(lastWarnings, 0u);
    for (const char* bad : {"3760123450011", "376012345001", "3,76012E+12", "37601234500AB"}) {
        EXPECT_EQ(ean(bad), "") << bad;
        EXPECT_EQ(lastWarnings, 1u) << bad;
        EXPECT_EQ(lastReject, "") << "a bad EAN never rejects the offer";
    }
}

}  // namespace
}  // namespace recolte::testing::mangerbio
