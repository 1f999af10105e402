#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "limits/token_bucket.hpp"

namespace zomato::limits {

/// The token buckets of one process for one rate, by principal. Bounded: a bucket left alone
/// until it is full again is forgotten (a new one would be the same), and when the table is at
/// its capacity the idle ones go first, then any, so that a flood of principals cannot grow it.
/// Safe from any thread.
class local_buckets {
 public:
  /// `capacity`: the most buckets held at once (at least one per shard).
  local_buckets(bucket_rate rate, std::size_t capacity);

  /// Takes a token from the principal's bucket at `now_us` (a clock that does not go back): 0
  /// when it had one, else the microseconds until it will. Never fails.
  std::int64_t take(std::string_view principal, std::int64_t now_us);
  /// How many buckets are held now.
  std::size_t size() const;
  /// The rate and burst every bucket of this table has. Never fails.
  const bucket_rate& rate() const { return rate_; }

 private:
  struct text_hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
  };
  struct shard {
    mutable std::mutex lock;
    std::unordered_map<std::string, bucket_state, text_hash, std::equal_to<>> buckets;
  };
  static constexpr std::size_t shard_count = 16;

  /// Makes room for one more bucket in a full shard: forgets the idle buckets, then others
  /// until a quarter of the shard is free.
  void make_room(shard& into, std::int64_t now_us) const;

  bucket_rate rate_;
  std::size_t per_shard_;
  std::array<shard, shard_count> shards_;
};

}  // namespace zomato::limits
