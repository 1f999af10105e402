#pragma once

#include <functional>
#include <string>
#include <vector>

#include "api/cache_warmer.hpp"
#include "api/openapi.hpp"
#include "http/router.hpp"
#include "services/analytics_service.hpp"

namespace zomato::api {

/// Runs a job on the background worker, away from request handling.
using background_runner = std::function<void(std::function<void()>)>;

/// The request targets that hold each enterprise analytics type, for refreshing.
std::vector<std::string> analytics_targets(const std::string& type);

/// /analytics/...: daily revenue, customer behaviour, restaurant performance, popular items,
/// and POST /analytics/refresh/{type} (recomputed in the background, 202).
void add_analytics_routes(http::router& routes, openapi_components& docs, services::analytics_service& analytics,
                          const internal_get& get, const background_runner& later);

}  // namespace zomato::api
