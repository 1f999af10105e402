#pragma once

#include <array>
#include <boost/smart_ptr/intrusive_ptr.hpp>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string_view>
#include <vector>

#include "cache/entry.hpp"
#include "cache/memory_entry.hpp"

namespace zomato::cache {

/// The in-process cache: bounded by bytes (least recently used entries go first), each
/// entry with its own expiry, each in one heap block. Thread-safe; sharded so threads
/// rarely wait on each other.
class memory_backend {
 public:
  using stored = boost::intrusive_ptr<const memory_entry>;

  explicit memory_backend(std::size_t max_bytes);
  ~memory_backend();
  memory_backend(const memory_backend&) = delete;
  memory_backend& operator=(const memory_backend&) = delete;

  /// The live entry under the key at `now_ms` (expired ones are dropped), counted as one more use.
  stored get(std::string_view key, std::int64_t now_ms = epoch_ms_now());
  /// Stores a copy of the entry under the key (not when it alone exceeds a shard's budget).
  void put(std::string_view key, const entry& value, std::chrono::milliseconds ttl);

  /// What one entry costs in memory, as the allocator hands it out: its block and its share
  /// of the index (two pointers: the index grows at one entry per bucket).
  static std::size_t cost_of(std::string_view key, const entry& value);
  static std::size_t cost_of(const memory_entry& stored);

  struct visit {
    std::string_view key;
    const memory_entry& value;
    bool expired;
    std::uint64_t uses;
    std::size_t bytes;
    std::chrono::milliseconds remaining;  // until the backend lets it go
  };
  /// Calls `remove` on every entry and drops those for which it returns true; returns how many.
  std::size_t sweep(const std::function<bool(const visit&)>& remove);
  /// Calls `see` on every entry without changing anything.
  void inspect(const std::function<void(const visit&)>& see) const;
  void clear();

  std::size_t bytes() const;
  std::size_t max_bytes() const { return max_bytes_; }
  /// Entries dropped so far to make room for others (least recently used first).
  std::uint64_t evictions() const;

 private:
  /// Entries chained per bucket by hash and listed from most to least recently used.
  struct shard {
    mutable std::mutex lock;
    std::vector<memory_entry*> buckets;
    memory_entry* newest = nullptr;
    memory_entry* oldest = nullptr;
    std::size_t count = 0;
    std::size_t bytes = 0;
    std::uint64_t evictions = 0;
  };
  static constexpr std::size_t shard_count = 16;

  static std::size_t hash_of(std::string_view key);
  shard& shard_for(std::size_t hash) { return shards_[hash % shard_count]; }
  static memory_entry*& bucket_of(shard& s, std::size_t hash);
  static memory_entry* find(shard& s, std::string_view key, std::size_t hash);
  static void link(shard& s, memory_entry* e, std::size_t hash);
  static void grow(shard& s);
  static void make_newest(shard& s, memory_entry* e);
  static void unlink_recency(shard& s, memory_entry* e);
  static void drop(shard& s, memory_entry* e);
  static void drop_all(shard& s);
  static visit visit_of(const memory_entry& e, std::int64_t now_ms);
  /// The sum of a field over the shards, each read under its lock.
  template <class Field>
  Field total(Field shard::*field) const;

  std::size_t max_bytes_;
  std::array<shard, shard_count> shards_;
};

}  // namespace zomato::cache
