// The cache never serves one caller's answer to another (AUTH_MODE=jwt), where the answer is
// kept in Redis: one node whose only cache level is Redis, and two nodes sharing it. A customer's
// order, cached for them, never reaches another customer or an anonymous client.

#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <thread>

#include "support/api_fixtures.hpp"
#include "support/redis_process.hpp"
#include "support/temp_database.hpp"
#include "support/tokens.hpp"

namespace zomato::testing {
namespace {

std::string str(std::int64_t id) { return std::to_string(id); }

std::map<std::string, std::string> node_environment(const temp_database& database, const redis_process& redis,
                                                    bool memory) {
  return {{"DATABASE_URL", database.url()},
          {"REDIS_URL", redis.url()},
          {"REDIS_TIMEOUT_MS", "200"},
          {"CACHE_FLEET_BOUND_MS", "200"},
          {"CACHE_MEMORY", memory ? "on" : "off"},
          {"AUTH_MODE", "jwt"},
          {"JWT_SECRET", test_jwt_secret}};
}

// Waits (at most 30 s) until the node may use its cache (GET /cache/stats: fleet.state synced).
bool synced(api_client& node) {
  for (int tries = 0; tries < 1500; ++tries) {
    const auto stats = node.get("/cache/stats", bearer(admin_token()));
    const auto body = json::parse(stats.body, nullptr, false);
    if (body.is_object() && body.contains("fleet") && body["fleet"].value("state", "") == "synced") return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return false;
}

std::int64_t created_id(const http_reply& reply) {
  EXPECT_EQ(reply.status, 201) << reply.body;
  return reply.status == 201 ? reply.json().at("id").get<std::int64_t>() : 0;
}

// A restaurant with a menu item, two customers, and an order of the first one; the order's id
// and the two customers' ids.
struct one_order {
  std::int64_t order = 0;
  std::int64_t owner = 0;
  std::int64_t other = 0;
};

one_order place_one_order(api_client& node) {
  one_order made;
  const auto restaurant = created_id(
      node.send("POST", "/restaurants/", restaurant_body(unique_name("Cached Kitchen")).dump(), bearer(admin_token())));
  const auto item = created_id(node.send("POST", "/restaurants/" + str(restaurant) + "/menu-items/",
                                         menu_item_body("Cached Curry").dump(), bearer(restaurant_token(restaurant))));
  made.owner = created_id(node.post_json("/customers/", customer_body("Owner")));
  made.other = created_id(node.post_json("/customers/", customer_body("Other")));
  const json order{{"restaurant_id", restaurant},
                   {"delivery_address", "456 Oak Ave, Springfield"},
                   {"order_items", {{{"menu_item_id", item}, {"quantity", 1}}}}};
  made.order = created_id(node.send("POST", "/orders/customers/" + str(made.owner) + "/orders/", order.dump(),
                                    bearer(customer_token(made.owner))));
  return made;
}

// What every node must answer for the order once its owner's answer is cached: 404 to the other
// customer, 401 without a token, and the owner's answer to the owner.
void expect_private(api_client& node, const one_order& made, const std::string& owners_body, const char* where) {
  const auto target = "/orders/" + str(made.order);
  const auto other = node.get(target, bearer(customer_token(made.other)));
  EXPECT_TRUE(is_detail(other, 404, "Order not found")) << where << ": " << other.header("x-cache-status");
  EXPECT_EQ(node.get(target).status, 401) << where;
  const auto list = "/orders/customers/" + str(made.owner) + "/orders";
  EXPECT_TRUE(is_detail(node.get(list, bearer(customer_token(made.other))), 404, "Customer not found")) << where;
  EXPECT_EQ(node.get(list).status, 401) << where;
  const auto owner = node.get(target, bearer(customer_token(made.owner)));
  EXPECT_EQ(owner.status, 200) << where;
  EXPECT_EQ(owner.body, owners_body) << where;
}

TEST(PrivateCacheApi, RedisAsTheOnlyLevelKeepsEachCustomersOrderToThem) {
  redis_process redis;
  temp_database database;
  server_process server(node_environment(database, redis, false));
  api_client node(server.port());
  ASSERT_TRUE(synced(node));
  const auto made = place_one_order(node);
  const auto target = "/orders/" + str(made.order);
  const auto first = node.get(target, bearer(customer_token(made.owner)));
  ASSERT_EQ(first.status, 200) << first.body;
  for (const auto& read : {target, "/orders/customers/" + str(made.owner) + "/orders"}) {
    node.get(read, bearer(customer_token(made.owner)));
    EXPECT_EQ(node.get(read, bearer(customer_token(made.owner))).header("x-cache-status"), "HIT")
        << read << " is not served from Redis";
  }
  expect_private(node, made, first.body, "the node");
}

TEST(PrivateCacheApi, TwoNodesSharingRedisKeepEachCustomersOrderToThem) {
  redis_process redis;
  temp_database database;
  server_process a_server(node_environment(database, redis, true));
  server_process b_server(node_environment(database, redis, true));
  api_client a(a_server.port());
  api_client b(b_server.port());
  ASSERT_TRUE(synced(a));
  ASSERT_TRUE(synced(b));
  const auto made = place_one_order(a);
  std::this_thread::sleep_for(std::chrono::milliseconds(400));  // past the fleet's bound: B sees A's writes
  const auto target = "/orders/" + str(made.order);
  const auto first = a.get(target, bearer(customer_token(made.owner)));
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_EQ(a.get(target, bearer(customer_token(made.owner))).header("x-cache-status"), "HIT");
  expect_private(b, made, first.body, "node B");
  expect_private(a, made, first.body, "node A");
}

}  // namespace
}  // namespace zomato::testing
