#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "cache/response_cache.hpp"
#include "services/usage_service.hpp"

namespace zomato::app {

/// The cache's use of each request target, kept across restarts: in Redis when the cache has it
/// (one sorted set every node shares), in the database otherwise. Used by one thread at a time
/// (the background worker).
class usage_book {
 public:
  /// How many targets are kept.
  static constexpr std::size_t kept = 1000;
  /// How long it takes a kept score to fall to half, when nobody uses its target.
  static constexpr std::chrono::hours half_life{1};

  usage_book(cache::response_cache& cache, services::usage_service& database);

  /// Adds the hits the cache counted since the last call, on the entries it holds now; kept
  /// scores fade first by the time since any process on the same Redis or database last
  /// recorded (`half_life`). Store failures propagate (the caller's job records them); Redis
  /// failures are the cache's to count.
  void record();
  /// The `limit` most used targets, most used first.
  std::vector<std::string> most_used(std::size_t limit);

 private:
  cache::response_cache& cache_;
  services::usage_service& database_;
  std::string redis_key_;
  /// Each live target's uses at the last record, to add only what came since.
  std::unordered_map<std::string, std::uint64_t> seen_;
};

}  // namespace zomato::app
