#include "api/auth.hpp"

#include <algorithm>

#include "recolte/sdk/text.hpp"

namespace recolte::api {

std::string hashToken(std::string_view token) { return sdk::sha256Hex(token); }

bool constantTimeEqual(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    unsigned char diff = 0;
    for (size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

AuthResult Authenticator::check(std::string_view authorization, const std::string& role) const {
    // "Bearer TOKEN": the scheme is case-insensitive (RFC 7235), the token is what follows.
    constexpr std::string_view scheme = "bearer ";
    if (authorization.size() <= scheme.size()) return {};
    for (size_t i = 0; i < scheme.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(authorization[i])) != scheme[i]) return {};
    std::string_view token = authorization.substr(scheme.size());
    while (!token.empty() && token.front() == ' ') token.remove_prefix(1);
    while (!token.empty() && (token.back() == ' ' || token.back() == '\t')) token.remove_suffix(1);
    if (token.empty()) return {};
    const std::string presented = hashToken(token);
    // Every configured hash is compared, whatever matched before.
    const config::AuthToken* found = nullptr;
    for (const auto& t : tokens_)
        if (constantTimeEqual(presented, t.sha256) && !found) found = &t;
    if (!found) return {};
    const bool hasRole = std::find(found->roles.begin(), found->roles.end(), role) != found->roles.end();
    return {hasRole ? AuthOutcome::Allowed : AuthOutcome::Forbidden, found->name};
}

}  // namespace recolte::api
