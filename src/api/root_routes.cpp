#include "api/service_routes.hpp"
#include "api/unavailable.hpp"
#include "domain/clock.hpp"
#include "http/json_writer.hpp"
#include "http/responses.hpp"

namespace zomato::api {

void add_root_routes(http::router& routes, openapi_components& docs, const std::string& cache_backend,
                     services::readiness_service& readiness) {
  using namespace schemas;
  docs.tag("Service", "Welcome, liveness and readiness");
  docs.add("Welcome", object_of({{"message", text()},
                                 {"version", text()},
                                 {"features", list_of(text())},
                                 {"cache_info", object_of({{"backend", text_choice({"in-process", "redis"})},
                                                           {"cache_stats", text()},
                                                           {"cache_management", text()},
                                                           {"performance_demo", text()}})},
                                 {"docs", text()},
                                 {"redoc", text()}}));
  docs.add("Health",
           object_of({{"status", text_choice({"healthy"})}, {"version", text()}, {"timestamp", timestamp()}}));
  docs.add("Readiness", object_of({{"status", text_choice({"ready"})},
                                   {"database", text_choice({"writable"})},
                                   {"timestamp", timestamp()}}));
  docs.add("NotReady", object_of({{"status", text_choice({"not_ready"})},
                                  {"reason", text().described("Why writes cannot succeed now")},
                                  {"timestamp", timestamp()}}));

  const std::string welcome = [&cache_backend] {
    http::json_writer out;
    out.begin_object()
        .field("message", "Welcome to Zomato Food Delivery Ecosystem API with Redis Cache")
        .field("version", api_version)
        .key("features")
        .begin_array();
    for (const char* feature :
         {"Restaurant Management", "Menu Management", "Customer Management", "Order Processing", "Review System",
          "Analytics & Reporting", "Complex Multi-table Relationships", "Redis Caching for Performance",
          "Cache Management & Statistics", "Performance Testing Tools"}) {
      out.value(feature);
    }
    out.end_array()
        .key("cache_info")
        .begin_object()
        .field("backend", cache_backend)
        .field("cache_stats", "/cache/stats")
        .field("cache_management", "/cache/clear")
        .field("performance_demo", "/demo/cache-performance-test")
        .end_object()
        .field("docs", "/docs")
        .field("redoc", "/redoc")
        .end_object();
    return std::move(out.text());
  }();

  routes.add(http::callable_by(
      http::access::anyone, {http::verb::get,
                             "/",
                             {},
                             [welcome](const http::request&, const http::params&) { return http::json(200, welcome); },
                             {"Service", "getWelcome", "Welcome and feature list", "", "Welcome"},
                             {},
                             http::work_kind::local}));

  routes.add(http::callable_by(http::access::anyone, {http::verb::get,
                                                      "/health",
                                                      {},
                                                      [](const http::request&, const http::params&) {
                                                        http::json_writer out;
                                                        out.begin_object()
                                                            .field("status", "healthy")
                                                            .field("version", api_version)
                                                            .field("timestamp", domain::now_timestamp())
                                                            .end_object();
                                                        return http::json(200, std::move(out.text()));
                                                      },
                                                      {"Service", "getHealth", "Liveness check", "", "Health"},
                                                      {},
                                                      http::work_kind::local}));

  routes.add(http::callable_by(
      http::access::anyone, {http::verb::get,
                             "/health/ready",
                             {},
                             [&readiness](const http::request&, const http::params&) {
                               const auto blocker = readiness.blocker();
                               http::json_writer out;
                               out.begin_object();
                               if (blocker) {
                                 out.field("status", "not_ready").field("reason", unavailable_text(*blocker));
                               } else {
                                 out.field("status", "ready").field("database", "writable");
                               }
                               out.field("timestamp", domain::now_timestamp()).end_object();
                               auto res = http::json(blocker ? 503 : 200, std::move(out.text()));
                               if (blocker)
                                 res.headers.emplace_back("retry-after", std::to_string(retry_after_seconds(*blocker)));
                               return res;
                             },
                             {"Service",
                              "getReadiness",
                              "Readiness: 503 with a reason and Retry-After while writes cannot succeed",
                              "",
                              "Readiness",
                              200,
                              {{503, "NotReady"}}}}));
}

}  // namespace zomato::api
