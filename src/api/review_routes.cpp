#include "api/review_routes.hpp"
#include "api/failure_responses.hpp"
#include "api/paging.hpp"
#include "api/route_names.hpp"
#include "api/write_scope.hpp"
#include "cache/route_rules.hpp"
#include "schemas/review_schemas.hpp"

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

}  // namespace

void add_review_routes(http::router& routes, openapi_components& docs, const schemas::body_rules& rules,
                       services::review_service& reviews) {
  docs.body("ReviewCreate", rules.review(), schemas::body_mode::create);
  docs.object("Review", schemas::shape_of<domain::review>());
  auto with_customer = schemas::shape_of<domain::review>();
  with_customer.push_back({"customer", "#Customer"});
  docs.object("ReviewWithCustomer", with_customer);
  docs.page("ReviewList", "reviews", "ReviewWithCustomer");
  docs.object("RestaurantOrderAnalytics", {{"restaurant_id", "integer"},
                                           {"total_orders", "integer"},
                                           {"total_revenue", "string"},
                                           {"average_rating", "number"},
                                           {"total_reviews", "integer"},
                                           {"popular_items", "array"},
                                           {"order_status_breakdown", "object"}});

  routes.add({verb::post,
              "/reviews/orders/{order_id}/review",
              {http::path_id("order_id", "Order id"), reviewer()},
              [&](const request& req, const params& p) {
                http::problems found;
                const auto review = schemas::parse_review(req.body, found, rules);
                if (!found.empty()) return http::unprocessable(found);
                return answer(reviews.add(writes_of(req), p.integer("order_id"), p.integer("customer_id"),
                                          review.rating, review.comment),
                              201);
              },
              {tag, "Review a delivered order (its own customer, once)", "ReviewCreate", "Review", 201}});

  routes.add({verb::get,
              "/reviews/restaurants/{restaurant_id}/reviews",
              with_pagination({http::path_id("restaurant_id", "Restaurant id")}),
              [&](const request&, const params& p) {
                const auto window = window_of(p);
                return answer(reviews.of_restaurant(p.integer("restaurant_id"), window), 200,
                              [&](const auto& rows) { return schemas::render_reviews(rows, window); });
              },
              {tag, "A restaurant's reviews, newest first", "", "ReviewList"},
              cache::cached_in(cache::cache_namespace::reviews)});

  routes.add({verb::get,
              "/reviews/customers/{customer_id}/reviews",
              with_pagination({http::path_id("customer_id", "Customer id")}),
              [&](const request&, const params& p) {
                const auto window = window_of(p);
                return answer(reviews.of_customer(p.integer("customer_id"), window), 200,
                              [&](const auto& rows) { return schemas::render_reviews(rows, window); });
              },
              {tag, "A customer's reviews, newest first", "", "ReviewList"},
              cache::cached_in(cache::cache_namespace::reviews)});

  routes.add({verb::get,
              "/reviews/restaurants/{restaurant_id}/analytics",
              {http::path_id("restaurant_id", "Restaurant id")},
              [&](const request&, const params& p) {
                const auto id = p.integer("restaurant_id");
                return answer(reviews.restaurant_analytics(id), 200, [id](const domain::restaurant_order_summary& s) {
                  return schemas::render_restaurant_order_analytics(id, s);
                });
              },
              {tag, "A restaurant's orders, revenue, rating and popular items", "", "RestaurantOrderAnalytics"},
              cache::cached_in(cache::cache_namespace::analytics, 0, cache::scope_kind::restaurant)});
}

}  // namespace zomato::api
