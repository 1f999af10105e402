#pragma once

#include "api/openapi.hpp"
#include "http/router.hpp"
#include "schemas/body_rules.hpp"
#include "services/review_service.hpp"

namespace zomato::api {

/// /reviews/...: adding a review, lists, a restaurant's order and review analytics.
void add_review_routes(http::router& routes, openapi_components& docs, const schemas::body_rules& rules,
                       services::review_service& reviews);

}  // namespace zomato::api
