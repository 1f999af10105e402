#pragma once

#include <algorithm>
#include <chrono>
#include <optional>

namespace zomato::cache {

/// How long one route's entries are fresh, and how long after that they may still be served
/// (RFC 5861 stale-while-revalidate and stale-if-error).
struct freshness {
  std::chrono::seconds ttl{0};
  std::chrono::seconds while_revalidate{0};
  std::chrono::seconds if_error{0};
  /// Whether clients may keep the answer for its TTL (else they revalidate with the ETag: the
  /// entry lives until a write invalidates it).
  bool ttl_driven = false;

  /// How long a store keeps an entry: fresh, then as long as it may be served stale.
  std::chrono::seconds lifetime() const { return ttl + std::max(while_revalidate, if_error); }
};

/// What the environment sets instead of a namespace's policy; unset fields keep it.
struct freshness_overrides {
  std::optional<int> ttl;
  std::optional<int> while_revalidate;
  std::optional<int> if_error;
};

}  // namespace zomato::cache
