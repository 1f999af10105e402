// Enterprise analytics over HTTP with exact figures from known data: daily revenue,
// customer segments, restaurant performance, popular items, background refresh and
// cache invalidation. Each test gets its own server (fresh database), since these
// figures cover every order.

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "support/order_fixtures.hpp"

namespace zomato::testing {
namespace {

using namespace order_fixtures;

std::int64_t id_of(const json& object) { return object.at("id").get<std::int64_t>(); }

/// "12.34" from cents.
std::string amount(std::int64_t cents) {
  const auto whole = cents / 100;
  const auto part = cents % 100;
  return std::to_string(whole) + "." + (part < 10 ? "0" : "") + std::to_string(part);
}

/// Half-even rounded mean in cents.
std::int64_t mean_cents(std::int64_t total, std::int64_t count) {
  if (count <= 0) return 0;
  auto quotient = total / count;
  const auto remainder = total % count;
  if (remainder * 2 > count || (remainder * 2 == count && quotient % 2 == 1)) ++quotient;
  return quotient;
}

json read_json(checked_client& api, const std::string& target, http_reply* reply_out = nullptr) {
  auto reply = api.get(target);
  EXPECT_EQ(reply.status, 200) << target << ": " << shorten(reply.body);
  if (reply_out) *reply_out = reply;
  return reply.status == 200 ? reply.json() : json::object();
}

std::string revenue_on(const std::string& date) { return "/analytics/revenue/daily?date=" + date; }
std::string performance_of(std::int64_t restaurant_id) {
  return "/analytics/restaurants/performance?restaurant_id=" + str(restaurant_id);
}

// ---- daily revenue ------------------------------------------------------------------

class AnalyticsRevenue : public fresh_server_test {};

/// What the test placed: enough to compute a day's figures.
struct placed {
  std::string date;
  std::string status;
  std::int64_t cents = 0;
  std::int64_t restaurant_id = 0;
  std::string restaurant_name;
  std::int64_t customer_id = 0;
};

TEST_F(AnalyticsRevenue, ExactFiguresOfTheDay) {
  const auto pasta_place = create_restaurant(api());
  const auto grill = create_restaurant(api());
  const auto pasta = id_of(create_item(api(), id_of(pasta_place), 12.99));
  const auto salad = id_of(create_item(api(), id_of(pasta_place), 8.5));
  const auto steak = id_of(create_item(api(), id_of(grill), 20.0));
  const auto alice = id_of(create_customer(api()));
  const auto bob = id_of(create_customer(api()));

  std::vector<placed> orders;
  const auto add = [&](std::int64_t customer, const json& restaurant, std::vector<line> lines, std::int64_t cents,
                       const std::string& status) {
    const auto order = place_order(api(), customer, id_of(restaurant), lines);
    EXPECT_EQ(order["total_amount"], amount(cents));
    drive_to(api(), id_of(order), status);
    orders.push_back({order["order_date"].get<std::string>().substr(0, 10), status, cents, id_of(restaurant),
                      restaurant["name"].get<std::string>(), customer});
  };
  add(alice, pasta_place, {{pasta, 2}}, 2598, "delivered");
  add(bob, pasta_place, {{salad, 1}}, 850, "placed");
  add(alice, grill, {{steak, 1}}, 2000, "cancelled");
  add(bob, grill, {{steak, 2}}, 4000, "confirmed");
  add(alice, pasta_place, {{pasta, 1}, {salad, 2}}, 2999, "cancelled");

  // The figures of each day the orders fell on (one day unless the test ran over midnight UTC).
  std::set<std::string> days;
  for (const auto& o : orders) days.insert(o.date);
  for (const auto& day : days) {
    std::int64_t total_orders = 0;
    std::int64_t paid = 0;
    std::int64_t cancelled = 0;
    std::int64_t revenue = 0;
    std::set<std::int64_t> customers;
    std::map<std::string, std::int64_t> by_status;
    std::map<std::int64_t, std::int64_t> by_restaurant;
    std::map<std::int64_t, std::string> names;
    for (const auto& o : orders) {
      if (o.date != day) continue;
      ++total_orders;
      ++by_status[o.status];
      customers.insert(o.customer_id);
      if (o.status == "cancelled") {
        ++cancelled;
        continue;
      }
      ++paid;
      revenue += o.cents;
      by_restaurant[o.restaurant_id] += o.cents;
      names[o.restaurant_id] = o.restaurant_name;
    }

    const auto view = read_json(api(), revenue_on(day));
    EXPECT_TRUE(has_shape(view, {{"date", "string"},
                                 {"total_revenue", "string"},
                                 {"total_orders", "integer"},
                                 {"average_order_value", "string"},
                                 {"orders_by_status", "object"},
                                 {"top_restaurants", "array"},
                                 {"cache_ttl", "integer"}}));
    EXPECT_EQ(view["date"], day);
    EXPECT_TRUE(is_amount(view["total_revenue"]));
    EXPECT_EQ(view["total_revenue"], amount(revenue));
    EXPECT_EQ(view["total_orders"], total_orders);
    EXPECT_EQ(view["paid_orders"], paid);
    EXPECT_EQ(view["cancelled_orders"], cancelled);
    EXPECT_EQ(view["unique_customers"], static_cast<std::int64_t>(customers.size()));
    EXPECT_TRUE(is_amount(view["average_order_value"]));
    EXPECT_EQ(view["average_order_value"], amount(mean_cents(revenue, paid)));
    json statuses = json::object();
    for (const auto& [status, count] : by_status) statuses[status] = count;
    EXPECT_EQ(view["orders_by_status"], statuses);

    std::vector<std::pair<std::int64_t, std::int64_t>> ranking;  // revenue, id
    for (const auto& [id, cents] : by_restaurant) ranking.emplace_back(cents, id);
    std::sort(ranking.begin(), ranking.end(), [](const auto& a, const auto& b) {
      return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    const auto& top = view["top_restaurants"];
    ASSERT_EQ(top.size(), ranking.size()) << view.dump();
    for (std::size_t i = 0; i < ranking.size(); ++i) {
      EXPECT_EQ(top[i]["restaurant_id"], ranking[i].second) << view.dump();
      EXPECT_EQ(top[i]["name"], names[ranking[i].second]);
      EXPECT_TRUE(is_amount(top[i]["revenue"]));
      EXPECT_EQ(top[i]["revenue"], amount(ranking[i].first));
    }
  }
  if (days.size() == 1) {
    // The usual case, spelled out: 25.98 + 8.50 + 40.00 over three paid orders.
    const auto view = read_json(api(), revenue_on(*days.begin()));
    EXPECT_EQ(view["total_revenue"], "74.48");
    EXPECT_EQ(view["total_orders"], 5);
    EXPECT_EQ(view["average_order_value"], "24.83");
    EXPECT_EQ(view["orders_by_status"], (json{{"delivered", 1}, {"placed", 1}, {"cancelled", 2}, {"confirmed", 1}}));
    ASSERT_EQ(view["top_restaurants"].size(), 2U);
    EXPECT_EQ(view["top_restaurants"][0]["restaurant_id"], id_of(grill));
    EXPECT_EQ(view["top_restaurants"][0]["revenue"], "40.00");
    EXPECT_EQ(view["top_restaurants"][1]["restaurant_id"], id_of(pasta_place));
    EXPECT_EQ(view["top_restaurants"][1]["revenue"], "34.48");
  }
}

TEST_F(AnalyticsRevenue, ADayWithoutOrdersIsAllZeros) {
  const auto restaurant_id = id_of(create_restaurant(api()));
  const auto dish = id_of(create_item(api(), restaurant_id, 10.0));
  const auto customer_id = id_of(create_customer(api()));
  place_order(api(), customer_id, restaurant_id, {{dish, 1}});

  const auto view = read_json(api(), revenue_on("2020-01-01"));
  EXPECT_EQ(view["date"], "2020-01-01");
  EXPECT_EQ(view["total_revenue"], "0.00");
  EXPECT_EQ(view["total_orders"], 0);
  EXPECT_EQ(view["average_order_value"], "0.00");
  EXPECT_EQ(view["orders_by_status"], json::object());
  EXPECT_EQ(view["top_restaurants"], json::array());
}

TEST_F(AnalyticsRevenue, OrdersCountOnTheDayTheyWerePlacedOnly) {
  const auto restaurant_id = id_of(create_restaurant(api()));
  const auto dish = id_of(create_item(api(), restaurant_id, 10.0));
  const auto customer_id = id_of(create_customer(api()));
  const auto order = place_order(api(), customer_id, restaurant_id, {{dish, 3}});
  const auto date = order["order_date"].get<std::string>().substr(0, 10);
  const auto view = read_json(api(), revenue_on(date));
  EXPECT_EQ(view["total_orders"], 1);
  EXPECT_EQ(view["total_revenue"], "30.00");
}

TEST_F(AnalyticsRevenue, BadDatesAre422) {
  for (const auto* bad : {"2024-13-01", "abc", "2024-02-30", "2024-1-1", "20240101", "2024-01-01T00:00:00"}) {
    EXPECT_TRUE(has_problem(api().get(revenue_on(bad)), {"query", "date"})) << bad;
  }
  EXPECT_TRUE(has_problem(api().get("/analytics/revenue/daily"), {"query", "date"}));
  EXPECT_TRUE(has_problem(api().get("/analytics/revenue/daily?date="), {"query", "date"}));
}

TEST_F(AnalyticsRevenue, DaysFarFromTodayHaveNoOrders) {
  for (const auto* day : {"0001-01-01", "1969-12-31", "4052-11-01", "9999-12-31"}) {
    const auto view = read_json(api(), revenue_on(day));
    EXPECT_EQ(view["date"], day);
    EXPECT_EQ(view["total_orders"], 0) << day;
  }
}

TEST_F(AnalyticsRevenue, LeapDayIsAValidDate) {
  const auto view = read_json(api(), revenue_on("2024-02-29"));
  EXPECT_EQ(view["date"], "2024-02-29");
  EXPECT_EQ(view["total_orders"], 0);
}

TEST_F(AnalyticsRevenue, AnOrderInvalidatesTheCachedDay) {
  const auto restaurant_id = id_of(create_restaurant(api()));
  const auto dish = id_of(create_item(api(), restaurant_id, 7.25));
  const auto customer_id = id_of(create_customer(api()));
  const auto first_order = place_order(api(), customer_id, restaurant_id, {{dish, 1}});
  const auto date = first_order["order_date"].get<std::string>().substr(0, 10);

  http_reply first;
  http_reply second;
  const auto before = read_json(api(), revenue_on(date), &first);
  read_json(api(), revenue_on(date), &second);
  EXPECT_EQ(first.header("x-cache-status"), "MISS");
  EXPECT_EQ(second.header("x-cache-status"), "HIT");
  EXPECT_EQ(second.body, first.body);

  const auto next = place_order(api(), customer_id, restaurant_id, {{dish, 2}});
  http_reply third;
  const auto after_order = read_json(api(), revenue_on(date), &third);
  EXPECT_EQ(third.header("x-cache-status"), "MISS");
  if (next["order_date"].get<std::string>().substr(0, 10) == date) {
    EXPECT_EQ(after_order["total_orders"], before["total_orders"].get<std::int64_t>() + 1);
    EXPECT_EQ(after_order["total_revenue"], "21.75");
  }

  // A cancellation takes the order's amount out of the revenue.
  ASSERT_EQ(set_status(api(), id_of(next), "cancelled").status, 200);
  const auto after_cancel = read_json(api(), revenue_on(date));
  EXPECT_EQ(after_cancel["total_revenue"], "7.25");
  EXPECT_EQ(after_cancel["cancelled_orders"], next["order_date"].get<std::string>().substr(0, 10) == date ? 1 : 0);
}

// ---- customer behaviour -------------------------------------------------------------

class AnalyticsCustomers : public fresh_server_test {};

TEST_F(AnalyticsCustomers, SegmentsByOrdersInThePeriod) {
  const auto restaurant_id = id_of(create_restaurant(api()));
  const auto dish = id_of(create_item(api(), restaurant_id, 10.0));
  // Customers with 0, 1, 2, 5 and 6 orders; one of the 2-order customer's orders is cancelled.
  std::int64_t spent = 0;
  std::int64_t orders = 0;
  for (const int count : {0, 1, 2, 5, 6}) {
    const auto customer_id = id_of(create_customer(api()));
    for (int i = 0; i < count; ++i) {
      const auto order = place_order(api(), customer_id, restaurant_id, {{dish, 1}});
      ++orders;
      if (count == 2 && i == 1) {
        drive_to(api(), id_of(order), "cancelled");
      } else {
        spent += 1000;
      }
    }
  }

  for (const auto* period : {"24h", "7d", "30d"}) {
    const auto view = read_json(api(), std::string("/analytics/customers/behavior?period=") + period);
    EXPECT_TRUE(has_shape(view, {{"period", "string"},
                                 {"total_customers", "integer"},
                                 {"active_customers", "integer"},
                                 {"customer_segments", "object"},
                                 {"cache_ttl", "integer"}}));
    EXPECT_EQ(view["period"], period);
    EXPECT_EQ(view["total_customers"], 5) << period;
    EXPECT_EQ(view["active_customers"], 4) << period;
    const auto& segments = view["customer_segments"];
    EXPECT_EQ(segments["new_customers"], 1) << period;
    EXPECT_EQ(segments["regular_customers"], 2) << period;
    EXPECT_EQ(segments["loyal_customers"], 1) << period;
    EXPECT_EQ(segments["inactive_customers"], 1) << period;
    EXPECT_EQ(view["total_orders"], orders) << period;
    EXPECT_TRUE(is_amount(view["total_spent"]));
    EXPECT_EQ(view["total_spent"], amount(spent)) << period;
    EXPECT_TRUE(is_amount(view["average_spend_per_active_customer"]));
    EXPECT_EQ(view["average_spend_per_active_customer"], amount(mean_cents(spent, 4))) << period;
    EXPECT_TRUE(is_timestamp(view["period_start"]));
  }
}

TEST_F(AnalyticsCustomers, WithoutOrdersEveryoneIsInactive) {
  create_customer(api());
  create_customer(api());
  const auto view = read_json(api(), "/analytics/customers/behavior?period=7d");
  EXPECT_EQ(view["total_customers"], 2);
  EXPECT_EQ(view["active_customers"], 0);
  EXPECT_EQ(view["customer_segments"],
            (json{{"new_customers", 0}, {"regular_customers", 0}, {"loyal_customers", 0}, {"inactive_customers", 2}}));
  EXPECT_EQ(view["total_spent"], "0.00");
}

TEST_F(AnalyticsCustomers, ThePeriodDefaultsToSevenDays) {
  const auto view = read_json(api(), "/analytics/customers/behavior");
  EXPECT_EQ(view["period"], "7d");
  EXPECT_EQ(view["total_customers"], 0);
}

TEST_F(AnalyticsCustomers, BadPeriodsAre422) {
  for (const auto* bad : {"7x", "0d", "abc", "d", "-1d", "7", "1.5d", "7d7"}) {
    EXPECT_TRUE(has_problem(api().get(std::string("/analytics/customers/behavior?period=") + bad), {"query", "period"}))
        << bad;
  }
}

TEST_F(AnalyticsCustomers, NewCustomersAndOrdersShowAtOnce) {
  const auto restaurant_id = id_of(create_restaurant(api()));
  const auto dish = id_of(create_item(api(), restaurant_id, 10.0));
  const auto target = std::string("/analytics/customers/behavior?period=24h");
  const auto customer_id = id_of(create_customer(api()));

  http_reply first;
  http_reply second;
  read_json(api(), target, &first);
  const auto cached = read_json(api(), target, &second);
  EXPECT_EQ(first.header("x-cache-status"), "MISS");
  EXPECT_EQ(second.header("x-cache-status"), "HIT");
  EXPECT_EQ(cached["customer_segments"]["inactive_customers"], 1);

  place_order(api(), customer_id, restaurant_id, {{dish, 1}});
  http_reply third;
  const auto after_order = read_json(api(), target, &third);
  EXPECT_EQ(third.header("x-cache-status"), "MISS");
  EXPECT_EQ(after_order["customer_segments"]["new_customers"], 1);
  EXPECT_EQ(after_order["customer_segments"]["inactive_customers"], 0);

  create_customer(api());
  const auto after_customer = read_json(api(), target);
  EXPECT_EQ(after_customer["total_customers"], 2);
  EXPECT_EQ(after_customer["customer_segments"]["inactive_customers"], 1);
}

// ---- restaurant performance ---------------------------------------------------------

class AnalyticsPerformance : public fresh_server_test {};

const std::vector<std::pair<std::string, std::string>>& performance_keys() {
  static const std::vector<std::pair<std::string, std::string>> keys{
      {"restaurant_id", "integer"},    {"restaurant_name", "string"}, {"total_orders", "integer"},
      {"completed_orders", "integer"}, {"completion_rate", "number"}, {"total_revenue", "string"},
      {"average_rating", "number"},    {"total_reviews", "integer"}};
  return keys;
}

struct performance_data {
  json busy;
  json small;
  json idle;
};

/// busy: six orders of 10.00 x 1..6 (two delivered and reviewed 5 and 4, one cancelled,
/// three active); small: one 5.00 order; idle: none.
performance_data build_performance(checked_client& api) {
  performance_data data;
  data.busy = create_restaurant(api);
  data.small = create_restaurant(api);
  data.idle = create_restaurant(api);
  const auto dish = id_of(create_item(api, id_of(data.busy), 10.0));
  const auto snack = id_of(create_item(api, id_of(data.small), 5.0));
  const auto customer_id = id_of(create_customer(api));
  const std::vector<std::string> fates{"delivered", "delivered", "cancelled",
                                       "placed",    "preparing", "out_for_delivery"};
  int rating = 5;
  for (std::size_t i = 0; i < fates.size(); ++i) {
    const auto order = place_order(api, customer_id, id_of(data.busy), {{dish, static_cast<std::int64_t>(i + 1)}});
    drive_to(api, id_of(order), fates[i]);
    if (fates[i] == "delivered") {
      const auto review = api.post("/reviews/orders/" + str(id_of(order)) + "/review?customer_id=" + str(customer_id),
                                   json{{"rating", rating--}});
      EXPECT_EQ(review.status, 201) << review.body;
    }
  }
  place_order(api, customer_id, id_of(data.small), {{snack, 1}});
  return data;
}

TEST_F(AnalyticsPerformance, ExactFiguresOfOneRestaurant) {
  const auto data = build_performance(api());
  const auto view = read_json(api(), performance_of(id_of(data.busy)));
  EXPECT_TRUE(has_shape(view, performance_keys()));
  EXPECT_EQ(view["restaurant_id"], id_of(data.busy));
  EXPECT_EQ(view["restaurant_name"], data.busy["name"]);
  EXPECT_EQ(view["total_orders"], 6);
  EXPECT_EQ(view["completed_orders"], 2);
  EXPECT_EQ(view["cancelled_orders"], 1);
  EXPECT_DOUBLE_EQ(view["completion_rate"].get<double>(), 33.33);
  EXPECT_TRUE(is_amount(view["total_revenue"]));
  EXPECT_EQ(view["total_revenue"], "180.00");  // 10 + 20 + 40 + 50 + 60
  EXPECT_EQ(view["average_order_value"], "36.00");
  EXPECT_DOUBLE_EQ(view["average_rating"].get<double>(), 4.5);
  EXPECT_EQ(view["total_reviews"], 2);
  EXPECT_EQ(view["cache_ttl"], 4 * 3600);
}

TEST_F(AnalyticsPerformance, ARestaurantWithoutOrdersHasZeros) {
  const auto data = build_performance(api());
  const auto view = read_json(api(), performance_of(id_of(data.idle)));
  EXPECT_EQ(view["restaurant_id"], id_of(data.idle));
  EXPECT_EQ(view["total_orders"], 0);
  EXPECT_EQ(view["completed_orders"], 0);
  EXPECT_DOUBLE_EQ(view["completion_rate"].get<double>(), 0.0);
  EXPECT_EQ(view["total_revenue"], "0.00");
  EXPECT_DOUBLE_EQ(view["average_rating"].get<double>(), 0.0);
  EXPECT_EQ(view["total_reviews"], 0);
}

TEST_F(AnalyticsPerformance, AllRestaurantsRankedByRevenue) {
  const auto data = build_performance(api());
  const auto view = read_json(api(), "/analytics/restaurants/performance");
  EXPECT_TRUE(has_shape(view, {{"restaurants", "array"}, {"total_restaurants", "integer"}}));
  EXPECT_EQ(view["total_restaurants"], 3);
  const auto& rows = view["restaurants"];
  ASSERT_EQ(rows.size(), 3U) << view.dump();
  EXPECT_EQ(rows[0]["restaurant_id"], id_of(data.busy));
  EXPECT_EQ(rows[0]["total_revenue"], "180.00");
  EXPECT_EQ(rows[1]["restaurant_id"], id_of(data.small));
  EXPECT_EQ(rows[1]["total_revenue"], "5.00");
  EXPECT_EQ(rows[1]["total_orders"], 1);
  EXPECT_EQ(rows[2]["restaurant_id"], id_of(data.idle));
  EXPECT_EQ(rows[2]["total_revenue"], "0.00");
  for (const auto& row : rows) EXPECT_TRUE(has_shape(row, performance_keys()));
  // The list shows the same figures as the single view.
  EXPECT_EQ(rows[0]["completion_rate"], read_json(api(), performance_of(id_of(data.busy)))["completion_rate"]);
}

TEST_F(AnalyticsPerformance, UnknownRestaurantIs404) {
  EXPECT_TRUE(is_detail(api().get(performance_of(987654)), 404, "Restaurant not found"));
  EXPECT_TRUE(
      has_problem(api().get("/analytics/restaurants/performance?restaurant_id=abc"), {"query", "restaurant_id"}));
  EXPECT_TRUE(has_problem(api().get("/analytics/restaurants/performance?restaurant_id=0"), {"query", "restaurant_id"}));
}

TEST_F(AnalyticsPerformance, WritesShowAtOnce) {
  const auto restaurant_id = id_of(create_restaurant(api()));
  const auto dish = id_of(create_item(api(), restaurant_id, 12.5));
  const auto customer_id = id_of(create_customer(api()));
  const auto order_id = id_of(place_order(api(), customer_id, restaurant_id, {{dish, 1}}));

  http_reply first;
  http_reply second;
  read_json(api(), performance_of(restaurant_id), &first);
  read_json(api(), performance_of(restaurant_id), &second);
  EXPECT_EQ(first.header("x-cache-status"), "MISS");
  EXPECT_EQ(second.header("x-cache-status"), "HIT");

  drive_to(api(), order_id, "delivered");
  http_reply third;
  auto view = read_json(api(), performance_of(restaurant_id), &third);
  EXPECT_EQ(third.header("x-cache-status"), "MISS");
  EXPECT_EQ(view["completed_orders"], 1);
  EXPECT_DOUBLE_EQ(view["completion_rate"].get<double>(), 100.0);

  ASSERT_EQ(
      api()
          .post("/reviews/orders/" + str(order_id) + "/review?customer_id=" + str(customer_id), json{{"rating", 3}})
          .status,
      201);
  view = read_json(api(), performance_of(restaurant_id));
  EXPECT_EQ(view["total_reviews"], 1);
  EXPECT_DOUBLE_EQ(view["average_rating"].get<double>(), 3.0);

  place_order(api(), customer_id, restaurant_id, {{dish, 2}});
  view = read_json(api(), performance_of(restaurant_id));
  EXPECT_EQ(view["total_orders"], 2);
  EXPECT_EQ(view["total_revenue"], "37.50");
  EXPECT_DOUBLE_EQ(view["completion_rate"].get<double>(), 50.0);
}

// ---- popular items ------------------------------------------------------------------

class AnalyticsPopularItems : public fresh_server_test {};

TEST_F(AnalyticsPopularItems, RankedByQuantity) {
  const auto restaurant = create_restaurant(api());
  const auto restaurant_id = id_of(restaurant);
  const auto soup = create_item(api(), restaurant_id, 4.5);
  const auto bread = create_item(api(), restaurant_id, 2.0);
  const auto cake = create_item(api(), restaurant_id, 6.0);
  const auto customer_id = id_of(create_customer(api()));
  place_order(api(), customer_id, restaurant_id, {{id_of(soup), 2}, {id_of(bread), 1}});
  place_order(api(), customer_id, restaurant_id, {{id_of(soup), 3}});
  place_order(api(), customer_id, restaurant_id, {{id_of(bread), 2}});
  place_order(api(), customer_id, restaurant_id, {{id_of(cake), 1}});

  const auto view = read_json(api(), "/analytics/popular-items?period=7d&limit=2");
  EXPECT_TRUE(has_shape(view, {{"period", "string"}, {"popular_items", "array"}, {"cache_ttl", "integer"}}));
  EXPECT_EQ(view["period"], "7d");
  const auto& items = view["popular_items"];
  ASSERT_EQ(items.size(), 2U) << view.dump();
  EXPECT_TRUE(has_shape(items[0], {{"menu_item_id", "integer"},
                                   {"name", "string"},
                                   {"restaurant_id", "integer"},
                                   {"total_quantity", "integer"},
                                   {"order_count", "integer"}}));
  EXPECT_EQ(items[0]["menu_item_id"], id_of(soup));
  EXPECT_EQ(items[0]["name"], soup["name"]);
  EXPECT_EQ(items[0]["restaurant_id"], restaurant_id);
  EXPECT_EQ(items[0]["total_quantity"], 5);
  EXPECT_EQ(items[0]["order_count"], 2);
  EXPECT_EQ(items[0]["total_revenue"], "22.50");
  EXPECT_EQ(items[1]["menu_item_id"], id_of(bread));
  EXPECT_EQ(items[1]["total_quantity"], 3);
  EXPECT_EQ(items[1]["order_count"], 2);
  EXPECT_EQ(items[1]["total_revenue"], "6.00");

  const auto all = read_json(api(), "/analytics/popular-items?period=30d");
  ASSERT_EQ(all["popular_items"].size(), 3U) << all.dump();
  EXPECT_EQ(all["popular_items"][2]["menu_item_id"], id_of(cake));
  EXPECT_EQ(all["popular_items"][2]["total_quantity"], 1);
}

TEST_F(AnalyticsPopularItems, NoOrdersNoItems) {
  const auto restaurant_id = id_of(create_restaurant(api()));
  create_item(api(), restaurant_id, 4.5);
  const auto view = read_json(api(), "/analytics/popular-items?period=7d&limit=10");
  EXPECT_EQ(view["popular_items"], json::array());
}

TEST_F(AnalyticsPopularItems, BadParametersAre422) {
  EXPECT_TRUE(has_problem(api().get("/analytics/popular-items?period=7x"), {"query", "period"}));
  EXPECT_TRUE(has_problem(api().get("/analytics/popular-items?period=0d"), {"query", "period"}));
  EXPECT_TRUE(has_problem(api().get("/analytics/popular-items?limit=0"), {"query", "limit"}));
  EXPECT_TRUE(has_problem(api().get("/analytics/popular-items?limit=abc"), {"query", "limit"}));
}

TEST_F(AnalyticsPopularItems, NewOrdersReorderTheRanking) {
  const auto restaurant_id = id_of(create_restaurant(api()));
  const auto soup = id_of(create_item(api(), restaurant_id, 4.5));
  const auto bread = id_of(create_item(api(), restaurant_id, 2.0));
  const auto customer_id = id_of(create_customer(api()));
  place_order(api(), customer_id, restaurant_id, {{soup, 2}, {bread, 1}});
  const auto target = std::string("/analytics/popular-items?period=7d&limit=1");

  http_reply first;
  http_reply second;
  const auto before = read_json(api(), target, &first);
  read_json(api(), target, &second);
  EXPECT_EQ(second.header("x-cache-status"), "HIT");
  ASSERT_EQ(before["popular_items"].size(), 1U);
  EXPECT_EQ(before["popular_items"][0]["menu_item_id"], soup);

  place_order(api(), customer_id, restaurant_id, {{bread, 4}});
  http_reply third;
  const auto after = read_json(api(), target, &third);
  EXPECT_EQ(third.header("x-cache-status"), "MISS");
  ASSERT_EQ(after["popular_items"].size(), 1U);
  EXPECT_EQ(after["popular_items"][0]["menu_item_id"], bread);
  EXPECT_EQ(after["popular_items"][0]["total_quantity"], 5);
}

// ---- refresh ------------------------------------------------------------------------

class AnalyticsRefresh : public fresh_server_test {};

TEST_F(AnalyticsRefresh, KnownTypesAreAccepted) {
  for (const auto* type : {"revenue", "customers", "restaurants", "popular-items"}) {
    const auto reply = api().post(std::string("/analytics/refresh/") + type, json::object());
    ASSERT_EQ(reply.status, 202) << type << ": " << reply.body;
    const auto body = reply.json();
    EXPECT_TRUE(has_shape(
        body, {{"status", "string"}, {"message", "string"}, {"analytics_type", "string"}, {"timestamp", "number"}}));
    EXPECT_EQ(body["status"], "success");
    EXPECT_EQ(body["analytics_type"], type);
  }
}

TEST_F(AnalyticsRefresh, UnknownTypeIs404) {
  EXPECT_TRUE(is_detail(api().post("/analytics/refresh/foo", json::object()), 404, "Unknown analytics type: foo"));
  EXPECT_EQ(api().post("/analytics/refresh/REVENUE", json::object()).status, 404);
}

TEST_F(AnalyticsRefresh, FiguresStayTrueAfterARefresh) {
  const auto restaurant_id = id_of(create_restaurant(api()));
  const auto dish = id_of(create_item(api(), restaurant_id, 3.0));
  const auto customer_id = id_of(create_customer(api()));
  const auto order = place_order(api(), customer_id, restaurant_id, {{dish, 1}});
  const auto date = order["order_date"].get<std::string>().substr(0, 10);
  for (const auto* type : {"revenue", "customers", "restaurants", "popular-items"}) {
    EXPECT_EQ(api().post(std::string("/analytics/refresh/") + type, json::object()).status, 202);
  }
  place_order(api(), customer_id, restaurant_id, {{dish, 2}});
  // Whatever the background refresh did, reads after the write show it.
  const auto performance = read_json(api(), performance_of(restaurant_id));
  EXPECT_EQ(performance["total_orders"], 2);
  EXPECT_EQ(performance["total_revenue"], "9.00");
  const auto items = read_json(api(), "/analytics/popular-items?period=7d&limit=10");
  ASSERT_EQ(items["popular_items"].size(), 1U);
  EXPECT_EQ(items["popular_items"][0]["total_quantity"], 3);
  const auto behavior = read_json(api(), "/analytics/customers/behavior?period=24h");
  EXPECT_EQ(behavior["customer_segments"]["regular_customers"], 1);
  const auto revenue = read_json(api(), revenue_on(date));
  EXPECT_GE(revenue["total_orders"].get<std::int64_t>(), 1);
}

}  // namespace
}  // namespace zomato::testing
