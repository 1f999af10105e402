#include "api/cache_demo_routes.hpp"
#include "api/route_names.hpp"

#include <cmath>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "domain/clock.hpp"
#include "http/json_writer.hpp"
#include "http/responses.hpp"
#include "schemas/cache_schemas.hpp"

namespace zomato::api {
namespace {

using http::json_writer;

const char* const tag = "Cache";

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

void add_cache_demo_routes(http::router& routes, cache::cache_admin& admin, const internal_get& get) {
  routes.add(
      {verb::get,
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
             .field("timestamp", domain::epoch_seconds_now())
             .end_object();
         return http::json(200, std::move(out.text()));
       },
       {tag, "demoCacheTest", "Time a restaurant read from the database, then from the cache", "", "CacheTest"}});

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
                out.begin_object().field("test_timestamp", domain::epoch_seconds_now()).key("operations").begin_array();
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
              {tag, "demoPerformanceComparison", "The same reads timed uncached and cached, inside the process", "",
               "PerformanceComparison"}});

  routes.add({verb::get,
              "/cache/performance/comprehensive-report",
              {},
              [&admin, get](const request&, const params&) {
                const auto sample = time_both(get, "/restaurants/", "");
                const auto s = admin.snapshot();
                return http::json(
                    200, schemas::render_comprehensive_report(s, cache::assess(s), sample.uncached_ms, sample.cached_ms,
                                                              cache::recommendations_for(s)));
              },
              {tag, "getCacheReport", "Statistics, metrics, a timed sample and recommendations", "", "CacheReport"}});
}

}  // namespace zomato::api
