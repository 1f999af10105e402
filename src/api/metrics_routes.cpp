#include "api/service_routes.hpp"
#include "http/metrics_writer.hpp"

namespace zomato::api {

void add_metrics_route(http::router& routes, openapi_components& docs, std::function<std::string()> scrape) {
  docs.tag("Monitoring", "What operators scrape");
  docs.text("PrometheusText", "text/plain");
  routes.add({.method = http::verb::get,
              .pattern = "/metrics",
              .run =
                  [scrape = std::move(scrape)](const http::request&, const http::params&) {
                    http::response out;
                    out.content_type = http::metrics_content_type;
                    out.body = scrape();
                    return out;
                  },
              .doc = {.tag = "Monitoring",
                      .operation_id = "getMetrics",
                      .summary = "Prometheus metrics (text format 0.0.4)",
                      .response_schema = "PrometheusText"}});
}

}  // namespace zomato::api
