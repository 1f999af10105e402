#pragma once

#include "api/openapi.hpp"
#include "http/router.hpp"
#include "services/realtime_service.hpp"

namespace zomato::api {

/// /realtime/...: delivery slots, availability, dynamic pricing, order tracking, notifications.
void add_realtime_routes(http::router& routes, openapi_components& docs, services::realtime_service& realtime);

}  // namespace zomato::api
