#pragma once

#include "api/cache_warmer.hpp"
#include "api/openapi.hpp"
#include "api/task_statuses.hpp"
#include "cache/cache_admin.hpp"
#include "http/router.hpp"
#include "services/catalog_analytics_service.hpp"

namespace zomato::api {

/// /cache/...: statistics, metrics, health, clearing, warming and the cached-versus-uncached
/// demonstrations, all in the original's {"status":"success", ..., "timestamp"} envelope.
/// Warming reads its targets from `routes` when asked, so routes added later are warmed too.
void add_cache_routes(http::router& routes, openapi_components& docs, cache::cache_admin& admin,
                      const internal_get& get, services::catalog_analytics_service& analytics,
                      const task_statuses& tasks);

}  // namespace zomato::api
