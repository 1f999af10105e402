#pragma once

#include "api/cache_warmer.hpp"
#include "api/openapi.hpp"
#include "api/task_board.hpp"
#include "cache/response_cache.hpp"
#include "http/router.hpp"
#include "services/catalog_analytics_service.hpp"

namespace zomato::api {

/// /cache/...: statistics, metrics, health, clearing, warming and the cached-versus-uncached
/// demonstrations, all in the original's {"status":"success", ..., "timestamp"} envelope.
void add_cache_routes(http::router& routes, openapi_components& docs, cache::response_cache& cache, internal_get get,
                      services::catalog_analytics_service& analytics, const task_board& tasks);

}  // namespace zomato::api
