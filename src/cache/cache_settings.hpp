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

namespace zomato::cache {

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
  /// With Redis: the writes counted in the database (services::write_context numbers them), or
  /// nullopt when it cannot be read now; the fleet compares it with the writes it heard of.
  std::function<std::optional<std::uint64_t>()> counted_writes;
  /// Per namespace, TTLs (for every route of it) and stale windows set instead of the policy's.
  std::array<freshness_overrides, namespace_count> overrides{};
};

}  // namespace zomato::cache
