#pragma once

#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <list>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "cache/entry.hpp"

namespace zomato::cache {

/// The in-process cache: bounded by bytes (least recently used entries go first), each
/// entry with its own expiry. Thread-safe; sharded so threads rarely wait on each other.
class memory_backend {
 public:
  using clock = std::chrono::steady_clock;

  explicit memory_backend(std::size_t max_bytes);

  /// The live entry under the key (expired ones are dropped), counted as one more use.
  entry_ptr get(const std::string& key);
  void put(const std::string& key, entry_ptr value, clock::duration ttl);

  /// What one entry costs in memory, as the allocator hands it out: its key, body, validator
  /// and target buffers, the shared entry, its recency node and its index slot.
  static std::size_t cost_of(const std::string& key, const entry& value);

  struct visit {
    const std::string& key;
    const entry& value;
    bool expired;
    std::uint64_t uses;
    std::size_t bytes;
    clock::duration remaining;
    clock::duration ttl;
  };
  /// Calls `remove` on every entry and drops those for which it returns true; returns how many.
  std::size_t sweep(const std::function<bool(const visit&)>& remove);
  /// Calls `see` on every entry without changing anything.
  void inspect(const std::function<void(const visit&)>& see) const;
  void clear();

  std::size_t bytes() const;
  std::size_t max_bytes() const { return max_bytes_; }

 private:
  struct node {
    std::string key;
    entry_ptr value;
    clock::time_point expires;
    std::size_t bytes;
    std::uint64_t uses;
    clock::duration ttl;
  };
  struct shard {
    mutable std::mutex lock;
    std::list<node> recency;  // front: most recently used
    std::unordered_map<std::string_view, std::list<node>::iterator> index;  // keys live in the nodes
    std::size_t bytes = 0;
  };
  static constexpr std::size_t shard_count = 16;

  shard& shard_for(const std::string& key);
  void drop(shard& s, std::list<node>::iterator it);

  std::size_t max_bytes_;
  std::array<shard, shard_count> shards_;
};

}  // namespace zomato::cache
