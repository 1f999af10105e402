#include "api/menu_item_routes.hpp"
#include "api/failure_responses.hpp"
#include "api/paging.hpp"
#include "api/route_names.hpp"
#include "api/write_scope.hpp"
#include "cache/route_rules.hpp"
#include "schemas/catalog_schemas.hpp"

namespace zomato::api {
namespace {

const char* const tag = "Menu Items";

http::param_spec menu_item_id() { return http::path_id("menu_item_id", "Menu item id"); }

http::param_spec dietary_type() {
  auto spec = http::path_text("dietary_type", "The diet; another value is answered 400", "vegetarian");
  spec.choices = {"vegetarian", "vegan", "gluten-free"};
  return spec;
}

http::response page_response(const store::page_of<domain::menu_item>& rows, store::page window) {
  return http::json(200, schemas::render_page("menu_items", rows, window));
}

}  // namespace

void add_menu_item_routes(http::router& routes, openapi_components& docs, const schemas::body_rules& rules,
                          services::menu_service& menu) {
  docs.body("MenuItemCreate", rules.menu_item(), schemas::body_mode::create);
  docs.body("MenuItemUpdate", rules.menu_item(), schemas::body_mode::update);
  docs.tag(tag, "Menu items across restaurants: search, diets, categories");
  docs.add("MenuItem", schemas::shape_of<domain::menu_item>());
  docs.page("MenuItemList", "menu_items", "MenuItem");
  auto with_restaurant = schemas::shape_of<domain::menu_item>();
  with_restaurant.fields.push_back({"restaurant", schemas::component("Restaurant")});
  docs.add("MenuItemWithRestaurant", with_restaurant);

  routes.add(http::callable_by(http::access::anyone,
                               {verb::get,
                                "/menu-items/",
                                http::pagination(),
                                [&](const request&, const params& p) {
                                  const auto window = window_of(p);
                                  return page_response(menu.search({}, window), window);
                                },
                                {tag, "listMenuItems", "List menu items, newest first", "", "MenuItemList"},
                                cache::cached_in(cache::cache_namespace::menu_items)}));

  routes.add(http::callable_by(
      http::access::anyone, {verb::get,
                             "/menu-items/search",
                             with_pagination({http::query_text("category", false, "Category, any case", "Starters"),
                                              http::query_flag("vegetarian", "Only vegetarian (true) or not (false)"),
                                              http::query_flag("vegan", "Only vegan (true) or not (false)"),
                                              http::query_flag("gluten_free", "Only gluten-free (true) or not (false)"),
                                              http::query_flag("available", "Only available (true) or not (false)")}),
                             [&](const request&, const params& p) {
                               const auto window = window_of(p);
                               store::menu_item_query query;
                               query.category = p.text("category");
                               query.vegetarian = p.flag("vegetarian");
                               query.vegan = p.flag("vegan");
                               query.gluten_free = p.flag("gluten_free");
                               query.available = p.flag("available");
                               return page_response(menu.search(query, window), window);
                             },
                             {tag, "searchMenuItems", "Search menu items with filters", "", "MenuItemList"},
                             cache::cached_in(cache::cache_namespace::search)}));

  routes.add(http::callable_by(
      http::access::anyone,
      {verb::get,
       "/menu-items/dietary/{dietary_type}",
       with_pagination({dietary_type()}),
       [&](const request&, const params& p) {
         const auto window = window_of(p);
         return answer(menu.dietary(*p.text("dietary_type"), window), 200,
                       [&](const auto& rows) { return schemas::render_page("menu_items", rows, window); });
       },
       {tag, "listMenuItemsByDiet", "Menu items fit for a diet", "", "MenuItemList", 200, {{400}}},
       cache::cached_in(cache::cache_namespace::search)}));

  routes.add(http::callable_by(http::access::anyone,
                               {verb::get,
                                "/menu-items/category/{category}",
                                with_pagination({http::path_text("category", "Category, any case", "Starters")}),
                                [&](const request&, const params& p) {
                                  const auto window = window_of(p);
                                  store::menu_item_query query;
                                  query.category = p.text("category");
                                  return page_response(menu.search(query, window), window);
                                },
                                {tag, "listMenuItemsByCategory", "Menu items of a category", "", "MenuItemList"},
                                cache::cached_in(cache::cache_namespace::search)}));

  routes.add(http::callable_by(
      http::access::anyone,
      {verb::get,
       "/menu-items/{menu_item_id}",
       {menu_item_id()},
       [&](const request&, const params& p) { return answer(menu.get(p.integer("menu_item_id")), 200); },
       {tag, "getMenuItem", "Get a menu item", "", "MenuItem"},
       cache::cached_in(cache::cache_namespace::menu_items, 0, cache::scope_kind::menu_item),
       http::work_kind::quick}));

  routes.add(http::callable_by(
      http::access::anyone,
      {verb::get,
       "/menu-items/{menu_item_id}/with-restaurant",
       {menu_item_id()},
       [&](const request&, const params& p) {
         return answer(menu.with_restaurant(p.integer("menu_item_id")), 200,
                       [](const services::menu_item_with_restaurant& found) {
                         return schemas::render_with_restaurant(found.item, found.restaurant);
                       });
       },
       {tag, "getMenuItemWithRestaurant", "A menu item with its restaurant", "", "MenuItemWithRestaurant"},
       cache::cached_in(cache::cache_namespace::menu_items),
       http::work_kind::quick}));

  routes.add(http::callable_by(
      http::access::restaurant,
      {verb::put,
       "/menu-items/{menu_item_id}",
       {menu_item_id()},
       [&](const request& req, const params& p) {
         http::problems found;
         const auto patch = schemas::parse_patch<domain::menu_item>(req.body, found, rules);
         if (!found.empty()) return http::unprocessable(found);
         return answer(menu.update(writes_of(req), p.integer("menu_item_id"), patch), 200);
       },
       {tag, "updateMenuItem", "Update a menu item (only the fields sent)", "MenuItemUpdate", "MenuItem"}}));

  routes.add(
      http::callable_by(http::access::restaurant,
                        {verb::delete_,
                         "/menu-items/{menu_item_id}",
                         {menu_item_id()},
                         [&](const request& req, const params& p) {
                           return no_content(menu.remove(writes_of(req), p.integer("menu_item_id")));
                         },
                         {tag, "deleteMenuItem", "Delete a menu item that no order refers to", "", "", 204, {{409}}}}));
}

}  // namespace zomato::api
