#include "schemas/cache_schemas.hpp"

#include <cstdio>

#include "domain/clock.hpp"
#include "domain/rounding.hpp"

namespace zomato::schemas {
namespace {

using http::json_writer;
using services::cache_snapshot;

std::int64_t keys_of(const cache_snapshot& s, const services::namespace_figures& f) {
  return s.keys_in_redis ? f.redis_keys : f.memory_keys;
}

std::int64_t bytes_of(const cache_snapshot& s, const services::namespace_figures& f) {
  return s.keys_in_redis ? f.redis_bytes : f.memory_bytes;
}

std::int64_t body_bytes_of(const cache_snapshot& s, const services::namespace_figures& f) {
  return s.keys_in_redis ? f.redis_value_bytes : f.memory_body_bytes;
}

// Memory spent per byte stored (1.0: no overhead); 0 when nothing is stored.
double overhead_ratio(std::int64_t spent, std::int64_t stored) {
  return stored <= 0 ? 0.0 : domain::two_decimals(static_cast<double>(spent) / static_cast<double>(stored));
}

void write_recommendations(json_writer& out, const std::vector<std::string>& recommendations) {
  out.key("recommendations").begin_array();
  for (const auto& advice : recommendations) out.value(advice);
  out.end_array();
}

}  // namespace

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

std::string render_cache_envelope(const std::function<void(json_writer&)>& body) {
  json_writer out;
  out.begin_object().field("status", "success");
  body(out);
  out.field("timestamp", domain::epoch_seconds_now()).end_object();
  return std::move(out.text());
}

void write_hit_ratio(json_writer& out, const cache_snapshot& s) {
  out.begin_object()
      .field("hit_ratio_percent", s.hit_ratio_percent)
      .field("cache_hits", static_cast<std::int64_t>(s.hits))
      .field("cache_misses", static_cast<std::int64_t>(s.misses))
      .field("total_requests", static_cast<std::int64_t>(s.hits + s.misses))
      .field("efficiency_rating", s.efficiency_rating)
      .end_object();
}

void write_memory(json_writer& out, const cache_snapshot& s) {
  const double average =
      s.keys == 0 ? 0.0 : domain::two_decimals(static_cast<double>(s.bytes) / static_cast<double>(s.keys));
  out.begin_object()
      .field("total_memory_used", s.used_memory)
      .field("memory_used_human", human_bytes(s.used_memory))
      .field("max_memory_configured", s.max_memory)
      .field("memory_utilization_percent", s.memory_utilization_percent)
      .field("total_cache_keys", s.keys)
      .field("average_key_size_bytes", average)
      .field("memory_efficiency", average <= 1024    ? "Excellent"
                                  : average <= 10240 ? "Good"
                                                     : "Review Large Keys")
      .field("backend", s.backend)
      .end_object();
}

void write_overview(json_writer& out, const cache_snapshot& s) {
  out.begin_object()
      .field("total_keys", s.keys)
      .field("total_namespaces", static_cast<std::int64_t>(s.namespaces.size()))
      .field("memory_usage", human_bytes(s.used_memory))
      .field("memory_estimate_bytes", s.bytes)
      .field("connected_clients", s.connected_clients)
      .field("cache_hits", static_cast<std::int64_t>(s.hits))
      .field("cache_misses", static_cast<std::int64_t>(s.misses))
      .field("hit_ratio_percent", s.hit_ratio_percent)
      .field("redis_version", s.version)
      .field("backend", s.backend)
      .end_object();
}

void write_warm_summary(json_writer& out, const std::vector<services::warm_step>& steps) {
  std::int64_t items = 0;
  double time = 0.0;
  out.key("warmed_data").begin_array();
  for (const auto& step : steps) {
    out.begin_object().field("type", step.type).field("count", step.count).field("time_ms", step.time_ms).end_object();
    items += step.count;
    time += step.time_ms;
  }
  out.end_array()
      .key("summary")
      .begin_object()
      .field("total_items_warmed", items)
      .field("total_time_ms", domain::two_decimals(time))
      .field("average_time_per_item_ms", items == 0 ? 0.0 : domain::two_decimals(time / static_cast<double>(items)))
      .end_object();
}

std::string render_cache_stats(const cache_snapshot& s) {
  return render_cache_envelope([&](json_writer& out) {
    out.key("cache_stats")
        .begin_object()
        .field("total_keys", s.keys)
        .field("memory_usage", human_bytes(s.used_memory))
        .field("connected_clients", s.connected_clients)
        .field("cache_hits", static_cast<std::int64_t>(s.hits))
        .field("cache_misses", static_cast<std::int64_t>(s.misses))
        .field("backend", s.backend)
        .key("keys_by_namespace")
        .begin_object();
    for (const auto& f : s.namespaces) out.key_text(f.name).value(keys_of(s, f));
    out.end_object().end_object();
    const auto& fleet = s.fleet;
    out.key("fleet")
        .begin_object()
        .field("node", fleet.node)
        .field("state", fleet.state)
        .field("bound_ms", fleet.bound_ms)
        .field("confirmed_ms_ago", fleet.confirmed_ms_ago)
        .field("messages_received", static_cast<std::int64_t>(fleet.messages_received))
        .field("resyncs", static_cast<std::int64_t>(fleet.resyncs))
        .field("bumps", static_cast<std::int64_t>(fleet.bumps))
        .field("bump_failures", static_cast<std::int64_t>(fleet.bump_failures))
        .field("unannounced_writes_found", static_cast<std::int64_t>(fleet.unannounced_writes_found))
        .field("bump_mean_us", domain::two_decimals(fleet.bump_mean_us))
        .key("delivery_ms")
        .begin_object()
        .field("count", static_cast<std::int64_t>(fleet.delivery_ms.count))
        .field("p50", domain::two_decimals(fleet.delivery_ms.p50))
        .field("p99", domain::two_decimals(fleet.delivery_ms.p99))
        .field("max", domain::two_decimals(fleet.delivery_ms.max))
        .end_object()
        .end_object();
  });
}

std::string render_detailed_stats(const cache_snapshot& s, const std::vector<services::namespace_keys>& samples) {
  return render_cache_envelope([&](json_writer& out) {
    out.key("detailed_stats").begin_object().key("overview");
    write_overview(out, s);
    out.key("namespace_details").begin_object();
    for (std::size_t i = 0; i < s.namespaces.size(); ++i) {
      const auto& f = s.namespaces[i];
      const auto& keys = samples[i].keys;
      out.key_text(f.name)
          .begin_object()
          .field("key_count", keys_of(s, f))
          .field("memory_keys", f.memory_keys)
          .field("redis_keys", f.redis_keys)
          .field("hits", static_cast<std::int64_t>(f.hits))
          .field("misses", static_cast<std::int64_t>(f.misses))
          .field("memory_estimate", bytes_of(s, f))
          .key("keys")
          .begin_array();
      for (const auto& sample : keys) out.value(sample.key);
      out.end_array().key("ttl_info").begin_object();
      for (const auto& sample : keys) out.key_text(sample.key).value(sample.ttl_seconds);
      out.end_object().end_object();
    }
    out.end_object().key("ttl_configuration").begin_object();
    for (const auto& f : s.namespaces) out.key_text(f.name).value(std::to_string(f.ttl_seconds) + "s");
    out.end_object().end_object();
  });
}

std::string render_namespace_statistics(const cache_snapshot& s) {
  return render_cache_envelope([&](json_writer& out) {
    out.key("namespace_statistics").begin_object();
    for (const auto& f : s.namespaces) {
      const auto keys = keys_of(s, f);
      const auto bytes = bytes_of(s, f);
      out.key_text(f.name)
          .begin_object()
          .field("key_count", keys)
          .field("memory_estimate_bytes", bytes)
          .field("memory_estimate_human", human_bytes(bytes))
          .field("average_key_size_bytes",
                 keys == 0 ? 0.0 : domain::two_decimals(static_cast<double>(bytes) / static_cast<double>(keys)))
          .field("hits", static_cast<std::int64_t>(f.hits))
          .field("misses", static_cast<std::int64_t>(f.misses))
          .field("hit_ratio_percent", f.hit_ratio_percent)
          .field("efficiency_rating", f.efficiency_rating)
          .field("ttl_seconds", f.ttl_seconds)
          .field("stored_body_bytes", body_bytes_of(s, f))
          .field("overhead_ratio", overhead_ratio(bytes, body_bytes_of(s, f)))
          .end_object();
    }
    out.end_object().key("overview");
    write_overview(out, s);
  });
}

std::string render_hit_ratio_metrics(const cache_snapshot& s) {
  return render_cache_envelope([&](json_writer& out) {
    out.key("metrics");
    write_hit_ratio(out, s);
  });
}

std::string render_memory_analysis(const cache_snapshot& s, const std::vector<std::string>* recommendations) {
  return render_cache_envelope([&](json_writer& out) {
    out.key("memory_analysis");
    write_memory(out, s);
    if (recommendations) write_recommendations(out, *recommendations);
  });
}

std::string render_cache_health(const cache_snapshot& s, const services::cache_health& h,
                                const std::vector<services::task_status>& tasks) {
  return render_cache_envelope([&](json_writer& out) {
    out.key("background_tasks").begin_array();
    for (const auto& task : tasks) {
      out.begin_object()
          .field("name", task.name)
          .field("interval_seconds", task.interval_seconds)
          .field("runs", task.runs)
          .field("last_run", task.last_run)
          .field("last_result", task.last_result)
          .end_object();
    }
    out.end_array();
    out.key("health_check")
        .begin_object()
        .field("status", h.status)
        .field("backend", s.backend)
        .field("ping_time_ms", s.redis ? domain::two_decimals(s.redis->ping_ms) : 0.0)
        .field("redis_version", s.version)
        .field("uptime_seconds", s.redis ? s.redis->uptime_seconds : std::int64_t{0})
        .field("connected_clients", s.connected_clients)
        .field("redis_failures", static_cast<std::int64_t>(s.redis ? s.redis->failures : 0))
        .key("health_issues")
        .begin_array();
    for (const auto& issue : h.issues) out.value(issue);
    out.end_array().key("performance_metrics").begin_object().key("hit_ratio");
    write_hit_ratio(out, s);
    out.key("memory_usage");
    write_memory(out, s);
    out.end_object().field("timestamp", domain::epoch_seconds_now()).end_object();
  });
}

std::string render_cache_configuration(const services::cache_configuration& c) {
  json_writer out;
  out.begin_object()
      .key("cache_configuration")
      .begin_object()
      .field("backend", c.backend)
      .field("levels", c.levels)
      .field("prefix", c.prefix)
      .field("strategy", "Multi-Level Caching with Relationship Awareness")
      .field("memory_limit_bytes", c.memory_limit_bytes)
      .key("namespaces")
      .begin_object();
  for (const auto& f : c.namespaces) out.key_text(f.name).value(f.name);
  out.end_object().key("ttl_seconds").begin_object();
  for (const auto& f : c.namespaces) out.key_text(f.name).value(f.ttl_seconds);
  out.end_object().key("stale_seconds").begin_object();
  for (const auto& f : c.namespaces) {
    out.key_text(f.name)
        .begin_object()
        .field("while_revalidate", f.stale_while_revalidate_seconds)
        .field("if_error", f.stale_if_error_seconds)
        .end_object();
  }
  out.end_object().end_object();
  out.key("advanced_invalidation_rules")
      .begin_object()
      .field("mechanism",
             "namespace and scope generations: a write moves on the generation of every namespace it can "
             "change, or there of the scopes of the entities it touched, before it is acknowledged");
  // Each write with the namespaces `names` lists for it; a write with none is left out.
  const auto by_write = [&](http::literal_key key, std::vector<std::string_view> services::invalidation_rule::*names) {
    out.key(key).begin_object();
    for (const auto& rule : c.invalidation) {
      if ((rule.*names).empty()) continue;
      out.key_text(rule.write).begin_array();
      for (const auto name : rule.*names) out.value(name);
      out.end_array();
    }
    out.end_object();
  };
  by_write("hierarchical_invalidation", &services::invalidation_rule::namespaces);
  by_write("confined_to_touched_entities", &services::invalidation_rule::confined_to_touched);
  out.end_object();
  out.key("performance_features")
      .begin_object()
      .field("cache_warming", "POST /cache/warm, /cache/warm/popular, /cache/warm/{namespace}")
      .field("hit_ratio_tracking", "hits and misses counted per namespace by this server")
      .field("conditional_requests", "ETag and If-None-Match (304); Cache-Control no-cache and no-store")
      .field("single_flight", "one computation per missing key; concurrent reads of it wait for its answer")
      .field("stale_while_revalidate",
             "after its TTL, within stale_seconds.while_revalidate, an entry is served while one refresh runs; "
             "within stale_seconds.if_error, when computing it again fails; never after an invalidation")
      .field("memory_usage_monitoring", "GET /cache/memory-usage")
      .end_object()
      .end_object();
  return std::move(out.text());
}

std::string render_comprehensive_report(const cache_snapshot& s, const services::cache_health& h, double uncached_ms,
                                        double cached_ms, const std::vector<std::string>& recommendations) {
  return render_cache_envelope([&](json_writer& out) {
    out.key("comprehensive_report")
        .begin_object()
        .field("report_timestamp", domain::epoch_seconds_now())
        .field("cache_availability", !s.redis || s.redis->connected)
        .key("basic_statistics")
        .begin_object()
        .field("total_keys", s.keys)
        .field("cache_hits", static_cast<std::int64_t>(s.hits))
        .field("cache_misses", static_cast<std::int64_t>(s.misses))
        .field("backend", s.backend)
        .end_object()
        .key("detailed_statistics");
    write_overview(out, s);
    out.key("performance_metrics").begin_object().key("hit_ratio_analysis");
    write_hit_ratio(out, s);
    out.key("memory_usage_analysis");
    write_memory(out, s);
    out.key("sample_query_time_ms")
        .begin_object()
        .field("uncached", uncached_ms)
        .field("cached", cached_ms)
        .end_object()
        .field("cache_status", h.status)
        .end_object();
    write_recommendations(out, recommendations);
    out.end_object();
  });
}

}  // namespace zomato::schemas
