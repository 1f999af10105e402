#include "api/failure_responses.hpp"

namespace zomato::api {

http::response failure_response(const domain::failure& failure) {
  switch (failure.kind) {
    case domain::failure_kind::not_found: return http::detail(404, failure.detail);
    case domain::failure_kind::rule_violation: return http::detail(400, failure.detail);
    case domain::failure_kind::conflict: return http::detail(409, failure.detail);
    case domain::failure_kind::forbidden: return http::detail(403, failure.detail);
    case domain::failure_kind::request_mismatch: {
      http::problem p;
      p.type = "idempotency_key_reused";
      p.loc = {std::string("header"), std::string("Idempotency-Key")};
      p.msg = failure.detail;
      return http::unprocessable({p});
    }
  }
  return http::detail(500, "Internal server error");
}

http::response no_content(const domain::result<domain::done>& outcome) {
  if (!outcome) return failure_response(outcome.error());
  http::response out;
  out.status = 204;
  return out;
}

}  // namespace zomato::api
