#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cache/response_cache.hpp"
#include "services/cache_report.hpp"

namespace zomato::cache {

/// hits / (hits + misses) in percent, two decimals; 0 before any request.
double hit_ratio_percent(std::uint64_t hits, std::uint64_t misses);
/// Excellent above 80 %, Good above 60 %, Fair above 40 %, else Needs Improvement; "No Data"
/// before any request.
std::string_view efficiency_rating(std::uint64_t hits, std::uint64_t misses);

/// The README's thresholds: hit ratio below 70 % warning, below 50 % critical (judged after
/// 100 requests); memory above 80 % warning, above 90 % critical; Redis answering slower than
/// 100 ms warning, 500 ms critical; Redis configured but unreachable: unhealthy.
services::cache_health assess(const services::cache_snapshot& s);
/// Advice drawn from the figures; never empty.
std::vector<std::string> recommendations_for(const services::cache_snapshot& s);

/// The administration of the route cache: its figures, configuration and entries as plain
/// values, and clearing. Asking Redis never fails: an unreachable Redis shows in the figures.
class cache_admin {
 public:
  explicit cache_admin(response_cache& cache) : cache_(cache) {}

  /// Hits, misses, keys and memory, per namespace and in total, read once.
  services::cache_snapshot snapshot() const;
  /// Backend, levels, limits, namespaces with their TTLs and every rule of the invalidation map.
  services::cache_configuration configuration() const;
  /// Up to `per_namespace` current in-process keys of each namespace, with their seconds left.
  std::vector<services::namespace_keys> key_samples(std::size_t per_namespace) const;
  /// The `limit` entries read most often, most used first.
  std::vector<services::popular_entry> most_used(std::size_t limit) const { return cache_.most_used(limit); }

  /// Drops every entry.
  void clear_all() { cache_.clear_all(); }
  /// Drops the entries of the namespace of that name; false when there is none.
  bool clear(std::string_view name);
  /// Removes expired and superseded entries; returns how many.
  std::int64_t remove_stale() { return cache_.remove_stale(); }

 private:
  response_cache& cache_;
};

}  // namespace zomato::cache
