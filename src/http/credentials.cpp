#include "http/credentials.hpp"

#include <algorithm>
#include <cstddef>

#include "domain/text.hpp"

namespace zomato::http {

std::optional<std::string_view> bearer_token(std::string_view authorization) {
  constexpr std::string_view scheme = "bearer ";
  if (authorization.size() <= scheme.size() ||
      !domain::same_ignoring_case(authorization.substr(0, scheme.size()), scheme)) {
    return std::nullopt;
  }
  auto token = authorization.substr(scheme.size());
  token.remove_prefix(std::min(token.find_first_not_of(' '), token.size()));
  if (token.empty() || token.find_first_of(" \t") != std::string_view::npos) return std::nullopt;
  return token;
}

bool same_secret(std::string_view given, std::string_view secret) {
  unsigned difference = given.size() == secret.size() ? 0U : 1U;
  for (std::size_t i = 0; i < secret.size(); ++i) {
    const auto sent = i < given.size() ? static_cast<unsigned char>(given[i]) : 0U;
    difference |= sent ^ static_cast<unsigned char>(secret[i]);
  }
  return difference == 0;
}

}  // namespace zomato::http
