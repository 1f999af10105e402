#pragma once

#include <optional>
#include <string_view>

namespace zomato::http {

/// The token of an `Authorization: Bearer <token>` value (scheme without case, one or more
/// spaces, a token with no space in it); nullopt for another scheme, a missing or empty token.
std::optional<std::string_view> bearer_token(std::string_view authorization);

/// Whether `given` equals `secret`, in a time that depends on the secret's length only (neither
/// on where they first differ nor on the given one's length). Never fails.
bool same_secret(std::string_view given, std::string_view secret);

}  // namespace zomato::http
