// The real-time views over HTTP, computed from real data built through the API:
// availability (capacity from active orders), dynamic pricing (surge from demand),
// delivery slots (opening hours and due orders), order tracking (history, ETA,
// conditional caching) and notifications (one per order event, read flags).

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "domain/clock.hpp"
#include "support/order_fixtures.hpp"

namespace zomato::testing {
namespace {

using namespace order_fixtures;

std::int64_t id_of(const json& object) { return object.at("id").get<std::int64_t>(); }

std::string availability_of(std::int64_t restaurant_id) {
  return "/realtime/restaurant-availability/" + str(restaurant_id);
}
std::string pricing_of(std::int64_t restaurant_id) { return "/realtime/dynamic-pricing/" + str(restaurant_id); }
std::string slots_of(std::int64_t restaurant_id) { return "/realtime/delivery-slots/" + str(restaurant_id); }
std::string tracking_of(std::int64_t order_id) { return "/realtime/order-tracking/" + str(order_id); }
std::string notifications_of(std::int64_t customer_id) { return "/realtime/notifications/" + str(customer_id); }

/// The current UTC hour of day on this machine (the server's clock is the same).
int utc_hour_now() {
  const auto now = std::chrono::system_clock::now();
  const auto since_midnight = now - std::chrono::floor<std::chrono::days>(now);
  return static_cast<int>(std::chrono::duration_cast<std::chrono::hours>(since_midnight).count());
}

/// "HH:00:00" for the hour (modulo 24).
std::string hour_text(int hour) {
  char text[16];
  std::snprintf(text, sizeof text, "%02d:00:00", ((hour % 24) + 24) % 24);
  return text;
}

/// "HH:MM" for the minute of the day (modulo 24 h).
std::string clock_text(int minute) {
  minute = ((minute % 1440) + 1440) % 1440;
  char text[8];
  std::snprintf(text, sizeof text, "%02d:%02d", minute / 60, minute % 60);
  return text;
}

/// The stored timestamp moved by some minutes.
std::string plus_minutes(const std::string& timestamp, std::int64_t minutes) {
  const auto at = domain::time_point_of(timestamp);
  if (!at) throw std::runtime_error("not a timestamp: " + timestamp);
  return domain::format_timestamp(*at + std::chrono::minutes(minutes));
}

/// A restaurant with the given opening hours (null: always open).
json make_restaurant(checked_client& api, const std::optional<std::string>& opening = std::nullopt,
                     const std::optional<std::string>& closing = std::nullopt) {
  auto body = restaurant_body(unique_name("Realtime Kitchen"));
  if (opening) body["opening_time"] = *opening;
  if (closing) body["closing_time"] = *closing;
  return expect_created(api.post("/restaurants/", body), "POST /restaurants/");
}

json item_with_preparation(checked_client& api, std::int64_t restaurant_id, double price, std::int64_t minutes) {
  return create_item(api, restaurant_id, price, {{"preparation_time", minutes}});
}

/// Reads a real-time view: 200 and a JSON object, else the test fails.
json read_view(checked_client& api, const std::string& target, http_reply* reply_out = nullptr) {
  auto reply = api.get(target);
  EXPECT_EQ(reply.status, 200) << target << ": " << reply.body;
  if (reply_out) *reply_out = reply;
  return reply.status == 200 ? reply.json() : json::object();
}

std::int64_t ceil_div(std::int64_t a, std::int64_t b) { return (a + b - 1) / b; }

// ---- availability -------------------------------------------------------------------

class RealtimeAvailability : public server_suite<RealtimeAvailability> {};

TEST_F(RealtimeAvailability, IdleRestaurantIsAvailableAtZeroCapacity) {
  const auto restaurant = make_restaurant(api());
  const auto id = id_of(restaurant);
  item_with_preparation(api(), id, 10.0, 20);

  const auto view = read_view(api(), availability_of(id));
  EXPECT_TRUE(has_shape(view, {{"restaurant_id", "integer"},
                               {"restaurant_name", "string"},
                               {"availability_status", "string"},
                               {"current_capacity_percentage", "number"},
                               {"estimated_wait_minutes", "integer"},
                               {"accepting_orders", "boolean"},
                               {"last_updated", "number"},
                               {"cache_ttl", "integer"}}));
  EXPECT_EQ(view["restaurant_id"], id);
  EXPECT_EQ(view["restaurant_name"], restaurant["name"]);
  EXPECT_EQ(view["availability_status"], "available");
  EXPECT_DOUBLE_EQ(view["current_capacity_percentage"].get<double>(), 0.0);
  EXPECT_EQ(view["estimated_wait_minutes"], 20);
  EXPECT_EQ(view["accepting_orders"], true);
  EXPECT_EQ(view["cache_ttl"], 60);
  EXPECT_GT(view["last_updated"].get<double>(), 1.6e9);
}

TEST_F(RealtimeAvailability, WithoutMenuTheWaitIsTheDefaultPreparationTime) {
  const auto id = id_of(make_restaurant(api()));
  const auto view = read_view(api(), availability_of(id));
  EXPECT_EQ(view["estimated_wait_minutes"], 15);
  EXPECT_DOUBLE_EQ(view["current_capacity_percentage"].get<double>(), 0.0);
}

TEST_F(RealtimeAvailability, EachActiveOrderRaisesCapacityByTenPercent) {
  const auto id = id_of(make_restaurant(api()));
  const auto dish = id_of(item_with_preparation(api(), id, 9.5, 20));
  const auto customer_id = id_of(create_customer(api()));

  for (std::int64_t active = 1; active <= 10; ++active) {
    place_order(api(), customer_id, id, {{dish, 1}});
    http_reply reply;
    const auto view = read_view(api(), availability_of(id), &reply);
    EXPECT_EQ(reply.header("x-cache-status"), "MISS") << "a read after placing order " << active;
    EXPECT_DOUBLE_EQ(view["current_capacity_percentage"].get<double>(), 10.0 * static_cast<double>(active))
        << active << " active orders";
    const std::string wanted = active < 5 ? "available" : active < 8 ? "busy" : "very_busy";
    EXPECT_EQ(view["availability_status"], wanted) << active << " active orders";
    EXPECT_EQ(view["estimated_wait_minutes"], 20 + ceil_div(active * 20, 4)) << active << " active orders";
    EXPECT_EQ(view["accepting_orders"], active < 10) << active << " active orders";
  }
  // Past the kitchen's capacity the figure stays at 100 %.
  place_order(api(), customer_id, id, {{dish, 1}});
  const auto full = read_view(api(), availability_of(id));
  EXPECT_DOUBLE_EQ(full["current_capacity_percentage"].get<double>(), 100.0);
  EXPECT_EQ(full["availability_status"], "very_busy");
  EXPECT_EQ(full["accepting_orders"], false);
}

TEST_F(RealtimeAvailability, OnlyOrdersInTheKitchenCount) {
  const auto id = id_of(make_restaurant(api()));
  const auto dish = id_of(item_with_preparation(api(), id, 11.0, 12));
  const auto customer_id = id_of(create_customer(api()));

  const auto placed = id_of(place_order(api(), customer_id, id, {{dish, 1}}));
  const auto confirmed = id_of(place_order(api(), customer_id, id, {{dish, 1}}));
  const auto preparing = id_of(place_order(api(), customer_id, id, {{dish, 2}}));
  const auto delivered = id_of(place_order(api(), customer_id, id, {{dish, 1}}));
  const auto cancelled = id_of(place_order(api(), customer_id, id, {{dish, 1}}));
  const auto on_the_way = id_of(place_order(api(), customer_id, id, {{dish, 1}}));
  (void)placed;
  EXPECT_DOUBLE_EQ(read_view(api(), availability_of(id))["current_capacity_percentage"].get<double>(), 60.0);

  drive_to(api(), confirmed, "confirmed");
  drive_to(api(), preparing, "preparing");
  EXPECT_DOUBLE_EQ(read_view(api(), availability_of(id))["current_capacity_percentage"].get<double>(), 60.0);

  drive_to(api(), delivered, "delivered");
  drive_to(api(), cancelled, "cancelled");
  const auto after_final = read_view(api(), availability_of(id));
  EXPECT_DOUBLE_EQ(after_final["current_capacity_percentage"].get<double>(), 40.0);
  EXPECT_EQ(after_final["availability_status"], "available");

  drive_to(api(), on_the_way, "out_for_delivery");  // left the kitchen
  const auto view = read_view(api(), availability_of(id));
  EXPECT_DOUBLE_EQ(view["current_capacity_percentage"].get<double>(), 30.0);
  EXPECT_EQ(view["estimated_wait_minutes"], 12 + ceil_div(3 * 12, 4));
}

TEST_F(RealtimeAvailability, OrdersOfOtherRestaurantsDoNotCount) {
  const auto busy = id_of(make_restaurant(api()));
  const auto quiet = id_of(make_restaurant(api()));
  const auto dish = id_of(create_item(api(), busy, 7.0));
  const auto customer_id = id_of(create_customer(api()));
  for (int i = 0; i < 3; ++i) place_order(api(), customer_id, busy, {{dish, 1}});
  EXPECT_DOUBLE_EQ(read_view(api(), availability_of(busy))["current_capacity_percentage"].get<double>(), 30.0);
  EXPECT_DOUBLE_EQ(read_view(api(), availability_of(quiet))["current_capacity_percentage"].get<double>(), 0.0);
}

TEST_F(RealtimeAvailability, ClosedRestaurantIsNotAcceptingOrders) {
  const int hour = utc_hour_now();
  // Opens in two hours and closes an hour later: closed now, whatever the minute.
  const auto closed = id_of(make_restaurant(api(), hour_text(hour + 2), hour_text(hour + 3)));
  const auto closed_view = read_view(api(), availability_of(closed));
  EXPECT_EQ(closed_view["accepting_orders"], false);
  EXPECT_EQ(closed_view["availability_status"], "available");
  EXPECT_DOUBLE_EQ(closed_view["current_capacity_percentage"].get<double>(), 0.0);

  // Opened an hour ago and closes in two hours: open now.
  const auto open = id_of(make_restaurant(api(), hour_text(hour - 1), hour_text(hour + 2)));
  EXPECT_EQ(read_view(api(), availability_of(open))["accepting_orders"], true);
}

TEST_F(RealtimeAvailability, InactiveRestaurantIsNotAcceptingOrders) {
  const auto id = id_of(make_restaurant(api()));
  EXPECT_EQ(read_view(api(), availability_of(id))["accepting_orders"], true);
  ASSERT_EQ(api().put("/restaurants/" + str(id), json{{"is_active", false}}).status, 200);
  EXPECT_EQ(read_view(api(), availability_of(id))["accepting_orders"], false);
}

TEST_F(RealtimeAvailability, CachedForSixtySecondsAndInvalidatedByOrders) {
  const auto id = id_of(make_restaurant(api()));
  const auto dish = id_of(create_item(api(), id, 5.0));
  const auto customer_id = id_of(create_customer(api()));

  http_reply first;
  http_reply second;
  const auto before = read_view(api(), availability_of(id), &first);
  read_view(api(), availability_of(id), &second);
  EXPECT_EQ(first.header("x-cache-status"), "MISS");
  EXPECT_EQ(second.header("x-cache-status"), "HIT");
  EXPECT_EQ(second.body, first.body);
  EXPECT_DOUBLE_EQ(before["current_capacity_percentage"].get<double>(), 0.0);

  place_order(api(), customer_id, id, {{dish, 1}});
  http_reply third;
  http_reply fourth;
  const auto after = read_view(api(), availability_of(id), &third);
  read_view(api(), availability_of(id), &fourth);
  EXPECT_EQ(third.header("x-cache-status"), "MISS");
  EXPECT_DOUBLE_EQ(after["current_capacity_percentage"].get<double>(), 10.0);
  EXPECT_EQ(fourth.header("x-cache-status"), "HIT");
  EXPECT_EQ(fourth.body, third.body);
}

TEST_F(RealtimeAvailability, UnknownIdsAre404) {
  EXPECT_TRUE(is_detail(api().get(availability_of(987654)), 404, "Restaurant not found"));
  EXPECT_TRUE(is_detail(api().get(pricing_of(987654)), 404, "Restaurant not found"));
  EXPECT_TRUE(is_detail(api().get(slots_of(987654)), 404, "Restaurant not found"));
  EXPECT_TRUE(is_detail(api().get(tracking_of(987654)), 404, "Order not found"));
  EXPECT_TRUE(is_detail(api().get(notifications_of(987654)), 404, "Customer not found"));
}

TEST_F(RealtimeAvailability, ADeletedRestaurantIs404) {
  const auto id = id_of(make_restaurant(api()));
  EXPECT_EQ(api().get(availability_of(id)).status, 200);
  EXPECT_EQ(api().get(pricing_of(id)).status, 200);
  ASSERT_LT(api().del("/restaurants/" + str(id)).status, 300);
  EXPECT_TRUE(is_detail(api().get(availability_of(id)), 404, "Restaurant not found"));
  EXPECT_TRUE(is_detail(api().get(pricing_of(id)), 404, "Restaurant not found"));
}

TEST_F(RealtimeAvailability, BadIdsAre422) {
  EXPECT_TRUE(has_problem(api().get("/realtime/restaurant-availability/abc"), {"path", "restaurant_id"}));
  EXPECT_TRUE(has_problem(api().get("/realtime/order-tracking/abc"), {"path", "order_id"}));
  EXPECT_TRUE(has_problem(api().get("/realtime/notifications/abc"), {"path", "customer_id"}));
}

// ---- dynamic pricing ----------------------------------------------------------------

class RealtimePricing : public server_suite<RealtimePricing> {};

const std::vector<std::pair<std::string, std::string>>& pricing_keys() {
  static const std::vector<std::pair<std::string, std::string>> keys{
      {"restaurant_id", "integer"}, {"restaurant_name", "string"}, {"pricing", "object"},
      {"demand_level", "string"},   {"last_updated", "number"},    {"cache_ttl", "integer"}};
  return keys;
}

TEST_F(RealtimePricing, NoActiveOrdersNoSurge) {
  const auto restaurant = make_restaurant(api());
  const auto id = id_of(restaurant);
  const auto view = read_view(api(), pricing_of(id));
  EXPECT_TRUE(has_shape(view, pricing_keys()));
  EXPECT_EQ(view["restaurant_id"], id);
  EXPECT_EQ(view["restaurant_name"], restaurant["name"]);
  EXPECT_EQ(view["demand_level"], "low");
  EXPECT_EQ(view["cache_ttl"], 120);
  const auto& pricing = view["pricing"];
  EXPECT_TRUE(has_shape(pricing, {{"base_delivery_fee", "number"},
                                  {"current_delivery_fee", "number"},
                                  {"surge_multiplier", "number"},
                                  {"service_fee_percentage", "number"},
                                  {"is_surge_pricing", "boolean"}}));
  EXPECT_DOUBLE_EQ(pricing["base_delivery_fee"].get<double>(), 2.99);
  EXPECT_DOUBLE_EQ(pricing["current_delivery_fee"].get<double>(), 2.99);
  EXPECT_DOUBLE_EQ(pricing["surge_multiplier"].get<double>(), 1.0);
  EXPECT_DOUBLE_EQ(pricing["service_fee_percentage"].get<double>(), 0.12);
  EXPECT_EQ(pricing["is_surge_pricing"], false);
}

/// The multiplier for `active` orders of a 10-order kitchen at peak or off-peak hours.
double expected_multiplier(std::int64_t active, bool peak) {
  const double load = std::min(1.0, static_cast<double>(active) / 10.0);
  return std::round((1.0 + load * 0.5 * (peak ? 1.2 : 1.0)) * 100.0) / 100.0;
}

bool peak_hour(int hour) { return (hour >= 11 && hour < 14) || (hour >= 18 && hour < 21); }

TEST_F(RealtimePricing, SurgeGrowsWithActiveOrders) {
  const auto id = id_of(make_restaurant(api()));
  const auto dish = id_of(create_item(api(), id, 6.0));
  const auto customer_id = id_of(create_customer(api()));

  for (std::int64_t active = 1; active <= 8; ++active) {
    place_order(api(), customer_id, id, {{dish, 1}});
    const int hour_before = utc_hour_now();
    http_reply reply;
    const auto view = read_view(api(), pricing_of(id), &reply);
    const int hour_after = utc_hour_now();
    EXPECT_EQ(reply.header("x-cache-status"), "MISS") << "a read after placing order " << active;
    const auto multiplier = view["pricing"]["surge_multiplier"].get<double>();
    if (hour_before == hour_after) {
      EXPECT_DOUBLE_EQ(multiplier, expected_multiplier(active, peak_hour(hour_before))) << active << " active";
    } else {
      EXPECT_TRUE(multiplier == expected_multiplier(active, true) || multiplier == expected_multiplier(active, false))
          << multiplier << " with " << active << " active";
    }
    EXPECT_EQ(view["pricing"]["is_surge_pricing"], true);
    EXPECT_DOUBLE_EQ(view["pricing"]["base_delivery_fee"].get<double>(), 2.99);
    EXPECT_DOUBLE_EQ(view["pricing"]["current_delivery_fee"].get<double>(),
                     std::round(2.99 * multiplier * 100.0) / 100.0);
    const std::string demand = active < 3 ? "low" : active < 7 ? "medium" : "high";
    EXPECT_EQ(view["demand_level"], demand) << active << " active orders";
  }
}

TEST_F(RealtimePricing, FinishedOrdersEndTheSurge) {
  const auto id = id_of(make_restaurant(api()));
  const auto dish = id_of(create_item(api(), id, 6.0));
  const auto customer_id = id_of(create_customer(api()));
  const auto first = id_of(place_order(api(), customer_id, id, {{dish, 1}}));
  const auto second = id_of(place_order(api(), customer_id, id, {{dish, 1}}));
  EXPECT_EQ(read_view(api(), pricing_of(id))["pricing"]["is_surge_pricing"], true);

  drive_to(api(), first, "delivered");
  drive_to(api(), second, "cancelled");
  const auto view = read_view(api(), pricing_of(id));
  EXPECT_DOUBLE_EQ(view["pricing"]["surge_multiplier"].get<double>(), 1.0);
  EXPECT_DOUBLE_EQ(view["pricing"]["current_delivery_fee"].get<double>(), 2.99);
  EXPECT_EQ(view["pricing"]["is_surge_pricing"], false);
  EXPECT_EQ(view["demand_level"], "low");
}

TEST_F(RealtimePricing, CachedForTwoMinutes) {
  const auto id = id_of(make_restaurant(api()));
  const auto first = api().get(pricing_of(id));
  const auto second = api().get(pricing_of(id));
  ASSERT_EQ(first.status, 200);
  EXPECT_EQ(first.header("x-cache-status"), "MISS");
  EXPECT_EQ(second.header("x-cache-status"), "HIT");
  EXPECT_EQ(second.body, first.body);
  EXPECT_EQ(first.json()["cache_ttl"], 120);
}

// ---- delivery slots -----------------------------------------------------------------

class RealtimeSlots : public server_suite<RealtimeSlots> {};

int minute_of_label(const std::string& hh_mm) {
  return std::stoi(hh_mm.substr(0, 2)) * 60 + std::stoi(hh_mm.substr(3, 2));
}

/// Five consecutive half-hour slots "HH:MM-HH:MM", each starting on a half hour.
::testing::AssertionResult consecutive_half_hours(const json& slots) {
  static const std::regex label(R"(([0-9]{2}):([0-9]{2})-([0-9]{2}):([0-9]{2}))");
  if (!slots.is_array()) return ::testing::AssertionFailure() << "not an array";
  for (std::size_t i = 0; i < slots.size(); ++i) {
    const auto text = slots[i].at("time").get<std::string>();
    if (!std::regex_match(text, label)) return ::testing::AssertionFailure() << "bad label " << text;
    const int start = minute_of_label(text.substr(0, 5));
    const int end = minute_of_label(text.substr(6, 5));
    if (start % 30 != 0) return ::testing::AssertionFailure() << text << " does not start on a half hour";
    if (end != (start + 30) % 1440) return ::testing::AssertionFailure() << text << " is not 30 minutes";
    if (i > 0) {
      const auto before = slots[i - 1].at("time").get<std::string>();
      if (minute_of_label(before.substr(6, 5)) != start) {
        return ::testing::AssertionFailure() << before << " is not followed by " << text;
      }
    }
  }
  return ::testing::AssertionSuccess();
}

/// The first slot's start as the server computes it at the current minute.
std::string next_boundary_now() {
  const auto now = std::chrono::system_clock::now();
  const auto minute = static_cast<int>(
      std::chrono::duration_cast<std::chrono::minutes>(now - std::chrono::floor<std::chrono::days>(now)).count());
  return clock_text(minute + (30 - minute % 30) % 30);
}

TEST_F(RealtimeSlots, IdleRestaurantHasFiveAvailableSlots) {
  const auto restaurant = make_restaurant(api());
  const auto id = id_of(restaurant);
  item_with_preparation(api(), id, 8.0, 10);
  item_with_preparation(api(), id, 9.0, 21);  // mean 15.5 -> 16

  const auto before = next_boundary_now();
  const auto view = read_view(api(), slots_of(id));
  const auto after = next_boundary_now();
  EXPECT_TRUE(has_shape(view, {{"restaurant_id", "integer"},
                               {"restaurant_name", "string"},
                               {"delivery_slots", "array"},
                               {"last_updated", "number"},
                               {"cache_ttl", "integer"}}));
  EXPECT_EQ(view["restaurant_id"], id);
  EXPECT_EQ(view["restaurant_name"], restaurant["name"]);
  EXPECT_EQ(view["cache_ttl"], 30);
  const auto& slots = view["delivery_slots"];
  ASSERT_EQ(slots.size(), 5U) << view.dump();
  EXPECT_TRUE(consecutive_half_hours(slots));
  const auto first_start = slots[0]["time"].get<std::string>().substr(0, 5);
  EXPECT_TRUE(first_start == before || first_start == after) << first_start << " vs " << before << "/" << after;
  for (const auto& slot : slots) {
    EXPECT_TRUE(has_shape(slot, {{"time", "string"}, {"available", "boolean"}, {"estimated_prep_time", "integer"}}));
    EXPECT_EQ(slot["available"], true) << slot.dump();
    EXPECT_EQ(slot["estimated_prep_time"], 16) << slot.dump();
  }
}

TEST_F(RealtimeSlots, WithoutMenuThePreparationTimeIsTheDefault) {
  const auto id = id_of(make_restaurant(api()));
  const auto view = read_view(api(), slots_of(id));
  ASSERT_EQ(view["delivery_slots"].size(), 5U);
  for (const auto& slot : view["delivery_slots"]) EXPECT_EQ(slot["estimated_prep_time"], 15) << slot.dump();
}

TEST_F(RealtimeSlots, UnavailableItemsDoNotCountInThePreparationTime) {
  const auto id = id_of(make_restaurant(api()));
  item_with_preparation(api(), id, 8.0, 10);
  const auto slow = id_of(item_with_preparation(api(), id, 9.0, 40));
  EXPECT_EQ(read_view(api(), slots_of(id))["delivery_slots"][0]["estimated_prep_time"], 25);
  ASSERT_EQ(api().put("/menu-items/" + str(slow), json{{"is_available", false}}).status, 200);
  EXPECT_EQ(read_view(api(), slots_of(id))["delivery_slots"][0]["estimated_prep_time"], 10);
}

TEST_F(RealtimeSlots, OnlySlotsInsideTheOpeningHours) {
  const int hour = utc_hour_now();
  // Opens in two hours for one hour: two slots, whatever the minute now.
  const auto id = id_of(make_restaurant(api(), hour_text(hour + 2), hour_text(hour + 3)));
  const auto view = read_view(api(), slots_of(id));
  const auto start = (hour + 2) % 24;
  const std::vector<std::string> wanted{clock_text(start * 60) + "-" + clock_text(start * 60 + 30),
                                        clock_text(start * 60 + 30) + "-" + clock_text(start * 60 + 60)};
  std::vector<std::string> labels;
  for (const auto& slot : view["delivery_slots"]) labels.push_back(slot["time"].get<std::string>());
  EXPECT_EQ(labels, wanted) << view.dump();
}

TEST_F(RealtimeSlots, DueOrdersFillTheirSlots) {
  const auto id = id_of(make_restaurant(api()));
  item_with_preparation(api(), id, 8.0, 10);
  const auto slow = id_of(item_with_preparation(api(), id, 9.0, 21));  // due 41 minutes after the order
  const auto customer_id = id_of(create_customer(api()));
  std::vector<std::int64_t> orders;
  for (int i = 0; i < 4; ++i) orders.push_back(id_of(place_order(api(), customer_id, id, {{slow, 1}})));

  http_reply reply;
  const auto view = read_view(api(), slots_of(id), &reply);
  EXPECT_EQ(reply.header("x-cache-status"), "MISS");
  const auto& slots = view["delivery_slots"];
  ASSERT_EQ(slots.size(), 5U) << view.dump();
  EXPECT_TRUE(consecutive_half_hours(slots));
  // Every order is due 40-41 minutes from now, inside the five slots: each adds 5 minutes to
  // its slot, and a slot with 4 due orders is full.
  std::int64_t extra = 0;
  for (const auto& slot : slots) {
    const auto added = slot["estimated_prep_time"].get<std::int64_t>() - 16;
    EXPECT_GE(added, 0) << slot.dump();
    EXPECT_EQ(added % 5, 0) << slot.dump();
    EXPECT_EQ(slot["available"], added / 5 < 4) << slot.dump();
    extra += added;
  }
  EXPECT_EQ(extra, 5 * 4) << view.dump();

  // Delivered orders are due no more.
  for (const auto order_id : orders) drive_to(api(), order_id, "delivered");
  const auto after = read_view(api(), slots_of(id));
  for (const auto& slot : after["delivery_slots"]) {
    EXPECT_EQ(slot["estimated_prep_time"], 16) << slot.dump();
    EXPECT_EQ(slot["available"], true) << slot.dump();
  }
}

TEST_F(RealtimeSlots, CachedForThirtySeconds) {
  const auto id = id_of(make_restaurant(api()));
  const auto first = api().get(slots_of(id));
  const auto second = api().get(slots_of(id));
  ASSERT_EQ(first.status, 200);
  EXPECT_EQ(first.header("x-cache-status"), "MISS");
  EXPECT_EQ(second.header("x-cache-status"), "HIT");
  EXPECT_EQ(second.body, first.body);
}

// ---- order tracking -----------------------------------------------------------------

class RealtimeTracking : public server_suite<RealtimeTracking> {};

std::vector<std::string> statuses_of(const json& history) {
  std::vector<std::string> statuses;
  for (const auto& entry : history) statuses.push_back(entry.at("status").get<std::string>());
  return statuses;
}

TEST_F(RealtimeTracking, HistoryGrowsWithEachStatusChange) {
  const auto restaurant_id = id_of(make_restaurant(api()));
  const auto quick = id_of(item_with_preparation(api(), restaurant_id, 4.0, 10));
  const auto slow = id_of(item_with_preparation(api(), restaurant_id, 12.0, 21));
  const auto customer_id = id_of(create_customer(api()));
  const auto order = place_order(api(), customer_id, restaurant_id, {{quick, 2}, {slow, 1}});
  const auto order_id = id_of(order);
  const auto order_date = order["order_date"].get<std::string>();
  const auto eta = plus_minutes(order_date, 21 + 20);

  auto view = read_view(api(), tracking_of(order_id));
  EXPECT_TRUE(has_shape(view, {{"order_id", "integer"},
                               {"order_status", "string"},
                               {"restaurant_id", "integer"},
                               {"status_history", "array"},
                               {"estimated_delivery_time", "string?"},
                               {"last_updated", "number"},
                               {"cache_ttl", "integer"}}));
  EXPECT_EQ(view["order_id"], order_id);
  EXPECT_EQ(view["restaurant_id"], restaurant_id);
  EXPECT_EQ(view["order_status"], "placed");
  ASSERT_EQ(view["status_history"].size(), 1U) << view.dump();
  EXPECT_EQ(view["status_history"][0]["status"], "placed");
  EXPECT_EQ(view["status_history"][0]["at"], order_date);
  EXPECT_EQ(view["estimated_delivery_time"], eta);

  std::vector<std::string> wanted{"placed"};
  for (const char* step_name : {"confirmed", "preparing", "out_for_delivery"}) {
    const std::string step(step_name);
    ASSERT_EQ(set_status(api(), order_id, step).status, 200) << step;
    wanted.push_back(step);
    view = read_view(api(), tracking_of(order_id));
    EXPECT_EQ(view["order_status"], step);
    EXPECT_EQ(statuses_of(view["status_history"]), wanted) << view.dump();
    EXPECT_EQ(view["estimated_delivery_time"], eta) << "while " << step;
    std::string previous = order_date;
    for (const auto& entry : view["status_history"]) {
      EXPECT_TRUE(is_timestamp(entry["at"]));
      EXPECT_GE(entry["at"].get<std::string>(), previous) << view.dump();
      previous = entry["at"].get<std::string>();
    }
  }

  ASSERT_EQ(set_status(api(), order_id, "delivered").status, 200);
  view = read_view(api(), tracking_of(order_id));
  wanted.push_back("delivered");
  EXPECT_EQ(view["order_status"], "delivered");
  EXPECT_EQ(statuses_of(view["status_history"]), wanted);
  const auto stored = get_json(api(), "/orders/" + str(order_id));
  ASSERT_TRUE(is_timestamp(stored["delivery_time"]));
  EXPECT_EQ(view["estimated_delivery_time"], stored["delivery_time"]);
}

TEST_F(RealtimeTracking, DeliveredOrderShowsTheDeliveryTimeSent) {
  const auto restaurant_id = id_of(make_restaurant(api()));
  const auto dish = id_of(item_with_preparation(api(), restaurant_id, 4.0, 10));
  const auto customer_id = id_of(create_customer(api()));
  const auto order_id = id_of(place_order(api(), customer_id, restaurant_id, {{dish, 1}}));
  drive_to(api(), order_id, "out_for_delivery");
  ASSERT_EQ(set_status(api(), order_id, "delivered", std::string("2030-01-02T03:04:05")).status, 200);
  const auto stored = get_json(api(), "/orders/" + str(order_id));
  const auto view = read_view(api(), tracking_of(order_id));
  EXPECT_EQ(view["estimated_delivery_time"], stored["delivery_time"]);
  EXPECT_EQ(view["estimated_delivery_time"], "2030-01-02T03:04:05");
}

TEST_F(RealtimeTracking, WithoutPreparationTimesTheDefaultIsUsed) {
  const auto restaurant_id = id_of(make_restaurant(api()));
  const auto dish = id_of(create_item(api(), restaurant_id, 4.0));  // no preparation_time
  const auto customer_id = id_of(create_customer(api()));
  const auto order = place_order(api(), customer_id, restaurant_id, {{dish, 1}});
  const auto view = read_view(api(), tracking_of(id_of(order)));
  const auto item = get_json(api(), "/menu-items/" + str(dish));
  const auto minutes = item["preparation_time"].is_number_integer() ? item["preparation_time"].get<std::int64_t>() : 15;
  EXPECT_EQ(view["estimated_delivery_time"], plus_minutes(order["order_date"].get<std::string>(), minutes + 20));
}

TEST_F(RealtimeTracking, CancelledOrderHasNoEstimate) {
  const auto restaurant_id = id_of(make_restaurant(api()));
  const auto dish = id_of(item_with_preparation(api(), restaurant_id, 4.0, 10));
  const auto customer_id = id_of(create_customer(api()));
  const auto order_id = id_of(place_order(api(), customer_id, restaurant_id, {{dish, 1}}));
  drive_to(api(), order_id, "confirmed");
  ASSERT_EQ(set_status(api(), order_id, "cancelled").status, 200);

  http_reply first;
  http_reply second;
  const auto view = read_view(api(), tracking_of(order_id), &first);
  read_view(api(), tracking_of(order_id), &second);
  EXPECT_EQ(view["order_status"], "cancelled");
  EXPECT_TRUE(view["estimated_delivery_time"].is_null()) << view.dump();
  EXPECT_EQ(statuses_of(view["status_history"]), (std::vector<std::string>{"placed", "confirmed", "cancelled"}));
  EXPECT_EQ(view["cache_ttl"], 120);
  EXPECT_EQ(first.header("x-cache-status"), "MISS");
  EXPECT_EQ(second.header("x-cache-status"), "HIT");
  EXPECT_EQ(second.body, first.body);
}

TEST_F(RealtimeTracking, ActiveOrdersAreNeverServedFromTheCache) {
  const auto restaurant_id = id_of(make_restaurant(api()));
  const auto dish = id_of(item_with_preparation(api(), restaurant_id, 4.0, 10));
  const auto customer_id = id_of(create_customer(api()));
  const auto order_id = id_of(place_order(api(), customer_id, restaurant_id, {{dish, 1}}));

  for (const char* step_name : {"placed", "confirmed", "preparing", "out_for_delivery"}) {
    const std::string step(step_name);
    if (step != "placed") {
      ASSERT_EQ(set_status(api(), order_id, step).status, 200) << step;
    }
    for (int read = 0; read < 3; ++read) {
      const auto reply = api().get(tracking_of(order_id));
      ASSERT_EQ(reply.status, 200);
      EXPECT_NE(reply.header("x-cache-status"), "HIT") << step << ", read " << read;
      EXPECT_EQ(reply.json()["order_status"], step);
    }
  }

  ASSERT_EQ(set_status(api(), order_id, "delivered").status, 200);
  const auto first = api().get(tracking_of(order_id));
  const auto second = api().get(tracking_of(order_id));
  EXPECT_EQ(first.json()["order_status"], "delivered");
  EXPECT_EQ(first.header("x-cache-status"), "MISS");
  EXPECT_EQ(second.header("x-cache-status"), "HIT");
  EXPECT_EQ(second.body, first.body);
  EXPECT_EQ(first.json()["cache_ttl"], 120);
}

// ---- notifications ------------------------------------------------------------------

class RealtimeNotifications : public server_suite<RealtimeNotifications> {};

const std::vector<std::pair<std::string, std::string>>& notification_keys() {
  static const std::vector<std::pair<std::string, std::string>> keys{{"id", "integer"},       {"type", "string"},
                                                                     {"title", "string"},     {"message", "string"},
                                                                     {"timestamp", "number"}, {"read", "boolean"}};
  return keys;
}

bool mentions(const json& note, const std::string& text) {
  return note["message"].get<std::string>().find(text) != std::string::npos;
}

struct kitchen {
  std::int64_t restaurant_id = 0;
  std::string restaurant_name;
  std::int64_t dish = 0;
};

kitchen make_kitchen(checked_client& api) {
  const auto restaurant = make_restaurant(api);
  kitchen k;
  k.restaurant_id = id_of(restaurant);
  k.restaurant_name = restaurant["name"].get<std::string>();
  k.dish = id_of(item_with_preparation(api, k.restaurant_id, 9.0, 10));
  return k;
}

TEST_F(RealtimeNotifications, NewCustomerHasNone) {
  const auto customer_id = id_of(create_customer(api()));
  const auto view = read_view(api(), notifications_of(customer_id));
  EXPECT_TRUE(has_shape(view, {{"customer_id", "integer"},
                               {"notifications", "array"},
                               {"unread_count", "integer"},
                               {"last_updated", "number"},
                               {"cache_ttl", "integer"}}));
  EXPECT_EQ(view["customer_id"], customer_id);
  EXPECT_TRUE(view["notifications"].empty()) << view.dump();
  EXPECT_EQ(view["unread_count"], 0);
  EXPECT_EQ(view["cache_ttl"], 60);
}

TEST_F(RealtimeNotifications, PlacingAnOrderAddsOne) {
  const auto k = make_kitchen(api());
  const auto customer_id = id_of(create_customer(api()));
  EXPECT_TRUE(read_view(api(), notifications_of(customer_id))["notifications"].empty());

  const auto order = place_order(api(), customer_id, k.restaurant_id, {{k.dish, 1}});
  const auto order_id = id_of(order);
  const auto view = read_view(api(), notifications_of(customer_id));
  ASSERT_EQ(view["notifications"].size(), 1U) << view.dump();
  const auto& note = view["notifications"][0];
  EXPECT_TRUE(has_shape(note, notification_keys()));
  EXPECT_EQ(note["type"], "order_update");
  EXPECT_EQ(note["title"], "Order Placed");
  EXPECT_TRUE(mentions(note, "placed")) << note.dump();
  EXPECT_TRUE(mentions(note, "#" + str(order_id))) << note.dump();
  EXPECT_TRUE(mentions(note, k.restaurant_name)) << note.dump();
  EXPECT_EQ(note["order_id"], order_id);
  EXPECT_EQ(note["read"], false);
  EXPECT_EQ(note["created_at"], order["order_date"]);
  EXPECT_EQ(view["unread_count"], 1);
}

TEST_F(RealtimeNotifications, EachStatusChangeAddsOneNamingTheStatus) {
  const auto k = make_kitchen(api());
  const auto customer_id = id_of(create_customer(api()));
  const auto order_id = id_of(place_order(api(), customer_id, k.restaurant_id, {{k.dish, 2}}));

  struct step {
    std::string status;
    std::string title;
    std::string type;
  };
  const std::vector<step> steps{{"confirmed", "Order Confirmed", "order_update"},
                                {"preparing", "Order Being Prepared", "order_update"},
                                {"out_for_delivery", "Out for Delivery", "delivery_update"}};
  std::size_t expected = 1;
  for (const auto& s : steps) {
    ASSERT_EQ(set_status(api(), order_id, s.status).status, 200) << s.status;
    ++expected;
    http_reply reply;
    const auto view = read_view(api(), notifications_of(customer_id), &reply);
    EXPECT_EQ(reply.header("x-cache-status"), "MISS") << "a read after moving to " << s.status;
    const auto& notes = view["notifications"];
    ASSERT_EQ(notes.size(), expected) << view.dump();
    const auto& newest = notes[0];
    EXPECT_EQ(newest["title"], s.title);
    EXPECT_EQ(newest["type"], s.type);
    EXPECT_TRUE(mentions(newest, s.status)) << newest.dump();
    EXPECT_TRUE(mentions(newest, "#" + str(order_id))) << newest.dump();
    EXPECT_EQ(newest["order_id"], order_id);
    EXPECT_EQ(newest["read"], false);
    // The earlier news of the order has been superseded.
    for (std::size_t i = 1; i < notes.size(); ++i) EXPECT_EQ(notes[i]["read"], true) << notes[i].dump();
    EXPECT_EQ(view["unread_count"], 1);
  }
}

TEST_F(RealtimeNotifications, DeliveryAsksForAReviewWhichTheReviewAnswers) {
  const auto k = make_kitchen(api());
  const auto customer_id = id_of(create_customer(api()));
  const auto order_id = id_of(place_order(api(), customer_id, k.restaurant_id, {{k.dish, 1}}));
  drive_to(api(), order_id, "delivered");

  auto view = read_view(api(), notifications_of(customer_id));
  const auto& notes = view["notifications"];
  ASSERT_EQ(notes.size(), 6U) << view.dump();
  std::vector<std::string> titles;
  for (const auto& note : notes) titles.push_back(note["title"].get<std::string>());
  EXPECT_EQ(titles, (std::vector<std::string>{"Rate Your Order", "Order Delivered", "Out for Delivery",
                                              "Order Being Prepared", "Order Confirmed", "Order Placed"}));
  EXPECT_EQ(notes[0]["type"], "review_request");
  EXPECT_EQ(notes[0]["order_id"], order_id);
  EXPECT_TRUE(mentions(notes[0], "#" + str(order_id))) << notes[0].dump();
  EXPECT_EQ(notes[1]["type"], "delivery_update");
  EXPECT_TRUE(mentions(notes[1], "delivered")) << notes[1].dump();
  EXPECT_EQ(notes[0]["read"], false);
  EXPECT_EQ(notes[1]["read"], false);
  for (std::size_t i = 2; i < notes.size(); ++i) EXPECT_EQ(notes[i]["read"], true) << notes[i].dump();
  EXPECT_EQ(view["unread_count"], 2);

  // Newest first.
  for (std::size_t i = 1; i < notes.size(); ++i) {
    EXPECT_GT(notes[i - 1]["id"].get<std::int64_t>(), notes[i]["id"].get<std::int64_t>());
    EXPECT_GE(notes[i - 1]["created_at"].get<std::string>(), notes[i]["created_at"].get<std::string>());
    EXPECT_GE(notes[i - 1]["timestamp"].get<double>(), notes[i]["timestamp"].get<double>());
  }

  const auto review = api().post("/reviews/orders/" + str(order_id) + "/review?customer_id=" + str(customer_id),
                                 json{{"rating", 5}, {"comment", "Lovely"}});
  ASSERT_EQ(review.status, 201) << review.body;
  http_reply reply;
  view = read_view(api(), notifications_of(customer_id), &reply);
  EXPECT_EQ(reply.header("x-cache-status"), "MISS");
  ASSERT_EQ(view["notifications"].size(), 6U) << view.dump();
  for (const auto& note : view["notifications"]) EXPECT_EQ(note["read"], true) << note.dump();
  EXPECT_EQ(view["unread_count"], 0);
}

TEST_F(RealtimeNotifications, CancellationAddsOneNamingIt) {
  const auto k = make_kitchen(api());
  const auto customer_id = id_of(create_customer(api()));
  const auto order_id = id_of(place_order(api(), customer_id, k.restaurant_id, {{k.dish, 1}}));
  ASSERT_EQ(set_status(api(), order_id, "cancelled").status, 200);
  const auto view = read_view(api(), notifications_of(customer_id));
  ASSERT_EQ(view["notifications"].size(), 2U) << view.dump();
  const auto& newest = view["notifications"][0];
  EXPECT_EQ(newest["title"], "Order Cancelled");
  EXPECT_EQ(newest["type"], "order_update");
  EXPECT_TRUE(mentions(newest, "cancelled")) << newest.dump();
  EXPECT_EQ(view["notifications"][1]["title"], "Order Placed");
  EXPECT_EQ(view["notifications"][1]["read"], true);
  EXPECT_EQ(view["unread_count"], 1);
}

TEST_F(RealtimeNotifications, ARefusedTransitionAddsNothing) {
  const auto k = make_kitchen(api());
  const auto customer_id = id_of(create_customer(api()));
  const auto order_id = id_of(place_order(api(), customer_id, k.restaurant_id, {{k.dish, 1}}));
  EXPECT_EQ(set_status(api(), order_id, "delivered").status, 400);
  const auto view = read_view(api(), notifications_of(customer_id));
  ASSERT_EQ(view["notifications"].size(), 1U) << view.dump();
  EXPECT_EQ(view["notifications"][0]["title"], "Order Placed");
  EXPECT_EQ(view["unread_count"], 1);
}

TEST_F(RealtimeNotifications, NewsOfOneOrderLeavesTheOthersUnread) {
  const auto k = make_kitchen(api());
  const auto customer_id = id_of(create_customer(api()));
  const auto first = id_of(place_order(api(), customer_id, k.restaurant_id, {{k.dish, 1}}));
  const auto second = id_of(place_order(api(), customer_id, k.restaurant_id, {{k.dish, 3}}));
  ASSERT_EQ(set_status(api(), second, "confirmed").status, 200);

  const auto view = read_view(api(), notifications_of(customer_id));
  const auto& notes = view["notifications"];
  ASSERT_EQ(notes.size(), 3U) << view.dump();
  EXPECT_EQ(notes[0]["order_id"], second);
  EXPECT_EQ(notes[0]["title"], "Order Confirmed");
  EXPECT_EQ(notes[0]["read"], false);
  EXPECT_EQ(notes[1]["order_id"], second);
  EXPECT_EQ(notes[1]["title"], "Order Placed");
  EXPECT_EQ(notes[1]["read"], true);
  EXPECT_EQ(notes[2]["order_id"], first);
  EXPECT_EQ(notes[2]["title"], "Order Placed");
  EXPECT_EQ(notes[2]["read"], false);
  EXPECT_EQ(view["unread_count"], 2);
}

TEST_F(RealtimeNotifications, EachCustomerSeesOnlyTheirOwn) {
  const auto k = make_kitchen(api());
  const auto alice = id_of(create_customer(api()));
  const auto bob = id_of(create_customer(api()));
  const auto alice_order = id_of(place_order(api(), alice, k.restaurant_id, {{k.dish, 1}}));
  drive_to(api(), alice_order, "preparing");
  const auto bob_view = read_view(api(), notifications_of(bob));
  EXPECT_TRUE(bob_view["notifications"].empty()) << bob_view.dump();
  EXPECT_EQ(bob_view["unread_count"], 0);
  const auto alice_view = read_view(api(), notifications_of(alice));
  EXPECT_EQ(alice_view["notifications"].size(), 3U);
  for (const auto& note : alice_view["notifications"]) EXPECT_EQ(note["order_id"], alice_order);
}

TEST_F(RealtimeNotifications, CachedForSixtySecondsAndInvalidatedByOrders) {
  const auto k = make_kitchen(api());
  const auto customer_id = id_of(create_customer(api()));
  const auto first = api().get(notifications_of(customer_id));
  const auto second = api().get(notifications_of(customer_id));
  ASSERT_EQ(first.status, 200);
  EXPECT_EQ(first.header("x-cache-status"), "MISS");
  EXPECT_EQ(second.header("x-cache-status"), "HIT");
  EXPECT_EQ(second.body, first.body);

  place_order(api(), customer_id, k.restaurant_id, {{k.dish, 1}});
  const auto third = api().get(notifications_of(customer_id));
  EXPECT_EQ(third.header("x-cache-status"), "MISS");
  EXPECT_EQ(third.json()["notifications"].size(), 1U);
  EXPECT_EQ(third.json()["unread_count"], 1);
}

}  // namespace
}  // namespace zomato::testing
