#pragma once

#include "api/cache_warmer.hpp"
#include "api/openapi.hpp"
#include "http/router.hpp"
#include "services/sample_data_service.hpp"

namespace zomato::api {

/// POST/DELETE /demo/sample-data and GET /demo/cache-performance-test.
void add_demo_routes(http::router& routes, openapi_components& docs, services::sample_data_service& samples,
                     const internal_get& get);

}  // namespace zomato::api
