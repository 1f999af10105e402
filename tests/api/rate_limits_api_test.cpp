// Rate limits (issue 19, item 6) against the real binary: with RATE_LIMIT_WRITES and
// RATE_LIMIT_READS, a write past its client's burst, or a read the cache does not answer past
// its burst, gets 429 with Retry-After and changes nothing; cache hits are never refused; each
// client address has its own buckets, one for writes and one for reads. The rates are so low
// (one token in 1,000 s) that nothing refills during a test, so no test depends on time.
#include <gtest/gtest.h>

#include <cstdint>
#include <cstdlib>
#include <map>
#include <string>

#include "support/api_fixtures.hpp"
#include "support/tokens.hpp"

namespace zomato::testing {
namespace {

using environment = std::map<std::string, std::string>;

const header_list no_store{{"Cache-Control", "no-store"}};

// A 429 {"detail":"Too Many Requests"} with a Retry-After of whole seconds, at least 1.
::testing::AssertionResult is_too_many(const http_reply& reply) {
  auto verdict = is_detail(reply, 429, "Too Many Requests");
  if (!verdict) return verdict;
  const auto retry_after = reply.header("retry-after");
  char* end = nullptr;
  const auto seconds = std::strtoll(retry_after.c_str(), &end, 10);
  if (retry_after.empty() || *end != '\0' || seconds < 1) {
    return ::testing::AssertionFailure() << "Retry-After is not whole seconds >= 1: '" << retry_after << "'";
  }
  return ::testing::AssertionSuccess();
}

std::string path_of(const json& restaurant) {
  return "/restaurants/" + std::to_string(restaurant.at("id").get<std::int64_t>());
}

// The sample of one series in /metrics' text; -1 when it is not there.
double sample_of(const std::string& text, const std::string& series) {
  const auto at = text.find("\n" + series + " ");
  if (at == std::string::npos) return -1;
  return std::strtod(text.c_str() + at + series.size() + 2, nullptr);
}

TEST(RateLimitsApi, AreOffByDefault) {
  server_process server;
  api_client client(server.port());
  for (int i = 0; i < 30; ++i) {
    EXPECT_EQ(client.post_json("/restaurants/", restaurant_body(unique_name("Unlimited"))).status, 201);
    EXPECT_EQ(client.get("/restaurants/", no_store).status, 200);
  }
}

TEST(RateLimitsApi, AWritePastTheBurstIsRefusedWithRetryAfterAndChangesNothing) {
  server_process server(environment{{"RATE_LIMIT_WRITES", "0.001/2"}});
  api_client client(server.port());
  const auto restaurant = create_restaurant(client, restaurant_body(unique_name("Limited")));
  const auto target = path_of(restaurant);
  ASSERT_EQ(client.put_json(target, {{"description", "First words"}}).status, 200);
  const auto restaurants = total_of(client, "/restaurants/");

  EXPECT_TRUE(is_too_many(client.post_json("/restaurants/", restaurant_body(unique_name("Refused")))));
  EXPECT_TRUE(is_too_many(client.put_json(target, {{"description", "Second words"}})));
  EXPECT_TRUE(is_too_many(client.del(target)));
  EXPECT_TRUE(is_too_many(client.post_json(target + "/menu-items/", menu_item_body("Refused Dish"))));

  EXPECT_EQ(total_of(client, "/restaurants/"), restaurants);
  const auto kept = client.get(target, no_store);
  ASSERT_EQ(kept.status, 200);
  EXPECT_EQ(kept.json()["description"], "First words");
  EXPECT_EQ(total_of(client, target + "/menu"), 0) << "the refused menu item was not created";
  // A write that reaches no route is not counted, and is answered as before.
  EXPECT_TRUE(is_detail(client.post_json("/nowhere", json::object()), 404, "Not Found"));
}

TEST(RateLimitsApi, EachClientAddressHasItsOwnBucket) {
  server_process server(environment{{"RATE_LIMIT_WRITES", "0.001/1"}});
  api_client first(server.port());
  api_client second(server.port(), "127.0.0.2");
  EXPECT_EQ(first.post_json("/restaurants/", restaurant_body(unique_name("First"))).status, 201);
  EXPECT_TRUE(is_too_many(first.post_json("/restaurants/", restaurant_body(unique_name("First")))));
  EXPECT_EQ(second.post_json("/restaurants/", restaurant_body(unique_name("Second"))).status, 201);
  EXPECT_TRUE(is_too_many(second.post_json("/restaurants/", restaurant_body(unique_name("Second")))));
}

TEST(RateLimitsApi, WithTokensEachCustomerHasOneBucketOnEveryAddress) {
  server_process server(
      environment{{"AUTH_MODE", "jwt"}, {"JWT_SECRET", test_jwt_secret}, {"RATE_LIMIT_READS", "0.001/1"}});
  api_client first(server.port());
  api_client second(server.port(), "127.0.0.2");
  const auto read_own_record = [](api_client& client, std::int64_t customer) {
    auto headers = bearer(customer_token(customer));
    headers.emplace_back("Cache-Control", "no-store");
    return client.get("/customers/" + std::to_string(customer), headers);
  };
  EXPECT_EQ(read_own_record(first, 5).status, 404) << "no such customer yet, but a read computed";
  EXPECT_TRUE(is_too_many(read_own_record(second, 5))) << "customer 5's bucket follows it to another address";
  EXPECT_EQ(read_own_record(first, 6).status, 404) << "customer 6, on the same address, has a bucket of its own";
  EXPECT_EQ(first.get("/restaurants/", no_store).status, 200) << "without a token: the address's bucket";
}

TEST(RateLimitsApi, CacheHitsAreNeverRefused) {
  server_process server(environment{{"RATE_LIMIT_READS", "0.001/1"}});
  api_client client(server.port());
  const auto target = path_of(create_restaurant(client, restaurant_body(unique_name("Popular"))));
  const auto computed = client.get(target);
  ASSERT_EQ(computed.status, 200);
  EXPECT_EQ(computed.header("x-cache-status"), "MISS");
  for (int i = 0; i < 50; ++i) {
    const auto hit = client.get(target);
    ASSERT_EQ(hit.status, 200) << hit.body;
    EXPECT_EQ(hit.header("x-cache-status"), "HIT");
  }
  // What the cache does not answer is counted: a bypass, another key, an uncached route.
  EXPECT_TRUE(is_too_many(client.get(target, no_store)));
  EXPECT_TRUE(is_too_many(client.get(target, {{"Cache-Control", "no-cache"}})));
  EXPECT_TRUE(is_too_many(client.get("/restaurants/?limit=7")));
  EXPECT_TRUE(is_too_many(client.get("/health")));
  EXPECT_EQ(client.get(target).status, 200) << "still a hit";
}

TEST(RateLimitsApi, ReadsAndWritesAreLimitedApartAndCountedInMetrics) {
  server_process server(environment{{"RATE_LIMIT_READS", "0.001/1"}, {"RATE_LIMIT_WRITES", "0.001/1"}});
  api_client client(server.port());
  EXPECT_EQ(client.get("/restaurants/", no_store).status, 200);
  EXPECT_TRUE(is_too_many(client.get("/restaurants/", no_store)));
  EXPECT_EQ(client.post_json("/restaurants/", restaurant_body(unique_name("Writes Apart"))).status, 201)
      << "the reads' bucket is empty, the writes' is not";
  EXPECT_TRUE(is_too_many(client.post_json("/restaurants/", restaurant_body(unique_name("Writes Apart")))));
  EXPECT_TRUE(is_too_many(client.put_json("/restaurants/1", {{"description", "Refused"}})));

  api_client scraper(server.port(), "127.0.0.3");
  const auto metrics = scraper.get("/metrics");
  ASSERT_EQ(metrics.status, 200);
  EXPECT_EQ(sample_of(metrics.body, R"(zomato_rate_limited_total{bucket="reads"})"), 1) << metrics.body;
  EXPECT_EQ(sample_of(metrics.body, R"(zomato_rate_limited_total{bucket="writes"})"), 2);
  EXPECT_EQ(sample_of(metrics.body, "zomato_rate_limit_fallbacks_total"), 0);
}

}  // namespace
}  // namespace zomato::testing
