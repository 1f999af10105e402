#pragma once

#include "api/openapi.hpp"
#include "http/router.hpp"
#include "schemas/body_rules.hpp"
#include "services/customer_service.hpp"
#include "services/order_service.hpp"

namespace zomato::api {

/// /customers/...: CRUD, order history, analytics.
void add_customer_routes(http::router& routes, openapi_components& docs, const schemas::body_rules& rules,
                         services::customer_service& customers, services::order_service& orders);

}  // namespace zomato::api
