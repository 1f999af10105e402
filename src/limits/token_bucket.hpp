#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace zomato::limits {

/// What a token bucket allows: `per_second` tokens come back each second, at most `burst` are
/// held (a bucket starts full). Each request takes one.
struct bucket_rate {
  double per_second = 1;
  double burst = 1;
};

/// "5" (5 a second, bursts of 5) or "0.5/3" (one every 2 s, bursts of 3): a rate from 0.001 to
/// 1,000,000 a second and an optional whole burst from 1 to 1,000,000 (without it, the rate
/// rounded up). nullopt for anything else.
std::optional<bucket_rate> parse_rate(std::string_view text);

/// A bucket's tokens as of `at_us` (microseconds on the clock that keeps it).
struct bucket_state {
  double tokens = 0;
  std::int64_t at_us = 0;
};

/// A bucket that is full at `now_us`.
bucket_state full_bucket(const bucket_rate& rate, std::int64_t now_us);

/// Brings the bucket to `now_us` (a time before its own adds nothing) and takes a token from it:
/// 0 when it had one, else the microseconds until it will (nothing is taken then). Never fails.
std::int64_t take(bucket_state& bucket, const bucket_rate& rate, std::int64_t now_us);

/// Whether the bucket, left alone, is full again at `now_us`: forgetting it then changes nothing.
bool refilled(const bucket_state& bucket, const bucket_rate& rate, std::int64_t now_us);

/// How long a bucket takes to fill from empty, in whole milliseconds rounded up.
std::int64_t refill_ms(const bucket_rate& rate);

/// The Retry-After of a wait of `wait_us`: whole seconds, rounded up, at least 1.
std::int64_t retry_after_seconds(std::int64_t wait_us);

}  // namespace zomato::limits
