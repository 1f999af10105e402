#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <string>

#include "support/api_fixtures.hpp"

namespace zomato::testing {
namespace {

class MenuItemsApi : public api_suite {
 protected:
  std::int64_t restaurant() {
    return create_restaurant(client(), restaurant_body(unique_name("Kitchen")))["id"].get<std::int64_t>();
  }
  json item(std::int64_t restaurant_id, json body) { return create_menu_item(client(), restaurant_id, body); }
  json item(std::int64_t restaurant_id) { return item(restaurant_id, menu_item_body(unique_name("Dish"))); }

  static std::string menu_items_of(std::int64_t restaurant_id) {
    return "/restaurants/" + std::to_string(restaurant_id) + "/menu-items/";
  }
  static std::string path_of(const json& menu_item) {
    return "/menu-items/" + std::to_string(menu_item["id"].get<std::int64_t>());
  }
  std::int64_t items_total() { return total_of(client(), "/menu-items/"); }
};

std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

void expect_menu_item_shape(const json& m) {
  ASSERT_TRUE(m.is_object()) << m.dump();
  for (const char* key :
       {"id", "restaurant_id", "name", "description", "price", "category", "is_vegetarian", "is_vegan",
        "is_gluten_free", "is_available", "preparation_time", "created_at", "updated_at"}) {
    EXPECT_TRUE(m.contains(key)) << key << " missing in " << m.dump();
  }
  EXPECT_TRUE(m["id"].is_number_integer());
  EXPECT_TRUE(m["restaurant_id"].is_number_integer());
  EXPECT_TRUE(m["name"].is_string());
  EXPECT_TRUE(m["description"].is_string() || m["description"].is_null());
  EXPECT_TRUE(m["price"].is_number());
  EXPECT_TRUE(m["category"].is_string());
  for (const char* flag : {"is_vegetarian", "is_vegan", "is_gluten_free", "is_available"}) {
    EXPECT_TRUE(m[flag].is_boolean()) << flag;
  }
  EXPECT_TRUE(m["preparation_time"].is_number_integer() || m["preparation_time"].is_null());
  EXPECT_TRUE(m["created_at"].is_string());
  EXPECT_TRUE(m["updated_at"].is_string());
}

TEST_F(MenuItemsApi, CreateRoundsPriceAndAppliesDefaults) {
  const auto rid = restaurant();
  const auto reply = client().post_json(menu_items_of(rid), {{"name", "Cheap"}, {"price", 3.456}, {"category", "x"}});
  ASSERT_EQ(reply.status, 201) << reply.body;
  const auto m = reply.json();
  expect_menu_item_shape(m);
  EXPECT_EQ(m["restaurant_id"], rid);
  EXPECT_EQ(m["name"], "Cheap");
  EXPECT_EQ(m["price"].get<double>(), 3.46);
  EXPECT_NE(reply.body.find("\"price\":3.46"), std::string::npos) << reply.body;
  EXPECT_EQ(m["category"], "X");
  EXPECT_TRUE(m["description"].is_null());
  EXPECT_TRUE(m["preparation_time"].is_null());
  EXPECT_EQ(m["is_vegetarian"], false);
  EXPECT_EQ(m["is_vegan"], false);
  EXPECT_EQ(m["is_gluten_free"], false);
  EXPECT_EQ(m["is_available"], true);
}

TEST_F(MenuItemsApi, WholePriceIsAJsonFloatAndCategoryIsTitleCased) {
  const auto rid = restaurant();
  const auto reply = client().post_json(
      menu_items_of(rid),
      {{"name", "Plain Item"}, {"price", 10}, {"category", "  side dish "}, {"preparation_time", 3}});
  ASSERT_EQ(reply.status, 201) << reply.body;
  EXPECT_NE(reply.body.find("\"price\":10.0"), std::string::npos) << reply.body;
  const auto m = reply.json();
  EXPECT_TRUE(m["price"].is_number_float());
  EXPECT_EQ(m["category"], "Side Dish");
  EXPECT_EQ(m["preparation_time"], 3);
  const auto again = client().get(path_of(m));
  EXPECT_NE(again.body.find("\"price\":10.0"), std::string::npos) << again.body;
  EXPECT_EQ(again.json(), m);
}

TEST_F(MenuItemsApi, PriceMustBePositive) {
  const auto rid = restaurant();
  const auto before = items_total();
  for (const json& price : {json(0), json(-1.5), json(0.001)}) {
    auto body = menu_item_body(unique_name("Free"));
    body["price"] = price;
    EXPECT_TRUE(has_problem(client().post_json(menu_items_of(rid), body), {"body", "price"})) << price;
  }
  auto body = menu_item_body(unique_name("Slow"));
  body["preparation_time"] = 0;
  EXPECT_TRUE(
      has_problem(client().post_json(menu_items_of(rid), body), {"body", "preparation_time"}, "greater_than_equal"));
  body["preparation_time"] = 2.5;
  EXPECT_TRUE(has_problem(client().post_json(menu_items_of(rid), body), {"body", "preparation_time"}));
  EXPECT_EQ(items_total(), before);
}

TEST_F(MenuItemsApi, UnknownRestaurantIs404EvenWithAValidBody) {
  const auto before = items_total();
  EXPECT_TRUE(is_detail(client().post_json(menu_items_of(999999), menu_item_body(unique_name("Orphan"))), 404,
                        "Restaurant not found"));
  EXPECT_EQ(items_total(), before);
}

TEST_F(MenuItemsApi, InvalidBodyIs422BeforeUnknownRestaurant) {
  const auto reply = client().post_json(menu_items_of(999999), {{"name", "x"}, {"price", -1}});
  EXPECT_TRUE(has_problem(reply, {"body", "name"}, "string_too_short"));
  EXPECT_TRUE(has_problem(reply, {"body", "price"}));
  EXPECT_TRUE(has_problem(reply, {"body", "category"}, "missing"));
}

TEST_F(MenuItemsApi, GetByIdAndNotFound) {
  const auto m = item(restaurant());
  const auto reply = client().get(path_of(m));
  ASSERT_EQ(reply.status, 200);
  EXPECT_EQ(reply.json(), m);
  EXPECT_TRUE(is_detail(client().get("/menu-items/999999"), 404, "Menu item not found"));
  EXPECT_TRUE(is_detail(client().get("/menu-items/999999/with-restaurant"), 404, "Menu item not found"));
  EXPECT_TRUE(is_detail(client().put_json("/menu-items/999999", {{"price", 1}}), 404, "Menu item not found"));
  EXPECT_TRUE(is_detail(client().del("/menu-items/999999"), 404, "Menu item not found"));
  EXPECT_TRUE(has_problem(client().get("/menu-items/abc"), {"path", "menu_item_id"}, "int_parsing"));
}

TEST_F(MenuItemsApi, WithRestaurantNestsTheRestaurant) {
  const auto rid = restaurant();
  const auto m = item(rid);
  const auto reply = client().get(path_of(m) + "/with-restaurant");
  ASSERT_EQ(reply.status, 200) << reply.body;
  auto nested = reply.json();
  ASSERT_TRUE(nested["restaurant"].is_object()) << reply.body;
  EXPECT_EQ(nested["restaurant"], client().get("/restaurants/" + std::to_string(rid)).json());
  nested.erase("restaurant");
  EXPECT_EQ(nested, m);
}

TEST_F(MenuItemsApi, PartialUpdateChangesOnlyTheFieldsSent) {
  auto body = menu_item_body(unique_name("Updatable"));
  body["description"] = "Spicy";
  body["preparation_time"] = 12;
  const auto m = item(restaurant(), body);
  const auto reply =
      client().put_json(path_of(m), {{"price", 7.5}, {"category", "  dessert "}, {"is_available", false}});
  ASSERT_EQ(reply.status, 200) << reply.body;
  const auto updated = reply.json();
  EXPECT_EQ(updated["price"].get<double>(), 7.5);
  EXPECT_EQ(updated["category"], "Dessert");
  EXPECT_EQ(updated["is_available"], false);
  for (const char* unchanged : {"id", "restaurant_id", "name", "description", "is_vegetarian", "is_vegan",
                                "is_gluten_free", "preparation_time", "created_at"}) {
    EXPECT_EQ(updated[unchanged], m[unchanged]) << unchanged;
  }
  EXPECT_EQ(client().get(path_of(m)).json(), updated);

  EXPECT_TRUE(has_problem(client().put_json(path_of(m), {{"price", 0}}), {"body", "price"}));
  EXPECT_TRUE(has_problem(client().put_json(path_of(m), {{"name", "ab"}}), {"body", "name"}, "string_too_short"));
  EXPECT_EQ(client().get(path_of(m)).json(), updated);

  const auto cleared = client().put_json(path_of(m), {{"preparation_time", nullptr}, {"description", nullptr}});
  ASSERT_EQ(cleared.status, 200) << cleared.body;
  EXPECT_TRUE(cleared.json()["preparation_time"].is_null());
  EXPECT_TRUE(cleared.json()["description"].is_null());
}

TEST_F(MenuItemsApi, DeleteAnswers204ThenNotFound) {
  const auto rid = restaurant();
  const auto m = item(rid);
  const auto before = items_total();
  const auto reply = client().del(path_of(m));
  EXPECT_EQ(reply.status, 204);
  EXPECT_TRUE(reply.body.empty());
  EXPECT_TRUE(is_detail(client().get(path_of(m)), 404, "Menu item not found"));
  EXPECT_TRUE(is_detail(client().del(path_of(m)), 404, "Menu item not found"));
  EXPECT_EQ(items_total(), before - 1);
  EXPECT_EQ(total_of(client(), "/restaurants/" + std::to_string(rid) + "/menu"), 0);
}

TEST_F(MenuItemsApi, RestaurantMenuIsPaginated) {
  const auto rid = restaurant();
  const auto other = restaurant();
  for (int i = 0; i < 3; ++i) item(rid);
  item(other);
  const auto base = "/restaurants/" + std::to_string(rid) + "/menu";
  const auto all = client().get(base).json();
  EXPECT_EQ(all["total"], 3);
  EXPECT_EQ(all["skip"], 0);
  EXPECT_EQ(all["limit"], 100);
  ASSERT_EQ(all["menu_items"].size(), 3u);
  EXPECT_TRUE(newest_first(all["menu_items"]));
  for (const auto& m : all["menu_items"]) EXPECT_EQ(m["restaurant_id"], rid);
  const auto page = client().get(base + "?skip=1&limit=1").json();
  EXPECT_EQ(page["total"], 3);
  EXPECT_EQ(page["skip"], 1);
  EXPECT_EQ(page["limit"], 1);
  ASSERT_EQ(page["menu_items"].size(), 1u);
  EXPECT_EQ(page["menu_items"][0], all["menu_items"][1]);
  EXPECT_TRUE(has_problem(client().get(base + "?limit=0"), {"query", "limit"}));
  EXPECT_TRUE(is_detail(client().get("/restaurants/999999/menu"), 404, "Restaurant not found"));
}

TEST_F(MenuItemsApi, WithMenuNestsAllItems) {
  const auto rid = restaurant();
  std::vector<std::int64_t> ids;
  for (int i = 0; i < 2; ++i) ids.push_back(item(rid)["id"].get<std::int64_t>());
  const auto reply = client().get("/restaurants/" + std::to_string(rid) + "/with-menu");
  ASSERT_EQ(reply.status, 200) << reply.body;
  auto body = reply.json();
  ASSERT_TRUE(body["menu_items"].is_array());
  auto got = ids_of(body["menu_items"]);
  std::sort(got.begin(), got.end());
  EXPECT_EQ(got, ids);
  for (const auto& m : body["menu_items"]) expect_menu_item_shape(m);
  body.erase("menu_items");
  EXPECT_EQ(body, client().get("/restaurants/" + std::to_string(rid)).json());

  const auto empty = client().get("/restaurants/" + std::to_string(restaurant()) + "/with-menu").json();
  EXPECT_TRUE(empty["menu_items"].is_array());
  EXPECT_TRUE(empty["menu_items"].empty());
  EXPECT_TRUE(is_detail(client().get("/restaurants/999999/with-menu"), 404, "Restaurant not found"));
}

TEST_F(MenuItemsApi, ListAllIsPaginatedNewestFirst) {
  const auto rid = restaurant();
  for (int i = 0; i < 3; ++i) item(rid);
  const auto all = client().get("/menu-items/?limit=1000").json();
  EXPECT_EQ(static_cast<std::int64_t>(all["menu_items"].size()), all["total"].get<std::int64_t>());
  EXPECT_TRUE(newest_first(all["menu_items"]));
  const auto page = client().get("/menu-items?skip=1&limit=2").json();
  EXPECT_EQ(page["skip"], 1);
  EXPECT_EQ(page["limit"], 2);
  ASSERT_EQ(page["menu_items"].size(), 2u);
  EXPECT_EQ(page["menu_items"][0], all["menu_items"][1]);
  EXPECT_TRUE(has_problem(client().get("/menu-items/?limit=1001"), {"query", "limit"}));
  EXPECT_TRUE(has_problem(client().get("/menu-items/?skip=-1"), {"query", "skip"}));
}

TEST_F(MenuItemsApi, SearchFiltersByCategoryCaseInsensitiveAndFlags) {
  const auto rid = restaurant();
  const auto category = unique_name("Cat") + " Dish";  // e.g. "Cat 7 Dish"
  auto body = [&](bool vegetarian, bool vegan, bool gluten_free, bool available) {
    auto b = menu_item_body(unique_name("Filtered"));
    b["category"] = category;
    b["is_vegetarian"] = vegetarian;
    b["is_vegan"] = vegan;
    b["is_gluten_free"] = gluten_free;
    b["is_available"] = available;
    return b;
  };
  const auto veg = item(rid, body(true, false, false, true));
  const auto vegan = item(rid, body(true, true, false, true));
  const auto gluten_free = item(rid, body(false, false, true, true));
  const auto unavailable = item(rid, body(false, false, false, false));

  auto search = [&](const std::string& query) {
    const auto reply = client().get("/menu-items/search?category=" + url_encode(lower(category)) + query);
    EXPECT_EQ(reply.status, 200) << reply.body;
    auto ids = ids_of(reply.json()["menu_items"]);
    EXPECT_EQ(reply.json()["total"].get<std::int64_t>(), static_cast<std::int64_t>(ids.size()));
    std::sort(ids.begin(), ids.end());
    return ids;
  };
  auto id = [](const json& m) { return m["id"].get<std::int64_t>(); };
  using ids = std::vector<std::int64_t>;
  EXPECT_EQ(search(""), (ids{id(veg), id(vegan), id(gluten_free), id(unavailable)}));
  EXPECT_EQ(search("&vegetarian=true"), (ids{id(veg), id(vegan)}));
  EXPECT_EQ(search("&vegetarian=false"), (ids{id(gluten_free), id(unavailable)}));
  EXPECT_EQ(search("&vegan=true"), (ids{id(vegan)}));
  EXPECT_EQ(search("&gluten_free=true"), (ids{id(gluten_free)}));
  EXPECT_EQ(search("&available=false"), (ids{id(unavailable)}));
  EXPECT_EQ(search("&available=true&vegetarian=true&vegan=false"), (ids{id(veg)}));

  const auto upper = client().get("/menu-items/search?category=" + url_encode(category)).json();
  EXPECT_EQ(upper["total"], 4);
  for (const auto& m : upper["menu_items"]) EXPECT_EQ(m["category"], category);
}

TEST_F(MenuItemsApi, SearchWithoutFiltersAndWithBadBoolean) {
  const auto all = client().get("/menu-items/search").json();
  EXPECT_EQ(all["total"], total_of(client(), "/menu-items/"));
  EXPECT_EQ(all["skip"], 0);
  EXPECT_EQ(all["limit"], 100);
  EXPECT_TRUE(
      has_problem(client().get("/menu-items/search?vegetarian=maybe"), {"query", "vegetarian"}, "bool_parsing"));
  EXPECT_TRUE(has_problem(client().get("/menu-items/search?vegan=2"), {"query", "vegan"}));
  EXPECT_TRUE(has_problem(client().get("/menu-items/search?available="), {"query", "available"}));
}

TEST_F(MenuItemsApi, DietaryListsMatchTheirFlag) {
  const auto rid = restaurant();
  auto b = menu_item_body(unique_name("Diet"));
  b["is_vegetarian"] = true;
  b["is_vegan"] = true;
  b["is_gluten_free"] = true;
  const auto all_diets = item(rid, b);
  const auto plain = item(rid);
  for (const auto& [type, flag] : {std::pair{"vegetarian", "is_vegetarian"}, std::pair{"vegan", "is_vegan"},
                                   std::pair{"gluten-free", "is_gluten_free"}}) {
    const auto reply = client().get(std::string("/menu-items/dietary/") + type + "?limit=1000");
    ASSERT_EQ(reply.status, 200) << type << ": " << reply.body;
    const auto list = reply.json();
    ASSERT_TRUE(list["menu_items"].is_array()) << reply.body;
    EXPECT_EQ(list["limit"], 1000);
    EXPECT_TRUE(contains_id(list["menu_items"], all_diets["id"].get<std::int64_t>())) << type;
    EXPECT_FALSE(contains_id(list["menu_items"], plain["id"].get<std::int64_t>())) << type;
    for (const auto& m : list["menu_items"]) EXPECT_EQ(m[flag], true) << type;
  }
  EXPECT_TRUE(is_detail(client().get("/menu-items/dietary/keto"), 400, "Invalid dietary type"));
  EXPECT_TRUE(is_detail(client().get("/menu-items/dietary/Vegan%20Plus"), 400, "Invalid dietary type"));
}

TEST_F(MenuItemsApi, CategoryRouteIsCaseInsensitiveAndDecodesTheSpace) {
  const auto rid = restaurant();
  auto main_body = menu_item_body(unique_name("Main"));
  main_body["category"] = "main course";
  const auto main = item(rid, main_body);
  auto side_body = menu_item_body(unique_name("Side"));
  side_body["category"] = "Side";
  const auto side = item(rid, side_body);
  for (const char* target :
       {"/menu-items/category/Main%20Course?limit=1000", "/menu-items/category/main%20COURSE?limit=1000"}) {
    const auto reply = client().get(target);
    ASSERT_EQ(reply.status, 200) << target << ": " << reply.body;
    const auto list = reply.json();
    EXPECT_TRUE(contains_id(list["menu_items"], main["id"].get<std::int64_t>())) << target;
    EXPECT_FALSE(contains_id(list["menu_items"], side["id"].get<std::int64_t>())) << target;
    for (const auto& m : list["menu_items"]) EXPECT_EQ(m["category"], "Main Course");
    EXPECT_EQ(list["total"].get<std::int64_t>(), static_cast<std::int64_t>(list["menu_items"].size()));
  }
  const auto none = client().get("/menu-items/category/" + url_encode(unique_name("Nothing Here"))).json();
  EXPECT_EQ(none["total"], 0);
  EXPECT_TRUE(none["menu_items"].empty());
}

TEST_F(MenuItemsApi, DeletingARestaurantRemovesItsMenuItems) {
  const auto rid = restaurant();
  const auto first = item(rid);
  const auto second = item(rid);
  const auto before = items_total();
  ASSERT_EQ(client().del("/restaurants/" + std::to_string(rid)).status, 204);
  EXPECT_TRUE(is_detail(client().get(path_of(first)), 404, "Menu item not found"));
  EXPECT_TRUE(is_detail(client().get(path_of(second)), 404, "Menu item not found"));
  EXPECT_EQ(items_total(), before - 2);
  EXPECT_TRUE(is_detail(client().get("/restaurants/" + std::to_string(rid) + "/menu"), 404, "Restaurant not found"));
  EXPECT_TRUE(is_detail(client().post_json(menu_items_of(rid), menu_item_body(unique_name("Late"))), 404,
                        "Restaurant not found"));
}

}  // namespace
}  // namespace zomato::testing
