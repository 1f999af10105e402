#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <latch>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "support/api_fixtures.hpp"
#include "support/redis_process.hpp"
#include "support/server_process.hpp"

namespace zomato::testing {
namespace {

using environment = std::map<std::string, std::string>;

std::string str(std::int64_t id) { return std::to_string(id); }

/// Where the server keeps its entries: in process, in Redis alone, or in both.
enum class levels { memory, redis, both };

std::string name_of(levels where) {
  switch (where) {
    case levels::memory: return "memory";
    case levels::redis: return "redis";
    case levels::both: return "memory_and_redis";
  }
  return "";
}

/// A fresh server (and, with Redis, a fresh redis-server) per test, with its cache in the
/// levels of the parameter and the extra environment of start().
class write_through_api : public ::testing::TestWithParam<levels> {
 protected:
  void SetUp() override { start(); }

  void start(const environment& extra = {}) {
    client_.reset();
    server_.reset();
    environment env = extra;
    if (GetParam() != levels::memory) {
      if (!redis_) redis_ = std::make_unique<redis_process>();
      env.emplace("REDIS_URL", redis_->url());
      env.emplace("REDIS_TIMEOUT_MS", "2000");
      if (GetParam() == levels::redis) env.emplace("CACHE_MEMORY", "off");
    }
    server_ = std::make_unique<server_process>(env);
    client_ = std::make_unique<api_client>(server_->port());
  }
  api_client& api() { return *client_; }

  /// GETs twice; the second must be a HIT.
  void prime(const std::string& target) {
    ASSERT_EQ(api().get(target).status, 200) << target;
    ASSERT_EQ(api().get(target).header("x-cache-status"), "HIT") << target;
  }

  /// The next GET of the target: a HIT whose body is what the database says (no-store).
  nlohmann::json expect_written_through(const std::string& target) {
    const auto cached = api().get(target);
    const auto direct = api().get(target, {{"Cache-Control", "no-store"}});
    EXPECT_EQ(cached.status, 200) << target;
    EXPECT_EQ(cached.header("x-cache-status"), "HIT") << target << " was not written through";
    EXPECT_EQ(cached.body, direct.body) << target << " holds other data than the database";
    return cached.status == 200 ? cached.json() : nlohmann::json();
  }

  /// The next GET of the target: computed again (MISS), with what the database says.
  nlohmann::json expect_invalidated(const std::string& target) {
    const auto cached = api().get(target);
    const auto direct = api().get(target, {{"Cache-Control", "no-store"}});
    EXPECT_EQ(cached.header("x-cache-status"), "MISS") << target;
    EXPECT_EQ(cached.body, direct.body) << target;
    return cached.status == 200 ? cached.json() : nlohmann::json();
  }

  std::int64_t new_restaurant() {
    return create_restaurant(api(), restaurant_body(unique_name("Through Place")))["id"].get<std::int64_t>();
  }
  std::int64_t new_item(std::int64_t restaurant) {
    return create_menu_item(api(), restaurant, menu_item_body(unique_name("Through Dish")))["id"].get<std::int64_t>();
  }
  std::int64_t new_customer() {
    return create_customer(api(), customer_body(unique_name("Through Customer")))["id"].get<std::int64_t>();
  }
  std::int64_t new_order(std::int64_t customer, std::int64_t restaurant, std::int64_t item) {
    return place_order(api(), customer, restaurant, item)["id"].get<std::int64_t>();
  }
  void set_status(std::int64_t order, const std::string& status) {
    const auto reply = api().put_json("/orders/" + str(order) + "/status", {{"order_status", status}});
    ASSERT_EQ(reply.status, 200) << status << ": " << reply.body;
  }

  std::unique_ptr<redis_process> redis_;
  std::unique_ptr<server_process> server_;

