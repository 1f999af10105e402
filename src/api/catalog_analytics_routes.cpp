#include "api/catalog_analytics_routes.hpp"
#include "api/failure_responses.hpp"
#include "cache/route_rules.hpp"
#include "schemas/analytics_schemas.hpp"

namespace zomato::api {

void add_catalog_analytics_routes(http::router& routes, openapi_components& docs,
                                  services::catalog_analytics_service& analytics) {
  const char* const tag = "Restaurant Analytics";
  docs.object("RestaurantMenuAnalytics", {{"restaurant_id", "integer"},
                                          {"restaurant_name", "string"},
                                          {"total_menu_items", "integer"},
                                          {"average_price", "string"},
                                          {"price_range", "object"},
                                          {"categories", "array"},
                                          {"dietary_options", "object"}});
  docs.object("PopularCuisines", {{"popular_cuisines", "array"}, {"total_cuisines", "integer"}});
  docs.object("PriceRanges", {{"price_ranges", "array"}, {"total_items", "integer"}, {"average_price", "string"}});

  routes.add({http::verb::get,
              "/restaurants/{restaurant_id}/analytics",
              {http::path_id("restaurant_id", "Restaurant id")},
              [&](const http::request&, const http::params& p) {
                return answer(analytics.restaurant_menu(p.integer("restaurant_id")), 200,
                              [](const services::restaurant_menu_analytics& a) { return schemas::render(a); });
              },
              {tag, "A restaurant's menu: prices, categories, dietary options", "", "RestaurantMenuAnalytics"},
              cache::cached_in(cache::cache_namespace::analytics)});

  routes.add({http::verb::get,
              "/restaurants/analytics/popular-cuisines",
              {http::query_integer("limit", 10, 1, 1000, "How many cuisines")},
              [&](const http::request&, const http::params& p) {
                return http::json(200, schemas::render(analytics.popular_cuisines(p.integer("limit"))));
              },
              {tag, "Cuisines by number of restaurants", "", "PopularCuisines"},
              cache::cached_in(cache::cache_namespace::analytics)});

  routes.add({http::verb::get,
              "/restaurants/analytics/price-ranges",
              {},
              [&](const http::request&, const http::params&) {
                return http::json(200, schemas::render(analytics.price_ranges()));
              },
              {tag, "Menu items by price band", "", "PriceRanges"},
              cache::cached_in(cache::cache_namespace::analytics)});
}

}  // namespace zomato::api
