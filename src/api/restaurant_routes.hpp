#pragma once

#include "api/openapi.hpp"
#include "http/router.hpp"
#include "schemas/body_rules.hpp"
#include "services/menu_service.hpp"
#include "services/restaurant_service.hpp"

namespace zomato::api {

/// /restaurants/...: CRUD, search, active list, menus and adding menu items.
void add_restaurant_routes(http::router& routes, openapi_components& docs, const schemas::body_rules& rules,
                           services::restaurant_service& restaurants, services::menu_service& menu);

}  // namespace zomato::api