 private:
  std::unique_ptr<api_client> client_;
};

TEST_P(write_through_api, a_restaurant_update_leaves_the_restaurant_cached_with_its_new_fields) {
  const auto restaurant = new_restaurant();
  const auto target = "/restaurants/" + str(restaurant);
  prime(target);
  const auto reply = api().put_json(target, {{"name", "Renamed Through Place"}, {"cuisine_type", "Thai"}});
  ASSERT_EQ(reply.status, 200) << reply.body;
  const auto cached = expect_written_through(target);
  EXPECT_EQ(cached["name"], "Renamed Through Place");
  EXPECT_EQ(cached["cuisine_type"], "Thai");
}

TEST_P(write_through_api, a_review_leaves_the_restaurant_cached_with_its_new_rating) {
  const auto restaurant = new_restaurant();
  const auto item = new_item(restaurant);
  const auto customer = new_customer();
  const auto order = new_order(customer, restaurant, item);
  for (const char* step : {"confirmed", "preparing", "out_for_delivery", "delivered"}) set_status(order, step);
  const auto target = "/restaurants/" + str(restaurant);
  prime(target);
  const auto review = api().post_json("/reviews/orders/" + str(order) + "/review?customer_id=" + str(customer),
                                      {{"rating", 4}, {"comment", "Good"}});
  ASSERT_EQ(review.status, 201) << review.body;
  EXPECT_EQ(expect_written_through(target)["rating"], 4.0);
}

TEST_P(write_through_api, a_menu_item_update_leaves_the_item_cached_with_its_new_fields) {
  const auto item = new_item(new_restaurant());
  const auto target = "/menu-items/" + str(item);
  prime(target);
  const auto reply = api().put_json(target, {{"price", 12.5}, {"is_available", false}});
  ASSERT_EQ(reply.status, 200) << reply.body;
  const auto cached = expect_written_through(target);
  EXPECT_EQ(cached["price"], 12.5);
  EXPECT_EQ(cached["is_available"], false);
}

TEST_P(write_through_api, a_customer_update_leaves_the_customer_cached_with_the_new_fields) {
  const auto customer = new_customer();
  const auto target = "/customers/" + str(customer);
  prime(target);
  const auto reply = api().put_json(target, {{"name", "Renamed Through Customer"}});
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(expect_written_through(target)["name"], "Renamed Through Customer");
}

TEST_P(write_through_api, a_status_change_leaves_the_order_cached_with_its_new_status) {
  const auto restaurant = new_restaurant();
  const auto order = new_order(new_customer(), restaurant, new_item(restaurant));
  const auto target = "/orders/" + str(order);
  prime(target);
  for (const char* step : {"confirmed", "preparing", "out_for_delivery", "delivered"}) {
    set_status(order, step);
    EXPECT_EQ(expect_written_through(target)["order_status"], step);
  }
}

TEST_P(write_through_api, the_entry_is_written_even_when_no_read_came_before) {
  const auto customer = new_customer();
  ASSERT_EQ(api().put_json("/customers/" + str(customer), {{"address", "1 New Road, Springfield"}}).status, 200);
  EXPECT_EQ(expect_written_through("/customers/" + str(customer))["address"], "1 New Road, Springfield");
}

TEST_P(write_through_api, writes_of_other_entities_leave_the_entry_a_hit) {
  const auto restaurant = new_restaurant();
  const auto other_restaurant = new_restaurant();
  const auto item = new_item(restaurant);
  const auto other_item = new_item(other_restaurant);
  const auto customer = new_customer();
  const auto other_customer = new_customer();
  ASSERT_EQ(api().put_json("/restaurants/" + str(restaurant), {{"description", "Kept"}}).status, 200);
  ASSERT_EQ(api().put_json("/menu-items/" + str(item), {{"price", 7.25}}).status, 200);
  ASSERT_EQ(api().put_json("/customers/" + str(customer), {{"name", "Kept Customer"}}).status, 200);

  ASSERT_EQ(api().put_json("/restaurants/" + str(other_restaurant), {{"description", "Other"}}).status, 200);
  ASSERT_EQ(api().put_json("/menu-items/" + str(other_item), {{"price", 3.5}}).status, 200);
  ASSERT_EQ(api().put_json("/customers/" + str(other_customer), {{"name", "Other Customer"}}).status, 200);
  new_restaurant();
  new_item(other_restaurant);
  new_customer();

  EXPECT_EQ(expect_written_through("/restaurants/" + str(restaurant))["description"], "Kept");
  EXPECT_EQ(expect_written_through("/menu-items/" + str(item))["price"], 7.25);
  EXPECT_EQ(expect_written_through("/customers/" + str(customer))["name"], "Kept Customer");
}

// Writers of one restaurant race each other and readers that may store what the database held
// before a write: once all are answered, the entry is the last committed row.
TEST_P(write_through_api, racing_writes_of_one_entity_leave_the_last_committed_row_cached) {
  const auto restaurant = new_restaurant();
  const auto target = "/restaurants/" + str(restaurant);
  constexpr int writers = 4;
  constexpr int readers = 2;
  constexpr int rounds = 40;
  std::atomic<int> failures{0};
  std::latch start(writers + readers);
  std::vector<std::thread> threads;
  for (int w = 0; w < writers; ++w) {
    threads.emplace_back([&, w] {
      http_client http(server_->port());
      start.arrive_and_wait();
      for (int i = 0; i < rounds; ++i) {
        const auto body = nlohmann::json{{"description", "Writer " + str(w) + " round " + str(i)}};
        if (http.put(target, body.dump()).status != 200) ++failures;
      }
    });
  }
  std::atomic<bool> writing{true};
  for (int r = 0; r < readers; ++r) {
    threads.emplace_back([&] {
      http_client http(server_->port());
      start.arrive_and_wait();
      while (writing) {
        if (http.get(target).status != 200) ++failures;
      }
    });
  }
  for (int w = 0; w < writers; ++w) threads[static_cast<std::size_t>(w)].join();
  writing = false;
  for (auto& reader : threads) {
    if (reader.joinable()) reader.join();
  }
  EXPECT_EQ(failures, 0);
  expect_written_through(target);
}

TEST_P(write_through_api, lists_and_nested_views_stay_invalidated) {
  const auto restaurant = new_restaurant();
  const auto item = new_item(restaurant);
  const auto customer = new_customer();
  const auto order = new_order(customer, restaurant, item);
  const std::vector<std::string> views{"/restaurants/",
                                       "/restaurants/active",
                                       "/restaurants/search?cuisine=italian",
                                       "/restaurants/" + str(restaurant) + "/with-menu",
                                       "/menu-items/" + str(item) + "/with-restaurant",
                                       "/orders/" + str(order)};
  for (const auto& view : views) prime(view);
  ASSERT_EQ(api().put_json("/restaurants/" + str(restaurant), {{"name", "Listed Through Place"}}).status, 200);
  EXPECT_EQ(expect_invalidated("/restaurants/")["restaurants"][0]["name"], "Listed Through Place");
  EXPECT_EQ(expect_invalidated("/restaurants/active")["restaurants"][0]["name"], "Listed Through Place");
  EXPECT_EQ(expect_invalidated("/restaurants/search?cuisine=italian")["restaurants"][0]["name"],
            "Listed Through Place");
  EXPECT_EQ(expect_invalidated("/restaurants/" + str(restaurant) + "/with-menu")["name"], "Listed Through Place");
  EXPECT_EQ(expect_invalidated("/menu-items/" + str(item) + "/with-restaurant")["restaurant"]["name"],
            "Listed Through Place");
  EXPECT_EQ(expect_invalidated("/orders/" + str(order))["restaurant"]["name"], "Listed Through Place");

  prime("/orders/customers/" + str(customer) + "/orders");
  set_status(order, "confirmed");
  EXPECT_EQ(expect_invalidated("/orders/customers/" + str(customer) + "/orders")["orders"][0]["order_status"],
            "confirmed");
}

TEST_P(write_through_api, creations_and_deletions_write_nothing_through) {
  const auto restaurant = new_restaurant();
  expect_invalidated("/restaurants/" + str(restaurant));
  const auto item = new_item(restaurant);
  prime("/menu-items/" + str(item));
  ASSERT_EQ(api().del("/menu-items/" + str(item)).status / 100, 2);
  const auto gone = api().get("/menu-items/" + str(item));
  EXPECT_EQ(gone.status, 404);
  EXPECT_EQ(gone.header("x-cache-status"), "MISS");
}

TEST_P(write_through_api, turned_off_a_write_only_invalidates) {
  start({{"CACHE_WRITE_THROUGH", "off"}});
  const auto restaurant = new_restaurant();
  const auto target = "/restaurants/" + str(restaurant);
  prime(target);
  ASSERT_EQ(api().put_json(target, {{"name", "Unwritten Through Place"}}).status, 200);
  EXPECT_EQ(expect_invalidated(target)["name"], "Unwritten Through Place");
}

INSTANTIATE_TEST_SUITE_P(levels, write_through_api, ::testing::Values(levels::memory, levels::redis, levels::both),
                         [](const ::testing::TestParamInfo<levels>& param) { return name_of(param.param); });

/// With Redis hung, storing the fresh entry there fails after REDIS_TIMEOUT_MS: the write is
/// acknowledged all the same, and reads answer from the database.
TEST(write_through_redis_failure, a_write_whose_entry_cannot_be_stored_is_acknowledged) {
  redis_process redis;
  server_process server(environment{{"REDIS_URL", redis.url()}, {"REDIS_TIMEOUT_MS", "200"}});
  api_client api(server.port());
  const auto restaurant = create_restaurant(api, restaurant_body(unique_name("Hung Place")))["id"].get<std::int64_t>();
  const auto target = "/restaurants/" + str(restaurant);
  redis.pause();
  const auto started = std::chrono::steady_clock::now();
  const auto reply = api.put_json(target, {{"name", "Hung Renamed Place"}});
  const auto took = std::chrono::steady_clock::now() - started;
  redis.resume();
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_LT(took, std::chrono::seconds(3));
  const auto read = api.get(target);
  EXPECT_EQ(read.status, 200);
  EXPECT_EQ(read.json()["name"], "Hung Renamed Place");
}

}  // namespace
}  // namespace zomato::testing
