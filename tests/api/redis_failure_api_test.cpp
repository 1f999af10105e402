#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "support/http_client.hpp"
#include "support/redis_process.hpp"
#include "support/server_process.hpp"

namespace zomato::testing {
namespace {

using json = nlohmann::json;
using namespace std::chrono_literals;

using environment = std::map<std::string, std::string>;

std::string str(std::int64_t id) { return std::to_string(id); }

/// A client that counts 5xx and unanswered requests and checks reads against the database.
class watched_client {
 public:
  explicit watched_client(std::uint16_t port) : http_(port) {}

  http_reply get(const std::string& target, std::vector<std::pair<std::string, std::string>> headers = {}) {
    return watch("GET " + target, http_.get(target, std::move(headers)));
  }
  http_reply post(const std::string& target, const json& body) {
    return watch("POST " + target, http_.post(target, body.dump()));
  }
  http_reply put(const std::string& target, const json& body) {
    return watch("PUT " + target, http_.put(target, body.dump()));
  }
  http_reply del(const std::string& target) { return watch("DELETE " + target, http_.del(target)); }

  /// The normal answer equals the database's (no-store) answer.
  void expect_current(const std::string& target) {
    const auto normal = get(target);
    const auto direct = get(target, {{"Cache-Control", "no-store"}});
    ++compared_;
    EXPECT_EQ(normal.status, direct.status) << target;
    EXPECT_EQ(normal.body, direct.body) << target << " (" << normal.header("x-cache-status") << ")";
  }

  std::string health() {
    const auto reply = get("/cache/health");
    if (reply.status != 200) return "status " + std::to_string(reply.status);
    return reply.json()["health_check"]["status"].get<std::string>();
  }

  std::size_t compared() const { return compared_; }

