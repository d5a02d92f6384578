// Bearer tokens for the finance routes. The configuration holds only each token's SHA-256; a
// request's token is hashed and compared with every configured hash in constant time, so neither
// the token nor the timing of a comparison tells anything. Tokens are never logged.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "config/config.hpp"

namespace recolte::api {

// The SHA-256 of a token, 64 lowercase hex digits (what `recolte hash-token` prints).
std::string hashToken(std::string_view token);

// Equal length and equal bytes, in a time that depends only on the length.
bool constantTimeEqual(std::string_view a, std::string_view b);

enum class AuthOutcome { Allowed, Unauthenticated, Forbidden };

struct AuthResult {
    AuthOutcome outcome = AuthOutcome::Unauthenticated;
    std::string token_name;  // the configured name of the token, when known
};

class Authenticator {
public:
    explicit Authenticator(std::vector<config::AuthToken> tokens) : tokens_(std::move(tokens)) {}
    // `authorization` = the Authorization header ("" when absent). Allowed only for a known token
    // that carries `role`: an admin token is not a finance token.
    AuthResult check(std::string_view authorization, const std::string& role) const;

private:
    std::vector<config::AuthToken> tokens_;
};

}  // namespace recolte::api
