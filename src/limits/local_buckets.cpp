#include "limits/local_buckets.hpp"

#include <algorithm>

namespace zomato::limits {

local_buckets::local_buckets(bucket_rate rate, std::size_t capacity)
    : rate_(rate), per_shard_(std::max<std::size_t>(1, capacity / shard_count)) {}

std::int64_t local_buckets::take(std::string_view principal, std::int64_t now_us) {
  auto& into = shards_[text_hash{}(principal) % shard_count];
  const std::lock_guard held(into.lock);
  auto found = into.buckets.find(principal);
  if (found == into.buckets.end()) {
    if (into.buckets.size() >= per_shard_) make_room(into, now_us);
    found = into.buckets.emplace(std::string(principal), full_bucket(rate_, now_us)).first;
  }
  return limits::take(found->second, rate_, now_us);
}

void local_buckets::make_room(shard& into, std::int64_t now_us) const {
  std::erase_if(into.buckets, [&](const auto& held) { return refilled(held.second, rate_, now_us); });
  const auto keep = per_shard_ - std::max<std::size_t>(1, per_shard_ / 4);
  while (into.buckets.size() > keep) into.buckets.erase(into.buckets.begin());
}

std::size_t local_buckets::size() const {
  std::size_t held = 0;
  for (const auto& one : shards_) {
    const std::lock_guard locked(one.lock);
    held += one.buckets.size();
  }
  return held;
}

}  // namespace zomato::limits
