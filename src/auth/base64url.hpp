#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace zomato::auth {

/// The text in base64url without padding (RFC 4648 section 5, as JWS writes it). Never fails.
std::string base64url_encode(std::string_view bytes);

/// The bytes a base64url text without padding encodes; nullopt for any other text: a byte
/// outside the alphabet, padding, an impossible length, or unused bits that are not zero (so
/// that each byte string has exactly one encoding).
std::optional<std::string> base64url_decode(std::string_view text);

}  // namespace zomato::auth
