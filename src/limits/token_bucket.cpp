#include "limits/token_bucket.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace zomato::limits {
namespace {

constexpr double microseconds_per_second = 1e6;
constexpr double least_rate = 0.001;
constexpr double most_rate = 1e6;
constexpr std::int64_t most_burst = 1'000'000;

template <class Number>
std::optional<Number> number_of(std::string_view text) {
  Number value{};
  const auto [end, code] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (code != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace

std::optional<bucket_rate> parse_rate(std::string_view text) {
  const auto slash = text.find('/');
  const auto rate = number_of<double>(text.substr(0, slash));
  if (!rate || !(*rate >= least_rate && *rate <= most_rate)) return std::nullopt;
  auto burst = std::max<std::int64_t>(1, static_cast<std::int64_t>(std::ceil(*rate)));
  if (slash != std::string_view::npos) {
    const auto given = number_of<std::int64_t>(text.substr(slash + 1));
    if (!given || *given < 1 || *given > most_burst) return std::nullopt;
    burst = *given;
  }
  return bucket_rate{*rate, static_cast<double>(burst)};
}

bucket_state full_bucket(const bucket_rate& rate, std::int64_t now_us) { return {rate.burst, now_us}; }

std::int64_t take(bucket_state& bucket, const bucket_rate& rate, std::int64_t now_us) {
  const auto elapsed = std::max<std::int64_t>(0, now_us - bucket.at_us);
  bucket.tokens =
      std::min(rate.burst, bucket.tokens + static_cast<double>(elapsed) * rate.per_second / microseconds_per_second);
  bucket.at_us = std::max(bucket.at_us, now_us);
  if (bucket.tokens >= 1) {
    bucket.tokens -= 1;
    return 0;
  }
  return std::max<std::int64_t>(
      1, static_cast<std::int64_t>(std::ceil((1 - bucket.tokens) * microseconds_per_second / rate.per_second)));
}

bool refilled(const bucket_state& bucket, const bucket_rate& rate, std::int64_t now_us) {
  const auto elapsed = static_cast<double>(now_us - bucket.at_us);
  return bucket.tokens + elapsed * rate.per_second / microseconds_per_second >= rate.burst;
}

std::int64_t refill_ms(const bucket_rate& rate) {
  return static_cast<std::int64_t>(std::ceil(rate.burst * 1000 / rate.per_second));
}

std::int64_t retry_after_seconds(std::int64_t wait_us) {
  const auto micro = static_cast<std::int64_t>(microseconds_per_second);
  return std::max<std::int64_t>(1, (wait_us + micro - 1) / micro);
}

}  // namespace zomato::limits
