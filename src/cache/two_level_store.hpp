#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "cache/cache_settings.hpp"
#include "cache/entry.hpp"
#include "cache/memory_backend.hpp"
#include "cache/redis_backend.hpp"

namespace zomato::cache {

/// Where entries are kept: in process (L1, when enabled) and, when configured, in Redis (L2)
/// under "<prefix>:<epoch>:" and the entry's key, shared by every node of the fleet (the
/// epoch is the fleet's: fleet_link). An L1 copy in front of Redis lives at most the settings'
/// memory_ttl_with_redis.
class two_level_store {
 public:
  explicit two_level_store(const cache_settings& settings);

  /// Whether any level keeps entries.
  bool enabled() const { return memory_enabled_ || redis_; }

  /// The entry under the key in memory at `now_ms`, counted as one more use; null when there is
  /// none.
  memory_backend::stored from_memory(std::string_view key, std::int64_t now_ms = epoch_ms_now());
  /// Keeps a copy of an entry Redis held in memory (when enabled) for at most `lifetime`.
  void keep_in_memory(const std::string& key, const entry& value, std::chrono::seconds lifetime);
  /// Keeps the entry in every level for `lifetime` (in memory for less with Redis behind; in
  /// Redis under the epoch).
  void put(const std::string& key, const entry& value, std::chrono::seconds lifetime, std::uint64_t epoch);
  /// Whether Redis keeps entries.
  bool has_remote() const { return redis_ != nullptr; }
  /// The key Redis holds an entry under in the epoch.
  std::string remote_key(std::string_view key, std::uint64_t epoch) const;

  /// Drops the entries of both levels that have expired, that belong to another epoch, or
  /// whose key `unwanted` refuses; returns how many.
  std::int64_t remove_if(const std::function<bool(std::string_view key)>& unwanted, std::uint64_t epoch);
  /// Forgets every entry held in memory.
  void clear_memory() { memory_.clear(); }
  /// Calls `see` on every entry in memory (enabled or not) without changing anything.
  void inspect_memory(const std::function<void(const memory_backend::visit&)>& see) const { memory_.inspect(see); }
  /// Counts and sizes of the epoch's Redis entries whose key begins with `key_prefix`; none
  /// without Redis.
  redis_backend::key_stats remote_stats(std::string_view key_prefix, std::uint64_t epoch);

  /// The Redis level, or nullptr when there is none.
  redis_backend* redis() { return redis_.get(); }
  /// The in-process level, or nullptr when it is off.
  memory_backend* memory() { return memory_enabled_ ? &memory_ : nullptr; }

 private:
  std::chrono::seconds memory_ttl(std::chrono::seconds ttl) const {
    return redis_ ? std::min(ttl, memory_ttl_with_redis_) : ttl;
  }

  bool memory_enabled_;
  std::chrono::seconds memory_ttl_with_redis_;
  std::string prefix_;
  memory_backend memory_;
  std::unique_ptr<redis_backend> redis_;
};

}  // namespace zomato::cache
