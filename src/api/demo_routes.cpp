#include "api/demo_routes.hpp"
#include "api/route_names.hpp"
#include "api/write_scope.hpp"

#include <chrono>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "api/failure_responses.hpp"
#include "http/json_writer.hpp"

namespace zomato::api {
namespace {

using http::json_writer;

const char* const tag = "Demo";

void write_counts(json_writer& out, const services::sample_counts& c) {
  out.begin_object()
      .field("restaurants", c.restaurants)
      .field("menu_items", c.menu_items)
      .field("customers", c.customers)
      .field("orders", c.orders)
      .field("reviews", c.reviews)
      .end_object();
}

std::string improvement(double first, double second) {
  char text[32];
  std::snprintf(text, sizeof text, "%.2f%%", first <= 0 ? 0.0 : (first - second) / first * 100.0);
  return text;
}

struct pair_timing {
  double first_ms = 0;
  double second_ms = 0;
  http::response first;
};

// The first request refreshes the entry from the database, the second is served by the cache.
pair_timing time_twice(const internal_get& get, std::string_view path, std::string_view query) {
  pair_timing t;
  auto started = std::chrono::steady_clock::now();
  t.first = get(path, query, "no-cache");
  t.first_ms = elapsed_ms(started);
  started = std::chrono::steady_clock::now();
  get(path, query, "");
  t.second_ms = elapsed_ms(started);
  return t;
}

}  // namespace

void add_demo_routes(http::router& routes, openapi_components& docs, services::sample_data_service& samples,
                     const internal_get& get) {
  using namespace schemas;
  docs.tag(tag, "Demo data and cache timings to try the API with");
  docs.add(
      "SampleDataCreated",
      object_of(
          {{"status", text_choice({"success"})},
           {"message", text()},
           {"created", object_of({{"restaurants", whole()},
                                  {"menu_items", whole()},
                                  {"customers", whole()},
                                  {"orders", whole()},
                                  {"reviews", whole()}})},
           {"restaurants",
            list_of(object_of({{"id", whole()}, {"name", text()}, {"cuisine_type", text()}, {"rating", number()}}))}}));
  docs.add("SampleDataDeleted", object_of({{"status", text_choice({"success"})},
                                           {"message", text()},
                                           {"deleted_restaurants", whole()},
                                           {"deleted_customers", whole()}}));
  const auto timing_of = [](std::vector<shape_field> fields) {
    fields.insert(fields.begin(), {{"first_request_ms", number()},
                                   {"second_request_ms", number()},
                                   {"improvement", text().described("As \"98.64%\"")}});
    return object_of(std::move(fields));
  };
  docs.add("CachePerformanceTest",
           object_of({{"status", text_choice({"success"})},
                      {"performance_tests",
                       object_of({{"restaurant_list", timing_of({{"restaurants_found", whole()}})},
                                  {"individual_restaurant", timing_of({{"restaurant_id", whole()}}), false}})},
                      {"cache_recommendations", object_of({{"cache_hit_threshold", text()},
                                                           {"cache_miss_expected", text()},
                                                           {"optimal_performance", text()}})}}));

  routes.add(http::admin_only({verb::post,
                               "/demo/sample-data",
                               {},
                               [&samples](const request& req, const params&) {
                                 auto made = samples.create(writes_of(req));
                                 if (!made) return failure_response(made.error());
                                 json_writer out;
                                 out.begin_object()
                                     .field("status", "success")
                                     .field("message", made->already_there ? "Sample data already exists"
                                                                           : "Sample data created successfully")
                                     .key("created");
                                 write_counts(out, made->created);
                                 out.key("restaurants").begin_array();
                                 for (const auto& r : made->restaurants) {
                                   out.begin_object()
                                       .field("id", r.id)
                                       .field("name", r.name)
                                       .field("cuisine_type", r.cuisine_type)
                                       .field("rating", r.rating)
                                       .end_object();
                                 }
                                 out.end_array().end_object();
                                 return http::json(200, std::move(out.text()));
                               },
                               {tag,
                                "createSampleData",
                                "Create the demo restaurants, menus, customers and orders (once)",
                                "",
                                "SampleDataCreated",
                                200,
                                {{400}}}}));

  routes.add(http::admin_only({verb::delete_,
                               "/demo/sample-data",
                               {},
                               [&samples](const request& req, const params&) {
                                 const auto removed = samples.remove(writes_of(req));
                                 json_writer out;
                                 out.begin_object()
                                     .field("status", "success")
                                     .field("message", "Deleted " + std::to_string(removed.restaurants) +
                                                           " restaurants and their menu items")
                                     .field("deleted_restaurants", removed.restaurants)
                                     .field("deleted_customers", removed.customers)
                                     .end_object();
                                 return http::json(200, std::move(out.text()));
                               },
                               {tag, "deleteSampleData", "Remove only the demo data", "", "SampleDataDeleted"}}));

  routes.add({verb::get,
              "/demo/cache-performance-test",
              {},
              [get](const request&, const params&) {
                const auto list = time_twice(get, "/restaurants/", "");
                const auto listed = nlohmann::json::parse(list.first.payload(), nullptr, false);
                const std::int64_t found = listed.is_object() ? listed.value("total", std::int64_t{0}) : 0;
                std::int64_t first_id = 0;
                if (listed.is_object() && listed.contains("restaurants") && !listed["restaurants"].empty()) {
                  first_id = listed["restaurants"][0].value("id", std::int64_t{0});
                }
                json_writer out;
                out.begin_object().field("status", "success").key("performance_tests").begin_object();
                out.key("restaurant_list")
                    .begin_object()
                    .field("first_request_ms", list.first_ms)
                    .field("second_request_ms", list.second_ms)
                    .field("improvement", improvement(list.first_ms, list.second_ms))
                    .field("restaurants_found", found)
                    .end_object();
                if (first_id != 0) {
                  const auto one = time_twice(get, "/restaurants/" + std::to_string(first_id), "");
                  out.key("individual_restaurant")
                      .begin_object()
                      .field("restaurant_id", first_id)
                      .field("first_request_ms", one.first_ms)
                      .field("second_request_ms", one.second_ms)
                      .field("improvement", improvement(one.first_ms, one.second_ms))
                      .end_object();
                }
                out.end_object()
                    .key("cache_recommendations")
                    .begin_object()
                    .field("cache_hit_threshold", "< 10ms response time")
                    .field("cache_miss_expected", "> 50ms response time")
                    .field("optimal_performance", "90%+ improvement on cache hits")
                    .end_object()
                    .end_object();
                return http::json(200, std::move(out.text()));
              },
              {tag, "demoCachePerformance", "Time the same reads from the database and from the cache", "",
               "CachePerformanceTest"}});
}

}  // namespace zomato::api
