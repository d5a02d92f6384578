#include <gtest/gtest.h>

#include "api/auth.hpp"

namespace recolte::api {
namespace {

TEST(Auth, HashIsTheSha256InLowercaseHex) {
    // FIPS 180-2 test vector.
    EXPECT_EQ(hashToken("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Auth, ConstantTimeEqualComparesEveryByte) {
    EXPECT_TRUE(constantTimeEqual("abcdef", "abcdef"));
    EXPECT_FALSE(constantTimeEqual("abcdef", "abcdeF"));
    EXPECT_FALSE(constantTimeEqual("Xbcdef", "abcdef"));
    EXPECT_FALSE(constantTimeEqual("abc", "abcdef"));
    EXPECT_TRUE(constantTimeEqual("", ""));
}

class AuthenticatorTest : public ::testing::Test {
protected:
    Authenticator auth{{{"compta", {"finance"}, hashToken("jeton-compta")},
                        {"admin", {"admin"}, hashToken("jeton-admin")},
                        {"les-deux", {"admin", "finance"}, hashToken("jeton-deux")}}};
};

TEST_F(AuthenticatorTest, AFinanceTokenIsAllowedAndNamed) {
    auto r = auth.check("Bearer jeton-compta", "finance");
    EXPECT_EQ(r.outcome, AuthOutcome::Allowed);
    EXPECT_EQ(r.token_name, "compta");
    EXPECT_EQ(auth.check("bearer   jeton-compta ", "finance").outcome, AuthOutcome::Allowed) << "scheme case, spaces";
}

TEST_F(AuthenticatorTest, NoTokenOrAnUnknownOneIsUnauthenticated) {
    EXPECT_EQ(auth.check("", "finance").outcome, AuthOutcome::Unauthenticated);
    EXPECT_EQ(auth.check("Bearer ", "finance").outcome, AuthOutcome::Unauthenticated);
    EXPECT_EQ(auth.check("Bearer inconnu", "finance").outcome, AuthOutcome::Unauthenticated);
    EXPECT_EQ(auth.check("Basic amV0b24tY29tcHRh", "finance").outcome, AuthOutcome::Unauthenticated);
    EXPECT_EQ(auth.check("jeton-compta", "finance").outcome, AuthOutcome::Unauthenticated);
    EXPECT_EQ(auth.check("Bearer " + hashToken("jeton-compta"), "finance").outcome, AuthOutcome::Unauthenticated)
        << "the hash itself is not a token";
}

TEST_F(AuthenticatorTest, AnAdminTokenIsNotAFinanceToken) {
    auto r = auth.check("Bearer jeton-admin", "finance");
    EXPECT_EQ(r.outcome, AuthOutcome::Forbidden);
    EXPECT_EQ(r.token_name, "admin");
    EXPECT_EQ(auth.check("Bearer jeton-compta", "admin").outcome, AuthOutcome::Forbidden);
}

TEST_F(AuthenticatorTest, ATokenMayCarrySeveralRoles) {
    EXPECT_EQ(auth.check("Bearer jeton-deux", "finance").outcome, AuthOutcome::Allowed);
    EXPECT_EQ(auth.check("Bearer jeton-deux", "admin").outcome, AuthOutcome::Allowed);
}

TEST(Auth, WithoutTokensEveryoneIsUnauthenticated) {
    Authenticator none({});
    EXPECT_EQ(none.check("Bearer x", "finance").outcome, AuthOutcome::Unauthenticated);
}

}  // namespace
}  // namespace recolte::api
