#include "api/cache_routes.hpp"
#include "api/route_names.hpp"

#include "api/cache_demo_routes.hpp"
#include "domain/clock.hpp"
#include "http/json_writer.hpp"
#include "http/responses.hpp"
#include "schemas/cache_schemas.hpp"

namespace zomato::api {
namespace {

using http::json_writer;

const char* const tag = "Cache";
constexpr std::size_t warm_limit = 50;
constexpr std::size_t keys_shown_per_namespace = 20;

http::param_spec namespace_param() {
  auto spec = http::path_text("namespace", "Cache namespace; another name is answered 400", "restaurants");
  for (const auto& policy : cache::namespace_policies) spec.choices.emplace_back(policy.name);
  return spec;
}

http::response envelope(const std::function<void(json_writer&)>& body) {
  return http::json(200, schemas::render_cache_envelope(body));
}

// The namespaces POST /cache/warm fills, in order.
constexpr cache::cache_namespace warmed_by_default[] = {
    cache::cache_namespace::restaurants, cache::cache_namespace::restaurant_menus, cache::cache_namespace::menu_items,
    cache::cache_namespace::search, cache::cache_namespace::analytics};

/// The answers of the /cache routes, each an envelope {status, ..., timestamp}.
void describe_cache_answers(openapi_components& docs) {
  using namespace schemas;
  docs.tag(tag, "The response cache: statistics, health, configuration, clearing and warming");
  const auto envelope_of = [](std::vector<shape_field> fields) {
    fields.insert(fields.begin(), {"status", text_choice({"success"})});
    fields.push_back({"timestamp", number().described("Seconds since the Unix epoch")});
    return object_of(std::move(fields));
  };
  const auto backend = text_choice({"in-process", "Redis"});
  const auto rating = text_choice({"No Data", "Excellent", "Good", "Fair", "Needs Improvement"});
  const auto verdict = text_choice({"healthy", "warning", "critical", "unhealthy"});
  docs.add("HitRatio", object_of({{"hit_ratio_percent", number()},
                                  {"cache_hits", whole()},
                                  {"cache_misses", whole()},
                                  {"total_requests", whole()},
                                  {"efficiency_rating", rating}}));
  docs.add("MemoryAnalysis", object_of({{"total_memory_used", whole()},
                                        {"memory_used_human", text()},
                                        {"max_memory_configured", whole()},
                                        {"memory_utilization_percent", number()},
                                        {"total_cache_keys", whole()},
                                        {"average_key_size_bytes", number()},
                                        {"memory_efficiency", text_choice({"Excellent", "Good", "Review Large Keys"})},
                                        {"backend", backend}}));
  docs.add("CacheOverview", object_of({{"total_keys", whole()},
                                       {"total_namespaces", whole()},
                                       {"memory_usage", text()},
                                       {"memory_estimate_bytes", whole()},
                                       {"connected_clients", whole()},
                                       {"cache_hits", whole()},
                                       {"cache_misses", whole()},
                                       {"hit_ratio_percent", number()},
                                       {"redis_version", text()},
                                       {"backend", backend}}));
  const auto by_namespace = [](shape value) { return map_of(std::move(value)).described("By cache namespace"); };
  docs.add("Fleet",
           object_of(
               {{"node", text().described("This node's name, new with each process")},
                {"state", text_choice({"synced", "late", "resyncing", "down", "off"})
                              .described("synced: serving from the cache; late: heartbeat not answered "
                                         "within the bound; resyncing or down: not serving from the cache; "
                                         "off: no Redis")},
                {"bound_ms", whole().described("A read this long after a write's acknowledgement sees it")},
                {"confirmed_ms_ago", whole()},
                {"messages_received", whole().described("Invalidations heard from other nodes")},
                {"resyncs", whole()},
                {"bumps", whole().described("Writes whose generations this node moved in Redis")},
                {"bump_failures", whole()},
                {"unannounced_writes_found",
                 whole().described("Times this node found writes counted in the database that the fleet never "
                                   "heard of (their writer lost Redis or stopped), and moved the epoch on")},
                {"bump_mean_us", number()},
                {"delivery_ms", object_of({{"count", whole()}, {"p50", number()}, {"p99", number()}, {"max", number()}})
                                    .described("Publish-to-apply time of invalidations from other nodes")}}));
  docs.add("CacheStats", envelope_of({{"cache_stats", object_of({{"total_keys", whole()},
                                                                 {"memory_usage", text()},
                                                                 {"connected_clients", whole()},
                                                                 {"cache_hits", whole()},
                                                                 {"cache_misses", whole()},
                                                                 {"backend", backend},
                                                                 {"keys_by_namespace", by_namespace(whole())}})},
                                      {"fleet", component("Fleet")}}));
  docs.add("CacheStatsDetailed",
           envelope_of(
               {{"detailed_stats",
                 object_of({{"overview", component("CacheOverview")},
                            {"namespace_details", by_namespace(object_of({
                                                      {"key_count", whole()},
                                                      {"memory_keys", whole()},
                                                      {"redis_keys", whole()},
                                                      {"hits", whole()},
                                                      {"misses", whole()},
                                                      {"memory_estimate", whole()},
                                                      {"keys", list_of(text())},
                                                      {"ttl_info", map_of(whole()).described("Seconds left, by key")},
                                                  }))},
                            {"ttl_configuration", by_namespace(text().described("TTL, as \"300s\""))}})}}));
  docs.add("CacheNamespaceStats", envelope_of({{"namespace_statistics", by_namespace(object_of({
                                                                            {"key_count", whole()},
                                                                            {"memory_estimate_bytes", whole()},
                                                                            {"memory_estimate_human", text()},
                                                                            {"average_key_size_bytes", number()},
                                                                            {"hits", whole()},
                                                                            {"misses", whole()},
                                                                            {"hit_ratio_percent", number()},
                                                                            {"efficiency_rating", rating},
                                                                            {"ttl_seconds", whole()},
                                                                            {"stored_body_bytes", whole()},
                                                                            {"overhead_ratio", number()},
                                                                        }))},
                                               {"overview", component("CacheOverview")}}));
  docs.add("CacheHitRatio", envelope_of({{"metrics", component("HitRatio")}}));
  docs.add("CacheMemoryMetrics", envelope_of({{"memory_analysis", component("MemoryAnalysis")}}));
  docs.add("CacheMemoryUsage",
           envelope_of({{"memory_analysis", component("MemoryAnalysis")}, {"recommendations", list_of(text())}}));
  docs.add("CacheHealth",
           envelope_of({{"background_tasks", list_of(object_of({{"name", text()},
                                                                {"interval_seconds", whole()},
                                                                {"runs", whole()},
                                                                {"last_run", number()},
                                                                {"last_result", text()}}))},
                        {"health_check",
                         object_of({{"status", verdict},
                                    {"backend", backend},
                                    {"ping_time_ms", number()},
                                    {"redis_version", text()},
                                    {"uptime_seconds", whole()},
                                    {"connected_clients", whole()},
                                    {"redis_failures", whole()},
                                    {"health_issues", list_of(text())},
                                    {"performance_metrics", object_of({{"hit_ratio", component("HitRatio")},
                                                                       {"memory_usage", component("MemoryAnalysis")}})},
                                    {"timestamp", number()}})}}));
  docs.add("CacheInfo",
           object_of({{"cache_configuration",
                       object_of({{"backend", backend},
                                  {"levels", text()},
                                  {"prefix", text()},
                                  {"strategy", text()},
                                  {"memory_limit_bytes", whole()},
                                  {"namespaces", by_namespace(text())},
                                  {"ttl_seconds", by_namespace(whole())},
                                  {"stale_seconds",
                                   by_namespace(object_of({{"while_revalidate", whole()}, {"if_error", whole()}}))}})},
                      {"advanced_invalidation_rules",
                       object_of({{"mechanism", text()},
                                  {"hierarchical_invalidation",
                                   map_of(list_of(text())).described("The namespaces each kind of write invalidates")},
                                  {"confined_to_touched_entities",
                                   map_of(list_of(text()))
                                       .described("The namespaces where a kind of write drops only the entries of "
                                                  "the entities it touched and the unscoped ones")}})},
                      {"performance_features", map_of(text()).described("What the cache does, by feature")}}));
  docs.add("CacheCleared", envelope_of({{"message", text()}}));
  docs.add("CacheExpiredCleared", envelope_of({{"message", text()}, {"removed_keys", whole()}}));
  docs.add("CacheNamespaceCleared",
           envelope_of({{"message", text()}, {"namespace", text()}, {"cleared_namespaces", list_of(text())}}));
  docs.add("WarmResult",
           envelope_of({{"message", text()},
                        {"results",
                         object_of({{"timestamp", number()},
                                    {"warmed_data",
                                     list_of(object_of({{"type", text()}, {"count", whole()}, {"time_ms", number()}}))},
                                    {"summary", object_of({{"total_items_warmed", whole()},
                                                           {"total_time_ms", number()},
                                                           {"average_time_per_item_ms", number()}})}})}}));
  docs.add("CacheTest", object_of({{"restaurant_id", whole()},
                                   {"restaurant_name", text()},
                                   {"performance_test", object_of({{"first_request_ms", number()},
                                                                   {"second_request_ms", number()},
                                                                   {"performance_improvement", text()},
                                                                   {"cache_status", text()}})},
                                   {"timestamp", number()}}));
  docs.add("PerformanceComparison", object_of({{"test_timestamp", number()},
                                               {"operations", list_of(object_of({{"operation", text()},
                                                                                 {"non_cached_ms", number()},
                                                                                 {"cached_ms", number()},
                                                                                 {"improvement_percent", number()},
                                                                                 {"speed_multiplier", number()}}))},
                                               {"summary", object_of({{"total_operations", whole()},
                                                                      {"total_non_cached_ms", number()},
                                                                      {"total_cached_ms", number()},
                                                                      {"overall_improvement_percent", number()},
                                                                      {"overall_speed_multiplier", number()}})}}));
  docs.add(
      "CacheReport",
      envelope_of(
          {{"comprehensive_report",
            object_of({{"report_timestamp", number()},
                       {"cache_availability", flag()},
                       {"basic_statistics", object_of({{"total_keys", whole()},
                                                       {"cache_hits", whole()},
                                                       {"cache_misses", whole()},
                                                       {"backend", backend}})},
                       {"detailed_statistics", component("CacheOverview")},
                       {"performance_metrics",
                        object_of({{"hit_ratio_analysis", component("HitRatio")},
                                   {"memory_usage_analysis", component("MemoryAnalysis")},
                                   {"sample_query_time_ms", object_of({{"uncached", number()}, {"cached", number()}})},
                                   {"cache_status", verdict}})},
                       {"recommendations", list_of(text())}})}}));
  docs.add("NamespaceWarmResult",
           envelope_of({{"message", text()},
                        {"warming_results",
                         object_of({{"namespace", text()}, {"items_warmed", whole()}, {"time_taken_ms", number()}})}}));
}

}  // namespace

void add_cache_routes(http::router& routes, openapi_components& docs, cache::cache_admin& admin,
                      const internal_get& get, services::catalog_analytics_service& analytics,
                      const task_statuses& tasks) {
  describe_cache_answers(docs);
  auto warmer = std::make_shared<cache_warmer>(get);
  const auto warm_namespace = [warmer, &routes](cache::cache_namespace ns) {
    return warmer->warm(std::string(cache::name_of(ns)),
                        warmer->targets_of(warm_plan_of(routes.routes(), ns), warm_limit));
  };

  routes.add({verb::get,
              "/cache/stats",
              {},
              [&admin](const request&, const params&) {
                return http::json(200, schemas::render_cache_stats(admin.snapshot()));
              },
              {tag, "getCacheStats", "Keys, memory, hits and misses", "", "CacheStats"}});

  routes.add(
      {verb::get,
       "/cache/stats/detailed",
       {},
       [&admin](const request&, const params&) {
         const auto s = admin.snapshot();
         return http::json(200, schemas::render_detailed_stats(s, admin.key_samples(keys_shown_per_namespace)));
       },
       {tag, "getCacheStatsDetailed", "Per-namespace keys, TTLs, memory, hits and misses", "", "CacheStatsDetailed"}});

  routes.add({verb::get,
              "/cache/stats/namespaces",
              {},
              [&admin](const request&, const params&) {
                return http::json(200, schemas::render_namespace_statistics(admin.snapshot()));
              },
              {tag, "getCacheNamespaceStats", "Statistics by namespace", "", "CacheNamespaceStats"}});

  routes.add({verb::get,
              "/cache/metrics/hit-ratio",
              {},
              [&admin](const request&, const params&) {
                return http::json(200, schemas::render_hit_ratio_metrics(admin.snapshot()));
              },
              {tag, "getCacheHitRatio", "Hit ratio and its rating", "", "CacheHitRatio"}});

  routes.add({verb::get,
              "/cache/metrics/memory-usage",
              {},
              [&admin](const request&, const params&) {
                return http::json(200, schemas::render_memory_analysis(admin.snapshot(), nullptr));
              },
              {tag, "getCacheMemoryMetrics", "Memory used by the cache", "", "CacheMemoryMetrics"}});
  routes.add({verb::get,
              "/cache/memory-usage",
              {},
              [&admin](const request&, const params&) {
                const auto s = admin.snapshot();
                const auto advice = cache::recommendations_for(s);
                return http::json(200, schemas::render_memory_analysis(s, &advice));
              },
              {tag, "getCacheMemoryUsage", "Memory used by the cache, with recommendations", "", "CacheMemoryUsage"}});

  routes.add({verb::get,
              "/cache/health",
              {},
              [&admin, &tasks](const request&, const params&) {
                const auto s = admin.snapshot();
                return http::json(200, schemas::render_cache_health(s, cache::assess(s), tasks.all()));
              },
              {tag, "getCacheHealth", "Cache health against the warning and critical thresholds", "", "CacheHealth"}});

  routes.add({verb::get,
              "/cache/info",
              {},
              [&admin](const request&, const params&) {
                return http::json(200, schemas::render_cache_configuration(admin.configuration()));
              },
              {tag, "getCacheInfo", "Cache configuration, invalidation rules and features", "", "CacheInfo"}});

  routes.add(http::admin_only({verb::delete_,
                               "/cache/clear",
                               {},
                               [&admin](const request&, const params&) {
                                 admin.clear_all();
                                 return envelope([](json_writer& out) {
                                   out.field("message", "Entire cache cleared successfully");
                                 });
                               },
                               {tag, "clearCache", "Clear the entire cache", "", "CacheCleared"}}));

  routes.add(
      http::admin_only({verb::delete_,
                        "/cache/clear/expired",
                        {},
                        [&admin](const request&, const params&) {
                          const auto removed = admin.remove_stale();
                          return envelope([&](json_writer& out) {
                            out.field("message", "Expired and superseded keys removed").field("removed_keys", removed);
                          });
                        },
                        {tag, "clearExpiredCache", "Remove expired keys", "", "CacheExpiredCleared"}}));

  routes.add(http::admin_only(
      {verb::delete_,
       "/cache/clear/{namespace}",
       {namespace_param()},
       [&admin](const request&, const params& p) {
         const auto name = *p.text("namespace");
         if (!admin.clear(name)) return http::detail(400, "Unknown namespace: " + name);
         return envelope([&](json_writer& out) {
           out.field("message", "Cache namespace " + name + " cleared successfully")
               .field("namespace", name)
               .key("cleared_namespaces")
               .begin_array()
               .value(name)
               .end_array();
         });
       },
       {tag, "clearCacheNamespace", "Clear one namespace", "", "CacheNamespaceCleared", 200, {{400}}}}));

  routes.add(http::admin_only(
      {verb::post,
       "/cache/warm",
       {},
       [warm_namespace](const request&, const params&) {
         std::vector<warm_step> steps;
         for (auto ns : warmed_by_default) steps.push_back(warm_namespace(ns));
         return envelope([&](json_writer& out) {
           out.field("message", "Cache warmed")
               .key("results")
               .begin_object()
               .field("timestamp", domain::epoch_seconds_now());
           schemas::write_warm_summary(out, steps);
           out.end_object();
         });
       },
       {tag, "warmCache", "Warm restaurants, menus, menu items, searches and analytics", "", "WarmResult"}}));

  routes.add(http::admin_only(
      {verb::post,
       "/cache/warm/popular",
       {},
       [warmer, &admin, &analytics](const request&, const params&) {
         const auto busiest = restaurant_views(analytics.most_ordered_restaurants(warm_limit));
         std::vector<std::string> most_used;
         for (const auto& entry : admin.most_used(warm_limit)) most_used.push_back(entry.target);
         const auto restaurants = warmer->warm("busiest_restaurants", busiest);
         const auto requested = warmer->warm("most_requested", most_used);
         return envelope([&](json_writer& out) {
           out.field("message",
                     "Popular data warmed: the restaurants with the most orders, then the most requested entries")
               .key("results")
               .begin_object()
               .field("timestamp", domain::epoch_seconds_now());
           schemas::write_warm_summary(out, {restaurants, requested});
           out.end_object();
         });
       },
       {tag, "warmPopularCache", "Warm the busiest restaurants and the most requested entries", "", "WarmResult"}}));

  routes.add(
      http::admin_only({verb::post,
                        "/cache/warm/{namespace}",
                        {namespace_param()},
                        [warm_namespace](const request&, const params& p) {
                          const auto name = *p.text("namespace");
                          const auto ns = cache::namespace_named(name);
                          if (!ns) return http::detail(400, "Unknown namespace: " + name);
                          const auto step = warm_namespace(*ns);
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
                        {tag, "warmCacheNamespace", "Warm one namespace", "", "NamespaceWarmResult", 200, {{400}}}}));

  add_cache_demo_routes(routes, admin, get);
}

}  // namespace zomato::api
