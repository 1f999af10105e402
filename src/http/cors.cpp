#include "http/cors.hpp"

#include <algorithm>
#include <cstddef>

#include "domain/text.hpp"

namespace zomato::http {
namespace {

// "http://host[:port]" or "https://...": a scheme, then a host with no path, space or comma.
bool is_origin(std::string_view text) {
  for (const std::string_view scheme : {"http://", "https://"}) {
    if (!text.starts_with(scheme)) continue;
    const auto host = text.substr(scheme.size());
    return !host.empty() && host.find_first_of("/ \t?#") == std::string_view::npos;
  }
  return false;
}

}  // namespace

std::optional<cors_policy> cors_policy::parse(std::string_view list) {
  cors_policy policy;
  if (domain::trim(list) == "*") {
    policy.any_ = true;
    return policy;
  }
  std::size_t at = 0;
  while (at <= list.size()) {
    const auto comma = std::min(list.find(',', at), list.size());
    const auto item = domain::trim(list.substr(at, comma - at));
    if (!is_origin(item)) return std::nullopt;
    policy.origins_.emplace_back(item);
    at = comma + 1;
  }
  return policy;
}

bool cors_policy::allows(std::string_view origin) const {
  if (origin.empty()) return false;
  return any_ || std::any_of(origins_.begin(), origins_.end(),
                             [&](const std::string& allowed) { return domain::same_ignoring_case(allowed, origin); });
}

void cors_policy::decorate(const request& req, response& answer) const {
  answer.headers.emplace_back("vary", "Origin");
  if (allows(req.origin)) answer.headers.emplace_back("access-control-allow-origin", std::string(req.origin));
}

response cors_policy::preflight(const request& req, std::string methods) const {
  response answer;
  answer.status = 204;
  if (!allows(req.origin)) return answer;
  answer.headers.emplace_back("access-control-allow-methods", std::move(methods));
  answer.headers.emplace_back("access-control-allow-headers",
                              "Authorization, Content-Type, Idempotency-Key, If-None-Match, Cache-Control");
  answer.headers.emplace_back("access-control-max-age", "600");
  return answer;
}

}  // namespace zomato::http
