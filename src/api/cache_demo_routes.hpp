#pragma once

#include "api/cache_warmer.hpp"
#include "cache/cache_admin.hpp"
#include "http/router.hpp"

namespace zomato::api {

/// /cache/demo/cache-test/{restaurant_id}, /cache/demo/performance-comparison and
/// /cache/performance/comprehensive-report: the same reads timed from the database and from
/// the cache, inside the process.
void add_cache_demo_routes(http::router& routes, cache::cache_admin& admin, const internal_get& get);

}  // namespace zomato::api
