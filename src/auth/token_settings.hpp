#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "auth/signing_key.hpp"

namespace zomato::auth {

/// How the server checks bearer tokens (AUTH_MODE=jwt): the key and its algorithm, the issuer
/// and audience required when set, and the clock skew allowed on exp, nbf and iat.
struct token_settings {
  signing_key key;
  std::optional<std::string> issuer;
  std::optional<std::string> audience;
  std::chrono::seconds leeway{30};
};

}  // namespace zomato::auth
