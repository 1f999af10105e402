#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "domain/principal.hpp"

namespace zomato::app {

/// A `token` argument that cannot be used; what() is one line naming it.
class token_usage_error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// What `token` is asked to mint.
struct token_request {
  domain::principal caller;
  std::string subject;
  std::chrono::seconds ttl{3600};
};

/// Reads the arguments after `token`: --role customer|restaurant|admin (required), --customer-id N
/// (role customer, required there and nowhere else), --restaurant-id N (likewise for restaurant),
/// --sub S (default "<role>:<id>", or "admin"), --ttl <N>[s|m|h|d] (default 1h, at most 365d), each
/// as `--name V` or `--name=V`. Throws token_usage_error.
token_request parse_token_arguments(const std::vector<std::string>& args);

/// `zomato-api token ...`: prints a signed HS256 token for the request with JWT_SECRET (and
/// JWT_ISSUER, JWT_AUDIENCE when set), valid from now for its ttl. Returns 0 when printed; 2 for a
/// bad argument or a missing or bad JWT_SECRET (one line on stderr).
int run_token_command(const std::vector<std::string>& args,
                      const std::function<std::optional<std::string>(const char*)>& lookup);

}  // namespace zomato::app
