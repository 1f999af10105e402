#pragma once

#include "api/openapi.hpp"
#include "http/router.hpp"
#include "services/catalog_analytics_service.hpp"

namespace zomato::api {

/// /restaurants/{id}/analytics, /restaurants/analytics/popular-cuisines and price-ranges.
void add_catalog_analytics_routes(http::router& routes, openapi_components& docs,
                                  services::catalog_analytics_service& analytics);

}  // namespace zomato::api
