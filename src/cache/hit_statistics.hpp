#pragma once

#include <array>
#include <atomic>
#include <cstdint>

#include "cache/namespaces.hpp"

namespace zomato::cache {

/// Hits and misses of the route cache, counted per namespace. Lock-free.
class hit_statistics {
 public:
  /// Counts one read of the namespace that a stored entry answered.
  void hit(cache_namespace ns) { ++hits_[index_of(ns)]; }
  /// Counts one read of the namespace that had to be produced.
  void miss(cache_namespace ns) { ++misses_[index_of(ns)]; }
  /// The namespace's hits so far.
  std::uint64_t hits(cache_namespace ns) const { return hits_[index_of(ns)].load(); }
  /// The namespace's misses so far.
  std::uint64_t misses(cache_namespace ns) const { return misses_[index_of(ns)].load(); }
  /// The hits of every namespace together.
  std::uint64_t total_hits() const;
  /// The misses of every namespace together.
  std::uint64_t total_misses() const;

 private:
  static std::size_t index_of(cache_namespace ns) { return static_cast<std::size_t>(ns); }

  std::array<std::atomic<std::uint64_t>, namespace_count> hits_{};
  std::array<std::atomic<std::uint64_t>, namespace_count> misses_{};
};

}  // namespace zomato::cache
