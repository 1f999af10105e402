#pragma once

#include <utility>

#include "domain/field.hpp"
#include "domain/result.hpp"
#include "http/message.hpp"
#include "http/responses.hpp"
#include "schemas/rendering.hpp"

namespace zomato::api {

/// The one place where a use case's failure becomes an HTTP status:
/// not_found 404, rule_violation 400, conflict 409, forbidden 403, each as {"detail": ...}; request_mismatch
/// 422 in the validation shape, located at the Idempotency-Key header.
http::response failure_response(const domain::failure& failure);

/// The rendered value with the given status, or the failure's response.
template <class T, class Render>
http::response answer(domain::result<T>&& outcome, int status, Render&& render) {
  if (!outcome) return failure_response(outcome.error());
  return http::json(status, render(outcome.value()));
}

/// The entity as schemas renders it with the given status, or the failure's response.
template <domain::described_entity Entity>
http::response answer(domain::result<Entity>&& outcome, int status) {
  return answer(std::move(outcome), status, [](const Entity& entity) { return schemas::render(entity); });
}

/// 204 with no body, or the failure's response.
http::response no_content(const domain::result<domain::done>& outcome);

}  // namespace zomato::api
