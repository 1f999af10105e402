#include "cache/hit_statistics.hpp"

namespace zomato::cache {

std::uint64_t hit_statistics::total_hits() const {
  std::uint64_t total = 0;
  for (const auto& count : hits_) total += count.load();
  return total;
}

std::uint64_t hit_statistics::total_misses() const {
  std::uint64_t total = 0;
  for (const auto& count : misses_) total += count.load();
  return total;
}

}  // namespace zomato::cache
