#include "cache/hit_statistics.hpp"

namespace zomato::cache {

std::uint64_t hit_statistics::hits(cache_namespace ns) const {
  std::uint64_t total = 0;
  for (auto from : all_hit_sources) total += hits(ns, from);
  return total;
}

std::uint64_t hit_statistics::total_hits() const {
  std::uint64_t total = 0;
  for (auto ns : all_namespaces) total += hits(ns);
  return total;
}

std::uint64_t hit_statistics::total_misses() const {
  std::uint64_t total = 0;
  for (const auto& count : misses_) total += count.load();
  return total;
}

}  // namespace zomato::cache
