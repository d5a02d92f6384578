// SIRET checks and départements from postcodes (hub/src/model/siret.cpp, departement.cpp).
#include <gtest/gtest.h>

#include <string>

#include "model/normalize.hpp"

namespace recolte::model {
namespace {

// An independent Luhn, written the textbook way (double every second digit from the left of a
// 14-digit number), to show what the test data is made of.
bool luhn14(const std::string& s) {
    int sum = 0;
    for (size_t i = 0; i < s.size(); ++i) {
        int d = s[i] - '0';
        if (i % 2 == 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
        sum += d;
    }
    return sum % 10 == 0;
}

int digitSum(const std::string& s) {
    int sum = 0;
    for (const char c : s) sum += c - '0';
    return sum;
}

TEST(SiretCheck, AcceptsFourteenDigitsWithALuhnKey) {
    // 732 829 320 00074: a published establishment number, often used as the SIRET example.
    ASSERT_TRUE(luhn14("73282932000074"));
    EXPECT_TRUE(isValidSiret("73282932000074"));
    // La Poste's head office passes Luhn like any other establishment.
    ASSERT_TRUE(luhn14("35600000000048"));
    EXPECT_TRUE(isValidSiret("35600000000048"));
}

TEST(SiretCheck, RefusesAWrongKeyLengthOrCharacters) {
    ASSERT_FALSE(luhn14("73282932000075"));
    EXPECT_FALSE(isValidSiret("73282932000075"));
    EXPECT_FALSE(isValidSiret("7328293200007"));     // 13 digits
    EXPECT_FALSE(isValidSiret("732829320000740"));   // 15 digits
    EXPECT_FALSE(isValidSiret("7328293200007A"));
    EXPECT_FALSE(isValidSiret("732 829 320 00074"));  // compact it first
    EXPECT_FALSE(isValidSiret(""));
}

TEST(SiretCheck, AcceptsLaPosteEstablishmentsWhoseDigitSumIsAMultipleOfFive) {
    // SIREN 356 000 000 with a NIC chosen so that the 14 digits add up to 45: Luhn fails, the
    // La Poste rule holds. Such numbers are real (La Poste has more offices than Luhn keys).
    const std::string poste = "35600000049837";
    ASSERT_FALSE(luhn14(poste));
    ASSERT_EQ(digitSum(poste) % 5, 0);
    EXPECT_TRUE(isValidSiret(poste));

    // Same SIREN, digit sum 27: neither rule holds.
    const std::string wrong = "35600000000049";
    ASSERT_FALSE(luhn14(wrong));
    ASSERT_NE(digitSum(wrong) % 5, 0);
    EXPECT_FALSE(isValidSiret(wrong));

    // The digit-sum rule is La Poste's only: another SIREN with a sum of 45 and no Luhn key fails.
    const std::string other = "35700000049836";
    ASSERT_FALSE(luhn14(other));
    ASSERT_EQ(digitSum(other) % 5, 0);
    EXPECT_FALSE(isValidSiret(other));
}

TEST(SiretCheck, CompactRemovesWhatPeopleTypeBetweenDigits) {
    EXPECT_EQ(compactSiret("732 829 320 00074"), "73282932000074");
    EXPECT_EQ(compactSiret("732.829.320.00074"), "73282932000074");
    EXPECT_EQ(compactSiret("732-829-320-00074"), "73282932000074");
    EXPECT_EQ(compactSiret("732\xC2\xA0" "829\xC2\xA0" "320\xC2\xA0" "00074"), "73282932000074");  // NBSP
    EXPECT_EQ(compactSiret("732\xE2\x80\xAF" "829 320 00074"), "73282932000074");               // narrow NBSP
    EXPECT_EQ(compactSiret("7328293200007A"), "7328293200007A");  // letters stay, so the check fails
    EXPECT_TRUE(isValidSiret(compactSiret(" 732 829 320 00074 ")));
}

struct PostcodeCase {
    const char* postcode;
    const char* departement;
};

void PrintTo(const PostcodeCase& c, std::ostream* os) { *os << '"' << c.postcode << '"'; }

class NormalizeDepartement : public ::testing::TestWithParam<PostcodeCase> {};

TEST_P(NormalizeDepartement, FromPostcode) {
    EXPECT_EQ(departementFromPostcode(GetParam().postcode), GetParam().departement);
}

INSTANTIATE_TEST_SUITE_P(
    Postcodes, NormalizeDepartement,
    ::testing::Values(PostcodeCase{"09100", "09"}, PostcodeCase{"31000", "31"}, PostcodeCase{"01000", "01"},
                      PostcodeCase{"95000", "95"}, PostcodeCase{"31 000", "31"},
                      // Corsica: 200xx-201xx Corse-du-Sud, 202xx-206xx Haute-Corse.
                      PostcodeCase{"20000", "2A"}, PostcodeCase{"20090", "2A"}, PostcodeCase{"20167", "2A"},
                      PostcodeCase{"20200", "2B"}, PostcodeCase{"20600", "2B"}, PostcodeCase{"20620", "2B"},
                      PostcodeCase{"20700", ""},
                      // Overseas: three digits.
                      PostcodeCase{"97110", "971"}, PostcodeCase{"97200", "972"}, PostcodeCase{"97300", "973"},
                      PostcodeCase{"97400", "974"}, PostcodeCase{"97600", "976"}, PostcodeCase{"98800", "988"},
                      PostcodeCase{"98000", ""},  // Monaco
                      // Not French postcodes.
                      PostcodeCase{"", ""}, PostcodeCase{"3100", ""}, PostcodeCase{"310000", ""},
                      PostcodeCase{"ABCDE", ""}, PostcodeCase{"00100", ""}, PostcodeCase{"96000", ""}));

}  // namespace
}  // namespace recolte::model
