#include "http/access.hpp"

#include <chrono>

#include "auth/token_verifier.hpp"
#include "http/credentials.hpp"

namespace zomato::http {

bool admits(access who, domain::role as) {
  switch (who) {
    case access::anyone: return true;
    case access::customer: return as == domain::role::customer || as == domain::role::admin;
    case access::restaurant: return as == domain::role::restaurant || as == domain::role::admin;
    case access::party: return as != domain::role::anyone;
    case access::admin:
    case access::operational: return as == domain::role::admin;
  }
  return false;
}

std::string_view owner_param(domain::role as) {
  if (as == domain::role::customer) return "customer_id";
  if (as == domain::role::restaurant) return "restaurant_id";
  return {};
}

std::string_view missing_owner_detail(domain::role as) {
  return as == domain::role::customer ? "Customer not found" : "Restaurant not found";
}

std::optional<domain::principal> caller_of(const access_policy& policy, std::string_view authorization) {
  const auto token = bearer_token(authorization);
  if (!token) return domain::principal{};
  if (!policy.admin_token.empty() && same_secret(*token, policy.admin_token)) {
    return domain::principal{domain::role::admin, 0};
  }
  if (!policy.tokens) return std::nullopt;
  const auto now =
      std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
  return auth::verify_token(*policy.tokens, *token, now).caller;
}

}  // namespace zomato::http
