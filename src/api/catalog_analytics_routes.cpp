#include "api/catalog_analytics_routes.hpp"
#include "api/failure_responses.hpp"
#include "cache/route_rules.hpp"
#include "schemas/analytics_schemas.hpp"

namespace zomato::api {

void add_catalog_analytics_routes(http::router& routes, openapi_components& docs,
                                  services::catalog_analytics_service& analytics) {
  const char* const tag = "Restaurant Analytics";
  using namespace schemas;
  docs.tag(tag, "What a restaurant's menu and the cuisines on offer look like");
  docs.add(
      "RestaurantMenuAnalytics",
      object_of(
          {{"restaurant_id", whole()},
           {"restaurant_name", text()},
           {"total_menu_items", whole()},
           {"average_price", money_text()},
           {"price_range", object_of({{"min", money_text().or_null()}, {"max", money_text().or_null()}})},
           {"categories", list_of(text())},
           {"dietary_options",
            object_of({{"vegetarian_items", whole()}, {"vegan_items", whole()}, {"gluten_free_items", whole()}})}}));
  docs.add("PopularCuisines",
           object_of({{"popular_cuisines", list_of(object_of({{"cuisine", text()}, {"restaurant_count", whole()}}))},
                      {"total_cuisines", whole()}}));
  docs.add("PriceRanges", object_of({{"price_ranges", list_of(object_of({{"range", text()},
                                                                         {"min_price", money_text()},
                                                                         {"max_price", money_text().or_null()},
                                                                         {"item_count", whole()},
                                                                         {"percentage", number()}}))},
                                     {"total_items", whole()},
                                     {"average_price", money_text()}}));

  routes.add(http::callable_by(
      http::access::anyone,
      {http::verb::get,
       "/restaurants/{restaurant_id}/analytics",
       {http::path_id("restaurant_id", "Restaurant id")},
       [&](const http::request&, const http::params& p) {
         return answer(analytics.restaurant_menu(p.integer("restaurant_id")), 200,
                       [](const services::restaurant_menu_analytics& a) { return schemas::render(a); });
       },
       {tag, "getRestaurantMenuAnalytics", "A restaurant's menu: prices, categories, dietary options", "",
        "RestaurantMenuAnalytics"},
       cache::cached_in(cache::cache_namespace::analytics)}));

  routes.add(http::callable_by(
      http::access::anyone, {http::verb::get,
                             "/restaurants/analytics/popular-cuisines",
                             {http::query_integer("limit", 10, 1, 1000, "How many cuisines")},
                             [&](const http::request&, const http::params& p) {
                               return http::json(200, schemas::render(analytics.popular_cuisines(p.integer("limit"))));
                             },
                             {tag, "getPopularCuisines", "Cuisines by number of restaurants", "", "PopularCuisines"},
                             cache::cached_in(cache::cache_namespace::analytics)}));

  routes.add(
      http::callable_by(http::access::anyone, {http::verb::get,
                                               "/restaurants/analytics/price-ranges",
                                               {},
                                               [&](const http::request&, const http::params&) {
                                                 return http::json(200, schemas::render(analytics.price_ranges()));
                                               },
                                               {tag, "getPriceRanges", "Menu items by price band", "", "PriceRanges"},
                                               cache::cached_in(cache::cache_namespace::analytics)}));
}

}  // namespace zomato::api
