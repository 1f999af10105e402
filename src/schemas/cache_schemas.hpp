#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "http/json_writer.hpp"
#include "services/cache_report.hpp"

namespace zomato::schemas {

/// Seconds since the epoch as a number, as the original's envelopes carry it.
/// "1.15M", "0.53K", "512B".
std::string human_bytes(std::int64_t bytes);

/// {"status":"success", <what `body` writes>, "timestamp"}: the original's /cache/* envelope.
std::string render_cache_envelope(const std::function<void(http::json_writer&)>& body);

/// {hit_ratio_percent, cache_hits, cache_misses, total_requests, efficiency_rating}
void write_hit_ratio(http::json_writer& out, const services::cache_snapshot& s);
/// {total_memory_used, memory_used_human, max_memory_configured, memory_utilization_percent,
///  total_cache_keys, average_key_size_bytes, memory_efficiency, backend}
void write_memory(http::json_writer& out, const services::cache_snapshot& s);
/// {total_keys, total_namespaces, memory_usage, memory_estimate_bytes, connected_clients,
///  cache_hits, cache_misses, hit_ratio_percent, redis_version, backend}
void write_overview(http::json_writer& out, const services::cache_snapshot& s);
/// "warmed_data":[{type, count, time_ms}], "summary":{total_items_warmed, total_time_ms,
/// average_time_per_item_ms}
void write_warm_summary(http::json_writer& out, const std::vector<services::warm_step>& steps);

/// GET /cache/stats: {cache_stats:{total_keys, memory_usage, ..., keys_by_namespace}}
std::string render_cache_stats(const services::cache_snapshot& s);
/// GET /cache/stats/detailed: overview, per namespace its figures and sampled keys, TTLs.
std::string render_detailed_stats(const services::cache_snapshot& s,
                                  const std::vector<services::namespace_keys>& samples);
/// GET /cache/stats/namespaces: per namespace keys, bytes, hits, ratio and TTL; overview.
std::string render_namespace_statistics(const services::cache_snapshot& s);
/// GET /cache/metrics/hit-ratio: {metrics:{...hit ratio...}}
std::string render_hit_ratio_metrics(const services::cache_snapshot& s);
/// GET /cache/metrics/memory-usage and /cache/memory-usage: {memory_analysis} and, when given,
/// {recommendations}.
std::string render_memory_analysis(const services::cache_snapshot& s, const std::vector<std::string>* recommendations);
/// GET /cache/health: background tasks and the health check against the thresholds.
std::string render_cache_health(const services::cache_snapshot& s, const services::cache_health& h,
                                const std::vector<services::task_status>& tasks);
/// GET /cache/info: configuration, invalidation rules and features (no envelope).
std::string render_cache_configuration(const services::cache_configuration& c);
/// GET /cache/performance/comprehensive-report: statistics, metrics, a timed sample
/// ({uncached, cached} milliseconds) and recommendations.
std::string render_comprehensive_report(const services::cache_snapshot& s, const services::cache_health& h,
                                        double uncached_ms, double cached_ms,
                                        const std::vector<std::string>& recommendations);

}  // namespace zomato::schemas
