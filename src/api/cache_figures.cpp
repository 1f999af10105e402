#include "api/cache_figures.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>

namespace zomato::api {
namespace {

double two_decimals(double value) { return std::round(value * 100.0) / 100.0; }

}  // namespace

double epoch_seconds() {
  return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
}

std::string human_bytes(std::int64_t bytes) {
  char text[32];
  if (bytes >= (1 << 20)) {
    std::snprintf(text, sizeof text, "%.2fM", static_cast<double>(bytes) / (1 << 20));
  } else if (bytes >= 1024) {
    std::snprintf(text, sizeof text, "%.2fK", static_cast<double>(bytes) / 1024);
  } else {
    std::snprintf(text, sizeof text, "%lldB", static_cast<long long>(bytes));
  }
  return text;
}

double hit_ratio_percent(std::uint64_t hits, std::uint64_t misses) {
  const auto total = hits + misses;
  return total == 0 ? 0.0 : two_decimals(100.0 * static_cast<double>(hits) / static_cast<double>(total));
}

std::string efficiency_rating(std::uint64_t hits, std::uint64_t misses) {
  if (hits + misses == 0) return "No Data";
  const double ratio = hit_ratio_percent(hits, misses);
  if (ratio > 80) return "Excellent";
  if (ratio > 60) return "Good";
  if (ratio > 40) return "Fair";
  return "Needs Improvement";
}

cache_snapshot snapshot_of(cache::response_cache& cache) {
  cache_snapshot s;
  s.namespaces = cache.figures();
  for (const auto& f : s.namespaces) {
    s.hits += f.hits;
    s.misses += f.misses;
    s.keys += cache.redis() ? f.redis_keys : f.memory_keys;
    s.bytes += cache.redis() ? f.redis_bytes : f.memory_bytes;
  }
  if (auto* redis = cache.redis()) {
    s.redis = redis->info();
    s.backend = "Redis";
    s.version = s.redis->version;
    s.used_memory = s.redis->used_memory;
    s.max_memory = s.redis->max_memory;
    s.connected_clients = s.redis->connected_clients;
  } else {
    s.backend = "in-process";
    s.version = "in-process";
    s.used_memory = cache.memory() ? static_cast<std::int64_t>(cache.memory()->bytes()) : 0;
    s.max_memory = static_cast<std::int64_t>(cache.settings().memory_bytes);
  }
  return s;
}

double memory_utilization_percent(const cache_snapshot& s) {
  if (s.max_memory <= 0) return 0.0;
  return two_decimals(100.0 * static_cast<double>(s.used_memory) / static_cast<double>(s.max_memory));
}

void write_hit_ratio(http::json_writer& out, const cache_snapshot& s) {
  out.begin_object()
      .field("hit_ratio_percent", hit_ratio_percent(s.hits, s.misses))
      .field("cache_hits", static_cast<std::int64_t>(s.hits))
      .field("cache_misses", static_cast<std::int64_t>(s.misses))
      .field("total_requests", static_cast<std::int64_t>(s.hits + s.misses))
      .field("efficiency_rating", efficiency_rating(s.hits, s.misses))
      .end_object();
}

void write_memory(http::json_writer& out, const cache_snapshot& s) {
  const double average = s.keys == 0 ? 0.0 : two_decimals(static_cast<double>(s.bytes) / static_cast<double>(s.keys));
  out.begin_object()
      .field("total_memory_used", s.used_memory)
      .field("memory_used_human", human_bytes(s.used_memory))
      .field("max_memory_configured", s.max_memory)
      .field("memory_utilization_percent", memory_utilization_percent(s))
      .field("total_cache_keys", s.keys)
      .field("average_key_size_bytes", average)
      .field("memory_efficiency", average <= 1024    ? "Excellent"
                                  : average <= 10240 ? "Good"
                                                     : "Review Large Keys")
      .field("backend", s.backend)
      .end_object();
}

void write_overview(http::json_writer& out, const cache_snapshot& s) {
  out.begin_object()
      .field("total_keys", s.keys)
      .field("total_namespaces", static_cast<std::int64_t>(s.namespaces.size()))
      .field("memory_usage", human_bytes(s.used_memory))
      .field("memory_estimate_bytes", s.bytes)
      .field("connected_clients", s.connected_clients)
      .field("cache_hits", static_cast<std::int64_t>(s.hits))
      .field("cache_misses", static_cast<std::int64_t>(s.misses))
      .field("hit_ratio_percent", hit_ratio_percent(s.hits, s.misses))
      .field("redis_version", s.version)
      .field("backend", s.backend)
      .end_object();
}

std::vector<std::string> recommendations_for(const cache_snapshot& s) {
  std::vector<std::string> advice;
  const double ratio = hit_ratio_percent(s.hits, s.misses);
  if (s.hits + s.misses > 0 && ratio < 50) {
    advice.emplace_back(
        "Hit ratio is critical (below 50%): warm the cache (POST /cache/warm/popular) or lengthen TTLs");
  } else if (s.hits + s.misses > 0 && ratio < 70) {
    advice.emplace_back("Hit ratio is below 70%: review TTLs and warm frequently read data");
  }
  const double utilization = memory_utilization_percent(s);
  if (utilization > 90) {
    advice.emplace_back("Memory use is above 90% of the limit: raise the limit or shorten TTLs now");
  } else if (utilization > 80) {
    advice.emplace_back("Memory use is above 80% of the limit: consider more memory or shorter TTLs");
  }
  if (s.keys > 0 && s.bytes / s.keys > 10240) advice.emplace_back("Large average entry size: paginate large lists");
  if (s.redis && !s.redis->connected)
    advice.emplace_back("Redis is unreachable: requests are served from the database");
  if (advice.empty()) advice.emplace_back("Cache is performing well; no action needed");
  return advice;
}

void health::raise(const std::string& level, std::string issue) {
  static const std::vector<std::string> order{"healthy", "warning", "critical", "unhealthy"};
  const auto rank = [&](const std::string& name) {
    return std::find(order.begin(), order.end(), name) - order.begin();
  };
  if (rank(level) > rank(status)) status = level;
  issues.push_back(std::move(issue));
}

health assess(const cache_snapshot& s) {
  constexpr std::uint64_t meaningful_requests = 100;
  health h;
  if (s.redis && !s.redis->connected)
    h.raise("unhealthy", "Redis is unreachable; requests are served from the database");
  if (s.hits + s.misses >= meaningful_requests) {
    char ratio[16];
    std::snprintf(ratio, sizeof ratio, "%.2f%%", hit_ratio_percent(s.hits, s.misses));
    if (hit_ratio_percent(s.hits, s.misses) < 50) {
      h.raise("critical", std::string("Critical hit ratio: ") + ratio);
    } else if (hit_ratio_percent(s.hits, s.misses) < 70) {
      h.raise("warning", std::string("Low hit ratio: ") + ratio);
    }
  }
  const double memory = memory_utilization_percent(s);
  if (memory > 90) {
    h.raise("critical", "Memory usage above 90%");
  } else if (memory > 80) {
    h.raise("warning", "Memory usage above 80%");
  }
  if (s.redis && s.redis->connected) {
    if (s.redis->ping_ms > 500) {
      h.raise("critical", "Redis response time above 500 ms");
    } else if (s.redis->ping_ms > 100) {
      h.raise("warning", "Redis response time above 100 ms");
    }
  }
  return h;
}

}  // namespace zomato::api
