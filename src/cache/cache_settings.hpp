#pragma once

#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "cache/freshness.hpp"
#include "cache/namespaces.hpp"
#include "cache/redis_backend.hpp"
#include "services/write_context.hpp"

namespace zomato::cache {

/// How a fleet node reads and marks the database's count of writes (services::write_context
/// numbers the writes); empty functions: no check.
struct write_ledger {
  /// What committed transactions counted; nullopt when the database cannot tell now.
  std::function<std::optional<services::write_tally>()> read;
  /// Marks durably, before it returns, that writes committed before could not be announced;
  /// false when it could not.
  std::function<bool()> mark_unannounced;
};

/// How the route cache is configured: its TTL profile, its levels and their bounds.
struct cache_settings {
  ttl_profile profile = ttl_profile::development;
  std::size_t memory_bytes = 64u << 20;
  bool memory_enabled = true;
  /// With Redis, the in-process copy lives at most this long (L1 in front of L2).
  std::chrono::seconds memory_ttl_with_redis{5};
  std::optional<redis_settings> redis;
  std::string prefix = "zomato-cache";
  /// With Redis: a read that starts this long after a write's acknowledgement, on any node,
  /// sees it (fleet_link).
  std::chrono::milliseconds fleet_bound{50};
  /// With Redis: the database's count of writes, which the fleet compares with what it heard.
  write_ledger ledger;
  /// Per namespace, TTLs (for every route of it) and stale windows set instead of the policy's.
  std::array<freshness_overrides, namespace_count> overrides{};
};

}  // namespace zomato::cache
