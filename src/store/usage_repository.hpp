#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace zomato::store {

/// How much a cached request target ("/restaurants/7") has been used.
struct target_use {
  std::string target;
  double score = 0.0;
};

/// The cache's use counts, kept across restarts.
class usage_repository {
 public:
  virtual ~usage_repository() = default;
  /// Multiplies every score by `decay` (so old popularity fades), adds the new uses to theirs,
  /// keeps the `keep` highest, and notes `at` (seconds since the epoch) as when they were faded.
  virtual void record(const std::vector<target_use>& uses, double decay, std::size_t keep, double at) = 0;
  /// When the scores were last faded (seconds since the epoch), by any process; nullopt before
  /// the first record.
  virtual std::optional<double> faded_at() = 0;
  /// The `limit` most used targets, most used first.
  virtual std::vector<target_use> top(std::size_t limit) = 0;
};

}  // namespace zomato::store
