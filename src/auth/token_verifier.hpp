#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "auth/token_settings.hpp"
#include "domain/principal.hpp"

namespace zomato::auth {

/// What verify_token() made of a token: its caller, or why it refused it.
struct verdict {
  std::optional<domain::principal> caller;
  std::string_view refusal;  // empty when accepted
};

/// Checks a compact JWS (header.payload.signature, base64url) at `now` (seconds since the Unix
/// epoch) as hostile input. Accepted only when: each part decodes strictly; the header is a JSON
/// object whose `alg` is the key's algorithm (never "none") and that names no `crit` extension;
/// the signature verifies; the payload is a JSON object with a non-empty string `sub`, a numeric
/// `exp` not past (with the leeway), numeric `nbf`/`iat` when present not in the future (with the
/// leeway), `iss` and `aud` (a string or a list of strings) matching the settings when they name
/// one, and `role` customer (with a positive integer `customer_id`), restaurant (with a positive
/// integer `restaurant_id`) or admin. Never throws.
verdict verify_token(const token_settings& settings, std::string_view token, std::int64_t now);

}  // namespace zomato::auth
