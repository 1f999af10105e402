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

http::response envelope(const std::function<void(json_writer&)>& body) {
  return http::json(200, schemas::render_cache_envelope(body));
}

// The namespaces POST /cache/warm fills, in order.
constexpr cache::cache_namespace warmed_by_default[] = {
    cache::cache_namespace::restaurants, cache::cache_namespace::restaurant_menus, cache::cache_namespace::menu_items,
    cache::cache_namespace::search, cache::cache_namespace::analytics};

}  // namespace

void add_cache_routes(http::router& routes, openapi_components& docs, cache::cache_admin& admin,
                      const internal_get& get, services::catalog_analytics_service& analytics,
                      const task_statuses& tasks) {
  docs.raw("CacheEnvelope",
           R"({"type":"object","properties":{"status":{"type":"string"},"timestamp":{"type":"number"}}})");
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
              {tag, "Keys, memory, hits and misses", "", "CacheEnvelope"}});

  routes.add({verb::get,
              "/cache/stats/detailed",
              {},
              [&admin](const request&, const params&) {
                const auto s = admin.snapshot();
                return http::json(200, schemas::render_detailed_stats(s, admin.key_samples(keys_shown_per_namespace)));
              },
              {tag, "Per-namespace keys, TTLs, memory, hits and misses", "", "CacheEnvelope"}});

  routes.add({verb::get,
              "/cache/stats/namespaces",
              {},
              [&admin](const request&, const params&) {
                return http::json(200, schemas::render_namespace_statistics(admin.snapshot()));
              },
              {tag, "Statistics by namespace", "", "CacheEnvelope"}});

  routes.add({verb::get,
              "/cache/metrics/hit-ratio",
              {},
              [&admin](const request&, const params&) {
                return http::json(200, schemas::render_hit_ratio_metrics(admin.snapshot()));
              },
              {tag, "Hit ratio and its rating", "", "CacheEnvelope"}});

  routes.add({verb::get,
              "/cache/metrics/memory-usage",
              {},
              [&admin](const request&, const params&) {
                return http::json(200, schemas::render_memory_analysis(admin.snapshot(), nullptr));
              },
              {tag, "Memory used by the cache", "", "CacheEnvelope"}});
  routes.add({verb::get,
              "/cache/memory-usage",
              {},
              [&admin](const request&, const params&) {
                const auto s = admin.snapshot();
                const auto advice = cache::recommendations_for(s);
                return http::json(200, schemas::render_memory_analysis(s, &advice));
              },
              {tag, "Memory used by the cache, with recommendations", "", "CacheEnvelope"}});

  routes.add({verb::get,
              "/cache/health",
              {},
              [&admin, &tasks](const request&, const params&) {
                const auto s = admin.snapshot();
                return http::json(200, schemas::render_cache_health(s, cache::assess(s), tasks.all()));
              },
              {tag, "Cache health against the warning and critical thresholds", "", "CacheEnvelope"}});

  routes.add({verb::get,
              "/cache/info",
              {},
              [&admin](const request&, const params&) {
                return http::json(200, schemas::render_cache_configuration(admin.configuration()));
              },
              {tag, "Cache configuration, invalidation rules and features", "", "CacheEnvelope"}});

  routes.add({verb::delete_,
              "/cache/clear",
              {},
              [&admin](const request&, const params&) {
                admin.clear_all();
                return envelope([](json_writer& out) { out.field("message", "Entire cache cleared successfully"); });
              },
              {tag, "Clear the entire cache", "", "CacheEnvelope"}});

  routes.add({verb::delete_,
              "/cache/clear/expired",
              {},
              [&admin](const request&, const params&) {
                const auto removed = admin.remove_stale();
                return envelope([&](json_writer& out) {
                  out.field("message", "Expired and superseded keys removed").field("removed_keys", removed);
                });
              },
              {tag, "Remove expired keys", "", "CacheEnvelope"}});

  routes.add({verb::delete_,
              "/cache/clear/{namespace}",
              {http::path_text("namespace", "Cache namespace")},
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
              {tag, "Clear one namespace", "", "CacheEnvelope"}});

  routes.add({verb::post,
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
              {tag, "Warm restaurants, menus, menu items, searches and analytics", "", "CacheEnvelope"}});

  routes.add({verb::post,
              "/cache/warm/popular",
              {},
              [warmer, &admin, &analytics](const request&, const params&) {
                std::vector<std::string> busiest;
                for (const auto id : analytics.most_ordered_restaurants(warm_limit)) {
                  const auto base = "/restaurants/" + std::to_string(id);
                  for (const char* shape : {"", "/with-menu", "/menu"}) busiest.push_back(base + shape);
                }
                std::vector<std::string> most_used;
                for (const auto& entry : admin.most_used(warm_limit)) most_used.push_back(entry.target);
                const auto restaurants = warmer->warm("busiest_restaurants", busiest);
                const auto requested = warmer->warm("most_requested", most_used);
                return envelope([&](json_writer& out) {
                  out.field(
                         "message",
                         "Popular data warmed: the restaurants with the most orders, then the most requested entries")
                      .key("results")
                      .begin_object()
                      .field("timestamp", domain::epoch_seconds_now());
                  schemas::write_warm_summary(out, {restaurants, requested});
                  out.end_object();
                });
              },
              {tag, "Warm the busiest restaurants and the most requested entries", "", "CacheEnvelope"}});

  routes.add({verb::post,
              "/cache/warm/{namespace}",
              {http::path_text("namespace", "Cache namespace")},
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
              {tag, "Warm one namespace", "", "CacheEnvelope"}});

  add_cache_demo_routes(routes, admin, get);
}

}  // namespace zomato::api
