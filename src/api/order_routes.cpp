#include "api/order_routes.hpp"
#include "api/failure_responses.hpp"
#include "api/paging.hpp"
#include "api/route_names.hpp"
#include "api/write_scope.hpp"
#include "cache/route_rules.hpp"
#include "domain/order_status.hpp"
#include "schemas/order_schemas.hpp"
#include "schemas/time_filters.hpp"

namespace zomato::api {
namespace {

const char* const tag = "Orders";

std::optional<domain::order_status> status_filter_of(const http::params& values) {
  const auto status = values.text("status");
  return status ? domain::order_status_named(*status) : std::nullopt;
}

}  // namespace

std::vector<http::param_spec> order_list_params(http::param_spec owner) {
  return with_pagination(schemas::with_time_filters(
      {std::move(owner), http::query_choice("status", domain::order_status_names(), "Only orders in this status")},
      "orders placed"));
}

http::handler order_list(services::order_service& orders, std::string owner, order_list_use use) {
  return [&orders, owner = std::move(owner), use](const request&, const params& p) {
    http::problems found;
    const store::order_filter filter{status_filter_of(p), schemas::time_range_of(p, found)};
    if (!found.empty()) return http::unprocessable(found);
    const auto window = window_of(p);
    return answer((orders.*use)(p.integer(owner), filter, window), 200,
                  [&](const auto& rows) { return schemas::render_page("orders", rows, window); });
  };
}

void add_order_routes(http::router& routes, openapi_components& docs, const schemas::body_rules& rules,
                      services::order_service& orders) {
  docs.body("OrderLineCreate", rules.order_line(), schemas::body_mode::create);
  docs.body("OrderCreate", rules.order(), schemas::body_mode::create);
  docs.body("OrderStatusUpdate", rules.status(), schemas::body_mode::create);
  docs.tag(tag, "Placing orders and moving them through their workflow");
  docs.add("Order", schemas::shape_of<domain::order>());
  docs.page("OrderList", "orders", "Order");
  docs.add("OrderItem", schemas::order_item_shape());
  auto details = schemas::shape_of<domain::order>();
  details.fields.push_back({"customer", schemas::component("Customer")});
  details.fields.push_back({"restaurant", schemas::component("Restaurant")});
  details.fields.push_back({"order_items", schemas::list_of(schemas::component("OrderItem"))});
  docs.add("OrderDetails", details);

  routes.add(http::callable_by(
      http::access::customer,
      {verb::post,
       "/orders/customers/{customer_id}/orders/",
       {http::path_id("customer_id", "Customer id"),
        http::header_text("Idempotency-Key",
                          "Makes retries safe: a repeat with the same key and body answers the first "
                          "order again instead of placing another; the same key with another body is 422",
                          "order-2026-0001")},
       [&](const request& req, const params& p) {
         http::problems found;
         const auto order = schemas::parse_order(req.body, found, rules);
         if (!found.empty()) return http::unprocessable(found);
         std::optional<services::idempotency> retry;
         if (!req.idempotency_key.empty()) {
           retry = services::idempotency{std::string(req.idempotency_key), schemas::canonical_json(req.body)};
         }
         return answer(orders.place(writes_of(req), p.integer("customer_id"), order, retry), 201,
                       [](const services::placed_order& placed) { return schemas::render(placed.order); });
       },
       {tag,
        "placeOrder",
        "Place an order (send Idempotency-Key to make retries safe)",
        "OrderCreate",
        "Order",
        201,
        {{400}}}}));

  routes.add(http::callable_by(
      http::access::party, {verb::get,
                            "/orders/{order_id}",
                            {http::path_id("order_id", "Order id")},
                            [&](const request&, const params& p) {
                              return answer(
                                  orders.details(p.caller(), p.integer("order_id")), 200,
                                  [](const services::order_details& found) { return schemas::render(found); });
                            },
                            {tag, "getOrder", "An order with its customer, restaurant and items", "", "OrderDetails"},
                            cache::cached_in(cache::cache_namespace::orders, 0, cache::scope_kind::order),
                            http::work_kind::quick}));

  routes.add(http::callable_by(
      http::access::party,
      {verb::put,
       "/orders/{order_id}/status",
       {http::path_id("order_id", "Order id")},
       [&](const request& req, const params& p) {
         http::problems found;
         const auto change = schemas::parse_status(req.body, found, rules);
         if (!found.empty()) return http::unprocessable(found);
         return answer(orders.change_status(writes_of(req), p.integer("order_id"), change.status, change.delivery_time),
                       200);
       },
       {tag, "updateOrderStatus", "Move an order along its workflow", "OrderStatusUpdate", "Order", 200, {{400}}}}));

  const auto customer = http::path_id("customer_id", "Customer id");
  const auto restaurant = http::path_id("restaurant_id", "Restaurant id");
  routes.add(http::callable_by(http::access::customer,
                               {verb::get,
                                "/orders/customers/{customer_id}/orders",
                                order_list_params(customer),
                                order_list(orders, customer.name, &services::order_service::of_customer),
                                {tag, "listCustomerOrders", "A customer's orders, newest first", "", "OrderList"},
                                cache::cached_in(cache::cache_namespace::orders, 0, cache::scope_kind::customer)}));

  routes.add(http::callable_by(http::access::restaurant,
                               {verb::get,
                                "/orders/restaurants/{restaurant_id}/orders",
                                order_list_params(restaurant),
                                order_list(orders, restaurant.name, &services::order_service::of_restaurant),
                                {tag, "listRestaurantOrders", "A restaurant's orders, newest first", "", "OrderList"},
                                cache::cached_in(cache::cache_namespace::orders, 0, cache::scope_kind::restaurant)}));
}

}  // namespace zomato::api
