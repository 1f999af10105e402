#include "app/usage_book.hpp"

namespace zomato::app {

usage_book::usage_book(cache::response_cache& cache, services::usage_service& database)
    : cache_(cache), database_(database), redis_key_(cache.settings().prefix + ":usage") {}

void usage_book::record() {
  std::vector<store::target_use> uses;
  std::unordered_map<std::string, std::uint64_t> now;
  for (auto& entry : cache_.most_used(kept)) {
    const auto before = seen_.find(entry.target);
    // An entry replaced since (a write, an expiry) counts again from zero.
    const auto earlier = before != seen_.end() && before->second <= entry.uses ? before->second : 0;
    if (entry.uses > earlier) uses.push_back({entry.target, static_cast<double>(entry.uses - earlier)});
    now.emplace(std::move(entry.target), entry.uses);
  }
  seen_ = std::move(now);
  const auto at = std::chrono::system_clock::now();
  if (auto* redis = cache_.redis()) {
    std::vector<std::pair<std::string, double>> members;
    members.reserve(uses.size());
    for (auto& use : uses) members.emplace_back(std::move(use.target), use.score);
    redis->record_usage(redis_key_, members, at, half_life, kept);
  } else {
    database_.record(uses, at, half_life, kept);
  }
}

std::vector<std::string> usage_book::most_used(std::size_t limit) {
  std::vector<std::string> targets;
  if (auto* redis = cache_.redis()) {
    for (auto& [target, score] : redis->top_usage(redis_key_, limit)) targets.push_back(std::move(target));
  } else {
    for (auto& use : database_.top(limit)) targets.push_back(std::move(use.target));
  }
  return targets;
}

}  // namespace zomato::app
