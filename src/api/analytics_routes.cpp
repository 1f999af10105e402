#include <chrono>

#include "api/analytics_routes.hpp"
#include "api/failure_responses.hpp"
#include "api/route_names.hpp"
#include "cache/route_rules.hpp"
#include "domain/clock.hpp"
#include "http/json_writer.hpp"
#include "schemas/live_schemas.hpp"

namespace zomato::api {
namespace {

const char* const tag = "Enterprise Analytics";
constexpr int revenue_ttl = 24 * 3600;
constexpr int behavior_ttl = 4 * 3600;
constexpr int performance_ttl = 4 * 3600;
constexpr int popular_ttl = 20 * 60;

http::response query_problem(const std::string& name, const std::string& value, const std::string& type,
                             const std::string& msg) {
  http::problem p;
  p.type = type;
  p.loc = {std::string("query"), name};
  p.msg = msg;
  p.input_json = http::quoted(value);
  return http::unprocessable({p});
}

http::response bad_period(const std::string& value) {
  return query_problem("period", value, "string_pattern_mismatch",
                       "String should match pattern '^[0-9]+[hdw]$' (e.g. 24h, 7d, 2w; at most a year)");
}

http::param_spec period_param() {
  return http::query_text("period", false, "Look-back window: a count of hours, days or weeks (24h, 7d, 30d, 2w)",
                          "7d");
}

}  // namespace

http::param_spec analytics_type() {
  auto spec = http::path_text("analytics_type", "What to recompute; another value is answered 404", "popular-items");
  spec.choices = {"revenue", "customers", "restaurants", "popular-items"};
  return spec;
}

std::vector<std::string> analytics_targets(const std::string& type) {
  if (type == "revenue") return {"/analytics/revenue/daily?date=" + domain::now_timestamp().substr(0, 10)};
  if (type == "customers") {
    return {"/analytics/customers/behavior?period=24h", "/analytics/customers/behavior?period=7d",
            "/analytics/customers/behavior?period=30d"};
  }
  if (type == "restaurants") return {"/analytics/restaurants/performance"};
  if (type == "popular-items") return {"/analytics/popular-items?period=7d&limit=10"};
  return {};
}

void add_analytics_routes(http::router& routes, openapi_components& docs, services::analytics_service& analytics,
                          const internal_get& get, const background_runner& later) {
  using namespace schemas;
  docs.tag(tag, "Revenue, customer segments, restaurant performance and best sellers over time");
  const auto status_counts = map_of(whole()).described("Orders by status (every status, cancelled included)");
  docs.add("DailyRevenue",
           object_of({{"date", date()},
                      {"total_revenue", money_text()},
                      {"total_orders", whole()},
                      {"paid_orders", whole()},
                      {"cancelled_orders", whole()},
                      {"unique_customers", whole()},
                      {"average_order_value", money_text()},
                      {"orders_by_status", status_counts},
                      {"top_restaurants",
                       list_of(object_of({{"restaurant_id", whole()}, {"name", text()}, {"revenue", money_text()}}))},
                      {"cache_ttl", whole()}}));
  docs.add("CustomerBehavior", object_of({{"period", text()},
                                          {"period_start", timestamp()},
                                          {"total_customers", whole()},
                                          {"active_customers", whole()},
                                          {"customer_segments", object_of({{"new_customers", whole()},
                                                                           {"regular_customers", whole()},
                                                                           {"loyal_customers", whole()},
                                                                           {"inactive_customers", whole()}})},
                                          {"total_orders", whole()},
                                          {"total_spent", money_text()},
                                          {"average_orders_per_active_customer", number()},
                                          {"average_spend_per_active_customer", money_text()},
                                          {"cache_ttl", whole()}}));
  std::vector<shape_field> performance{
      {"restaurant_id", whole()},      {"restaurant_name", text()},           {"total_orders", whole()},
      {"completed_orders", whole()},   {"cancelled_orders", whole()},         {"completion_rate", number()},
      {"total_revenue", money_text()}, {"average_order_value", money_text()}, {"average_rating", number()},
      {"total_reviews", whole()},      {"current_rating", number()}};
  docs.add("RestaurantFigures", object_of(performance));
  performance.push_back({"cache_ttl", whole()});
  docs.add("RestaurantPerformance",
           one_of({object_of(performance).described("With restaurant_id: that restaurant's figures"),
                   object_of({{"restaurants", list_of(component("RestaurantFigures"))},
                              {"total_restaurants", whole()},
                              {"cache_ttl", whole()}})
                       .described("Without restaurant_id: the restaurants by revenue")}));
  docs.add("PopularItems", object_of({{"period", text()},
                                      {"period_start", timestamp()},
                                      {"popular_items", list_of(object_of({{"menu_item_id", whole()},
                                                                           {"name", text()},
                                                                           {"restaurant_id", whole()},
                                                                           {"restaurant_name", text()},
                                                                           {"total_quantity", whole()},
                                                                           {"order_count", whole()},
                                                                           {"total_revenue", money_text()}}))},
                                      {"cache_ttl", whole()}}));
  docs.add("RefreshAccepted", object_of({{"status", text_choice({"success"})},
                                         {"message", text()},
                                         {"analytics_type", text()},
                                         {"timestamp", number().described("Seconds since the Unix epoch")}}));

  routes.add({verb::get,
              "/analytics/revenue/daily",
              {http::query_text("date", true, "YYYY-MM-DD", "2026-01-15")},
              [&](const request&, const params& p) {
                const auto date = *p.text("date");
                if (!domain::parse_date(date)) {
                  return query_problem("date", date, "date_parsing",
                                       "Input should be a valid date in the format YYYY-MM-DD");
                }
                return http::json(200, schemas::render(analytics.daily_revenue(date), revenue_ttl));
              },
              {tag, "getDailyRevenue", "Revenue and orders of one day (24 h cache)", "", "DailyRevenue"},
              cache::cached_in(cache::cache_namespace::analytics, revenue_ttl)});

  routes.add(
      {verb::get,
       "/analytics/customers/behavior",
       {period_param()},
       [&](const request&, const params& p) {
         const auto text = p.text("period").value_or("7d");
         const auto window = services::period_of(text);
         if (!window) return bad_period(text);
         return http::json(200, schemas::render(analytics.customer_behavior(*window, std::chrono::system_clock::now()),
                                                behavior_ttl));
       },
       {tag, "getCustomerBehavior", "Customer segments by orders in a period (4 h cache)", "", "CustomerBehavior"},
       cache::cached_in(cache::cache_namespace::analytics, behavior_ttl)});

  routes.add({verb::get,
              "/analytics/restaurants/performance",
              {http::query_integer("restaurant_id", 0, 1, std::numeric_limits<std::int64_t>::max(), "One restaurant"),
               http::query_integer("limit", 100, 1, 1000, "How many restaurants, by revenue")},
              [&](const request& req, const params& p) {
                const bool single = http::query_value(req.query, "restaurant_id").has_value();
                const auto id = single ? std::optional(p.integer("restaurant_id")) : std::nullopt;
                return answer(analytics.restaurant_performance(id, p.integer("limit")), 200,
                              [single](const services::performance_report& r) {
                                return schemas::render(r, single, performance_ttl);
                              });
              },
              {tag,
               "getRestaurantPerformance",
               "Orders, completion, revenue and ratings per restaurant (cache-aside, 4 h)",
               "",
               "RestaurantPerformance",
               200,
               {{404}}},
              cache::cached_in(cache::cache_namespace::analytics, performance_ttl)});

  routes.add({verb::get,
              "/analytics/popular-items",
              {period_param(), http::query_integer("limit", 10, 1, 100, "How many items")},
              [&](const request&, const params& p) {
                const auto text = p.text("period").value_or("7d");
                const auto window = services::period_of(text);
                if (!window) return bad_period(text);
                return http::json(200, schemas::render(analytics.popular_items(*window, p.integer("limit"),
                                                                               std::chrono::system_clock::now()),
                                                       popular_ttl));
              },
              {tag, "getPopularItems", "Best-selling items in a period (refresh-ahead, 20 min)", "", "PopularItems"},
              cache::cached_in(cache::cache_namespace::analytics, popular_ttl)});

  routes.add(http::admin_only(
      {verb::post,
       "/analytics/refresh/{analytics_type}",
       {analytics_type()},
       [get, later](const request&, const params& p) {
         const auto type = *p.text("analytics_type");
         auto targets = analytics_targets(type);
         if (targets.empty()) return http::detail(404, "Unknown analytics type: " + type);
         later([get, targets] {
           cache_warmer warmer(get);
           warmer.warm("analytics", targets);
         });
         http::json_writer out;
         out.begin_object()
             .field("status", "success")
             .field("message", "Cache refresh for " + type + " analytics started in background")
             .field("analytics_type", type)
             .field("timestamp",
                    std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count())
             .end_object();
         return http::json(202, std::move(out.text()));
       },
       {tag,
        "refreshAnalytics",
        "Recompute an analytics type in the background",
        "",
        "RefreshAccepted",
        202,
        {{404}}}}));
}

}  // namespace zomato::api
