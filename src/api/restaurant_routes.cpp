#include "api/restaurant_routes.hpp"
#include "api/failure_responses.hpp"
#include "api/paging.hpp"
#include "api/route_names.hpp"
#include "api/write_scope.hpp"
#include "cache/route_rules.hpp"
#include "schemas/catalog_schemas.hpp"

namespace zomato::api {
namespace {

const char* const tag = "Restaurants";

http::param_spec restaurant_id() { return http::path_id("restaurant_id", "Restaurant id"); }

}  // namespace

void add_restaurant_routes(http::router& routes, openapi_components& docs, const schemas::body_rules& rules,
                           services::restaurant_service& restaurants, services::menu_service& menu) {
  docs.body("RestaurantCreate", rules.restaurant(), schemas::body_mode::create);
  docs.body("RestaurantUpdate", rules.restaurant(), schemas::body_mode::update);
  docs.tag(tag, "Restaurants, their menus, search by cuisine");
  docs.add("Restaurant", schemas::shape_of<domain::restaurant>());
  docs.page("RestaurantList", "restaurants", "Restaurant");
  auto with_menu = schemas::shape_of<domain::restaurant>();
  with_menu.fields.push_back({"menu_items", schemas::list_of(schemas::component("MenuItem"))});
  docs.add("RestaurantWithMenu", with_menu);

  routes.add({verb::post,
              "/restaurants/",
              {},
              [&](const request& req, const params&) {
                http::problems found;
                auto draft = schemas::parse_new<domain::restaurant>(req.body, found, rules);
                if (!found.empty()) return http::unprocessable(found);
                return answer(restaurants.create(writes_of(req), std::move(draft)), 201);
              },
              {tag, "createRestaurant", "Create a restaurant", "RestaurantCreate", "Restaurant", 201, {{400}}}});

  routes.add(http::callable_by(http::access::anyone,
                               {verb::get,
                                "/restaurants/",
                                http::pagination(),
                                [&](const request&, const params& p) {
                                  const auto window = window_of(p);
                                  return http::json(
                                      200, schemas::render_page("restaurants", restaurants.list({}, window), window));
                                },
                                {tag, "listRestaurants", "List restaurants, newest first", "", "RestaurantList"},
                                cache::cached_in(cache::cache_namespace::restaurants)}));

  routes.add(http::callable_by(
      http::access::anyone, {verb::get,
                             "/restaurants/active",
                             http::pagination(),
                             [&](const request&, const params& p) {
                               const auto window = window_of(p);
                               store::restaurant_query query;
                               query.active_only = true;
                               return http::json(
                                   200, schemas::render_page("restaurants", restaurants.list(query, window), window));
                             },
                             {tag, "listActiveRestaurants", "List active restaurants", "", "RestaurantList"},
                             cache::cached_in(cache::cache_namespace::restaurants)}));

  routes.add(http::callable_by(
      http::access::anyone,
      {verb::get,
       "/restaurants/search",
       with_pagination({http::query_text("cuisine", true, "Part of the cuisine type, any case", "Indian")}),
       [&](const request&, const params& p) {
         const auto window = window_of(p);
         store::restaurant_query query;
         query.cuisine_contains = p.text("cuisine");
         return http::json(200, schemas::render_page("restaurants", restaurants.list(query, window), window));
       },
       {tag, "searchRestaurants", "Search restaurants by cuisine", "", "RestaurantList"},
       cache::cached_in(cache::cache_namespace::search)}));

  routes.add(http::callable_by(
      http::access::anyone,
      {verb::get,
       "/restaurants/{restaurant_id}",
       {restaurant_id()},
       [&](const request&, const params& p) { return answer(restaurants.get(p.integer("restaurant_id")), 200); },
       {tag, "getRestaurant", "Get a restaurant", "", "Restaurant"},
       cache::cached_in(cache::cache_namespace::restaurants, 0, cache::scope_kind::restaurant),
       http::work_kind::quick}));

  routes.add(http::callable_by(http::access::restaurant,
                               {verb::put,
                                "/restaurants/{restaurant_id}",
                                {restaurant_id()},
                                [&](const request& req, const params& p) {
                                  http::problems found;
                                  const auto patch = schemas::parse_patch<domain::restaurant>(req.body, found, rules);
                                  if (!found.empty()) return http::unprocessable(found);
                                  return answer(restaurants.update(writes_of(req), p.integer("restaurant_id"), patch),
                                                200);
                                },
                                {tag,
                                 "updateRestaurant",
                                 "Update a restaurant (only the fields sent)",
                                 "RestaurantUpdate",
                                 "Restaurant",
                                 200,
                                 {{400}}}}));

  routes.add(http::admin_only(
      {verb::delete_,
       "/restaurants/{restaurant_id}",
       {restaurant_id()},
       [&](const request& req, const params& p) {
         return no_content(restaurants.remove(writes_of(req), p.integer("restaurant_id")));
       },
       {tag, "deleteRestaurant", "Delete a restaurant with its menu, orders and reviews", "", "", 204}}));

  routes.add(http::callable_by(
      http::access::restaurant,
      {verb::post,
       "/restaurants/{restaurant_id}/menu-items/",
       {restaurant_id()},
       [&](const request& req, const params& p) {
         http::problems found;
         auto draft = schemas::parse_new<domain::menu_item>(req.body, found, rules);
         if (!found.empty()) return http::unprocessable(found);
         return answer(menu.add(writes_of(req), p.integer("restaurant_id"), std::move(draft)), 201,
                       [](const domain::menu_item& item) { return schemas::render(item); });
       },
       {tag, "createMenuItem", "Add a menu item to a restaurant", "MenuItemCreate", "MenuItem", 201}}));

  routes.add(http::callable_by(
      http::access::anyone, {verb::get,
                             "/restaurants/{restaurant_id}/menu",
                             with_pagination({restaurant_id()}),
                             [&](const request&, const params& p) {
                               const auto window = window_of(p);
                               return answer(
                                   restaurants.menu(p.integer("restaurant_id"), window), 200,
                                   [&](const auto& rows) { return schemas::render_page("menu_items", rows, window); });
                             },
                             {tag, "getRestaurantMenu", "A restaurant's menu items", "", "MenuItemList"},
                             cache::cached_in(cache::cache_namespace::restaurant_menus)}));

  routes.add(
      http::callable_by(http::access::anyone,
                        {verb::get,
                         "/restaurants/{restaurant_id}/with-menu",
                         {restaurant_id()},
                         [&](const request&, const params& p) {
                           return answer(restaurants.with_menu(p.integer("restaurant_id")), 200,
                                         [](const services::restaurant_with_menu& found) {
                                           return schemas::render_with_menu(found.restaurant, found.menu_items);
                                         });
                         },
                         {tag, "getRestaurantWithMenu", "A restaurant with its whole menu", "", "RestaurantWithMenu"},
                         cache::cached_in(cache::cache_namespace::restaurant_menus)}));
}

}  // namespace zomato::api
