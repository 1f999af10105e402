#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "limits/local_buckets.hpp"

namespace zomato::limits {
namespace {

constexpr std::int64_t second = 1'000'000;  // microseconds

TEST(LocalBuckets, KeepsOneBucketPerPrincipal) {
  local_buckets buckets({1, 2}, 1024);
  EXPECT_EQ(buckets.take("ip:10.0.0.1", 0), 0);
  EXPECT_EQ(buckets.take("ip:10.0.0.1", 0), 0);
  EXPECT_GT(buckets.take("ip:10.0.0.1", 0), 0);
  EXPECT_EQ(buckets.take("ip:10.0.0.2", 0), 0);
  EXPECT_EQ(buckets.size(), 2u);
}

TEST(LocalBuckets, AFloodOfPrincipalsStaysWithinTheCapacity) {
  constexpr std::size_t capacity = 256;
  local_buckets buckets({0.001, 1}, capacity);  // nothing refills during the flood
  for (int i = 0; i < 100'000; ++i) (void)buckets.take("ip:" + std::to_string(i), i);
  EXPECT_LE(buckets.size(), capacity);
}

TEST(LocalBuckets, AnIdleBucketForgottenComesBackFull) {
  constexpr std::size_t capacity = 16;  // one bucket per shard: every new principal makes room
  local_buckets buckets({1, 2}, capacity);
  EXPECT_EQ(buckets.take("back-later", 0), 0);
  EXPECT_EQ(buckets.take("back-later", 0), 0);
  for (int i = 0; i < 1000; ++i) (void)buckets.take("other-" + std::to_string(i), 2 * second);
  EXPECT_EQ(buckets.take("back-later", 2 * second), 0);
  EXPECT_EQ(buckets.take("back-later", 2 * second), 0);
  EXPECT_GT(buckets.take("back-later", 2 * second), 0);
  EXPECT_LE(buckets.size(), capacity);
}

TEST(LocalBuckets, ThreadsTakingFromOneBucketGetItsBurstExactly) {
  constexpr int burst = 1000;
  local_buckets buckets({0.001, burst}, 1024);
  std::atomic<int> granted{0};
  std::vector<std::thread> takers;
  for (int t = 0; t < 4; ++t) {
    takers.emplace_back([&] {
      for (int i = 0; i < burst; ++i) {
        if (buckets.take("ip:10.0.0.1", 0) == 0) granted.fetch_add(1);
      }
    });
  }
  for (auto& taker : takers) taker.join();
  EXPECT_EQ(granted.load(), burst);
}

}  // namespace
}  // namespace zomato::limits
