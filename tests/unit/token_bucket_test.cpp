#include <gtest/gtest.h>

#include "limits/token_bucket.hpp"

namespace zomato::limits {
namespace {

constexpr std::int64_t second = 1'000'000;  // microseconds

TEST(ParseRate, ReadsARateAndAnOptionalBurst) {
  const auto plain = parse_rate("5");
  ASSERT_TRUE(plain);
  EXPECT_EQ(plain->per_second, 5);
  EXPECT_EQ(plain->burst, 5);
  const auto slow = parse_rate("0.5/3");
  ASSERT_TRUE(slow);
  EXPECT_EQ(slow->per_second, 0.5);
  EXPECT_EQ(slow->burst, 3);
  EXPECT_EQ(parse_rate("0.25")->burst, 1);  // the rate rounded up, at least 1
  EXPECT_EQ(parse_rate("2.5")->burst, 3);
}

TEST(ParseRate, RefusesAnythingElse) {
  for (const auto* text : {"", "0", "-1", "0.0001", "1000001", "nan", "inf", "5/", "/5", "5/0", "5/1.5", "5/2000000",
                           "5 ", "5/3/2", "five"}) {
    EXPECT_FALSE(parse_rate(text)) << text;
  }
}

TEST(TokenBucket, AllowsTheBurstAtOnceThenRefuses) {
  const bucket_rate rate{1, 3};
  auto bucket = full_bucket(rate, 0);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(take(bucket, rate, 0), 0);
  EXPECT_EQ(take(bucket, rate, 0), second);
}

TEST(TokenBucket, TellsTheWaitUntilTheNextToken) {
  const bucket_rate rate{4, 1};  // one every 250 ms
  auto bucket = full_bucket(rate, 0);
  EXPECT_EQ(take(bucket, rate, 0), 0);
  // Rounded up to whole microseconds, give or take one for the floating-point arithmetic.
  const auto wait = take(bucket, rate, 100'000);
  EXPECT_GE(wait, 150'000);
  EXPECT_LE(wait, 150'001);
  const auto last = take(bucket, rate, 249'999);
  EXPECT_GE(last, 1);
  EXPECT_LE(last, 2);
  EXPECT_EQ(take(bucket, rate, 250'000), 0);
}

TEST(TokenBucket, ARefusalTakesNothing) {
  const bucket_rate rate{1, 1};
  auto bucket = full_bucket(rate, 0);
  EXPECT_EQ(take(bucket, rate, 0), 0);
  for (int i = 0; i < 5; ++i) EXPECT_GT(take(bucket, rate, second / 2), 0);
  EXPECT_EQ(take(bucket, rate, second), 0);
}

TEST(TokenBucket, RefillsAtTheRateUpToTheBurst) {
  const bucket_rate rate{2, 3};
  auto bucket = full_bucket(rate, 0);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(take(bucket, rate, 0), 0);
  // An hour later the bucket holds its burst, not 7,200 tokens.
  const std::int64_t later = 3600 * second;
  for (int i = 0; i < 3; ++i) EXPECT_EQ(take(bucket, rate, later), 0);
  EXPECT_GT(take(bucket, rate, later), 0);
  EXPECT_EQ(take(bucket, rate, later + second / 2), 0);
}

TEST(TokenBucket, ATimeBeforeItsOwnAddsNothing) {
  const bucket_rate rate{1, 1};
  auto bucket = full_bucket(rate, 10 * second);
  EXPECT_EQ(take(bucket, rate, 10 * second), 0);
  EXPECT_EQ(take(bucket, rate, 5 * second), second);
  EXPECT_EQ(bucket.at_us, 10 * second);
}

TEST(TokenBucket, IsRefilledOnceFullAgain) {
  const bucket_rate rate{1, 2};
  auto bucket = full_bucket(rate, 0);
  EXPECT_TRUE(refilled(bucket, rate, 0));
  EXPECT_EQ(take(bucket, rate, 0), 0);
  EXPECT_FALSE(refilled(bucket, rate, second / 2));
  EXPECT_TRUE(refilled(bucket, rate, second));
  EXPECT_EQ(refill_ms(rate), 2000);
  EXPECT_EQ(refill_ms({3, 1}), 334);
}

TEST(RetryAfter, IsWholeSecondsRoundedUpAndAtLeastOne) {
  EXPECT_EQ(retry_after_seconds(1), 1);
  EXPECT_EQ(retry_after_seconds(0), 1);
  EXPECT_EQ(retry_after_seconds(second), 1);
  EXPECT_EQ(retry_after_seconds(second + 1), 2);
  EXPECT_EQ(retry_after_seconds(1000 * second), 1000);
}

}  // namespace
}  // namespace zomato::limits
