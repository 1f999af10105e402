#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "support/api_fixtures.hpp"
#include "support/server_process.hpp"

namespace zomato::testing {
namespace {

std::string str(std::int64_t id) { return std::to_string(id); }

const std::vector<std::string> namespace_names{"restaurants", "menu-items", "restaurant-menus", "search",
                                               "analytics",   "customers",  "orders",           "reviews"};

/// A fresh server (fresh database, fresh counters) per test.
class cache_api : public ::testing::Test {
 protected:
  void SetUp() override {
    server_ = std::make_unique<server_process>();
    client_ = std::make_unique<api_client>(server_->port());
  }
  void TearDown() override {
    client_.reset();
    server_.reset();
  }
  api_client& api() { return *client_; }

  std::string cache_status(const std::string& target, header_list headers = {}) {
    const auto reply = api().get(target, std::move(headers));
    EXPECT_EQ(reply.status, 200) << target << ": " << reply.body;
    return reply.header("x-cache-status");
  }

  /// GETs twice; the second must be a HIT with the same body.
  void prime(const std::string& target) {
    const auto first = api().get(target);
    ASSERT_EQ(first.status, 200) << target << ": " << first.body;
    const auto second = api().get(target);
    ASSERT_EQ(second.status, 200) << target;
    ASSERT_EQ(second.header("x-cache-status"), "HIT") << target;
    ASSERT_EQ(second.body, first.body) << target;
  }

  /// The normal (possibly cached) answer, checked against one from the database.
  nlohmann::json fresh(const std::string& target) {
    const auto normal = api().get(target);
    const auto direct = api().get(target, {{"Cache-Control", "no-store"}});
    EXPECT_EQ(normal.status, direct.status) << target;
    EXPECT_EQ(normal.body, direct.body) << target << " served older data than the database holds";
    return normal.status == 200 ? normal.json() : nlohmann::json();
  }

  std::int64_t new_restaurant(const std::string& cuisine = "Italian") {
    auto body = restaurant_body(unique_name("Cache Place"));
    body["cuisine_type"] = cuisine;
    return create_restaurant(api(), body)["id"].get<std::int64_t>();
  }
  std::int64_t new_item(std::int64_t restaurant, const std::string& category = "Main Course", double price = 9.99,
                        bool vegetarian = false) {
    auto body = menu_item_body(unique_name("Cache Dish"));
    body["category"] = category;
    body["price"] = price;
    body["is_vegetarian"] = vegetarian;
    return create_menu_item(api(), restaurant, body)["id"].get<std::int64_t>();
  }
  std::int64_t new_customer() {
    return create_customer(api(), customer_body(unique_name("Cache Customer")))["id"].get<std::int64_t>();
  }
  std::int64_t new_order(std::int64_t customer, std::int64_t restaurant, std::int64_t item, int quantity = 2) {
    return place_order(api(), customer, restaurant, item, quantity)["id"].get<std::int64_t>();
  }
  void set_status(std::int64_t order, const std::string& status) {
    const auto reply = api().put_json("/orders/" + str(order) + "/status", {{"order_status", status}});
    ASSERT_EQ(reply.status, 200) << status << ": " << reply.body;
  }
  void deliver(std::int64_t order) {
    for (const char* step : {"confirmed", "preparing", "out_for_delivery", "delivered"}) set_status(order, step);
  }

  nlohmann::json stats() {
    const auto reply = api().get("/cache/stats");
    EXPECT_EQ(reply.status, 200) << reply.body;
    return reply.json();
  }

  std::unique_ptr<server_process> server_;

