#pragma once

#include <string>

#include "cache/response_cache.hpp"
#include "http/json_writer.hpp"

namespace zomato::api {

/// Seconds since the epoch as a number, as the original's envelopes carry it.
double epoch_seconds();

/// "1.15M", "0.53K", "512B".
std::string human_bytes(std::int64_t bytes);

/// Excellent above 80 %, Good above 60 %, Fair above 40 %, else Needs Improvement;
/// "No Data" before any request.
std::string efficiency_rating(std::uint64_t hits, std::uint64_t misses);

/// hits / (hits + misses) in percent, two decimals.
double hit_ratio_percent(std::uint64_t hits, std::uint64_t misses);

/// Everything the statistics routes report, read once.
struct cache_snapshot {
  std::vector<cache::namespace_figures> namespaces;
  std::uint64_t hits = 0;
  std::uint64_t misses = 0;
  std::int64_t keys = 0;
  std::int64_t bytes = 0;
  std::int64_t used_memory = 0;  // Redis' own figure with Redis, else the in-process bytes
  std::int64_t max_memory = 0;
  std::int64_t connected_clients = 0;
  std::string backend;
  std::string version;
  std::optional<cache::redis_info> redis;
};
cache_snapshot snapshot_of(cache::response_cache& cache);

/// {hit_ratio_percent, cache_hits, cache_misses, total_requests, efficiency_rating}
void write_hit_ratio(http::json_writer& out, const cache_snapshot& s);
/// {total_memory_used, memory_used_human, max_memory_configured, memory_utilization_percent,
///  total_cache_keys, average_key_size_bytes, memory_efficiency}
void write_memory(http::json_writer& out, const cache_snapshot& s);
/// {total_keys, total_namespaces, memory_usage, memory_estimate_bytes, connected_clients,
///  cache_hits, cache_misses, hit_ratio_percent, redis_version, backend}
void write_overview(http::json_writer& out, const cache_snapshot& s);
/// Advice drawn from the figures.
std::vector<std::string> recommendations_for(const cache_snapshot& s);
double memory_utilization_percent(const cache_snapshot& s);

/// The README's thresholds: hit ratio below 70 % warning, below 50 % critical (judged after
/// 100 requests); memory above 80 % warning, above 90 % critical; Redis answering slower than
/// 100 ms warning, 500 ms critical; Redis configured but unreachable: unhealthy.
struct health {
  std::string status = "healthy";
  std::vector<std::string> issues;
  void raise(const std::string& level, std::string issue);
};
health assess(const cache_snapshot& s);

}  // namespace zomato::api
