#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zomato::services {

// What the cache's administration reports, as plain values: the cache layer fills them and
// schemas renders them (schemas may not see the cache layer, which sits above it).

/// One namespace's hits, misses, entries and TTL.
struct namespace_figures {
  std::string_view name;
  std::uint64_t hits = 0;
  std::uint64_t misses = 0;
  std::int64_t memory_keys = 0;
  std::int64_t memory_bytes = 0;
  std::int64_t memory_body_bytes = 0;
  std::int64_t redis_keys = 0;
  std::int64_t redis_bytes = 0;
  std::int64_t redis_value_bytes = 0;
  std::int64_t ttl_seconds = 0;
  /// How long after its TTL an entry may be served while it is refreshed, or when that fails.
  std::int64_t stale_while_revalidate_seconds = 0;
  std::int64_t stale_if_error_seconds = 0;
  double hit_ratio_percent = 0.0;
  std::string_view efficiency_rating;
};

/// An entry in use and how often it was read.
struct popular_entry {
  std::string target;
  std::uint64_t uses = 0;
};

/// What Redis says about itself.
struct redis_figures {
  bool connected = false;
  double ping_ms = 0.0;
  std::int64_t uptime_seconds = 0;
  std::uint64_t failures = 0;
};

/// Publish-to-apply times of the invalidations this node heard from others, in milliseconds.
struct delivery_figures {
  std::uint64_t count = 0;
  double p50 = 0.0;
  double p99 = 0.0;
  double max = 0.0;
};

/// This node's link to the fleet that shares its Redis.
struct fleet_figures {
  std::string node;
  /// synced, late (heartbeat not confirmed within the bound), resyncing, down, or off (no Redis).
  std::string_view state = "off";
  std::int64_t bound_ms = 0;
  std::int64_t confirmed_ms_ago = 0;
  std::uint64_t messages_received = 0;
  std::uint64_t resyncs = 0;
  std::uint64_t bumps = 0;
  std::uint64_t bump_failures = 0;
  /// Times this node found writes in the database that no node had announced, and moved the
  /// fleet's epoch on.
  std::uint64_t unannounced_writes_found = 0;
  double bump_mean_us = 0.0;
  delivery_figures delivery_ms;
};

/// Everything the statistics routes report, read once.
struct cache_snapshot {
  std::vector<namespace_figures> namespaces;
  /// Whether the figures that count keys and bytes are Redis' (else the in-process level's).
  bool keys_in_redis = false;
  std::uint64_t hits = 0;
  std::uint64_t misses = 0;
  std::int64_t keys = 0;
  std::int64_t bytes = 0;
  std::int64_t used_memory = 0;  // Redis' own figure with Redis, else the in-process bytes
  std::int64_t max_memory = 0;
  std::int64_t connected_clients = 0;
  std::string backend;
  std::string version;
  std::optional<redis_figures> redis;
  fleet_figures fleet;
  double hit_ratio_percent = 0.0;
  std::string_view efficiency_rating;
  double memory_utilization_percent = 0.0;
};

/// The README's verdict on the figures: healthy, warning, critical or unhealthy, and why.
struct cache_health {
  std::string status = "healthy";
  std::vector<std::string> issues;
};

/// A stored entry's key and the seconds it has left.
struct key_sample {
  std::string key;
  std::int64_t ttl_seconds = 0;
};

/// The keys sampled in one namespace.
struct namespace_keys {
  std::string_view name;
  std::vector<key_sample> keys;
};

/// One rule of the invalidation map: a kind of write and the namespaces it changes.
struct invalidation_rule {
  std::string_view write;
  std::vector<std::string_view> namespaces;
  /// Those of the namespaces where only the entries of the entities it touched (and the
  /// unscoped ones) go.
  std::vector<std::string_view> confined_to_touched;
};

/// How the cache is set up: levels, limits, namespaces with their TTLs, invalidation rules.
struct cache_configuration {
  std::string backend;
  std::string levels;
  std::string prefix;
  std::int64_t memory_limit_bytes = 0;
  std::vector<namespace_figures> namespaces;  // names, TTLs and stale windows only
  std::vector<invalidation_rule> invalidation;
};

/// What a background job of the server last did.
struct task_status {
  std::string name;
  std::int64_t interval_seconds = 0;
  std::int64_t runs = 0;
  double last_run = 0.0;  // seconds since the epoch; 0 before the first run
  std::string last_result;
};

/// One step of warming: what was fetched, how many answered 200, how long it took.
struct warm_step {
  std::string type;
  std::int64_t count = 0;
  double time_ms = 0.0;
};

}  // namespace zomato::services
