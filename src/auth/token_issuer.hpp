#pragma once

#include <cstdint>
#include <string>

#include "auth/token_settings.hpp"
#include "domain/principal.hpp"

namespace zomato::auth {

/// What a token says of its holder and of its lifetime (seconds since the Unix epoch).
struct token_claims {
  std::string subject;
  domain::principal caller;
  std::int64_t issued_at = 0;
  std::int64_t expires_at = 0;
};

/// A signed HS256 token for the claims (`sub`, `role`, `customer_id` or `restaurant_id`, `iat`,
/// `nbf`, `exp`, and `iss`/`aud` when the settings name them), which verify_token() accepts
/// within its lifetime. Empty when the settings hold a public key (it cannot sign).
std::string issue_token(const token_settings& settings, const token_claims& claims);

}  // namespace zomato::auth
