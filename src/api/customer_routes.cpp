#include "api/customer_routes.hpp"
#include "api/failure_responses.hpp"
#include "api/order_routes.hpp"
#include "api/paging.hpp"
#include "api/route_names.hpp"
#include "api/write_scope.hpp"
#include "cache/route_rules.hpp"
#include "schemas/customer_schemas.hpp"

namespace zomato::api {
namespace {

const char* const tag = "Customers";

http::param_spec customer_id() { return http::path_id("customer_id", "Customer id"); }

}  // namespace

void add_customer_routes(http::router& routes, openapi_components& docs, const schemas::body_rules& rules,
                         services::customer_service& customers, services::order_service& orders) {
  docs.body("CustomerCreate", rules.customer(), schemas::body_mode::create);
  docs.body("CustomerUpdate", rules.customer(), schemas::body_mode::update);
  using namespace schemas;
  docs.tag(tag, "Customers, their order history and what they spend");
  docs.add("Customer", shape_of<domain::customer>());
  docs.page("CustomerList", "customers", "Customer");
  docs.add("CustomerAnalytics",
           object_of({{"customer_id", whole()},
                      {"total_orders", whole()},
                      {"total_spent", money_text()},
                      {"average_order_value", money_text()},
                      {"favorite_restaurants",
                       list_of(object_of({{"restaurant_id", whole()}, {"name", text()}, {"order_count", whole()}}))},
                      {"order_status_breakdown", map_of(whole()).described("Orders by status")}}));

  routes.add(
      http::callable_by(http::access::anyone,
                        {verb::post,
                         "/customers/",
                         {},
                         [&](const request& req, const params&) {
                           http::problems found;
                           auto draft = schemas::parse_new<domain::customer>(req.body, found, rules);
                           if (!found.empty()) return http::unprocessable(found);
                           return answer(customers.create(writes_of(req), std::move(draft)), 201);
                         },
                         {tag, "createCustomer", "Register a customer", "CustomerCreate", "Customer", 201, {{400}}}}));

  routes.add({verb::get,
              "/customers/",
              with_pagination({http::query_flag("active_only", "Only active customers")}),
              [&](const request&, const params& p) {
                const auto window = window_of(p);
                return http::json(
                    200, schemas::render_page("customers",
                                              customers.list(p.flag("active_only").value_or(false), window), window));
              },
              {tag, "listCustomers", "List customers, newest first", "", "CustomerList"},
              cache::cached_in(cache::cache_namespace::customers)});

  routes.add(http::callable_by(
      http::access::customer,
      {verb::get,
       "/customers/{customer_id}",
       {customer_id()},
       [&](const request&, const params& p) { return answer(customers.get(p.integer("customer_id")), 200); },
       {tag, "getCustomer", "Get a customer", "", "Customer"},
       cache::cached_in(cache::cache_namespace::customers, 0, cache::scope_kind::customer),
       http::work_kind::quick}));

  routes.add(http::callable_by(http::access::customer,
                               {verb::put,
                                "/customers/{customer_id}",
                                {customer_id()},
                                [&](const request& req, const params& p) {
                                  http::problems found;
                                  const auto patch = schemas::parse_patch<domain::customer>(req.body, found, rules);
                                  if (!found.empty()) return http::unprocessable(found);
                                  return answer(customers.update(writes_of(req), p.integer("customer_id"), patch), 200);
                                },
                                {tag,
                                 "updateCustomer",
                                 "Update a customer (only the fields sent)",
                                 "CustomerUpdate",
                                 "Customer",
                                 200,
                                 {{400}}}}));

  routes.add({verb::delete_,
              "/customers/{customer_id}",
              {customer_id()},
              [&](const request& req, const params& p) {
                return no_content(customers.remove(writes_of(req), p.integer("customer_id")));
              },
              {tag, "deleteCustomer", "Delete a customer with their orders and reviews", "", "", 204}});

  routes.add(
      http::callable_by(http::access::customer,
                        {verb::get,
                         "/customers/{customer_id}/orders",
                         order_list_params(customer_id()),
                         order_list(orders, customer_id().name, &services::order_service::of_customer),
                         {tag, "listCustomerOrderHistory", "A customer's order history, newest first", "", "OrderList"},
                         cache::cached_in(cache::cache_namespace::orders, 0, cache::scope_kind::customer)}));

  routes.add(http::callable_by(
      http::access::customer,
      {verb::get,
       "/customers/{customer_id}/analytics",
       {customer_id()},
       [&](const request&, const params& p) {
         const auto id = p.integer("customer_id");
         return answer(customers.analytics(id), 200, [id](const domain::customer_order_summary& summary) {
           return schemas::render_customer_analytics(id, summary);
         });
       },
       {tag, "getCustomerAnalytics", "A customer's spending and favourite restaurants", "", "CustomerAnalytics"},
       cache::cached_in(cache::cache_namespace::analytics, 0, cache::scope_kind::customer)}));
}

}  // namespace zomato::api
