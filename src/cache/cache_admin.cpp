#include "cache/cache_admin.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "cache/invalidation_map.hpp"
#include "domain/rounding.hpp"

namespace zomato::cache {
namespace {

double memory_utilization_percent(std::int64_t used, std::int64_t max) {
  if (max <= 0) return 0.0;
  return domain::two_decimals(100.0 * static_cast<double>(used) / static_cast<double>(max));
}

// Raises the verdict to `level` when that is worse, and notes the issue.
void raise(services::cache_health& h, const std::string& level, std::string issue) {
  static const std::vector<std::string> order{"healthy", "warning", "critical", "unhealthy"};
  const auto rank = [&](const std::string& name) {
    return std::find(order.begin(), order.end(), name) - order.begin();
  };
  if (rank(level) > rank(h.status)) h.status = level;
  h.issues.push_back(std::move(issue));
}

}  // namespace

double hit_ratio_percent(std::uint64_t hits, std::uint64_t misses) {
  const auto total = hits + misses;
  return total == 0 ? 0.0 : domain::two_decimals(100.0 * static_cast<double>(hits) / static_cast<double>(total));
}

std::string_view efficiency_rating(std::uint64_t hits, std::uint64_t misses) {
  if (hits + misses == 0) return "No Data";
  const double ratio = hit_ratio_percent(hits, misses);
  if (ratio > 80) return "Excellent";
  if (ratio > 60) return "Good";
  if (ratio > 40) return "Fair";
  return "Needs Improvement";
}

services::cache_snapshot cache_admin::snapshot() const {
  services::cache_snapshot s;
  s.namespaces = cache_.figures();
  s.keys_in_redis = cache_.redis() != nullptr;
  for (auto& f : s.namespaces) {
    f.hit_ratio_percent = hit_ratio_percent(f.hits, f.misses);
    f.efficiency_rating = efficiency_rating(f.hits, f.misses);
    s.hits += f.hits;
    s.misses += f.misses;
    s.keys += s.keys_in_redis ? f.redis_keys : f.memory_keys;
    s.bytes += s.keys_in_redis ? f.redis_bytes : f.memory_bytes;
  }
  if (auto* redis = cache_.redis()) {
    const auto info = redis->info();
    s.redis = services::redis_figures{info.connected, info.ping_ms, info.uptime_seconds, redis->failures()};
    s.backend = "Redis";
    s.version = info.version;
    s.used_memory = info.used_memory;
    s.max_memory = info.max_memory;
    s.connected_clients = info.connected_clients;
  } else {
    s.backend = "in-process";
    s.version = "in-process";
    s.used_memory = cache_.memory() ? static_cast<std::int64_t>(cache_.memory()->bytes()) : 0;
    s.max_memory = static_cast<std::int64_t>(cache_.settings().memory_bytes);
  }
  s.fleet = cache_.fleet_figures();
  s.hit_ratio_percent = hit_ratio_percent(s.hits, s.misses);
  s.efficiency_rating = efficiency_rating(s.hits, s.misses);
  s.memory_utilization_percent = memory_utilization_percent(s.used_memory, s.max_memory);
  return s;
}

services::cache_configuration cache_admin::configuration() const {
  services::cache_configuration c;
  const bool redis = cache_.redis() != nullptr;
  c.backend = redis ? "Redis" : "in-process";
  c.levels = redis ? (cache_.memory() ? "L1 in-process + L2 Redis" : "Redis") : "L1 in-process";
  c.prefix = cache_.settings().prefix;
  c.memory_limit_bytes = static_cast<std::int64_t>(cache_.settings().memory_bytes);
  for (auto ns : all_namespaces) {
    services::namespace_figures f;
    f.name = name_of(ns);
    const auto fresh = cache_.freshness_of(ns);
    f.ttl_seconds = fresh.ttl.count();
    f.stale_while_revalidate_seconds = fresh.while_revalidate.count();
    f.stale_if_error_seconds = fresh.if_error.count();
    c.namespaces.push_back(f);
  }
  for (auto what : services::all_changes) {
    services::invalidation_rule rule{rule_name_of(what), {}, {}};
    for (auto ns : namespaces_changed_by(what)) {
      rule.namespaces.push_back(name_of(ns));
      if (confined_to_touched(what, ns)) rule.confined_to_touched.push_back(name_of(ns));
    }
    c.invalidation.push_back(std::move(rule));
  }
  return c;
}

std::vector<services::namespace_keys> cache_admin::key_samples(std::size_t per_namespace) const {
  std::vector<services::namespace_keys> samples;
  samples.reserve(all_namespaces.size());
  for (auto ns : all_namespaces) samples.push_back({name_of(ns), {}});
  if (const auto* memory = cache_.memory()) {
    memory->inspect([&](const memory_backend::visit& v) {
      const auto ns = cache_.namespace_of(v.key);
      if (v.expired || !ns) return;
      auto& keys = samples[static_cast<std::size_t>(*ns)].keys;
      if (keys.size() < per_namespace) {
        keys.push_back({std::string(v.key), std::chrono::duration_cast<std::chrono::seconds>(v.remaining).count()});
      }
    });
  }
  return samples;
}

bool cache_admin::clear(std::string_view name) {
  const auto ns = namespace_named(name);
  if (!ns) return false;
  cache_.clear(*ns);
  return true;
}

services::cache_health assess(const services::cache_snapshot& s) {
  constexpr std::uint64_t meaningful_requests = 100;
  services::cache_health h;
  if (s.redis && !s.redis->connected)
    raise(h, "unhealthy", "Redis is unreachable; requests are served from the database");
  if (s.hits + s.misses >= meaningful_requests) {
    char ratio[16];
    std::snprintf(ratio, sizeof ratio, "%.2f%%", s.hit_ratio_percent);
    if (s.hit_ratio_percent < 50) {
      raise(h, "critical", std::string("Critical hit ratio: ") + ratio);
    } else if (s.hit_ratio_percent < 70) {
      raise(h, "warning", std::string("Low hit ratio: ") + ratio);
    }
  }
  if (s.memory_utilization_percent > 90) {
    raise(h, "critical", "Memory usage above 90%");
  } else if (s.memory_utilization_percent > 80) {
    raise(h, "warning", "Memory usage above 80%");
  }
  if (s.redis && s.redis->connected) {
    if (s.redis->ping_ms > 500) {
      raise(h, "critical", "Redis response time above 500 ms");
    } else if (s.redis->ping_ms > 100) {
      raise(h, "warning", "Redis response time above 100 ms");
    }
  }
  return h;
}

std::vector<std::string> recommendations_for(const services::cache_snapshot& s) {
  std::vector<std::string> advice;
  const bool requested = s.hits + s.misses > 0;
  if (requested && s.hit_ratio_percent < 50) {
    advice.emplace_back(
        "Hit ratio is critical (below 50%): warm the cache (POST /cache/warm/popular) or lengthen TTLs");
  } else if (requested && s.hit_ratio_percent < 70) {
    advice.emplace_back("Hit ratio is below 70%: review TTLs and warm frequently read data");
  }
  if (s.memory_utilization_percent > 90) {
    advice.emplace_back("Memory use is above 90% of the limit: raise the limit or shorten TTLs now");
  } else if (s.memory_utilization_percent > 80) {
    advice.emplace_back("Memory use is above 80% of the limit: consider more memory or shorter TTLs");
  }
  if (s.keys > 0 && s.bytes / s.keys > 10240) advice.emplace_back("Large average entry size: paginate large lists");
  if (s.redis && !s.redis->connected)
    advice.emplace_back("Redis is unreachable: requests are served from the database");
  if (advice.empty()) advice.emplace_back("Cache is performing well; no action needed");
  return advice;
}

}  // namespace zomato::cache
