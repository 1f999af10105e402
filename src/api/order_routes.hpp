#pragma once

#include "api/openapi.hpp"
#include "http/router.hpp"
#include "schemas/body_rules.hpp"
#include "services/catalog_analytics_service.hpp"
#include "services/customer_service.hpp"
#include "services/order_service.hpp"
#include "services/review_service.hpp"

namespace zomato::api {

/// /customers/...: CRUD, order history, analytics.
void add_customer_routes(http::router& routes, openapi_components& docs, const schemas::body_rules& rules,
                         services::customer_service& customers, services::order_service& orders);

/// /orders/...: placement (with Idempotency-Key), details, status workflow, lists.
void add_order_routes(http::router& routes, openapi_components& docs, const schemas::body_rules& rules,
                      services::order_service& orders);

/// /reviews/...: adding a review, lists, a restaurant's order and review analytics.
void add_review_routes(http::router& routes, openapi_components& docs, const schemas::body_rules& rules,
                       services::review_service& reviews);

/// /restaurants/{id}/analytics, /restaurants/analytics/popular-cuisines and price-ranges.
void add_catalog_analytics_routes(http::router& routes, openapi_components& docs,
                                  services::catalog_analytics_service& analytics);

/// The optional ?status= filter of order lists, and the status it asked for.
http::param_spec order_status_filter();
std::optional<domain::order_status> status_filter_of(const http::params& values);

}  // namespace zomato::api
