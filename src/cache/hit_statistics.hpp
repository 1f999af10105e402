#pragma once

#include <array>
#include <atomic>
#include <cstdint>

#include "cache/namespaces.hpp"

namespace zomato::cache {

/// What answered a read that was not computed for it: an entry in memory (L1), an entry in
/// Redis (L2), or the computation another read of the same key was making.
enum class hit_source { memory, redis, coalesced };
inline constexpr std::array<hit_source, 3> all_hit_sources{hit_source::memory, hit_source::redis,
                                                           hit_source::coalesced};

/// Hits (by source) and misses of the route cache, counted per namespace. Lock-free.
class hit_statistics {
 public:
  /// Counts one read of the namespace answered without computing it.
  void hit(cache_namespace ns, hit_source from) { ++hits_[index_of(ns)][static_cast<std::size_t>(from)]; }
  /// Counts one read of the namespace that had to be produced.
  void miss(cache_namespace ns) { ++misses_[index_of(ns)]; }
  /// The namespace's hits from that source so far.
  std::uint64_t hits(cache_namespace ns, hit_source from) const {
    return hits_[index_of(ns)][static_cast<std::size_t>(from)].load();
  }
  /// The namespace's hits from every source so far.
  std::uint64_t hits(cache_namespace ns) const;
  /// The namespace's misses so far.
  std::uint64_t misses(cache_namespace ns) const { return misses_[index_of(ns)].load(); }
  /// The hits of every namespace together.
  std::uint64_t total_hits() const;
  /// The misses of every namespace together.
  std::uint64_t total_misses() const;

 private:
  static std::size_t index_of(cache_namespace ns) { return static_cast<std::size_t>(ns); }

  std::array<std::array<std::atomic<std::uint64_t>, all_hit_sources.size()>, namespace_count> hits_{};
  std::array<std::atomic<std::uint64_t>, namespace_count> misses_{};
};

}  // namespace zomato::cache