 private:
  std::unique_ptr<api_client> client_;
};

// ---- hits, misses, keys -------------------------------------------------------------

TEST_F(cache_api, second_identical_get_is_a_hit_with_the_same_body) {
  const auto id = new_restaurant();
  for (const std::string& target :
       std::vector<std::string>{"/restaurants/", "/restaurants/" + str(id), "/menu-items/", "/restaurants/active"}) {
    const auto first = api().get(target);
    ASSERT_EQ(first.status, 200);
    EXPECT_EQ(first.header("x-cache-status"), "MISS") << target;
    const auto second = api().get(target);
    EXPECT_EQ(second.header("x-cache-status"), "HIT") << target;
    EXPECT_EQ(second.body, first.body) << target;
  }
}

TEST_F(cache_api, trailing_slash_and_parameter_order_and_defaults_share_one_entry) {
  const auto restaurant = new_restaurant();
  new_item(restaurant, "Main Course", 12.5, true);
  EXPECT_EQ(cache_status("/restaurants/"), "MISS");
  EXPECT_EQ(cache_status("/restaurants/?skip=0&limit=100"), "HIT");
  EXPECT_EQ(cache_status("/restaurants/?limit=100&skip=0"), "HIT");
  EXPECT_EQ(cache_status("/restaurants/?limit=100"), "HIT");
  EXPECT_EQ(cache_status("/restaurants/?limit=5"), "MISS") << "a different value is a different entry";
  EXPECT_EQ(cache_status("/restaurants/?skip=0&limit=5"), "HIT");

  EXPECT_EQ(cache_status("/menu-items/search?vegetarian=true&category=Main%20Course"), "MISS");
  EXPECT_EQ(cache_status("/menu-items/search?category=Main%20Course&vegetarian=true"), "HIT");
  EXPECT_EQ(cache_status("/menu-items/search?category=Main%20Course&vegetarian=true&skip=0&limit=100"), "HIT");
  EXPECT_EQ(cache_status("/menu-items/search?category=Main%20Course&vegetarian=false"), "MISS");

  EXPECT_EQ(cache_status("/restaurants/search?cuisine=Italian&limit=10"), "MISS");
  EXPECT_EQ(cache_status("/restaurants/search?limit=10&cuisine=Italian"), "HIT");
}

TEST_F(cache_api, errors_are_not_cached) {
  const auto missing = api().get("/restaurants/987654");
  EXPECT_EQ(missing.status, 404);
  const auto id = new_restaurant();
  (void)id;
  const auto again = api().get("/restaurants/987654");
  EXPECT_EQ(again.status, 404);
  EXPECT_NE(again.header("x-cache-status"), "HIT");
  const auto bad = api().get("/restaurants/?limit=0");
  EXPECT_EQ(bad.status, 422);
  EXPECT_NE(api().get("/restaurants/?limit=0").header("x-cache-status"), "HIT");
}

// ---- validators and Cache-Control ----------------------------------------------------

TEST_F(cache_api, etag_and_if_none_match_answer_304_with_an_empty_body) {
  const auto id = new_restaurant();
  const auto target = "/restaurants/" + str(id);
  const auto first = api().get(target);
  const auto etag = first.header("etag");
  ASSERT_FALSE(etag.empty());
  EXPECT_EQ(etag.front(), '"');
  EXPECT_EQ(etag.back(), '"');
  const auto second = api().get(target);
  EXPECT_EQ(second.header("etag"), etag) << "the same body has the same validator";

  const auto not_modified = api().get(target, {{"If-None-Match", etag}});
  EXPECT_EQ(not_modified.status, 304);
  EXPECT_TRUE(not_modified.body.empty());
  EXPECT_EQ(not_modified.header("etag"), etag);
  EXPECT_EQ(not_modified.header("x-cache-status"), "HIT");

  const auto other = api().get(target, {{"If-None-Match", "\"0000000000000000\""}});
  EXPECT_EQ(other.status, 200);
  EXPECT_EQ(other.body, first.body);

  // After a write the validator changes and the old one no longer matches.
  ASSERT_EQ(api().put_json(target, {{"description", "A new description"}}).status, 200);
  const auto changed = api().get(target, {{"If-None-Match", etag}});
  EXPECT_EQ(changed.status, 200);
  EXPECT_NE(changed.header("etag"), etag);
  EXPECT_EQ(changed.json()["description"], "A new description");
}

TEST_F(cache_api, if_none_match_on_a_miss_also_answers_304) {
  const auto first = api().get("/restaurants/");
  const auto etag = first.header("etag");
  ASSERT_EQ(api().del("/cache/clear").status, 200);
  const auto reply = api().get("/restaurants/", {{"If-None-Match", etag}});
  EXPECT_EQ(reply.status, 304);
  EXPECT_EQ(reply.header("x-cache-status"), "MISS");
  EXPECT_TRUE(reply.body.empty());
}

TEST_F(cache_api, no_cache_skips_the_read_and_refreshes_the_entry) {
  new_restaurant();
  prime("/restaurants/");
  EXPECT_EQ(cache_status("/restaurants/", {{"Cache-Control", "no-cache"}}), "MISS");
  EXPECT_EQ(cache_status("/restaurants/"), "HIT");
  ASSERT_EQ(api().del("/cache/clear/restaurants").status, 200);
  EXPECT_EQ(cache_status("/restaurants/", {{"Cache-Control", "no-cache"}}), "MISS");
  EXPECT_EQ(cache_status("/restaurants/"), "HIT") << "no-cache stored the fresh answer";
  EXPECT_EQ(cache_status("/restaurants/", {{"Cache-Control", "max-age=0, No-Cache"}}), "MISS");
}

TEST_F(cache_api, no_store_neither_reads_nor_writes) {
  new_restaurant();
  prime("/restaurants/");
  EXPECT_EQ(cache_status("/restaurants/", {{"Cache-Control", "no-store"}}), "MISS") << "no-store bypasses the read";
  ASSERT_EQ(api().del("/cache/clear/restaurants").status, 200);
  EXPECT_EQ(cache_status("/restaurants/", {{"Cache-Control", "no-store"}}), "MISS");
  EXPECT_EQ(cache_status("/restaurants/"), "MISS") << "no-store must not have stored anything";
  EXPECT_EQ(cache_status("/restaurants/"), "HIT");
}

// ---- invalidation by every kind of write ------------------------------------------------

TEST_F(cache_api, restaurant_update_reaches_every_view_of_the_restaurant) {
  const auto restaurant = new_restaurant("Thai");
  const auto item = new_item(restaurant);
  const auto customer = new_customer();
  const auto order = new_order(customer, restaurant, item);
  const std::vector<std::string> views{"/restaurants/" + str(restaurant),
                                       "/restaurants/",
                                       "/restaurants/active",
                                       "/restaurants/" + str(restaurant) + "/with-menu",
                                       "/menu-items/" + str(item) + "/with-restaurant",
                                       "/restaurants/search?cuisine=Thai",
                                       "/orders/" + str(order),
                                       "/restaurants/" + str(restaurant) + "/analytics",
                                       "/analytics/restaurants/performance?restaurant_id=" + str(restaurant)};
  for (const auto& view : views) {
    if (api().get(view).status == 200) prime(view);
  }
  const std::string renamed = unique_name("Renamed Place");
  ASSERT_EQ(api().put_json("/restaurants/" + str(restaurant), {{"name", renamed}}).status, 200);

  EXPECT_EQ(fresh("/restaurants/" + str(restaurant))["name"], renamed);
  EXPECT_EQ(fresh("/restaurants/")["restaurants"][0]["name"], renamed);
  EXPECT_EQ(fresh("/restaurants/active")["restaurants"][0]["name"], renamed);
  EXPECT_EQ(fresh("/restaurants/" + str(restaurant) + "/with-menu")["name"], renamed);
  EXPECT_EQ(fresh("/menu-items/" + str(item) + "/with-restaurant")["restaurant"]["name"], renamed);
  EXPECT_EQ(fresh("/restaurants/search?cuisine=Thai")["restaurants"][0]["name"], renamed);
  EXPECT_EQ(fresh("/orders/" + str(order))["restaurant"]["name"], renamed);
  EXPECT_EQ(fresh("/restaurants/" + str(restaurant) + "/analytics")["restaurant_name"], renamed);
  for (const auto& view : views) fresh(view);

  // Deactivating it removes it from the active list at once.
  ASSERT_EQ(api().put_json("/restaurants/" + str(restaurant), {{"is_active", false}}).status, 200);
  EXPECT_EQ(fresh("/restaurants/active")["total"], 0);
  EXPECT_EQ(fresh("/restaurants/" + str(restaurant))["is_active"], false);
}

TEST_F(cache_api, menu_item_update_reaches_menus_searches_filters_and_order_details) {
  const auto restaurant = new_restaurant();
  const auto item = new_item(restaurant, "Starters", 8.0, false);
  const auto customer = new_customer();
  const auto order = new_order(customer, restaurant, item);
  const std::vector<std::string> views{"/menu-items/" + str(item),
                                       "/menu-items/",
                                       "/menu-items/" + str(item) + "/with-restaurant",
                                       "/restaurants/" + str(restaurant) + "/menu",
                                       "/restaurants/" + str(restaurant) + "/with-menu",
                                       "/menu-items/search?category=Starters",
                                       "/menu-items/search?category=Desserts",
                                       "/menu-items/dietary/vegetarian",
                                       "/menu-items/category/starters",
                                       "/menu-items/category/desserts",
                                       "/restaurants/" + str(restaurant) + "/analytics",
                                       "/restaurants/analytics/price-ranges",
                                       "/orders/" + str(order)};
  for (const auto& view : views) prime(view);
  EXPECT_EQ(fresh("/menu-items/dietary/vegetarian")["total"], 0);

  ASSERT_EQ(
      api()
          .put_json("/menu-items/" + str(item),
                    {{"price", 31.5}, {"is_vegetarian", true}, {"category", "desserts"}, {"name", "Renamed Dish"}})
          .status,
      200);
  EXPECT_EQ(fresh("/menu-items/" + str(item))["price"], 31.5);
  EXPECT_EQ(fresh("/menu-items/")["menu_items"][0]["name"], "Renamed Dish");
  EXPECT_EQ(fresh("/menu-items/" + str(item) + "/with-restaurant")["category"], "Desserts");
  EXPECT_EQ(fresh("/restaurants/" + str(restaurant) + "/menu")["menu_items"][0]["price"], 31.5);
  EXPECT_EQ(fresh("/restaurants/" + str(restaurant) + "/with-menu")["menu_items"][0]["name"], "Renamed Dish");
  EXPECT_EQ(fresh("/menu-items/search?category=Starters")["total"], 0);
  EXPECT_EQ(fresh("/menu-items/search?category=Desserts")["total"], 1);
  EXPECT_EQ(fresh("/menu-items/dietary/vegetarian")["total"], 1);
  EXPECT_EQ(fresh("/menu-items/category/starters")["total"], 0);
  EXPECT_EQ(fresh("/menu-items/category/desserts")["total"], 1);
  EXPECT_EQ(fresh("/orders/" + str(order))["order_items"][0]["menu_item"]["name"], "Renamed Dish");
  for (const auto& view : views) fresh(view);
}

TEST_F(cache_api, new_and_deleted_menu_items_show_at_once) {
  const auto restaurant = new_restaurant();
  const auto first = new_item(restaurant);
  const std::vector<std::string> views{"/menu-items/", "/restaurants/" + str(restaurant) + "/menu",
                                       "/restaurants/" + str(restaurant) + "/with-menu", "/menu-items/" + str(first),
                                       "/menu-items/category/main%20course"};
  for (const auto& view : views) prime(view);
  const auto second = new_item(restaurant);
  EXPECT_EQ(fresh("/menu-items/")["total"], 2);
  EXPECT_EQ(fresh("/restaurants/" + str(restaurant) + "/menu")["total"], 2);
  EXPECT_EQ(fresh("/restaurants/" + str(restaurant) + "/with-menu")["menu_items"].size(), 2u);
  EXPECT_EQ(fresh("/menu-items/category/main%20course")["total"], 2);
  ASSERT_EQ(api().del("/menu-items/" + str(first)).status / 100, 2);
  EXPECT_EQ(api().get("/menu-items/" + str(first)).status, 404);
  EXPECT_EQ(fresh("/menu-items/")["total"], 1);
  EXPECT_EQ(fresh("/restaurants/" + str(restaurant) + "/menu")["menu_items"][0]["id"], second);
}

TEST_F(cache_api, order_placement_reaches_order_lists_and_analytics) {
  const auto restaurant = new_restaurant();
  const auto item = new_item(restaurant, "Main Course", 10.0);
  const auto customer = new_customer();
  const std::vector<std::string> views{
      "/orders/customers/" + str(customer) + "/orders", "/customers/" + str(customer) + "/orders",
      "/orders/restaurants/" + str(restaurant) + "/orders", "/customers/" + str(customer) + "/analytics",
      "/reviews/restaurants/" + str(restaurant) + "/analytics"};
  for (const auto& view : views) prime(view);
  const auto order = new_order(customer, restaurant, item, 3);
  EXPECT_EQ(fresh("/orders/customers/" + str(customer) + "/orders")["total"], 1);
  EXPECT_EQ(fresh("/customers/" + str(customer) + "/orders")["orders"][0]["id"], order);
  EXPECT_EQ(fresh("/orders/restaurants/" + str(restaurant) + "/orders")["total"], 1);
  for (const auto& view : views) fresh(view);
  const auto analytics = fresh("/customers/" + str(customer) + "/analytics");
  EXPECT_NE(analytics.dump().find("30.00"), std::string::npos) << analytics.dump();
}

TEST_F(cache_api, an_order_keeps_other_restaurants_and_customers_views_cached) {
  const auto busy = new_restaurant();
  const auto busy_item = new_item(busy);
  const auto quiet = new_restaurant();
  const auto quiet_item = new_item(quiet);
  const auto ordering = new_customer();
  const auto other = new_customer();
  const auto earlier = new_order(other, quiet, quiet_item);
  auto views_of = [](std::int64_t restaurant, std::int64_t customer) {
    return std::vector<std::string>{"/reviews/restaurants/" + str(restaurant) + "/analytics",
                                    "/orders/restaurants/" + str(restaurant) + "/orders",
                                    "/realtime/delivery-slots/" + str(restaurant),
                                    "/realtime/restaurant-availability/" + str(restaurant),
                                    "/realtime/dynamic-pricing/" + str(restaurant),
                                    "/customers/" + str(customer) + "/analytics",
                                    "/customers/" + str(customer) + "/orders",
                                    "/orders/customers/" + str(customer) + "/orders",
                                    "/realtime/notifications/" + str(customer)};
  };
  auto untouched = views_of(quiet, other);
  untouched.push_back("/orders/" + str(earlier));
  for (const auto& view : untouched) prime(view);
  for (const auto& view : views_of(busy, ordering)) prime(view);

  new_order(ordering, busy, busy_item);
  for (const auto& view : untouched) EXPECT_EQ(cache_status(view), "HIT") << view;
  for (const auto& view : views_of(busy, ordering)) EXPECT_EQ(cache_status(view), "MISS") << view;
  EXPECT_EQ(fresh("/reviews/restaurants/" + str(busy) + "/analytics")["total_orders"], 1);
  EXPECT_NE(cache_status("/analytics/popular-items?period=7d"), "HIT") << "totals over every order move on";
}

TEST_F(cache_api, status_change_reaches_the_order_and_its_lists) {
  const auto restaurant = new_restaurant();
  const auto item = new_item(restaurant);
  const auto customer = new_customer();
  const auto order = new_order(customer, restaurant, item);
  const std::vector<std::string> views{"/orders/" + str(order), "/orders/customers/" + str(customer) + "/orders",
                                       "/orders/restaurants/" + str(restaurant) + "/orders",
                                       "/customers/" + str(customer) + "/orders?status=placed",
                                       "/reviews/restaurants/" + str(restaurant) + "/analytics"};
  for (const auto& view : views) {
    if (api().get(view).status == 200) prime(view);
  }
  EXPECT_EQ(fresh("/orders/" + str(order))["order_status"], "placed");
  set_status(order, "confirmed");
  EXPECT_EQ(fresh("/orders/" + str(order))["order_status"], "confirmed");
  EXPECT_EQ(fresh("/orders/customers/" + str(customer) + "/orders")["orders"][0]["order_status"], "confirmed");
  EXPECT_EQ(fresh("/orders/restaurants/" + str(restaurant) + "/orders")["orders"][0]["order_status"], "confirmed");
  for (const auto& view : views) fresh(view);
  prime("/orders/" + str(order));
  set_status(order, "cancelled");
  EXPECT_EQ(fresh("/orders/" + str(order))["order_status"], "cancelled");
}

TEST_F(cache_api, review_reaches_the_restaurant_rating_everywhere) {
  const auto restaurant = new_restaurant("Greek");
  const auto item = new_item(restaurant);
  const auto customer = new_customer();
  const auto order = new_order(customer, restaurant, item);
  deliver(order);
  const std::vector<std::string> views{"/restaurants/" + str(restaurant),
                                       "/restaurants/",
                                       "/restaurants/search?cuisine=greek",
                                       "/restaurants/" + str(restaurant) + "/with-menu",
                                       "/menu-items/" + str(item) + "/with-restaurant",
                                       "/orders/" + str(order),
                                       "/reviews/restaurants/" + str(restaurant) + "/reviews",
                                       "/reviews/customers/" + str(customer) + "/reviews",
                                       "/reviews/restaurants/" + str(restaurant) + "/analytics"};
  for (const auto& view : views) prime(view);
  EXPECT_EQ(fresh("/restaurants/" + str(restaurant))["rating"], 0.0);
  const auto review = api().post_json("/reviews/orders/" + str(order) + "/review?customer_id=" + str(customer),
                                      {{"rating", 4}, {"comment", "Good"}});
  ASSERT_EQ(review.status, 201) << review.body;
  EXPECT_EQ(fresh("/restaurants/" + str(restaurant))["rating"], 4.0);
  EXPECT_EQ(fresh("/restaurants/")["restaurants"][0]["rating"], 4.0);
  EXPECT_EQ(fresh("/restaurants/search?cuisine=greek")["restaurants"][0]["rating"], 4.0);
  EXPECT_EQ(fresh("/restaurants/" + str(restaurant) + "/with-menu")["rating"], 4.0);
  EXPECT_EQ(fresh("/menu-items/" + str(item) + "/with-restaurant")["restaurant"]["rating"], 4.0);
  EXPECT_EQ(fresh("/orders/" + str(order))["restaurant"]["rating"], 4.0);
  EXPECT_EQ(fresh("/reviews/restaurants/" + str(restaurant) + "/reviews")["total"], 1);
  EXPECT_EQ(fresh("/reviews/customers/" + str(customer) + "/reviews")["total"], 1);
  for (const auto& view : views) fresh(view);
}

TEST_F(cache_api, customer_writes_reach_customer_views_and_nested_customers) {
  const auto restaurant = new_restaurant();
  const auto item = new_item(restaurant);
  const auto customer = new_customer();
  const auto order = new_order(customer, restaurant, item);
  deliver(order);
  ASSERT_EQ(
      api().post_json("/reviews/orders/" + str(order) + "/review?customer_id=" + str(customer), {{"rating", 5}}).status,
      201);
  const std::vector<std::string> views{"/customers/", "/customers/" + str(customer), "/orders/" + str(order),
                                       "/reviews/restaurants/" + str(restaurant) + "/reviews",
                                       "/customers/" + str(customer) + "/analytics"};
  for (const auto& view : views) prime(view);
  ASSERT_EQ(api().put_json("/customers/" + str(customer), {{"name", "Renamed Customer"}}).status, 200);
  EXPECT_EQ(fresh("/customers/" + str(customer))["name"], "Renamed Customer");
  EXPECT_EQ(fresh("/customers/")["customers"][0]["name"], "Renamed Customer");
  EXPECT_EQ(fresh("/orders/" + str(order))["customer"]["name"], "Renamed Customer");
  EXPECT_EQ(fresh("/reviews/restaurants/" + str(restaurant) + "/reviews")["reviews"][0]["customer"]["name"],
            "Renamed Customer");
  for (const auto& view : views) fresh(view);

  prime("/customers/");
  new_customer();
  EXPECT_EQ(fresh("/customers/")["total"], 2);

  for (const auto& view : views) {
    if (api().get(view).status == 200) prime(view);
  }
  prime("/restaurants/" + str(restaurant));
  ASSERT_EQ(api().del("/customers/" + str(customer)).status / 100, 2);
  EXPECT_EQ(api().get("/customers/" + str(customer)).status, 404);
  EXPECT_EQ(api().get("/orders/" + str(order)).status, 404);
  EXPECT_EQ(fresh("/reviews/restaurants/" + str(restaurant) + "/reviews")["total"], 0);
  EXPECT_EQ(fresh("/restaurants/" + str(restaurant))["rating"], 0.0) << "its only review went with the customer";
}

TEST_F(cache_api, restaurant_create_and_delete_show_at_once) {
  const auto first = new_restaurant("Italian");
  const auto item = new_item(first);
  const std::vector<std::string> views{"/restaurants/",
                                       "/restaurants/active",
                                       "/restaurants/search?cuisine=italian",
                                       "/restaurants/analytics/popular-cuisines",
                                       "/menu-items/",
                                       "/menu-items/" + str(item),
                                       "/restaurants/" + str(first)};
  for (const auto& view : views) prime(view);
  const auto second = new_restaurant("Italian");
  EXPECT_EQ(fresh("/restaurants/")["total"], 2);
  EXPECT_EQ(fresh("/restaurants/active")["total"], 2);
  EXPECT_EQ(fresh("/restaurants/search?cuisine=italian")["total"], 2);
  EXPECT_EQ(fresh("/restaurants/analytics/popular-cuisines")["popular_cuisines"][0]["restaurant_count"], 2);
  for (const auto& view : views) {
    if (api().get(view).status == 200) prime(view);
  }
  ASSERT_EQ(api().del("/restaurants/" + str(first)).status / 100, 2);
  EXPECT_EQ(api().get("/restaurants/" + str(first)).status, 404);
  EXPECT_EQ(api().get("/menu-items/" + str(item)).status, 404);
  EXPECT_EQ(fresh("/restaurants/")["restaurants"][0]["id"], second);
  EXPECT_EQ(fresh("/menu-items/")["total"], 0);
  EXPECT_EQ(fresh("/restaurants/analytics/popular-cuisines")["popular_cuisines"][0]["restaurant_count"], 1);
}

// ---- figures ----------------------------------------------------------------------------

TEST_F(cache_api, stats_count_exactly_what_the_requests_did) {
  const auto restaurant = new_restaurant();
  const auto item = new_item(restaurant);
  // restaurants: 2 misses, 3 hits; menu-items: 1 miss, 1 hit; restaurant-menus: 1 miss.
  api().get("/restaurants/");
  api().get("/restaurants/");
  api().get("/restaurants/?skip=0");
  api().get("/restaurants/" + str(restaurant));
  api().get("/restaurants/" + str(restaurant));
  api().get("/menu-items/" + str(item));
  api().get("/menu-items/" + str(item));
  api().get("/restaurants/" + str(restaurant) + "/menu");
  api().get("/restaurants/?skip=0", {{"Cache-Control", "no-store"}});  // counted as neither

  const auto s = stats();
  EXPECT_EQ(s["status"], "success");
  EXPECT_TRUE(s["timestamp"].is_number());
  const auto& c = s["cache_stats"];
  EXPECT_EQ(c["cache_hits"], 4);
  EXPECT_EQ(c["cache_misses"], 4);
  EXPECT_EQ(c["backend"], "in-process");
  EXPECT_EQ(c["total_keys"], 4);
  EXPECT_TRUE(c["memory_usage"].is_string());
  ASSERT_TRUE(c["keys_by_namespace"].is_object());
  for (const auto& name : namespace_names) EXPECT_TRUE(c["keys_by_namespace"].contains(name)) << name;
  EXPECT_EQ(c["keys_by_namespace"]["restaurants"], 2);
  EXPECT_EQ(c["keys_by_namespace"]["menu-items"], 1);
  EXPECT_EQ(c["keys_by_namespace"]["restaurant-menus"], 1);
  EXPECT_EQ(c["keys_by_namespace"]["search"], 0);

  const auto n = api().get("/cache/stats/namespaces").json();
  EXPECT_EQ(n["status"], "success");
  const auto& ns = n["namespace_statistics"];
  EXPECT_EQ(ns["restaurants"]["hits"], 3);
  EXPECT_EQ(ns["restaurants"]["misses"], 2);
  EXPECT_EQ(ns["restaurants"]["key_count"], 2);
  EXPECT_EQ(ns["restaurants"]["hit_ratio_percent"], 60.0);
  EXPECT_GT(ns["restaurants"]["memory_estimate_bytes"].get<std::int64_t>(), 0);
  EXPECT_EQ(ns["menu-items"]["hits"], 1);
  EXPECT_EQ(ns["menu-items"]["misses"], 1);
  EXPECT_EQ(ns["menu-items"]["hit_ratio_percent"], 50.0);
  EXPECT_EQ(ns["restaurant-menus"]["hits"], 0);
  EXPECT_EQ(ns["restaurant-menus"]["misses"], 1);
  EXPECT_EQ(ns["search"]["hits"], 0);
  EXPECT_EQ(ns["search"]["misses"], 0);
  EXPECT_EQ(ns["search"]["efficiency_rating"], "No Data");
  for (const auto& name : namespace_names) {
    ASSERT_TRUE(ns.contains(name)) << name;
    EXPECT_TRUE(ns[name]["ttl_seconds"].is_number_integer());
    EXPECT_TRUE(ns[name]["memory_estimate_human"].is_string());
  }
  EXPECT_EQ(n["overview"]["cache_hits"], 4);
  EXPECT_EQ(n["overview"]["cache_misses"], 4);

  const auto r = api().get("/cache/metrics/hit-ratio").json();
  EXPECT_EQ(r["status"], "success");
  EXPECT_EQ(r["metrics"]["cache_hits"], 4);
  EXPECT_EQ(r["metrics"]["cache_misses"], 4);
  EXPECT_EQ(r["metrics"]["total_requests"], 8);
  EXPECT_EQ(r["metrics"]["hit_ratio_percent"], 50.0);
  EXPECT_TRUE(r["metrics"]["efficiency_rating"].is_string());

  // Management routes are not cached and do not count.
  const auto again = stats();
  EXPECT_EQ(again["cache_stats"]["cache_hits"], 4);
  EXPECT_EQ(again["cache_stats"]["cache_misses"], 4);
}

TEST_F(cache_api, hit_ratio_rounds_to_two_decimals) {
  api().get("/restaurants/");
  api().get("/restaurants/");
  api().get("/restaurants/");
  const auto r = api().get("/cache/metrics/hit-ratio").json();
  EXPECT_EQ(r["metrics"]["cache_hits"], 2);
  EXPECT_EQ(r["metrics"]["cache_misses"], 1);
  EXPECT_DOUBLE_EQ(r["metrics"]["hit_ratio_percent"].get<double>(), 66.67);
}

TEST_F(cache_api, a_fresh_server_reports_zero) {
  const auto r = api().get("/cache/metrics/hit-ratio").json();
  EXPECT_EQ(r["metrics"]["cache_hits"], 0);
  EXPECT_EQ(r["metrics"]["cache_misses"], 0);
  EXPECT_EQ(r["metrics"]["hit_ratio_percent"], 0.0);
  EXPECT_EQ(stats()["cache_stats"]["total_keys"], 0);
}

TEST_F(cache_api, detailed_stats_list_keys_ttls_and_counts_by_namespace) {
  const auto restaurant = new_restaurant();
  api().get("/restaurants/" + str(restaurant));
  api().get("/restaurants/" + str(restaurant));
  api().get("/menu-items/");
  const auto d = api().get("/cache/stats/detailed").json();
  EXPECT_EQ(d["status"], "success");
  const auto& details = d["detailed_stats"];
  EXPECT_EQ(details["overview"]["total_keys"], 2);
  EXPECT_EQ(details["overview"]["cache_hits"], 1);
  EXPECT_EQ(details["overview"]["cache_misses"], 2);
  for (const auto& name : namespace_names) {
    ASSERT_TRUE(details["namespace_details"].contains(name)) << name;
    EXPECT_TRUE(details["ttl_configuration"].contains(name)) << name;
  }
  const auto& r = details["namespace_details"]["restaurants"];
  EXPECT_EQ(r["key_count"], 1);
  EXPECT_EQ(r["hits"], 1);
  EXPECT_EQ(r["misses"], 1);
  ASSERT_EQ(r["keys"].size(), 1u);
  const auto key = r["keys"][0].get<std::string>();
  ASSERT_TRUE(r["ttl_info"].contains(key));
  EXPECT_GT(r["ttl_info"][key].get<std::int64_t>(), 0);
  EXPECT_EQ(details["namespace_details"]["menu-items"]["key_count"], 1);
  EXPECT_EQ(details["namespace_details"]["search"]["key_count"], 0);
}

TEST_F(cache_api, memory_routes_have_their_shapes_and_true_figures) {
  new_restaurant();
  api().get("/restaurants/");
  const auto m = api().get("/cache/metrics/memory-usage").json();
  EXPECT_EQ(m["status"], "success");
  const auto& a = m["memory_analysis"];
  for (const char* field : {"total_memory_used", "max_memory_configured", "total_cache_keys"}) {
    EXPECT_TRUE(a[field].is_number_integer()) << field;
  }
  for (const char* field : {"memory_utilization_percent", "average_key_size_bytes"}) {
    EXPECT_TRUE(a[field].is_number()) << field;
  }
  for (const char* field : {"memory_used_human", "memory_efficiency", "backend"}) {
    EXPECT_TRUE(a[field].is_string()) << field;
  }
  EXPECT_EQ(a["total_cache_keys"], 1);
  EXPECT_GT(a["total_memory_used"].get<std::int64_t>(), 0);
  EXPECT_EQ(a["max_memory_configured"], std::int64_t{64} << 20);
  EXPECT_FALSE(m.contains("recommendations"));

  const auto with_advice = api().get("/cache/memory-usage").json();
  EXPECT_EQ(with_advice["status"], "success");
  ASSERT_TRUE(with_advice["recommendations"].is_array());
  EXPECT_FALSE(with_advice["recommendations"].empty());
  for (const auto& advice : with_advice["recommendations"]) EXPECT_TRUE(advice.is_string());
  EXPECT_EQ(with_advice["memory_analysis"]["total_cache_keys"], 1);
}

TEST_F(cache_api, memory_limit_follows_cache_memory_mb) {
  server_process small(std::map<std::string, std::string>{{"CACHE_MEMORY_MB", "3"}});
  api_client other(small.port());
  const auto m = other.get("/cache/metrics/memory-usage").json();
  EXPECT_EQ(m["memory_analysis"]["max_memory_configured"], std::int64_t{3} << 20);
}

TEST_F(cache_api, info_and_health_have_their_shapes) {
  const auto info = api().get("/cache/info");
  ASSERT_EQ(info.status, 200);
  const auto i = info.json();
  for (const char* key : {"cache_configuration", "advanced_invalidation_rules", "performance_features"}) {
    EXPECT_TRUE(i[key].is_object()) << key;
  }
  for (const auto& name : namespace_names) EXPECT_TRUE(i["cache_configuration"]["namespaces"].contains(name)) << name;

  const auto h = api().get("/cache/health").json();
  EXPECT_EQ(h["status"], "success");
  const auto& check = h["health_check"];
  EXPECT_EQ(check["status"], "healthy");
  EXPECT_EQ(check["backend"], "in-process");
  EXPECT_TRUE(check["health_issues"].is_array());
  EXPECT_TRUE(check["performance_metrics"]["hit_ratio"].is_object());
  EXPECT_TRUE(check["performance_metrics"]["memory_usage"].is_object());
  EXPECT_TRUE(check["timestamp"].is_number());
}

// ---- clearing ---------------------------------------------------------------------------

TEST_F(cache_api, clearing_one_namespace_leaves_the_others) {
  const auto restaurant = new_restaurant();
  const auto item = new_item(restaurant);
  prime("/restaurants/");
  prime("/menu-items/" + str(item));
  prime("/restaurants/" + str(restaurant) + "/menu");
  const auto reply = api().del("/cache/clear/restaurants");
  ASSERT_EQ(reply.status, 200);
  EXPECT_EQ(reply.json()["status"], "success");
  EXPECT_TRUE(reply.json()["message"].is_string());
  EXPECT_TRUE(reply.json()["timestamp"].is_number());
  EXPECT_EQ(cache_status("/restaurants/"), "MISS");
  EXPECT_EQ(cache_status("/menu-items/" + str(item)), "HIT");
  EXPECT_EQ(cache_status("/restaurants/" + str(restaurant) + "/menu"), "HIT");
  const auto k = stats()["cache_stats"]["keys_by_namespace"];
  EXPECT_EQ(k["restaurants"], 1);
  EXPECT_EQ(k["menu-items"], 1);

  ASSERT_EQ(api().del("/cache/clear/menu-items").status, 200);
  EXPECT_EQ(cache_status("/menu-items/" + str(item)), "MISS");
  EXPECT_EQ(cache_status("/restaurants/"), "HIT");
  EXPECT_EQ(cache_status("/restaurants/" + str(restaurant) + "/menu"), "HIT");
}

TEST_F(cache_api, clearing_everything_makes_every_get_a_miss) {
  const auto restaurant = new_restaurant();
  const auto item = new_item(restaurant);
  prime("/restaurants/");
  prime("/menu-items/" + str(item));
  const auto reply = api().del("/cache/clear");
  ASSERT_EQ(reply.status, 200);
  EXPECT_EQ(reply.json()["status"], "success");
  EXPECT_EQ(stats()["cache_stats"]["total_keys"], 0);
  EXPECT_EQ(cache_status("/restaurants/"), "MISS");
  EXPECT_EQ(cache_status("/menu-items/" + str(item)), "MISS");
  EXPECT_EQ(cache_status("/restaurants/"), "HIT");
}

TEST_F(cache_api, clearing_expired_removes_superseded_entries_only) {
  const auto restaurant = new_restaurant();
  prime("/restaurants/");
  prime("/restaurants/" + str(restaurant));
  prime("/menu-items/");
  ASSERT_EQ(api().del("/cache/clear/restaurants").status, 200);  // two entries are now superseded
  const auto reply = api().del("/cache/clear/expired");
  ASSERT_EQ(reply.status, 200);
  const auto body = reply.json();
  EXPECT_EQ(body["status"], "success");
  EXPECT_TRUE(body["message"].is_string());
  EXPECT_TRUE(body["timestamp"].is_number());
  EXPECT_EQ(body["removed_keys"], 2);
  EXPECT_EQ(api().del("/cache/clear/expired").json()["removed_keys"], 0);
  EXPECT_EQ(cache_status("/menu-items/"), "HIT") << "live entries stay";
  EXPECT_EQ(stats()["cache_stats"]["total_keys"], 1);
}

// ---- warming ----------------------------------------------------------------------------

TEST_F(cache_api, warm_all_then_gets_are_hits) {
  const auto a = new_restaurant("Italian");
  const auto b = new_restaurant("Mexican");
  const auto item_a = new_item(a, "Main Course", 9.0, true);
  const auto item_b = new_item(b, "Starters", 30.0);
  const auto reply = api().post("/cache/warm", "");
  ASSERT_EQ(reply.status, 200) << reply.body;
  const auto body = reply.json();
  EXPECT_EQ(body["status"], "success");
  EXPECT_TRUE(body["message"].is_string());
  const auto& results = body["results"];
  EXPECT_TRUE(results["timestamp"].is_number());
  ASSERT_TRUE(results["warmed_data"].is_array());
  std::int64_t total = 0;
  for (const auto& step : results["warmed_data"]) {
    EXPECT_TRUE(step["type"].is_string());
    EXPECT_GE(step["count"].get<std::int64_t>(), 0);
    EXPECT_GE(step["time_ms"].get<double>(), 0.0);
    total += step["count"].get<std::int64_t>();
  }
  EXPECT_EQ(results["summary"]["total_items_warmed"], total);
  EXPECT_GT(total, 10);
  EXPECT_GE(results["summary"]["total_time_ms"].get<double>(), 0.0);
  EXPECT_GE(results["summary"]["average_time_per_item_ms"].get<double>(), 0.0);

  for (const std::string& target : std::vector<std::string>{
           "/restaurants/", "/restaurants/active", "/restaurants/" + str(a), "/restaurants/" + str(b),
           "/restaurants/" + str(a) + "/with-menu", "/restaurants/" + str(b) + "/menu", "/menu-items/",
           "/menu-items/" + str(item_a), "/menu-items/" + str(item_b) + "/with-restaurant",
           "/menu-items/dietary/vegetarian", "/restaurants/analytics/popular-cuisines",
           "/restaurants/analytics/price-ranges", "/restaurants/" + str(a) + "/analytics"}) {
    EXPECT_EQ(cache_status(target), "HIT") << target;
  }
  // Warming stores what the database holds.
  fresh("/restaurants/");
  fresh("/menu-items/dietary/vegetarian");
}

TEST_F(cache_api, warm_one_namespace_then_gets_are_hits) {
  const auto a = new_restaurant();
  const auto b = new_restaurant();
  const auto item = new_item(a);
  const auto reply = api().post("/cache/warm/restaurants", "");
  ASSERT_EQ(reply.status, 200) << reply.body;
  const auto body = reply.json();
  EXPECT_EQ(body["status"], "success");
  EXPECT_TRUE(body["message"].is_string());
  EXPECT_TRUE(body["timestamp"].is_number());
  EXPECT_EQ(body["warming_results"]["namespace"], "restaurants");
  EXPECT_EQ(body["warming_results"]["items_warmed"], 4);  // list, active list, two restaurants
  EXPECT_GE(body["warming_results"]["time_taken_ms"].get<double>(), 0.0);
  EXPECT_EQ(cache_status("/restaurants/"), "HIT");
  EXPECT_EQ(cache_status("/restaurants/" + str(a)), "HIT");
  EXPECT_EQ(cache_status("/restaurants/" + str(b)), "HIT");
  EXPECT_EQ(cache_status("/menu-items/" + str(item)), "MISS") << "other namespaces were not warmed";

  ASSERT_EQ(api().post("/cache/warm/menu-items", "").status, 200);
  EXPECT_EQ(cache_status("/menu-items/" + str(item) + "/with-restaurant"), "HIT");
  ASSERT_EQ(api().post("/cache/warm/restaurant-menus", "").status, 200);
  EXPECT_EQ(cache_status("/restaurants/" + str(a) + "/with-menu"), "HIT");
  for (const auto& name : namespace_names) {
    const auto warmed = api().post("/cache/warm/" + name, "");
    EXPECT_EQ(warmed.status, 200) << name << ": " << warmed.body;
    EXPECT_EQ(warmed.json()["warming_results"]["namespace"], name);
  }
}

TEST_F(cache_api, warming_an_unknown_namespace_is_400) {
  EXPECT_TRUE(is_detail(api().post("/cache/warm/foo", ""), 400, "Unknown namespace: foo"));
  EXPECT_TRUE(is_detail(api().post("/cache/warm/expired-things", ""), 400, "Unknown namespace: expired-things"));
}

TEST_F(cache_api, warm_popular_warms_the_busiest_restaurants) {
  const auto quiet = new_restaurant();
  const auto busy = new_restaurant();
  const auto item = new_item(busy);
  new_item(quiet);
  const auto customer = new_customer();
  new_order(customer, busy, item);
  new_order(customer, busy, item);
  const auto reply = api().post("/cache/warm/popular", "");
  ASSERT_EQ(reply.status, 200) << reply.body;
  const auto body = reply.json();
  EXPECT_EQ(body["status"], "success");
  EXPECT_TRUE(body["message"].is_string());
  EXPECT_TRUE(body["timestamp"].is_number());
  EXPECT_EQ(cache_status("/restaurants/" + str(busy)), "HIT");
  EXPECT_EQ(cache_status("/restaurants/" + str(busy) + "/with-menu"), "HIT");
  EXPECT_EQ(cache_status("/restaurants/" + str(busy) + "/menu"), "HIT");
  fresh("/restaurants/" + str(busy) + "/with-menu");
}

// ---- demos and reports ------------------------------------------------------------------

TEST_F(cache_api, demo_cache_test_reads_a_restaurant_twice) {
  const auto id = new_restaurant();
  const auto name = api().get("/restaurants/" + str(id)).json()["name"];
  const auto reply = api().get("/cache/demo/cache-test/" + str(id));
  ASSERT_EQ(reply.status, 200) << reply.body;
  const auto body = reply.json();
  EXPECT_EQ(body["restaurant_id"], id);
  EXPECT_EQ(body["restaurant_name"], name);
  const auto& test = body["performance_test"];
  EXPECT_GE(test["first_request_ms"].get<double>(), 0.0);
  EXPECT_GE(test["second_request_ms"].get<double>(), 0.0);
  EXPECT_TRUE(test["performance_improvement"].is_string());
  EXPECT_EQ(test["cache_status"], "HIT");
  EXPECT_TRUE(body["timestamp"].is_number());
  EXPECT_TRUE(is_detail(api().get("/cache/demo/cache-test/987654"), 404, "Restaurant not found"));
}

TEST_F(cache_api, performance_comparison_has_its_shape) {
  new_item(new_restaurant());
  const auto reply = api().get("/cache/demo/performance-comparison");
  ASSERT_EQ(reply.status, 200) << reply.body;
  const auto body = reply.json();
  EXPECT_TRUE(body["test_timestamp"].is_number());
  ASSERT_TRUE(body["operations"].is_array());
  ASSERT_FALSE(body["operations"].empty());
  for (const auto& op : body["operations"]) {
    EXPECT_TRUE(op["operation"].is_string());
    EXPECT_GE(op["non_cached_ms"].get<double>(), 0.0);
    EXPECT_GE(op["cached_ms"].get<double>(), 0.0);
    EXPECT_TRUE(op["improvement_percent"].is_number());
    EXPECT_GE(op["speed_multiplier"].get<double>(), 0.0);
  }
  const auto& summary = body["summary"];
  EXPECT_EQ(summary["total_operations"], body["operations"].size());
  EXPECT_GE(summary["total_non_cached_ms"].get<double>(), 0.0);
  EXPECT_GE(summary["total_cached_ms"].get<double>(), 0.0);
  EXPECT_TRUE(summary["overall_improvement_percent"].is_number());
  EXPECT_GE(summary["overall_speed_multiplier"].get<double>(), 0.0);
}

TEST_F(cache_api, comprehensive_report_has_its_shape) {
  new_restaurant();
  const auto reply = api().get("/cache/performance/comprehensive-report");
  ASSERT_EQ(reply.status, 200) << reply.body;
  const auto body = reply.json();
  EXPECT_EQ(body["status"], "success");
  const auto& report = body["comprehensive_report"];
  EXPECT_TRUE(report["report_timestamp"].is_number());
  EXPECT_EQ(report["cache_availability"], true);
  EXPECT_TRUE(report["basic_statistics"].is_object());
  EXPECT_TRUE(report["detailed_statistics"].is_object());
  const auto& metrics = report["performance_metrics"];
  EXPECT_TRUE(metrics["hit_ratio_analysis"].is_object());
  EXPECT_TRUE(metrics["memory_usage_analysis"].is_object());
  EXPECT_GE(metrics["sample_query_time_ms"]["uncached"].get<double>(), 0.0);
  EXPECT_GE(metrics["sample_query_time_ms"]["cached"].get<double>(), 0.0);
  EXPECT_TRUE(metrics["cache_status"].is_string());
  ASSERT_TRUE(report["recommendations"].is_array());
  EXPECT_FALSE(report["recommendations"].empty());
}

}  // namespace
}  // namespace zomato::testing
