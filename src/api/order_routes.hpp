#pragma once

#include <optional>

#include "api/openapi.hpp"
#include "http/router.hpp"
#include "schemas/body_rules.hpp"
#include "services/order_service.hpp"

namespace zomato::api {

/// /orders/...: placement (with Idempotency-Key), details, status workflow, lists.
void add_order_routes(http::router& routes, openapi_components& docs, const schemas::body_rules& rules,
                      services::order_service& orders);

/// The optional ?status= filter of order lists, and the status it asked for.
http::param_spec order_status_filter();
std::optional<domain::order_status> status_filter_of(const http::params& values);

}  // namespace zomato::api
