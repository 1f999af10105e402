// The demo routes over HTTP: creating the sample data once, removing only it, and the
// cache performance test's shape. Each test gets its own server (fresh database).

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <memory>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "support/order_fixtures.hpp"

namespace zomato::testing {
namespace {

using namespace order_fixtures;

std::int64_t id_of(const json& object) { return object.at("id").get<std::int64_t>(); }

const std::vector<std::string>& sample_names() {
  static const std::vector<std::string> names{"Pizza Palace", "Burger Barn", "Sushi Zen", "Taco Fiesta", "Curry House"};
  return names;
}

class DemoApi : public fresh_server_test {
 protected:
  /// POSTs /demo/sample-data and returns the body; the test fails unless 200.
  json create_samples() {
    const auto reply = api().post_text("/demo/sample-data", "");
    EXPECT_EQ(reply.status, 200) << reply.body;
    return reply.status == 200 ? reply.json() : json::object();
  }

  std::vector<json> all_of(const std::string& target, const std::string& plural) {
    const auto body = get_json(api(), target + (target.find('?') == std::string::npos ? "?" : "&") + "limit=1000");
    std::vector<json> items;
    for (const auto& item : body.at(plural)) items.push_back(item);
    return items;
  }

  std::set<std::string> restaurant_names() {
    std::set<std::string> names;
    for (const auto& r : all_of("/restaurants/", "restaurants")) names.insert(r["name"].get<std::string>());
    return names;
  }
};

TEST_F(DemoApi, CreatesFiveRestaurantsWithFifteenMenuItems) {
  const auto body = create_samples();
  EXPECT_EQ(body["status"], "success");
  EXPECT_EQ(body["message"], "Sample data created successfully");
  ASSERT_TRUE(body["created"].is_object()) << body.dump();
  EXPECT_EQ(body["created"]["restaurants"], 5);
  EXPECT_EQ(body["created"]["menu_items"], 15);
  ASSERT_TRUE(body["restaurants"].is_array()) << body.dump();
  ASSERT_EQ(body["restaurants"].size(), 5U);
  std::vector<std::string> listed;
  for (const auto& r : body["restaurants"]) {
    EXPECT_TRUE(
        has_shape(r, {{"id", "integer"}, {"name", "string"}, {"cuisine_type", "string"}, {"rating", "number"}}));
    listed.push_back(r["name"].get<std::string>());
    const auto stored = get_json(api(), "/restaurants/" + str(id_of(r)));
    EXPECT_EQ(stored["name"], r["name"]);
    EXPECT_EQ(stored["cuisine_type"], r["cuisine_type"]);
    EXPECT_EQ(total_of(api(), "/restaurants/" + str(id_of(r)) + "/menu"), 3) << r.dump();
  }
  EXPECT_EQ(listed, sample_names());
  EXPECT_EQ(restaurant_names(), std::set<std::string>(sample_names().begin(), sample_names().end()));
  EXPECT_EQ(total_of(api(), "/restaurants/"), 5);
  EXPECT_EQ(total_of(api(), "/menu-items/"), 15);
}

TEST_F(DemoApi, CreatesCustomersAndOrdersInSeveralStates) {
  const auto body = create_samples();
  const auto customers = body["created"].value("customers", std::int64_t{0});
  const auto orders = body["created"].value("orders", std::int64_t{0});
  EXPECT_GE(customers, 1) << body.dump();
  EXPECT_GE(orders, 4) << body.dump();
  EXPECT_EQ(total_of(api(), "/customers/"), customers);

  std::map<std::string, int> statuses;
  std::int64_t found = 0;
  for (const auto& r : body["restaurants"]) {
    for (const auto& order : all_of("/orders/restaurants/" + str(id_of(r)) + "/orders", "orders")) {
      ++statuses[order["order_status"].get<std::string>()];
      ++found;
      const auto details = get_json(api(), "/orders/" + str(id_of(order)));
      EXPECT_FALSE(details["order_items"].empty()) << details.dump();
      if (order["order_status"] == "delivered") {
        EXPECT_TRUE(is_timestamp(order["delivery_time"])) << order.dump();
      } else {
        EXPECT_TRUE(order["delivery_time"].is_null()) << order.dump();
      }
    }
  }
  EXPECT_EQ(found, orders);
  EXPECT_GE(statuses.size(), 4U) << json(statuses).dump();
  EXPECT_TRUE(statuses.contains("delivered")) << json(statuses).dump();
  EXPECT_TRUE(statuses.contains("cancelled")) << json(statuses).dump();
  EXPECT_TRUE(statuses.contains("placed") || statuses.contains("confirmed") || statuses.contains("preparing"))
      << json(statuses).dump();

  // The orders went through the workflow: their tracking history starts at placed and ends at the status.
  for (const auto& r : body["restaurants"]) {
    for (const auto& order : all_of("/orders/restaurants/" + str(id_of(r)) + "/orders", "orders")) {
      const auto tracking = get_json(api(), "/realtime/order-tracking/" + str(id_of(order)));
      const auto& history = tracking["status_history"];
      ASSERT_FALSE(history.empty()) << tracking.dump();
      EXPECT_EQ(history.front()["status"], "placed");
      EXPECT_EQ(history.back()["status"], order["order_status"]);
    }
  }
}

TEST_F(DemoApi, ASecondCallFindsTheDataAlreadyThere) {
  const auto first = create_samples();
  const auto reply = api().post_text("/demo/sample-data", "");
  ASSERT_EQ(reply.status, 200) << reply.body;
  const auto second = reply.json();
  EXPECT_EQ(second["status"], "success");
  EXPECT_EQ(second["message"], "Sample data already exists");
  std::vector<std::int64_t> first_ids;
  std::vector<std::int64_t> second_ids;
  for (const auto& r : first["restaurants"]) first_ids.push_back(id_of(r));
  for (const auto& r : second["restaurants"]) second_ids.push_back(id_of(r));
  EXPECT_EQ(second_ids, first_ids);
  EXPECT_EQ(total_of(api(), "/restaurants/"), 5);
  EXPECT_EQ(total_of(api(), "/menu-items/"), 15);
  EXPECT_EQ(total_of(api(), "/customers/"), first["created"].value("customers", std::int64_t{0}));
}

TEST_F(DemoApi, DeleteRemovesOnlyTheSampleData) {
  const auto own_restaurant = create_restaurant(api());
  const auto own_dish = create_item(api(), id_of(own_restaurant), 9.99);
  const auto own_customer = create_customer(api());
  const auto own_order = place_order(api(), id_of(own_customer), id_of(own_restaurant), {{id_of(own_dish), 1}});

  const auto created = create_samples();
  std::vector<std::int64_t> sample_orders;
  for (const auto& r : created["restaurants"]) {
    for (const auto& order : all_of("/orders/restaurants/" + str(id_of(r)) + "/orders", "orders")) {
      sample_orders.push_back(id_of(order));
    }
  }
  EXPECT_EQ(total_of(api(), "/restaurants/"), 6);

  const auto reply = api().del("/demo/sample-data");
  ASSERT_EQ(reply.status, 200) << reply.body;
  const auto body = reply.json();
  EXPECT_EQ(body["status"], "success");
  EXPECT_EQ(body["deleted_restaurants"], 5);
  EXPECT_TRUE(body["message"].is_string());

  // Ours survive, with their order.
  EXPECT_EQ(api().get("/restaurants/" + str(id_of(own_restaurant))).status, 200);
  EXPECT_EQ(api().get("/menu-items/" + str(id_of(own_dish))).status, 200);
  EXPECT_EQ(api().get("/customers/" + str(id_of(own_customer))).status, 200);
  EXPECT_EQ(api().get("/orders/" + str(id_of(own_order))).status, 200);
  EXPECT_EQ(total_of(api(), "/restaurants/"), 1);
  EXPECT_EQ(total_of(api(), "/menu-items/"), 1);
  EXPECT_EQ(total_of(api(), "/customers/"), 1);

  // The samples are gone, with their menus and orders.
  for (const auto& r : created["restaurants"]) {
    EXPECT_TRUE(is_detail(api().get("/restaurants/" + str(id_of(r))), 404, "Restaurant not found")) << r.dump();
  }
  for (const auto order_id : sample_orders) {
    EXPECT_TRUE(is_detail(api().get("/orders/" + str(order_id)), 404, "Order not found")) << order_id;
  }
  EXPECT_EQ(restaurant_names(), std::set<std::string>{own_restaurant["name"].get<std::string>()});
}

TEST_F(DemoApi, DeleteWithoutSampleDataDeletesNothing) {
  const auto own_restaurant = create_restaurant(api());
  const auto reply = api().del("/demo/sample-data");
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(reply.json()["deleted_restaurants"], 0);
  EXPECT_EQ(api().get("/restaurants/" + str(id_of(own_restaurant))).status, 200);
  EXPECT_EQ(total_of(api(), "/restaurants/"), 1);
}

TEST_F(DemoApi, AfterDeleteTheDataCanBeCreatedAgain) {
  const auto first = create_samples();
  ASSERT_EQ(api().del("/demo/sample-data").status, 200);
  EXPECT_EQ(total_of(api(), "/restaurants/"), 0);

  const auto again = create_samples();
  EXPECT_EQ(again["message"], "Sample data created successfully");
  EXPECT_EQ(again["created"]["restaurants"], 5);
  EXPECT_EQ(again["created"]["menu_items"], 15);
  std::int64_t highest_old = 0;
  for (const auto& r : first["restaurants"]) highest_old = std::max(highest_old, id_of(r));
  for (const auto& r : again["restaurants"]) EXPECT_GT(id_of(r), highest_old) << "ids are never reused";
  EXPECT_EQ(restaurant_names(), std::set<std::string>(sample_names().begin(), sample_names().end()));
  EXPECT_EQ(total_of(api(), "/menu-items/"), 15);
}

TEST_F(DemoApi, SampleDataShowsInCachedListsAtOnce) {
  const auto before = api().get("/restaurants/");
  const auto cached = api().get("/restaurants/");
  ASSERT_EQ(before.status, 200);
  EXPECT_EQ(cached.header("x-cache-status"), "HIT");
  EXPECT_EQ(cached.json()["total"], 0);

  create_samples();
  EXPECT_EQ(total_of(api(), "/restaurants/"), 5);
  ASSERT_EQ(api().del("/demo/sample-data").status, 200);
  EXPECT_EQ(total_of(api(), "/restaurants/"), 0);
}

TEST_F(DemoApi, AConflictingRestaurantLeavesNoPartialSampleData) {
  // One of the sample names is taken: the call must either create the sample data or
  // refuse it (4xx) without leaving part of it behind.
  auto body = restaurant_body("Curry House", "Indian");
  ASSERT_EQ(api().post("/restaurants/", body).status, 201);
  const auto reply = api().post_text("/demo/sample-data", "");
  EXPECT_LT(reply.status, 500) << reply.body;
  if (reply.status >= 400) {
    EXPECT_EQ(restaurant_names(), std::set<std::string>{"Curry House"})
        << "POST /demo/sample-data answered " << reply.status << " " << reply.body
        << " but left sample restaurants behind";
    EXPECT_EQ(total_of(api(), "/customers/"), 0) << "sample customers left behind";
    EXPECT_EQ(total_of(api(), "/menu-items/"), 0) << "sample menu items left behind";
  } else {
    EXPECT_EQ(reply.status, 200) << reply.body;
    EXPECT_EQ(restaurant_names(), std::set<std::string>(sample_names().begin(), sample_names().end()));
  }
}

TEST_F(DemoApi, AConflictingCustomerLeavesNoPartialSampleData) {
  // One of the sample customers' e-mail addresses is taken already.
  auto customer = customer_body("alice.sample@example.com");
  ASSERT_EQ(api().post("/customers/", customer).status, 201);
  const auto reply = api().post_text("/demo/sample-data", "");
  EXPECT_LT(reply.status, 500) << reply.body;
  if (reply.status >= 400) {
    EXPECT_EQ(total_of(api(), "/restaurants/"), 0) << "POST /demo/sample-data answered " << reply.status << " "
                                                   << reply.body << " but left sample restaurants behind";
    EXPECT_EQ(total_of(api(), "/customers/"), 1) << "sample customers left behind";
  } else {
    EXPECT_EQ(reply.status, 200) << reply.body;
    EXPECT_EQ(total_of(api(), "/restaurants/"), 5);
  }
}

// ---- cache performance test ---------------------------------------------------------

::testing::AssertionResult is_timing_pair(const json& figures) {
  static const std::regex percent(R"(-?[0-9]+\.[0-9]{2}%)");
  for (const auto* key : {"first_request_ms", "second_request_ms"}) {
    if (!figures.contains(key) || !figures[key].is_number() || figures[key].get<double>() < 0) {
      return ::testing::AssertionFailure() << key << " is not a non-negative number: " << figures.dump();
    }
  }
  if (!figures.contains("improvement") || !figures["improvement"].is_string() ||
      !std::regex_match(figures["improvement"].get<std::string>(), percent)) {
    return ::testing::AssertionFailure() << "improvement is not a percentage: " << figures.dump();
  }
  return ::testing::AssertionSuccess();
}

TEST_F(DemoApi, CachePerformanceTestOnAnEmptyDatabase) {
  const auto reply = api().get("/demo/cache-performance-test");
  ASSERT_EQ(reply.status, 200) << reply.body;
  const auto body = reply.json();
  EXPECT_EQ(body["status"], "success");
  ASSERT_TRUE(body["performance_tests"].is_object()) << body.dump();
  const auto& list = body["performance_tests"]["restaurant_list"];
  EXPECT_TRUE(is_timing_pair(list));
  EXPECT_EQ(list["restaurants_found"], 0);
  EXPECT_FALSE(body["performance_tests"].contains("individual_restaurant")) << body.dump();
  EXPECT_TRUE(body["cache_recommendations"].is_object());
}

TEST_F(DemoApi, CachePerformanceTestWithRestaurants) {
  create_samples();
  const auto own = create_restaurant(api());
  const auto reply = api().get("/demo/cache-performance-test");
  ASSERT_EQ(reply.status, 200) << reply.body;
  const auto body = reply.json();
  EXPECT_EQ(body["status"], "success");
  const auto& tests = body["performance_tests"];
  EXPECT_TRUE(is_timing_pair(tests["restaurant_list"]));
  EXPECT_EQ(tests["restaurant_list"]["restaurants_found"], 6);
  ASSERT_TRUE(tests.contains("individual_restaurant")) << body.dump();
  EXPECT_TRUE(is_timing_pair(tests["individual_restaurant"]));
  const auto listed = get_json(api(), "/restaurants/");
  ASSERT_FALSE(listed["restaurants"].empty());
  EXPECT_EQ(tests["individual_restaurant"]["restaurant_id"], id_of(listed["restaurants"][0]));
  const auto& advice = body["cache_recommendations"];
  EXPECT_TRUE(has_shape(
      advice,
      {{"cache_hit_threshold", "string"}, {"cache_miss_expected", "string"}, {"optimal_performance", "string"}}));
  (void)own;
}

}  // namespace
}  // namespace zomato::testing
