#pragma once

#include "api/openapi.hpp"
#include "http/router.hpp"
#include "schemas/body_rules.hpp"
#include "services/menu_service.hpp"

namespace zomato::api {

/// /menu-items/...: lists, search, dietary and category views, CRUD.
void add_menu_item_routes(http::router& routes, openapi_components& docs, const schemas::body_rules& rules,
                          services::menu_service& menu);

}  // namespace zomato::api
