#pragma once

#include <chrono>
#include <cstddef>
#include <vector>

#include "store/database.hpp"

namespace zomato::services {

/// The cache's use of each request target, kept in the database across restarts (when no Redis
/// keeps it). Its calls throw store::unavailable or store::failure as the store does.
class usage_service {
 public:
  explicit usage_service(store::database& db) : db_(db) {}

  /// Halves the kept scores for each `half_life` since they were last faded (by this or any
  /// other process on the database; not at the first record), adds `uses` to theirs and keeps
  /// the `keep` highest, in one transaction (not waited on to be durable: a lost record only
  /// costs a colder start). A clock set back fades nothing.
  void record(const std::vector<store::target_use>& uses, std::chrono::system_clock::time_point at,
              std::chrono::duration<double> half_life, std::size_t keep);
  /// The `limit` most used targets, most used first.
  std::vector<store::target_use> top(std::size_t limit);

 private:
  store::database& db_;
};

}  // namespace zomato::services
