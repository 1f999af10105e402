// The usage book's two stores: the database's cache_usage table (through services) and a Redis
// sorted set. Both fade old scores by the given factor, add new uses and keep the highest.
#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "cache/redis_backend.hpp"
#include "services/usage_service.hpp"
#include "support/open_store.hpp"
#include "support/redis_process.hpp"
#include "support/redis_settings.hpp"
#include "support/temp_database.hpp"

namespace zomato {
namespace {

using pairs = std::vector<std::pair<std::string, double>>;

pairs of(const std::vector<store::target_use>& uses) {
  pairs out;
  for (const auto& use : uses) out.emplace_back(use.target, use.score);
  return out;
}

using std::chrono::hours;
using std::chrono::minutes;
const auto t0 = std::chrono::system_clock::time_point(std::chrono::hours(24 * 20000));

TEST(UsageInTheDatabase, AddsUsesFadesOldOnesAndKeepsTheHighest) {
  testing::temp_database file;
  const auto db = testing::open_store(file);
  services::usage_service usage{*db};
  EXPECT_TRUE(usage.top(10).empty());
  usage.record({{"/a", 3}, {"/b", 5}, {"/c", 1}}, t0, hours(1), 10);
  EXPECT_EQ(of(usage.top(10)), (pairs{{"/b", 5}, {"/a", 3}, {"/c", 1}}));
  usage.record({{"/a", 4}}, t0 + hours(1), hours(1), 10);
  EXPECT_EQ(of(usage.top(10)), (pairs{{"/a", 5.5}, {"/b", 2.5}, {"/c", 0.5}})) << "one half-life faded them by half";
  EXPECT_EQ(of(usage.top(1)), (pairs{{"/a", 5.5}}));
  usage.record({}, t0 + hours(1), hours(1), 2);
  EXPECT_EQ(of(usage.top(10)), (pairs{{"/a", 5.5}, {"/b", 2.5}})) << "only the two highest are kept";
  usage.record({}, t0, hours(1), 2);
  EXPECT_EQ(of(usage.top(10)), (pairs{{"/a", 5.5}, {"/b", 2.5}})) << "a clock set back fades nothing";
}

// Two server processes on one database record in turn, each every 40 minutes: the scores fade by
// the time between any two records, so an hour of records by both halves them once, not twice.
TEST(UsageInTheDatabase, ProcessesRecordingInTurnFadeTheScoresOnce) {
  testing::temp_database file;
  const auto first_db = testing::open_store(file);
  const auto second_db = testing::open_store(file);
  services::usage_service first{*first_db};
  services::usage_service second{*second_db};
  first.record({{"/a", 8}}, t0, hours(1), 10);
  second.record({}, t0 + minutes(20), hours(1), 10);
  first.record({}, t0 + minutes(40), hours(1), 10);
  second.record({}, t0 + minutes(60), hours(1), 10);
  const auto kept = first.top(10);
  ASSERT_EQ(kept.size(), 1u);
  EXPECT_NEAR(kept[0].score, 4.0, 1e-9) << "8, halved once in the hour";
}

TEST(UsageInRedis, AddsUsesFadesOldOnesAndKeepsTheHighest) {
  if (testing::on_postgres()) GTEST_SKIP() << testing::uses_no_database;
  testing::redis_process server;
  cache::redis_backend redis(testing::redis_settings_for(server.port()));
  const std::string key = "zc:usage";
  EXPECT_TRUE(redis.top_usage(key, 10).empty());
  redis.record_usage(key, {{"/a", 3}, {"/b", 5}, {"/c", 1}}, t0, hours(1), 10);
  EXPECT_EQ(redis.top_usage(key, 10), (pairs{{"/b", 5}, {"/a", 3}, {"/c", 1}}));
  redis.record_usage(key, {{"/a", 4}}, t0 + minutes(60), hours(1), 10);
  EXPECT_EQ(redis.top_usage(key, 10), (pairs{{"/a", 5.5}, {"/b", 2.5}, {"/c", 0.5}}));
  EXPECT_EQ(redis.top_usage(key, 1), (pairs{{"/a", 5.5}}));
  redis.record_usage(key, {}, t0 + minutes(30), hours(1), 2);
  EXPECT_EQ(redis.top_usage(key, 10), (pairs{{"/a", 5.5}, {"/b", 2.5}}))
      << "only the two highest are kept; a clock set back fades nothing";
  EXPECT_EQ(redis.failures(), 0u);
}

TEST(UsageInRedis, ProcessesRecordingInTurnFadeTheScoresOnce) {
  if (testing::on_postgres()) GTEST_SKIP() << testing::uses_no_database;
  testing::redis_process server;
  cache::redis_backend first(testing::redis_settings_for(server.port()));
  cache::redis_backend second(testing::redis_settings_for(server.port()));
  first.record_usage("zc:usage", {{"/a", 8}}, t0, hours(1), 10);
  second.record_usage("zc:usage", {}, t0 + minutes(30), hours(1), 10);
  first.record_usage("zc:usage", {}, t0 + minutes(60), hours(1), 10);
  const auto kept = first.top_usage("zc:usage", 10);
  ASSERT_EQ(kept.size(), 1u);
  EXPECT_NEAR(kept[0].second, 4.0, 1e-6) << "8, halved once in the hour";
}

TEST(UsageInRedis, NothingWhenRedisIsGone) {
  if (testing::on_postgres()) GTEST_SKIP() << testing::uses_no_database;
  auto server = std::make_unique<testing::redis_process>();
  cache::redis_backend redis(testing::redis_settings_for(server->port()));
  server.reset();
  redis.record_usage("zc:usage", {{"/a", 1}}, std::chrono::system_clock::now(), hours(1), 10);
  EXPECT_TRUE(redis.top_usage("zc:usage", 10).empty());
  EXPECT_GT(redis.failures(), 0u);
}

}  // namespace
}  // namespace zomato
