// The shared bucket's script (limits/rate_limiter.cpp) on a real redis-server: it takes a burst and
// then tells the wait, refills by Redis' clock, never from a time before its own, and leaves a key
// that expires once the bucket would be full again. A bucket's past is written into its hash
// rather than waited for, so no test depends on time passing.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "limits/rate_limiter.hpp"
#include "support/redis_process.hpp"
#include "support/temp_database.hpp"

namespace zomato::limits {
namespace {

using testing::redis_process;

constexpr auto principal = "ip:10.0.0.1";
const std::string key = "zomato-rate:writes:ip:10.0.0.1";

// A limiter of writes at one a second with bursts of two.
rate_limiter one_a_second() {
  rate_limits limits;
  limits.writes = bucket_rate{1, 2};
  return rate_limiter(limits);
}

// The wait a script's reply (":<microseconds>") names.
std::int64_t wait_of(const std::string& reply) {
  EXPECT_EQ(reply.front(), ':') << reply;
  return std::stoll(reply.substr(1));
}

TEST(SharedBucket, TakesTheBurstThenTellsTheWait) {
  if (testing::on_postgres()) GTEST_SKIP() << testing::uses_no_database;
  redis_process redis;
  const auto limiter = one_a_second();
  const auto take = limiter.shared_take(bucket_kind::writes, principal);
  EXPECT_EQ(redis.ask(take), ":0");
  EXPECT_EQ(redis.ask(take), ":0");
  const auto wait = wait_of(redis.ask(take));
  EXPECT_GT(wait, 0);
  EXPECT_LE(wait, 1'000'000);
  EXPECT_EQ(wait_of(redis.ask(limiter.shared_take(bucket_kind::writes, "ip:10.0.0.2"))), 0) << "another principal";
}

TEST(SharedBucket, RefillsByRedisClockUpToTheBurst) {
  if (testing::on_postgres()) GTEST_SKIP() << testing::uses_no_database;
  redis_process redis;
  const auto limiter = one_a_second();
  const auto take = limiter.shared_take(bucket_kind::writes, principal);
  ASSERT_EQ(redis.ask({"HSET", key, "tokens", "0", "at", "1"}), ":2");  // emptied in 1970
  EXPECT_EQ(redis.ask(take), ":0");
  EXPECT_EQ(redis.ask(take), ":0");
  EXPECT_GT(wait_of(redis.ask(take)), 0) << "full again means two tokens, not fifty years of them";
}

TEST(SharedBucket, ATimeBeforeItsOwnAddsNothing) {
  if (testing::on_postgres()) GTEST_SKIP() << testing::uses_no_database;
  redis_process redis;
  const auto limiter = one_a_second();
  const auto take = limiter.shared_take(bucket_kind::writes, principal);
  ASSERT_EQ(redis.ask({"HSET", key, "tokens", "0", "at", "99999999999999999"}), ":2");  // emptied in 5138
  EXPECT_GT(wait_of(redis.ask(take)), 0);
}

TEST(SharedBucket, ItsKeyExpiresOnceTheBucketWouldBeFull) {
  if (testing::on_postgres()) GTEST_SKIP() << testing::uses_no_database;
  redis_process redis;
  const auto limiter = one_a_second();
  EXPECT_EQ(redis.ask(limiter.shared_take(bucket_kind::writes, principal)), ":0");
  const auto ttl = wait_of(redis.ask({"PTTL", key}));
  EXPECT_GT(ttl, 0);
  EXPECT_LE(ttl, refill_ms(bucket_rate{1, 2}) + 1000);
}

}  // namespace
}  // namespace zomato::limits
