#include "api/cache_routes.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include <nlohmann/json.hpp>

#include "api/cache_figures.hpp"
#include "http/json_writer.hpp"
#include "http/responses.hpp"

namespace zomato::api {
namespace {

using http::json_writer;
using http::params;
using http::request;
using http::verb;

const char* const tag = "Cache";
constexpr std::size_t warm_limit = 50;

http::response envelope(const std::function<void(json_writer&)>& body) {
  json_writer out;
  out.begin_object().field("status", "success");
  body(out);
  out.field("timestamp", epoch_seconds()).end_object();
  return http::json(200, std::move(out.text()));
}

void write_namespace_counts(json_writer& out, const cache_snapshot& s, bool redis) {
  out.begin_object();
  for (const auto& f : s.namespaces) out.key_text(cache::name_of(f.ns)).value(redis ? f.redis_keys : f.memory_keys);
  out.end_object();
}

void write_summary(json_writer& out, const std::vector<warm_step>& steps) {
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
      .field("total_time_ms", std::round(time * 100) / 100)
      .field("average_time_per_item_ms", items == 0 ? 0.0 : std::round(time / static_cast<double>(items) * 100) / 100)
      .end_object();
}

struct timing {
  double uncached_ms;
  double cached_ms;
};

// The same request answered from the database (no-store) and from a warm cache.
timing time_both(const internal_get& get, std::string_view path, std::string_view query) {
  auto started = std::chrono::steady_clock::now();
  get(path, query, "no-store");
  const double uncached = elapsed_ms(started);
  get(path, query, "");
  started = std::chrono::steady_clock::now();
  get(path, query, "");
  return {uncached, elapsed_ms(started)};
}

// Memory spent per byte stored (1.0: no overhead); 0 when nothing is stored.
double overhead_ratio(std::int64_t spent, std::int64_t stored) {
  return stored <= 0 ? 0.0 : std::round(static_cast<double>(spent) / static_cast<double>(stored) * 100) / 100;
}

std::string name_in(std::string_view body) {
  const auto document = nlohmann::json::parse(body, nullptr, false);
  if (document.is_discarded() || !document.contains("name") || !document["name"].is_string()) return {};
  return document["name"].get<std::string>();
}

double improvement_percent(double before, double after) {
  return before <= 0 ? 0.0 : std::round((before - after) / before * 10000) / 100;
}

double speed_multiplier(double before, double after) {
  return after <= 0 ? 0.0 : std::round(before / after * 100) / 100;
}

}  // namespace

void add_cache_routes(http::router& routes, openapi_components& docs, cache::response_cache& cache, internal_get get,
                      services::catalog_analytics_service& analytics, const task_board& tasks) {
  docs.raw("CacheEnvelope",
           R"({"type":"object","properties":{"status":{"type":"string"},"timestamp":{"type":"number"}}})");
  auto warmer = std::make_shared<cache_warmer>(get);

  routes.add({verb::get,
              "/cache/stats",
              {},
              [&cache](const request&, const params&) {
                const auto s = snapshot_of(cache);
                return envelope([&](json_writer& out) {
                  out.key("cache_stats")
                      .begin_object()
                      .field("total_keys", s.keys)
                      .field("memory_usage", human_bytes(s.used_memory))
                      .field("connected_clients", s.connected_clients)
                      .field("cache_hits", static_cast<std::int64_t>(s.hits))
                      .field("cache_misses", static_cast<std::int64_t>(s.misses))
                      .field("backend", s.backend)
                      .key("keys_by_namespace");
                  write_namespace_counts(out, s, cache.redis() != nullptr);
                  out.end_object();
                });
              },
              {tag, "Keys, memory, hits and misses", "", "CacheEnvelope"}});

  routes.add({verb::get,
              "/cache/stats/detailed",
              {},
              [&cache](const request&, const params&) {
                const auto s = snapshot_of(cache);
                std::map<std::string, std::vector<std::pair<std::string, std::int64_t>>> samples;
                if (auto* memory = cache.memory()) {
                  memory->inspect([&](const cache::memory_backend::visit& v) {
                    const auto ns = cache.namespace_of(v.key);
                    if (v.expired || !ns) return;
                    auto& list = samples[std::string(cache::name_of(*ns))];
                    if (list.size() < 20) {
                      list.emplace_back(v.key, std::chrono::duration_cast<std::chrono::seconds>(v.remaining).count());
                    }
                  });
                }
                return envelope([&](json_writer& out) {
                  out.key("detailed_stats").begin_object().key("overview");
                  write_overview(out, s);
                  out.key("namespace_details").begin_object();
                  for (const auto& f : s.namespaces) {
                    const auto name = std::string(cache::name_of(f.ns));
                    out.key_text(name)
                        .begin_object()
                        .field("key_count", cache.redis() ? f.redis_keys : f.memory_keys)
                        .field("memory_keys", f.memory_keys)
                        .field("redis_keys", f.redis_keys)
                        .field("hits", static_cast<std::int64_t>(f.hits))
                        .field("misses", static_cast<std::int64_t>(f.misses))
                        .field("memory_estimate", cache.redis() ? f.redis_bytes : f.memory_bytes)
                        .key("keys")
                        .begin_array();
                    for (const auto& [key, ttl] : samples[name]) out.value(key);
                    out.end_array().key("ttl_info").begin_object();
                    for (const auto& [key, ttl] : samples[name]) out.key_text(key).value(ttl);
                    out.end_object().end_object();
                  }
                  out.end_object().key("ttl_configuration").begin_object();
                  for (const auto& f : s.namespaces)
                    out.key_text(cache::name_of(f.ns)).value(std::to_string(f.ttl.count()) + "s");
                  out.end_object().end_object();
                });
              },
              {tag, "Per-namespace keys, TTLs, memory, hits and misses", "", "CacheEnvelope"}});

  routes.add({verb::get,
              "/cache/stats/namespaces",
              {},
              [&cache](const request&, const params&) {
                const auto s = snapshot_of(cache);
                return envelope([&](json_writer& out) {
                  out.key("namespace_statistics").begin_object();
                  for (const auto& f : s.namespaces) {
                    const auto keys = cache.redis() ? f.redis_keys : f.memory_keys;
                    const auto bytes = cache.redis() ? f.redis_bytes : f.memory_bytes;
                    out.key_text(cache::name_of(f.ns))
                        .begin_object()
                        .field("key_count", keys)
                        .field("memory_estimate_bytes", bytes)
                        .field("memory_estimate_human", human_bytes(bytes))
                        .field("average_key_size_bytes",
                               keys == 0
                                   ? 0.0
                                   : std::round(static_cast<double>(bytes) / static_cast<double>(keys) * 100) / 100)
                        .field("hits", static_cast<std::int64_t>(f.hits))
                        .field("misses", static_cast<std::int64_t>(f.misses))
                        .field("hit_ratio_percent", hit_ratio_percent(f.hits, f.misses))
                        .field("efficiency_rating", efficiency_rating(f.hits, f.misses))
                        .field("ttl_seconds", static_cast<std::int64_t>(f.ttl.count()))
                        .field("stored_body_bytes", cache.redis() ? f.redis_value_bytes : f.memory_body_bytes)
                        .field("overhead_ratio",
                               overhead_ratio(bytes, cache.redis() ? f.redis_value_bytes : f.memory_body_bytes))
                        .end_object();
                  }
                  out.end_object().key("overview");
                  write_overview(out, s);
                });
              },
              {tag, "Statistics by namespace", "", "CacheEnvelope"}});

  routes.add({verb::get,
              "/cache/metrics/hit-ratio",
              {},
              [&cache](const request&, const params&) {
                const auto s = snapshot_of(cache);
                return envelope([&](json_writer& out) {
                  out.key("metrics");
                  write_hit_ratio(out, s);
                });
              },
              {tag, "Hit ratio and its rating", "", "CacheEnvelope"}});

  const auto memory_route = [&cache](bool with_advice) {
    return [&cache, with_advice](const request&, const params&) {
      const auto s = snapshot_of(cache);
      return envelope([&](json_writer& out) {
        out.key("memory_analysis");
        write_memory(out, s);
        if (with_advice) {
          out.key("recommendations").begin_array();
          for (const auto& advice : recommendations_for(s)) out.value(advice);
          out.end_array();
        }
      });
    };
  };
  routes.add({verb::get,
              "/cache/metrics/memory-usage",
              {},
              memory_route(false),
              {tag, "Memory used by the cache", "", "CacheEnvelope"}});
  routes.add({verb::get,
              "/cache/memory-usage",
              {},
              memory_route(true),
              {tag, "Memory used by the cache, with recommendations", "", "CacheEnvelope"}});

  routes.add({verb::get,
              "/cache/health",
              {},
              [&cache, &tasks](const request&, const params&) {
                const auto s = snapshot_of(cache);
                const auto h = assess(s);
                return envelope([&](json_writer& out) {
                  out.key("background_tasks").begin_array();
                  for (const auto& task : tasks.all()) {
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
                      .field("ping_time_ms", s.redis ? std::round(s.redis->ping_ms * 100) / 100 : 0.0)
                      .field("redis_version", s.version)
                      .field("uptime_seconds", s.redis ? s.redis->uptime_seconds : std::int64_t{0})
                      .field("connected_clients", s.connected_clients)
                      .field("redis_failures", static_cast<std::int64_t>(cache.redis() ? cache.redis()->failures() : 0))
                      .key("health_issues")
                      .begin_array();
                  for (const auto& issue : h.issues) out.value(issue);
                  out.end_array().key("performance_metrics").begin_object().key("hit_ratio");
                  write_hit_ratio(out, s);
                  out.key("memory_usage");
                  write_memory(out, s);
                  out.end_object().field("timestamp", epoch_seconds()).end_object();
                });
              },
              {tag, "Cache health against the warning and critical thresholds", "", "CacheEnvelope"}});

  routes.add({verb::get,
              "/cache/info",
              {},
              [&cache](const request&, const params&) {
                json_writer out;
                out.begin_object()
                    .key("cache_configuration")
                    .begin_object()
                    .field("backend", cache.redis() ? "Redis" : "in-process")
                    .field("levels",
                           cache.redis() ? (cache.memory() ? "L1 in-process + L2 Redis" : "Redis") : "L1 in-process")
                    .field("prefix", cache.settings().prefix)
                    .field("strategy", "Multi-Level Caching with Relationship Awareness")
                    .field("memory_limit_bytes", static_cast<std::int64_t>(cache.settings().memory_bytes))
                    .key("namespaces")
                    .begin_object();
                for (auto ns : cache::all_namespaces) out.key_text(cache::name_of(ns)).value(cache::name_of(ns));
                out.end_object().key("ttl_seconds").begin_object();
                for (auto ns : cache::all_namespaces)
                  out.key_text(cache::name_of(ns)).value(static_cast<std::int64_t>(cache.ttl_for(ns).count()));
                out.end_object().end_object();
                out.key("advanced_invalidation_rules")
                    .begin_object()
                    .field("mechanism",
                           "namespace generations: a write moves on the generation of every namespace it can change, "
                           "before it is acknowledged")
                    .key("hierarchical_invalidation")
                    .begin_object()
                    .key("restaurant_update")
                    .begin_array()
                    .value("restaurants")
                    .value("search")
                    .value("restaurant-menus")
                    .value("menu-items")
                    .value("orders")
                    .value("analytics")
                    .value("realtime")
                    .end_array()
                    .key("menu_item_update")
                    .begin_array()
                    .value("menu-items")
                    .value("restaurant-menus")
                    .value("search")
                    .value("analytics")
                    .value("orders")
                    .value("realtime")
                    .end_array()
                    .key("order_placement")
                    .begin_array()
                    .value("orders")
                    .value("analytics")
                    .value("realtime")
                    .end_array()
                    .key("review_addition")
                    .begin_array()
                    .value("reviews")
                    .value("restaurants")
                    .value("search")
                    .value("restaurant-menus")
                    .value("menu-items")
                    .value("orders")
                    .value("analytics")
                    .value("realtime")
                    .end_array()
                    .end_object()
                    .end_object();
                out.key("performance_features")
                    .begin_object()
                    .field("cache_warming", "POST /cache/warm, /cache/warm/popular, /cache/warm/{namespace}")
                    .field("hit_ratio_tracking", "hits and misses counted per namespace by this server")
                    .field("conditional_requests", "ETag and If-None-Match (304); Cache-Control no-cache and no-store")
                    .field("memory_usage_monitoring", "GET /cache/memory-usage")
                    .end_object()
                    .end_object();
                return http::json(200, std::move(out.text()));
              },
              {tag, "Cache configuration, invalidation rules and features", "", "CacheEnvelope"}});

  routes.add({verb::delete_,
              "/cache/clear",
              {},
              [&cache](const request&, const params&) {
                cache.clear_all();
                return envelope([](json_writer& out) { out.field("message", "Entire cache cleared successfully"); });
              },
              {tag, "Clear the entire cache", "", "CacheEnvelope"}});

  routes.add({verb::delete_,
              "/cache/clear/expired",
              {},
              [&cache](const request&, const params&) {
                const auto removed = cache.remove_stale();
                return envelope([&](json_writer& out) {
                  out.field("message", "Expired and superseded keys removed").field("removed_keys", removed);
                });
              },
              {tag, "Remove expired keys", "", "CacheEnvelope"}});

  routes.add({verb::delete_,
              "/cache/clear/{namespace}",
              {http::path_text("namespace", "Cache namespace")},
              [&cache](const request&, const params& p) {
                const auto name = *p.text("namespace");
                const auto ns = cache::namespace_named(name);
                if (!ns) return http::detail(400, "Unknown namespace: " + name);
                cache.clear(*ns);
                return envelope([&](json_writer& out) {
                  out.field("message", "Cache namespace " + name + " cleared successfully")
                      .field("namespace", name)
                      .key("cleared_namespaces")
                      .begin_array()
                      .value(name)
                      .end_array();
                });
              },
              {tag, "Clear one namespace", "", "CacheEnvelope"}});

  routes.add(
      {verb::post,
       "/cache/warm",
       {},
       [warmer](const request&, const params&) {
         std::vector<warm_step> steps;
         for (auto ns :
              {cache::cache_namespace::restaurants, cache::cache_namespace::restaurant_menus,
               cache::cache_namespace::menu_items, cache::cache_namespace::search, cache::cache_namespace::analytics}) {
           steps.push_back(warmer->warm(std::string(cache::name_of(ns)), warmer->targets_of(ns, warm_limit)));
         }
         return envelope([&](json_writer& out) {
           out.field("message", "Cache warmed").key("results").begin_object().field("timestamp", epoch_seconds());
           write_summary(out, steps);
           out.end_object();
         });
       },
       {tag, "Warm restaurants, menus, menu items, searches and analytics", "", "CacheEnvelope"}});

  routes.add({verb::post,
              "/cache/warm/popular",
              {},
              [warmer, &cache, &analytics](const request&, const params&) {
                std::vector<std::string> busiest;
                for (const auto id : analytics.most_ordered_restaurants(warm_limit)) {
                  const auto base = "/restaurants/" + std::to_string(id);
                  for (const char* shape : {"", "/with-menu", "/menu"}) busiest.push_back(base + shape);
                }
                std::vector<std::string> most_used;
                for (const auto& entry : cache.most_used(warm_limit)) most_used.push_back(entry.target);
                const auto restaurants = warmer->warm("busiest_restaurants", busiest);
                const auto requested = warmer->warm("most_requested", most_used);
                return envelope([&](json_writer& out) {
                  out.field(
                         "message",
                         "Popular data warmed: the restaurants with the most orders, then the most requested entries")
                      .key("results")
                      .begin_object()
                      .field("timestamp", epoch_seconds());
                  write_summary(out, {restaurants, requested});
                  out.end_object();
                });
              },
              {tag, "Warm the busiest restaurants and the most requested entries", "", "CacheEnvelope"}});

  routes.add({verb::post,
              "/cache/warm/{namespace}",
              {http::path_text("namespace", "Cache namespace")},
              [warmer](const request&, const params& p) {
                const auto name = *p.text("namespace");
                const auto ns = cache::namespace_named(name);
                if (!ns) return http::detail(400, "Unknown namespace: " + name);
                const auto step = warmer->warm(name, warmer->targets_of(*ns, warm_limit));
                return envelope([&](json_writer& out) {
                  out.field("message", "Namespace " + name + " warmed")
                      .key("warming_results")
                      .begin_object()
                      .field("namespace", name)
                      .field("items_warmed", step.count)
                      .field("time_taken_ms", step.time_ms)
                      .end_object();
                });
              },
              {tag, "Warm one namespace", "", "CacheEnvelope"}});

  routes.add({verb::get,
              "/cache/demo/cache-test/{restaurant_id}",
              {http::path_id("restaurant_id", "Restaurant id")},
              [get](const request&, const params& p) {
                const auto path = "/restaurants/" + std::to_string(p.integer("restaurant_id"));
                auto started = std::chrono::steady_clock::now();
                const auto first = get(path, "", "no-cache");
                const double first_ms = elapsed_ms(started);
                if (first.status != 200) return http::json(first.status, std::string(first.payload()));
                started = std::chrono::steady_clock::now();
                const auto second = get(path, "", "");
                const double second_ms = elapsed_ms(started);
                std::string status = "MISS";
                for (const auto& [name, value] : second.headers) {
                  if (name == "x-cache-status") status = value;
                }
                const auto restaurant = name_in(first.payload());
                json_writer out;
                char improvement[32];
                std::snprintf(improvement, sizeof improvement, "%.2f%%", improvement_percent(first_ms, second_ms));
                out.begin_object()
                    .field("restaurant_id", p.integer("restaurant_id"))
                    .field("restaurant_name", restaurant)
                    .key("performance_test")
                    .begin_object()
                    .field("first_request_ms", first_ms)
                    .field("second_request_ms", second_ms)
                    .field("performance_improvement", improvement)
                    .field("cache_status", status)
                    .end_object()
                    .field("timestamp", epoch_seconds())
                    .end_object();
                return http::json(200, std::move(out.text()));
              },
              {tag, "Time a restaurant read from the database, then from the cache", "", "CacheEnvelope"}});

  routes.add({verb::get,
              "/cache/demo/performance-comparison",
              {},
              [get](const request&, const params&) {
                const std::vector<std::pair<std::string, std::string>> operations{
                    {"restaurant_list", "/restaurants/"},
                    {"active_restaurants", "/restaurants/active"},
                    {"menu_items", "/menu-items/"},
                    {"vegetarian_items", "/menu-items/dietary/vegetarian"},
                    {"popular_cuisines", "/restaurants/analytics/popular-cuisines"},
                    {"price_ranges", "/restaurants/analytics/price-ranges"}};
                double total_uncached = 0;
                double total_cached = 0;
                json_writer out;
                out.begin_object().field("test_timestamp", epoch_seconds()).key("operations").begin_array();
                for (const auto& [name, path] : operations) {
                  const auto t = time_both(get, path, "");
                  total_uncached += t.uncached_ms;
                  total_cached += t.cached_ms;
                  out.begin_object()
                      .field("operation", name)
                      .field("non_cached_ms", t.uncached_ms)
                      .field("cached_ms", t.cached_ms)
                      .field("improvement_percent", improvement_percent(t.uncached_ms, t.cached_ms))
                      .field("speed_multiplier", speed_multiplier(t.uncached_ms, t.cached_ms))
                      .end_object();
                }
                out.end_array()
                    .key("summary")
                    .begin_object()
                    .field("total_operations", static_cast<std::int64_t>(operations.size()))
                    .field("total_non_cached_ms", std::round(total_uncached * 100) / 100)
                    .field("total_cached_ms", std::round(total_cached * 100) / 100)
                    .field("overall_improvement_percent", improvement_percent(total_uncached, total_cached))
                    .field("overall_speed_multiplier", speed_multiplier(total_uncached, total_cached))
                    .end_object()
                    .end_object();
                return http::json(200, std::move(out.text()));
              },
              {tag, "The same reads timed uncached and cached, inside the process", "", "CacheEnvelope"}});

  routes.add({verb::get,
              "/cache/performance/comprehensive-report",
              {},
              [&cache, get](const request&, const params&) {
                const auto sample = time_both(get, "/restaurants/", "");
                const auto s = snapshot_of(cache);
                const auto h = assess(s);
                return envelope([&](json_writer& out) {
                  out.key("comprehensive_report")
                      .begin_object()
                      .field("report_timestamp", epoch_seconds())
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
                      .field("uncached", sample.uncached_ms)
                      .field("cached", sample.cached_ms)
                      .end_object()
                      .field("cache_status", h.status)
                      .end_object()
                      .key("recommendations")
                      .begin_array();
                  for (const auto& advice : recommendations_for(s)) out.value(advice);
                  out.end_array().end_object();
                });
              },
              {tag, "Statistics, metrics, a timed sample and recommendations", "", "CacheEnvelope"}});
}

}  // namespace zomato::api
