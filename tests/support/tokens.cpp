#include "support/tokens.hpp"

#include <chrono>
#include <nlohmann/json.hpp>

#include "auth/base64url.hpp"
#include "auth/token_issuer.hpp"

namespace zomato::testing {
namespace {

std::int64_t seconds_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

auth::token_settings settings_with(const std::string& secret) {
  return {auth::signing_key::shared_secret(secret), {}, {}, std::chrono::seconds(30)};
}

// A token for the claims, signed with the test secret under the header given.
std::string signed_claims(const std::string& header, const nlohmann::json& claims) {
  const auto input = auth::base64url_encode(header) + "." + auth::base64url_encode(claims.dump());
  return input + "." + auth::base64url_encode(auth::signing_key::shared_secret(test_jwt_secret).sign(input));
}

}  // namespace

std::string token_for(const domain::principal& caller, const std::string& secret) {
  const auto now = seconds_now();
  return auth::issue_token(settings_with(secret), {"test", caller, now - 60, now + 3600});
}

std::string customer_token(std::int64_t customer_id) { return token_for({domain::role::customer, customer_id}); }
std::string restaurant_token(std::int64_t restaurant_id) {
  return token_for({domain::role::restaurant, restaurant_id});
}
std::string admin_token() { return token_for({domain::role::admin, 0}); }

std::vector<std::pair<std::string, std::string>> bearer(const std::string& token) {
  return {{"Authorization", "Bearer " + token}};
}

std::vector<std::pair<std::string, std::string>> refused_tokens(std::int64_t customer_id) {
  const auto now = seconds_now();
  const nlohmann::json claims{
      {"sub", "test"}, {"role", "customer"}, {"customer_id", customer_id}, {"iat", now - 60}, {"exp", now + 3600}};
  const std::string header = R"({"alg":"HS256","typ":"JWT"})";
  auto expired = claims;
  expired["exp"] = now - 3600;
  auto early = claims;
  early["nbf"] = now + 3600;
  auto without_id = claims;
  without_id.erase("customer_id");
  const auto valid = signed_claims(header, claims);
  const auto first_dot = valid.find('.');
  const auto second_dot = valid.find('.', first_dot + 1);
  auto other_customer = claims;
  other_customer["customer_id"] = customer_id + 1;
  return {
      {"another key", token_for({domain::role::customer, customer_id}, "another-secret-0123456789abcdef-0123")},
      {"expired", signed_claims(header, expired)},
      {"not yet valid", signed_claims(header, early)},
      {"alg none", auth::base64url_encode(R"({"alg":"none"})") + "." + auth::base64url_encode(claims.dump()) + "."},
      {"tampered payload",
       valid.substr(0, first_dot + 1) + auth::base64url_encode(other_customer.dump()) + valid.substr(second_dot)},
      {"customer without customer_id", signed_claims(header, without_id)},
      {"garbage", "not-a-token"},
  };
}

}  // namespace zomato::testing
