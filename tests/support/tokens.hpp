#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "domain/principal.hpp"

namespace zomato::testing {

/// The JWT_SECRET the servers of the token tests are started with.
inline const std::string test_jwt_secret = "jwt-test-secret-0123456789abcdef-0123";

/// A valid HS256 token for the caller (signed with `secret`), from a minute ago for an hour.
std::string token_for(const domain::principal& caller, const std::string& secret = test_jwt_secret);
/// A customer's, a restaurant's and an admin's valid token.
std::string customer_token(std::int64_t customer_id);
std::string restaurant_token(std::int64_t restaurant_id);
std::string admin_token();

/// `Authorization: Bearer <token>`.
std::vector<std::pair<std::string, std::string>> bearer(const std::string& token);

/// Tokens the server must refuse, each with what is wrong with it: signed with another key, expired,
/// not yet valid, `alg: none`, a tampered payload, a customer without customer_id, garbage.
std::vector<std::pair<std::string, std::string>> refused_tokens(std::int64_t customer_id);

}  // namespace zomato::testing
