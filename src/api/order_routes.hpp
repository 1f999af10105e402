#pragma once

#include <string>
#include <vector>

#include "api/openapi.hpp"
#include "http/router.hpp"
#include "schemas/body_rules.hpp"
#include "services/order_service.hpp"

namespace zomato::api {

/// /orders/...: placement (with Idempotency-Key), details, status workflow, lists.
void add_order_routes(http::router& routes, openapi_components& docs, const schemas::body_rules& rules,
                      services::order_service& orders);

/// The parameters of a list of one owner's orders: `owner` (its id in the path), then status,
/// from, to, skip and limit.
std::vector<http::param_spec> order_list_params(http::param_spec owner);

/// An order_service use case that lists one owner's orders.
using order_list_use = domain::result<store::page_of<domain::order>> (services::order_service::*)(
    domain::id_t, const store::order_filter&, store::page);

/// The handler of a list of order_list_params with `owner` the name of the owner's id: the page
/// `use` gives, 422 when `to` is before `from`, 404 when the owner is missing.
http::handler order_list(services::order_service& orders, std::string owner, order_list_use use);

}  // namespace zomato::api
