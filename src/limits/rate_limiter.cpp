#include "limits/rate_limiter.hpp"

#include <array>
#include <chrono>
#include <cstdio>

#include "http/responses.hpp"

namespace zomato::limits {
namespace {

// take() of token_bucket.cpp on a Redis hash {tokens, at} with Redis' clock (TIME, microseconds),
// so that every node's checks of one principal agree; the key expires once the bucket would be
// full again (ARGV[3] ms), so that idle principals vanish. Replies 0 or the wait in microseconds.
constexpr std::string_view shared_bucket_script = R"lua(
local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000000 + tonumber(clock[2])
local held = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(held[1]) or burst
local at = tonumber(held[2]) or now
tokens = math.min(burst, tokens + math.max(0, now - at) * rate / 1000000)
local wait = 0
if tokens >= 1 then
  tokens = tokens - 1
else
  wait = math.max(1, math.ceil((1 - tokens) * 1000000 / rate))
end
redis.call('HSET', KEYS[1], 'tokens', string.format('%.17g', tokens), 'at', string.format('%.0f', math.max(now, at)))
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return wait
)lua";

constexpr std::string_view shared_key_prefix = "zomato-rate:";

std::int64_t steady_us() {
  return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

// A rate as the script reads it back exactly.
std::string exact(double value) {
  std::array<char, 32> text{};
  const auto written = std::snprintf(text.data(), text.size(), "%.17g", value);
  return {text.data(), static_cast<std::size_t>(written)};
}

}  // namespace

rate_limiter::rate_limiter(const rate_limits& limits) {
  for (auto kind : all_bucket_kinds) {
    if (const auto& rate = limits.of(kind))
      buckets_[index(kind)] = std::make_unique<local_buckets>(*rate, local_capacity);
  }
}

std::int64_t rate_limiter::take_here(bucket_kind kind, std::string_view principal) {
  return buckets_[index(kind)]->take(principal, steady_us());
}

std::vector<std::string> rate_limiter::shared_take(bucket_kind kind, std::string_view principal) const {
  const auto& rate = buckets_[index(kind)]->rate();
  std::string key(shared_key_prefix);
  key += name_of(kind);
  key += ':';
  key += principal;
  return {"EVAL",
          std::string(shared_bucket_script),
          "1",
          std::move(key),
          exact(rate.per_second),
          exact(rate.burst),
          std::to_string(refill_ms(rate) + 1000)};
}

std::int64_t rate_limiter::decide(bucket_kind kind, std::string_view principal,
                                  std::optional<std::int64_t> shared_wait) {
  if (shared_wait) return *shared_wait;
  fallbacks_.fetch_add(1, std::memory_order_relaxed);
  return take_here(kind, principal);
}

http::response rate_limiter::refuse(bucket_kind kind, std::int64_t wait_us) {
  refused_[index(kind)].fetch_add(1, std::memory_order_relaxed);
  auto out = http::detail(429, "Too Many Requests");
  out.headers.emplace_back("retry-after", std::to_string(retry_after_seconds(wait_us)));
  return out;
}

limit_figures rate_limiter::figures() const {
  limit_figures out;
  for (auto kind : all_bucket_kinds) out.refused[index(kind)] = refused_[index(kind)].load(std::memory_order_relaxed);
  out.fallbacks = fallbacks_.load(std::memory_order_relaxed);
  return out;
}

}  // namespace zomato::limits
