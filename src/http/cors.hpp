#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "http/message.hpp"

namespace zomato::http {

/// Which browser origins may read the API's answers (CORS). Every answer then carries
/// `Vary: Origin`, and one to an allowed origin `Access-Control-Allow-Origin: <that origin>`.
class cors_policy {
 public:
  /// Reads CORS_ORIGINS: `*` (any origin) or origins separated by commas
  /// (`https://app.example.com,http://localhost:3000`, spaces around them ignored); nullopt
  /// when an item is empty, is not `http://` or `https://` and a host, or ends in `/`.
  static std::optional<cors_policy> parse(std::string_view list);

  /// Whether a request from this origin may read answers (an empty origin never). Never fails.
  bool allows(std::string_view origin) const;
  /// Adds `Vary: Origin`, and `Access-Control-Allow-Origin` when the request's origin is
  /// allowed, to any answer. Never fails.
  void decorate(const request& req, response& answer) const;
  /// The answer to a preflight (OPTIONS with Access-Control-Request-Method) of a path that takes
  /// `methods` ("GET, PUT"): 204, with the methods, headers and max age an allowed origin may
  /// use, and without them for any other origin. Never fails.
  response preflight(const request& req, std::string methods) const;

 private:
  bool any_ = false;
  std::vector<std::string> origins_;
};

}  // namespace zomato::http
