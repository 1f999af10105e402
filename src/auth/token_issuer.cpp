#include "auth/token_issuer.hpp"

#include <nlohmann/json.hpp>

#include "auth/base64url.hpp"

namespace zomato::auth {

std::string issue_token(const token_settings& settings, const token_claims& claims) {
  if (settings.key.alg() != algorithm::hs256) return {};
  nlohmann::json payload{{"sub", claims.subject},
                         {"role", domain::name_of(claims.caller.as)},
                         {"iat", claims.issued_at},
                         {"nbf", claims.issued_at},
                         {"exp", claims.expires_at}};
  if (claims.caller.as == domain::role::customer) payload["customer_id"] = claims.caller.id;
  if (claims.caller.as == domain::role::restaurant) payload["restaurant_id"] = claims.caller.id;
  if (settings.issuer) payload["iss"] = *settings.issuer;
  if (settings.audience) payload["aud"] = *settings.audience;
  const nlohmann::json header{{"alg", name_of(algorithm::hs256)}, {"typ", "JWT"}};
  auto token = base64url_encode(header.dump()) + '.' + base64url_encode(payload.dump());
  const auto signature = settings.key.sign(token);
  return token + '.' + base64url_encode(signature);
}

}  // namespace zomato::auth
