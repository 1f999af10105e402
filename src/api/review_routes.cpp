#include "api/review_routes.hpp"
#include "api/failure_responses.hpp"
#include "api/paging.hpp"
#include "api/route_names.hpp"
#include "api/write_scope.hpp"
#include "cache/route_rules.hpp"
#include "schemas/review_schemas.hpp"
#include "schemas/time_filters.hpp"

namespace zomato::api {
namespace {

const char* const tag = "Reviews";

http::param_spec reviewer() {
  auto spec = http::query_integer("customer_id", 0, std::numeric_limits<std::int64_t>::min(),
                                  std::numeric_limits<std::int64_t>::max(), "The reviewing customer");
  spec.required = true;
  spec.fallback = {};
  return spec;
}

using review_list_use = domain::result<store::page_of<services::review_with_customer>> (services::review_service::*)(
    domain::id_t, const domain::time_range&, store::page);

// A list of one owner's reviews (`owner` names the id in the path), filtered by when they were written.
std::vector<http::param_spec> review_list_params(http::param_spec owner) {
  return with_pagination(schemas::with_time_filters({std::move(owner)}, "reviews written"));
}

http::handler review_list(services::review_service& reviews, std::string owner, review_list_use use) {
  return [&reviews, owner = std::move(owner), use](const request&, const params& p) {
    http::problems found;
    const auto written = schemas::time_range_of(p, found);
    if (!found.empty()) return http::unprocessable(found);
    const auto window = window_of(p);
    return answer((reviews.*use)(p.integer(owner), written, window), 200,
                  [&](const auto& rows) { return schemas::render_reviews(rows, window); });
  };
}

}  // namespace

void add_review_routes(http::router& routes, openapi_components& docs, const schemas::body_rules& rules,
                       services::review_service& reviews) {
  docs.body("ReviewCreate", rules.review(), schemas::body_mode::create);
  using namespace schemas;
  docs.tag(tag, "Reviews of delivered orders and what they say of a restaurant");
  docs.add("Review", shape_of<domain::review>());
  auto with_customer = shape_of<domain::review>();
  with_customer.fields.push_back({"customer", component("Customer")});
  docs.add("ReviewWithCustomer", with_customer);
  docs.page("ReviewList", "reviews", "ReviewWithCustomer");
  docs.add("RestaurantOrderAnalytics",
           object_of({{"restaurant_id", whole()},
                      {"total_orders", whole()},
                      {"total_revenue", money_text()},
                      {"average_rating", number()},
                      {"total_reviews", whole()},
                      {"popular_items",
                       list_of(object_of({{"menu_item_id", whole()}, {"name", text()}, {"order_count", whole()}}))},
                      {"order_status_breakdown", map_of(whole()).described("Orders by status")}}));

  routes.add(http::callable_by(http::access::customer,
                               {verb::post,
                                "/reviews/orders/{order_id}/review",
                                {http::path_id("order_id", "Order id"), reviewer()},
                                [&](const request& req, const params& p) {
                                  http::problems found;
                                  const auto review = schemas::parse_review(req.body, found, rules);
                                  if (!found.empty()) return http::unprocessable(found);
                                  return answer(reviews.add(writes_of(req), p.integer("order_id"),
                                                            p.integer("customer_id"), review.rating, review.comment),
                                                201);
                                },
                                {tag,
                                 "createReview",
                                 "Review a delivered order (its own customer, once)",
                                 "ReviewCreate",
                                 "Review",
                                 201,
                                 {{400}}}}));

  const auto restaurant = http::path_id("restaurant_id", "Restaurant id");
  const auto customer = http::path_id("customer_id", "Customer id");
  routes.add(
      http::callable_by(http::access::restaurant,
                        {verb::get,
                         "/reviews/restaurants/{restaurant_id}/reviews",
                         review_list_params(restaurant),
                         review_list(reviews, restaurant.name, &services::review_service::of_restaurant),
                         {tag, "listRestaurantReviews", "A restaurant's reviews, newest first", "", "ReviewList"},
                         cache::cached_in(cache::cache_namespace::reviews)}));

  routes.add(http::callable_by(http::access::customer,
                               {verb::get,
                                "/reviews/customers/{customer_id}/reviews",
                                review_list_params(customer),
                                review_list(reviews, customer.name, &services::review_service::of_customer),
                                {tag, "listCustomerReviews", "A customer's reviews, newest first", "", "ReviewList"},
                                cache::cached_in(cache::cache_namespace::reviews)}));

  routes.add(http::callable_by(
      http::access::restaurant,
      {verb::get,
       "/reviews/restaurants/{restaurant_id}/analytics",
       {http::path_id("restaurant_id", "Restaurant id")},
       [&](const request&, const params& p) {
         const auto id = p.integer("restaurant_id");
         return answer(reviews.restaurant_analytics(id), 200, [id](const domain::restaurant_order_summary& s) {
           return schemas::render_restaurant_order_analytics(id, s);
         });
       },
       {tag, "getRestaurantOrderAnalytics", "A restaurant's orders, revenue, rating and popular items", "",
        "RestaurantOrderAnalytics"},
       cache::cached_in(cache::cache_namespace::analytics, 0, cache::scope_kind::restaurant)}));
}

}  // namespace zomato::api