 private:
  http_reply watch(const std::string& what, http_reply reply) {
    if (reply.status == 0 || reply.status >= 500) {
      ADD_FAILURE() << what << " answered " << reply.status << ": " << reply.body.substr(0, 300);
    }
    return reply;
  }
  http_client http_;
  std::size_t compared_ = 0;
};

struct catalog {
  std::int64_t restaurant = 0;
  std::int64_t item = 0;
  std::int64_t customer = 0;
  std::int64_t order = 0;
};

catalog build_catalog(watched_client& api, const std::string& tag) {
  catalog c;
  auto reply = api.post("/restaurants/", {{"name", "Failure Place " + tag},
                                          {"cuisine_type", "Italian"},
                                          {"address", "12 Market Street, Town"},
                                          {"phone_number", "+1-555-0123"}});
  EXPECT_EQ(reply.status, 201) << reply.body;
  c.restaurant = reply.json()["id"].get<std::int64_t>();
  reply = api.post(
      "/restaurants/" + str(c.restaurant) + "/menu-items/",
      {{"name", "Failure Dish " + tag}, {"price", 11.5}, {"category", "Main Course"}, {"is_vegetarian", true}});
  EXPECT_EQ(reply.status, 201) << reply.body;
  c.item = reply.json()["id"].get<std::int64_t>();
  reply = api.post("/customers/", {{"name", "Failure Customer " + tag},
                                   {"email", "failure." + tag + "@example.com"},
                                   {"phone_number", "+1-555-0456"},
                                   {"address", "456 Oak Avenue, Springfield"}});
  EXPECT_EQ(reply.status, 201) << reply.body;
  c.customer = reply.json()["id"].get<std::int64_t>();
  reply = api.post("/orders/customers/" + str(c.customer) + "/orders/",
                   {{"restaurant_id", c.restaurant},
                    {"delivery_address", "456 Oak Avenue, Springfield"},
                    {"order_items", {{{"menu_item_id", c.item}, {"quantity", 2}}}}});
  EXPECT_EQ(reply.status, 201) << reply.body;
  c.order = reply.json()["id"].get<std::int64_t>();
  return c;
}

std::vector<std::string> reads_of(const catalog& c) {
  return {"/restaurants/",
          "/restaurants/active",
          "/restaurants/" + str(c.restaurant),
          "/restaurants/" + str(c.restaurant) + "/menu",
          "/restaurants/" + str(c.restaurant) + "/with-menu",
          "/restaurants/" + str(c.restaurant) + "/analytics",
          "/restaurants/search?cuisine=italian",
          "/restaurants/analytics/popular-cuisines",
          "/restaurants/analytics/price-ranges",
          "/menu-items/",
          "/menu-items/" + str(c.item),
          "/menu-items/" + str(c.item) + "/with-restaurant",
          "/menu-items/search?vegetarian=true",
          "/menu-items/dietary/vegetarian",
          "/menu-items/category/main%20course",
          "/customers/",
          "/customers/" + str(c.customer),
          "/customers/" + str(c.customer) + "/orders",
          "/customers/" + str(c.customer) + "/analytics",
          "/orders/" + str(c.order),
          "/orders/customers/" + str(c.customer) + "/orders",
          "/orders/restaurants/" + str(c.restaurant) + "/orders",
          "/reviews/restaurants/" + str(c.restaurant) + "/reviews",
          "/reviews/customers/" + str(c.customer) + "/reviews",
          "/reviews/restaurants/" + str(c.restaurant) + "/analytics"};
}

const std::vector<std::string> management_reads{"/cache/stats",
                                                "/cache/stats/detailed",
                                                "/cache/stats/namespaces",
                                                "/cache/metrics/hit-ratio",
                                                "/cache/metrics/memory-usage",
                                                "/cache/memory-usage",
                                                "/cache/info",
                                                "/cache/health",
                                                "/cache/demo/performance-comparison",
                                                "/cache/performance/comprehensive-report",
                                                "/health",
                                                "/"};

/// Polls until the condition holds or the bound passes.
template <class Condition>
bool eventually(Condition condition, std::chrono::milliseconds bound = 15s) {
  const auto deadline = std::chrono::steady_clock::now() + bound;
  while (std::chrono::steady_clock::now() < deadline) {
    if (condition()) return true;
    std::this_thread::sleep_for(100ms);
  }
  return condition();
}

/// A few writes of every kind, each followed by reads that must show it.
void write_and_check(watched_client& api, const catalog& c, int round) {
  EXPECT_EQ(api.put("/restaurants/" + str(c.restaurant), {{"description", "Round " + str(round)}}).status, 200);
  api.expect_current("/restaurants/" + str(c.restaurant));
  api.expect_current("/restaurants/" + str(c.restaurant) + "/with-menu");
  EXPECT_EQ(api.put("/menu-items/" + str(c.item), {{"price", 10 + round % 7}}).status, 200);
  api.expect_current("/menu-items/" + str(c.item));
  api.expect_current("/restaurants/" + str(c.restaurant) + "/menu");
  const auto order = api.post("/orders/customers/" + str(c.customer) + "/orders/",
                              {{"restaurant_id", c.restaurant},
                               {"delivery_address", "456 Oak Avenue, Springfield"},
                               {"order_items", {{{"menu_item_id", c.item}, {"quantity", 1}}}}});
  EXPECT_EQ(order.status, 201) << order.body;
  api.expect_current("/orders/customers/" + str(c.customer) + "/orders");
  if (order.status == 201) {
    const auto id = order.json()["id"].get<std::int64_t>();
    EXPECT_EQ(api.put("/orders/" + str(id) + "/status", {{"order_status", "confirmed"}}).status, 200);
    api.expect_current("/orders/" + str(id));
  }
}

TEST(redis_failure_api, redis_absent_at_start_every_route_answers_from_the_database) {
  const auto port = free_loopback_port();  // nothing listens here
  for (const char* memory : {"off", "on"}) {
    SCOPED_TRACE(std::string("CACHE_MEMORY=") + memory);
    server_process server(
        environment{{"REDIS_URL", "redis://127.0.0.1:" + str(port) + "/0"}, {"CACHE_MEMORY", memory}});
    watched_client api(server.port());
    const auto c = build_catalog(api, std::string("absent-") + memory);
    for (const auto& target : reads_of(c)) {
      const auto first = api.get(target);
      EXPECT_EQ(first.status, 200) << target << ": " << first.body;
      api.expect_current(target);
      if (std::string(memory) == "off") {
        EXPECT_EQ(api.get(target).header("x-cache-status"), "MISS") << target << ": nothing can be cached";
      }
    }
    for (int round = 0; round < 3; ++round) write_and_check(api, c, round);
    for (const auto& target : management_reads) EXPECT_EQ(api.get(target).status, 200) << target;
    EXPECT_EQ(api.get("/cache/demo/cache-test/" + str(c.restaurant)).status, 200);
    for (const char* target : {"/cache/warm", "/cache/warm/popular", "/cache/warm/restaurants"}) {
      EXPECT_EQ(api.post(target, json::object()).status, 200) << target;
    }
    EXPECT_EQ(api.del("/cache/clear/expired").status, 200);
    EXPECT_EQ(api.del("/cache/clear/restaurants").status, 200);
    EXPECT_EQ(api.del("/cache/clear").status, 200);

    const auto health = api.get("/cache/health").json();
    EXPECT_EQ(health["health_check"]["status"], "unhealthy");
    EXPECT_EQ(health["health_check"]["backend"], "Redis");
    EXPECT_FALSE(health["health_check"]["health_issues"].empty());
    EXPECT_GE(health["health_check"]["redis_failures"].get<std::int64_t>(), 1);
    const auto report = api.get("/cache/performance/comprehensive-report").json();
    EXPECT_EQ(report["comprehensive_report"]["cache_availability"], false);
  }
}

TEST(redis_failure_api, redis_appearing_later_is_used_without_a_restart) {
  const auto port = free_loopback_port();
  server_process server(environment{{"REDIS_URL", "redis://127.0.0.1:" + str(port) + "/0"}, {"CACHE_MEMORY", "off"}});
  watched_client api(server.port());
  build_catalog(api, "late");
  EXPECT_EQ(api.get("/restaurants/").header("x-cache-status"), "MISS");
  EXPECT_EQ(api.health(), "unhealthy");
  redis_process redis(port);
  EXPECT_TRUE(eventually([&] {
    api.get("/restaurants/");
    return api.get("/restaurants/").header("x-cache-status") == "HIT";
  })) << "the cache must start working once Redis answers";
  EXPECT_NE(api.health(), "unhealthy");
  api.expect_current("/restaurants/");
}

class redis_failure_during_load : public ::testing::TestWithParam<const char*> {};

TEST_P(redis_failure_during_load, killed_then_restarted_redis_never_fails_a_request) {
  redis_process redis;
  server_process server(
      environment{{"REDIS_URL", redis.url()}, {"CACHE_MEMORY", GetParam()}, {"REDIS_TIMEOUT_MS", "100"}});
  watched_client api(server.port());
  const auto c = build_catalog(api, std::string("kill-") + GetParam());
  ASSERT_EQ(api.post("/cache/warm", json::object()).status, 200);
  EXPECT_EQ(api.get("/restaurants/").header("x-cache-status"), "HIT");
  EXPECT_EQ(api.get("/restaurants/" + str(c.restaurant)).header("x-cache-status"), "HIT");
  EXPECT_NE(redis.ask({"DBSIZE"}), ":0") << "warming stored entries in Redis";
  EXPECT_NE(api.health(), "unhealthy");

  const auto reads = reads_of(c);
  for (int round = 0; round < 30; ++round) {
    if (round == 10) redis.kill();
    write_and_check(api, c, round);
    for (std::size_t i = 0; i < reads.size(); i += 3)
      api.expect_current(reads[(i + static_cast<std::size_t>(round)) % reads.size()]);
  }
  EXPECT_EQ(api.health(), "unhealthy");
  for (const auto& target : management_reads) EXPECT_EQ(api.get(target).status, 200) << target;
  EXPECT_EQ(api.post("/cache/warm/popular", json::object()).status, 200);
  EXPECT_EQ(api.del("/cache/clear/expired").status, 200);

  redis.start();  // same port, empty
  EXPECT_TRUE(eventually([&] {
    api.get("/restaurants/" + str(c.restaurant));
    return api.get("/restaurants/" + str(c.restaurant)).header("x-cache-status") == "HIT";
  })) << "the cache must come back by itself";
  EXPECT_TRUE(eventually([&] { return api.health() != "unhealthy"; }));
  // A refreshed entry goes to the restarted Redis again (with the in-process level on, the
  // HIT above may have come from memory).
  EXPECT_TRUE(eventually([&] {
    api.get("/restaurants/" + str(c.restaurant) + "/with-menu", {{"Cache-Control", "no-cache"}});
    return redis.ask({"DBSIZE"}) != ":0";
  })) << "entries must be stored in the restarted Redis";
  for (int round = 30; round < 35; ++round) write_and_check(api, c, round);
  for (const auto& target : reads) api.expect_current(target);
  EXPECT_GT(api.compared(), 300u);
}

TEST_P(redis_failure_during_load, a_hung_redis_never_fails_a_request) {
  redis_process redis;
  server_process server(
      environment{{"REDIS_URL", redis.url()}, {"CACHE_MEMORY", GetParam()}, {"REDIS_TIMEOUT_MS", "100"}});
  watched_client api(server.port());
  const auto c = build_catalog(api, std::string("hung-") + GetParam());
  ASSERT_EQ(api.post("/cache/warm", json::object()).status, 200);
  redis.pause();
  for (int round = 0; round < 6; ++round) {
    write_and_check(api, c, round);
    for (const auto& target : reads_of(c)) api.expect_current(target);
  }
  EXPECT_EQ(api.health(), "unhealthy");
  redis.resume();
  EXPECT_TRUE(eventually([&] {
    api.get("/restaurants/active");
    return api.get("/restaurants/active").header("x-cache-status") == "HIT";
  }));
  EXPECT_TRUE(eventually([&] { return api.health() != "unhealthy"; }));
  for (const auto& target : reads_of(c)) api.expect_current(target);
}

INSTANTIATE_TEST_SUITE_P(memory, redis_failure_during_load, ::testing::Values("off", "on"),
                         [](const ::testing::TestParamInfo<const char*>& param_info) {
                           return std::string("cache_memory_") + param_info.param;
                         });

}  // namespace
}  // namespace zomato::testing
