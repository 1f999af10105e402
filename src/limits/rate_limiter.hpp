#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "http/message.hpp"
#include "limits/bucket_kind.hpp"
#include "limits/local_buckets.hpp"
#include "limits/token_bucket.hpp"

namespace zomato::limits {

/// RATE_LIMIT_WRITES and RATE_LIMIT_READS: each bucket's rate, none when it is off.
struct rate_limits {
  std::optional<bucket_rate> writes;
  std::optional<bucket_rate> reads;

  /// The rate of a kind's buckets; none when it is not limited.
  const std::optional<bucket_rate>& of(bucket_kind kind) const { return kind == bucket_kind::writes ? writes : reads; }
};

/// What has been refused so far, and how often a shared bucket could not be asked.
struct limit_figures {
  std::array<std::uint64_t, all_bucket_kinds.size()> refused{};
  /// Checks a shared bucket should have made that the process's own bucket made instead
  /// (Redis failed, timed out or was paused).
  std::uint64_t fallbacks = 0;
};

/// The token buckets of every principal: kept in this process, or shared by a fleet through
/// Redis (one script per check, Redis' clock) with this process's as the fallback. The caller
/// runs the Redis command where it runs Redis commands (shared_take) and hands the reply to
/// decide(). Safe from any thread.
class rate_limiter {
 public:
  /// Buckets held in this process per kind (past it, see local_buckets).
  static constexpr std::size_t local_capacity = 65536;

  /// The buckets of both kinds as configured (a kind without a rate is not limited). Never fails.
  explicit rate_limiter(const rate_limits& limits);

  /// Whether requests of this kind are limited (their variable is set).
  bool limits(bucket_kind kind) const { return buckets_[index(kind)] != nullptr; }
  /// Takes a token from the principal's bucket of this process (steady clock): 0 when it had one,
  /// else the microseconds until it will. Only for a limited kind.
  std::int64_t take_here(bucket_kind kind, std::string_view principal);
  /// The Redis command (EVAL of the shared bucket's script) that takes a token from the
  /// principal's bucket shared by every node; its integer reply means what take_here()'s does.
  std::vector<std::string> shared_take(bucket_kind kind, std::string_view principal) const;
  /// The wait a shared check answered, or, when it could not be asked (nullopt), take_here()'s.
  std::int64_t decide(bucket_kind kind, std::string_view principal, std::optional<std::int64_t> shared_wait);
  /// 429 {"detail":"Too Many Requests"} with Retry-After for a wait of `wait_us`, counted as a
  /// refusal of `kind`.
  http::response refuse(bucket_kind kind, std::int64_t wait_us);
  /// The refusals and fallbacks counted so far. Never fails.
  limit_figures figures() const;

 private:
  static std::size_t index(bucket_kind kind) { return static_cast<std::size_t>(kind); }

  std::array<std::unique_ptr<local_buckets>, all_bucket_kinds.size()> buckets_;
  std::array<std::atomic<std::uint64_t>, all_bucket_kinds.size()> refused_{};
  std::atomic<std::uint64_t> fallbacks_{0};
};

}  // namespace zomato::limits
