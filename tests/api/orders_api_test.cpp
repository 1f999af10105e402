// Orders: placement (exact cents, frozen item prices, validation, business rules, no
// partial writes), details, the status workflow, ordering, idempotency and cascades.

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "support/order_fixtures.hpp"

namespace zomato::testing {
namespace {

using namespace order_fixtures;

std::int64_t id_of(const json& object) { return object.at("id").get<std::int64_t>(); }

// ---- placement -----------------------------------------------------------------------

class OrdersPlacement : public server_suite<OrdersPlacement> {};

TEST_F(OrdersPlacement, TotalIsTheSumOfCurrentPricesTimesQuantity) {
  const auto restaurant_id = id_of(create_restaurant(api()));
  const auto pizza = id_of(create_item(api(), restaurant_id, 12.99));
  const auto salad = id_of(create_item(api(), restaurant_id, 8.99));
  const auto customer_id = id_of(create_customer(api()));

  const json body{{"restaurant_id", restaurant_id},
                  {"delivery_address", "456 Oak Ave, City"},
                  {"special_instructions", "Ring doorbell twice"},
                  {"order_items",
                   {{{"menu_item_id", pizza}, {"quantity", 2}, {"special_requests", "Extra cheese"}},
                    {{"menu_item_id", salad}, {"quantity", 1}}}}};
  const auto reply = api().post(orders_of(customer_id), body);
  ASSERT_EQ(reply.status, 201) << reply.body;
  const auto order = reply.json();
  EXPECT_TRUE(has_shape(order, order_keys()));
  EXPECT_EQ(order["total_amount"], "34.97");
  EXPECT_EQ(order["order_status"], "placed");
  EXPECT_EQ(order["customer_id"], customer_id);
  EXPECT_EQ(order["restaurant_id"], restaurant_id);
  EXPECT_EQ(order["delivery_address"], "456 Oak Ave, City");
  EXPECT_EQ(order["special_instructions"], "Ring doorbell twice");
  EXPECT_TRUE(order["delivery_time"].is_null());
  EXPECT_TRUE(is_timestamp(order["order_date"]));

  const auto without_instructions = place_order(api(), customer_id, restaurant_id, {{salad, 1}});
  EXPECT_TRUE(without_instructions["special_instructions"].is_null());
  EXPECT_EQ(without_instructions["total_amount"], "8.99");
}

TEST_F(OrdersPlacement, AmountsAreExactCents) {
  const auto restaurant_id = id_of(create_restaurant(api()));
  const auto dime = id_of(create_item(api(), restaurant_id, 0.1));
  const auto twenty = id_of(create_item(api(), restaurant_id, 0.2));
  const auto cheap = create_item(api(), restaurant_id, 3.456);
  EXPECT_EQ(cheap["price"], 3.46);
  const auto seven = id_of(create_item(api(), restaurant_id, 0.07));
  const auto big = id_of(create_item(api(), restaurant_id, 19.99));
  const auto ten = id_of(create_item(api(), restaurant_id, 10));
  const auto customer_id = id_of(create_customer(api()));

  struct expectation {
    std::vector<line> lines;
    std::string total;
  };
  const std::vector<expectation> cases{
      {{{dime, 1}, {twenty, 1}}, "0.30"},
      {{{dime, 3}}, "0.30"},
      {{{id_of(cheap), 1}}, "3.46"},
      {{{id_of(cheap), 3}}, "10.38"},
      {{{seven, 100}}, "7.00"},
      {{{big, 7}}, "139.93"},
      {{{ten, 2}, {id_of(cheap), 3}}, "30.38"},
      {{{dime, 1}, {twenty, 1}, {seven, 1}, {big, 1}}, "20.36"},
  };
  for (const auto& c : cases) {
    const auto order = place_order(api(), customer_id, restaurant_id, c.lines);
    EXPECT_EQ(order["total_amount"], c.total);
    const auto details = get_json(api(), "/orders/" + str(id_of(order)));
    EXPECT_EQ(details["total_amount"], c.total);
    for (const auto& item : details["order_items"]) EXPECT_TRUE(is_amount(item["item_price"]));
  }
  const auto details =
      get_json(api(), "/orders/" + str(id_of(place_order(api(), customer_id, restaurant_id, {{id_of(cheap), 1}}))));
  ASSERT_EQ(details["order_items"].size(), 1u);
  EXPECT_EQ(details["order_items"][0]["item_price"], "3.46");
}

TEST_F(OrdersPlacement, ItemPriceIsFrozenAtOrderTime) {
  const auto restaurant_id = id_of(create_restaurant(api()));
  const auto pizza = id_of(create_item(api(), restaurant_id, 12.99));
  const auto salad = id_of(create_item(api(), restaurant_id, 8.99));
  const auto customer_id = id_of(create_customer(api()));
  const auto order = place_order(api(), customer_id, restaurant_id, {{pizza, 2}, {salad, 1}});
  ASSERT_EQ(order["total_amount"], "34.97");

  const auto repriced = api().put("/menu-items/" + str(pizza), json{{"price", 15.49}});
  ASSERT_EQ(repriced.status, 200) << repriced.body;
  EXPECT_EQ(repriced.json()["price"], 15.49);

  const auto details = get_json(api(), "/orders/" + str(id_of(order)));
  EXPECT_EQ(details["total_amount"], "34.97");
  bool pizza_seen = false;
  for (const auto& item : details["order_items"]) {
    if (item["menu_item_id"] == pizza) {
      pizza_seen = true;
      EXPECT_EQ(item["item_price"], "12.99");
      EXPECT_EQ(item["quantity"], 2);
      EXPECT_EQ(item["menu_item"]["price"], 15.49) << "the nested menu item shows the current price";
    } else {
      EXPECT_EQ(item["item_price"], "8.99");
    }
  }
  EXPECT_TRUE(pizza_seen);
  const auto listed = get_json(api(), "/customers/" + str(customer_id) + "/orders");
  ASSERT_EQ(listed["orders"].size(), 1u);
  EXPECT_EQ(listed["orders"][0]["total_amount"], "34.97");

  const auto later = place_order(api(), customer_id, restaurant_id, {{pizza, 2}, {salad, 1}});
  EXPECT_EQ(later["total_amount"], "39.97");
}

TEST_F(OrdersPlacement, DetailsNestCustomerRestaurantAndItems) {
  const auto restaurant = create_restaurant(api());
  const auto restaurant_id = id_of(restaurant);
  const auto pizza = create_item(api(), restaurant_id, 12.99, json{{"is_vegetarian", true}});
  const auto salad = create_item(api(), restaurant_id, 8.99);
  const auto customer = create_customer(api());
  const json body{{"restaurant_id", restaurant_id},
                  {"delivery_address", "456 Oak Ave, City"},
                  {"order_items",
                   {{{"menu_item_id", id_of(pizza)}, {"quantity", 2}, {"special_requests", "Extra cheese"}},
                    {{"menu_item_id", id_of(salad)}, {"quantity", 1}}}}};
  const auto placed = api().post(orders_of(id_of(customer)), body);
  ASSERT_EQ(placed.status, 201) << placed.body;
  const auto order_id = id_of(placed.json());

  const auto reply = api().get("/orders/" + str(order_id));
  ASSERT_EQ(reply.status, 200) << reply.body;
  const auto details = reply.json();
  EXPECT_TRUE(has_shape(details, order_keys()));
  const auto placed_order = placed.json();
  for (const auto& [key, value] : placed_order.items()) EXPECT_EQ(details[key], value) << key;
  EXPECT_TRUE(has_shape(details["customer"], customer_keys()));
  EXPECT_EQ(details["customer"], get_json(api(), "/customers/" + str(id_of(customer))));
  EXPECT_TRUE(has_shape(details["restaurant"], restaurant_keys()));
  EXPECT_EQ(details["restaurant"], get_json(api(), "/restaurants/" + str(restaurant_id)));

  ASSERT_TRUE(details["order_items"].is_array());
  ASSERT_EQ(details["order_items"].size(), 2u);
  std::set<std::int64_t> item_ids;
  for (const auto& item : details["order_items"]) {
    EXPECT_TRUE(has_shape(item, {{"id", "integer"},
                                 {"order_id", "integer"},
                                 {"menu_item_id", "integer"},
                                 {"quantity", "integer"},
                                 {"item_price", "string"},
                                 {"special_requests", "string?"},
                                 {"menu_item", "object"}}));
    EXPECT_EQ(item["order_id"], order_id);
    EXPECT_TRUE(is_amount(item["item_price"]));
    EXPECT_TRUE(has_shape(item["menu_item"], menu_item_keys()));
    EXPECT_EQ(item["menu_item"]["id"], item["menu_item_id"]);
    item_ids.insert(id_of(item));
    if (item["menu_item_id"] == id_of(pizza)) {
      EXPECT_EQ(item["quantity"], 2);
      EXPECT_EQ(item["item_price"], "12.99");
      EXPECT_EQ(item["special_requests"], "Extra cheese");
      EXPECT_EQ(item["menu_item"]["name"], pizza["name"]);
      EXPECT_EQ(item["menu_item"]["is_vegetarian"], true);
    } else {
      EXPECT_EQ(item["menu_item_id"], id_of(salad));
      EXPECT_EQ(item["quantity"], 1);
      EXPECT_EQ(item["item_price"], "8.99");
      EXPECT_TRUE(item["special_requests"].is_null());
    }
  }
  EXPECT_EQ(item_ids.size(), 2u);

  EXPECT_TRUE(is_detail(api().get("/orders/999999"), 404, "Order not found"));
  EXPECT_TRUE(has_problem(api().get("/orders/abc"), json{"path", "order_id"}));
}

TEST_F(OrdersPlacement, InvalidBodiesAre422AndStoreNothing) {
  const auto restaurant_id = id_of(create_restaurant(api()));
  const auto item = id_of(create_item(api(), restaurant_id, 5.0));
  const auto customer_id = id_of(create_customer(api()));
  const auto target = orders_of(customer_id);

  auto body = order_body(restaurant_id, {});
  body["order_items"] = json::array();
  EXPECT_TRUE(has_problem(api().post(target, body), json{"body", "order_items"}, "too_short"));

  EXPECT_TRUE(has_problem(api().post(target, order_body(restaurant_id, {{item, 0}})),
                          json{"body", "order_items", 0, "quantity"}));
  const auto second_bad = api().post(target, order_body(restaurant_id, {{item, 1}, {item, -2}}));
  EXPECT_TRUE(has_problem(second_bad, json{"body", "order_items", 1, "quantity"}));

  body = order_body(restaurant_id, {{item, 1}});
  body["delivery_address"] = "short";
  EXPECT_TRUE(has_problem(api().post(target, body), json{"body", "delivery_address"}, "string_too_short"));

  body = order_body(restaurant_id, {{item, 1}});
  body.erase("restaurant_id");
  EXPECT_TRUE(has_problem(api().post(target, body), json{"body", "restaurant_id"}, "missing"));

  body = order_body(restaurant_id, {{item, 1}});
  body.erase("order_items");
  EXPECT_TRUE(has_problem(api().post(target, body), json{"body", "order_items"}, "missing"));

  body = order_body(restaurant_id, {{item, 1}});
  body["order_items"][0].erase("menu_item_id");
  EXPECT_TRUE(has_problem(api().post(target, body), json{"body", "order_items", 0, "menu_item_id"}, "missing"));

  body = order_body(restaurant_id, {{item, 1}});
  body["order_items"][0]["quantity"] = "two";
  EXPECT_TRUE(has_problem(api().post(target, body), json{"body", "order_items", 0, "quantity"}));

  body = order_body(restaurant_id, {{item, 1}});
  body["order_items"] = "everything";
  EXPECT_TRUE(has_problem(api().post(target, body), json{"body", "order_items"}));

  const auto malformed = api().post_text(target, "{\"restaurant_id\": 1,");
  EXPECT_EQ(malformed.status, 422) << malformed.body;

  // Validation comes before the existence of the customer.
  EXPECT_TRUE(has_problem(api().post("/orders/customers/999999/orders/", order_body(restaurant_id, {{item, 0}})),
                          json{"body", "order_items", 0, "quantity"}));

  EXPECT_EQ(total_of(api(), "/customers/" + str(customer_id) + "/orders"), 0);
  EXPECT_EQ(total_of(api(), "/orders/restaurants/" + str(restaurant_id) + "/orders"), 0);
}

TEST_F(OrdersPlacement, ItemsMustExistAndBelongToTheRestaurant) {
  const auto restaurant_id = id_of(create_restaurant(api()));
  const auto own = id_of(create_item(api(), restaurant_id, 5.0));
  const auto other_restaurant = id_of(create_restaurant(api()));
  const auto foreign = id_of(create_item(api(), other_restaurant, 5.0));
  const auto customer_id = id_of(create_customer(api()));

  EXPECT_TRUE(is_detail(api().post(orders_of(customer_id), order_body(restaurant_id, {{foreign, 1}})), 400,
                        "Menu item " + str(foreign) + " not found or doesn't belong to this restaurant"));
  EXPECT_TRUE(is_detail(api().post(orders_of(customer_id), order_body(restaurant_id, {{own, 1}, {foreign, 2}})), 400,
                        "Menu item " + str(foreign) + " not found or doesn't belong to this restaurant"));
  EXPECT_TRUE(is_detail(api().post(orders_of(customer_id), order_body(restaurant_id, {{999999, 1}})), 400,
                        "Menu item 999999 not found or doesn't belong to this restaurant"));
  EXPECT_EQ(total_of(api(), "/customers/" + str(customer_id) + "/orders"), 0);
}

TEST_F(OrdersPlacement, UnavailableItemIsRefused) {
  const auto restaurant_id = id_of(create_restaurant(api()));
  const auto fine = id_of(create_item(api(), restaurant_id, 5.0));
  const auto sold_out = create_item(api(), restaurant_id, 6.0, json{{"is_available", false}});
  const auto later_sold_out = create_item(api(), restaurant_id, 7.0);
  ASSERT_EQ(api().put("/menu-items/" + str(id_of(later_sold_out)), json{{"is_available", false}}).status, 200);
  const auto customer_id = id_of(create_customer(api()));

  EXPECT_TRUE(
      is_detail(api().post(orders_of(customer_id), order_body(restaurant_id, {{fine, 1}, {id_of(sold_out), 1}})), 400,
                "Menu item '" + sold_out["name"].get<std::string>() + "' is not available"));
  EXPECT_TRUE(is_detail(api().post(orders_of(customer_id), order_body(restaurant_id, {{id_of(later_sold_out), 1}})),
                        400, "Menu item '" + later_sold_out["name"].get<std::string>() + "' is not available"));
  EXPECT_EQ(total_of(api(), "/customers/" + str(customer_id) + "/orders"), 0);

  ASSERT_EQ(api().put("/menu-items/" + str(id_of(sold_out)), json{{"is_available", true}}).status, 200);
  EXPECT_EQ(place_order(api(), customer_id, restaurant_id, {{id_of(sold_out), 1}})["total_amount"], "6.00");
}

TEST_F(OrdersPlacement, UnknownOrInactiveRestaurantAndInactiveCustomerAreRefused) {
  const auto restaurant_id = id_of(create_restaurant(api()));
  const auto item = id_of(create_item(api(), restaurant_id, 5.0));
  const auto customer_id = id_of(create_customer(api()));

  EXPECT_TRUE(
      is_detail(api().post(orders_of(customer_id), order_body(999999, {{item, 1}})), 404, "Restaurant not found"));

  ASSERT_EQ(api().put("/restaurants/" + str(restaurant_id), json{{"is_active", false}}).status, 200);
  const auto closed = api().post(orders_of(customer_id), order_body(restaurant_id, {{item, 1}}));
  EXPECT_EQ(closed.status, 400) << closed.body;
  EXPECT_TRUE(closed.json()["detail"].is_string()) << closed.body;
  ASSERT_EQ(api().put("/restaurants/" + str(restaurant_id), json{{"is_active", true}}).status, 200);

  ASSERT_EQ(api().put("/customers/" + str(customer_id), json{{"is_active", false}}).status, 200);
  const auto inactive = api().post(orders_of(customer_id), order_body(restaurant_id, {{item, 1}}));
  EXPECT_EQ(inactive.status, 400) << inactive.body;
  EXPECT_TRUE(inactive.json()["detail"].is_string()) << inactive.body;
  EXPECT_EQ(total_of(api(), "/customers/" + str(customer_id) + "/orders"), 0);

  ASSERT_EQ(api().put("/customers/" + str(customer_id), json{{"is_active", true}}).status, 200);
  EXPECT_EQ(place_order(api(), customer_id, restaurant_id, {{item, 2}})["total_amount"], "10.00");
}

TEST_F(OrdersPlacement, FailedPlacementLeavesNoTrace) {
  const auto restaurant_id = id_of(create_restaurant(api()));
  const auto good = id_of(create_item(api(), restaurant_id, 11.0));
  const auto unavailable = id_of(create_item(api(), restaurant_id, 12.0, json{{"is_available", false}}));
  const auto customer_id = id_of(create_customer(api()));
  const auto first = place_order(api(), customer_id, restaurant_id, {{good, 1}});

  const auto customer_before = get_json(api(), "/customers/" + str(customer_id) + "/orders");
  const auto restaurant_before = get_json(api(), "/orders/restaurants/" + str(restaurant_id) + "/orders");
  const auto analytics_before = get_json(api(), "/reviews/restaurants/" + str(restaurant_id) + "/analytics");
  const auto spend_before = get_json(api(), "/customers/" + str(customer_id) + "/analytics");

  EXPECT_EQ(api().post(orders_of(customer_id), order_body(restaurant_id, {{good, 3}, {unavailable, 1}})).status, 400);
  EXPECT_EQ(api().post(orders_of(customer_id), order_body(restaurant_id, {{good, 3}, {999999, 1}})).status, 400);
  EXPECT_EQ(api().post(orders_of(customer_id), order_body(999999, {{good, 3}})).status, 404);

  EXPECT_EQ(get_json(api(), "/customers/" + str(customer_id) + "/orders"), customer_before);
  EXPECT_EQ(get_json(api(), "/orders/restaurants/" + str(restaurant_id) + "/orders"), restaurant_before);
  const auto analytics_after = get_json(api(), "/reviews/restaurants/" + str(restaurant_id) + "/analytics");
  EXPECT_EQ(analytics_after, analytics_before);
  EXPECT_EQ(analytics_after["total_orders"], 1);
  EXPECT_EQ(analytics_after["total_revenue"], "11.00");
  EXPECT_EQ(get_json(api(), "/customers/" + str(customer_id) + "/analytics"), spend_before);

  // The next order gets the next id: nothing was half-inserted in between (ids may have gaps,
  // but the failed attempts must not appear anywhere).
  const auto second = place_order(api(), customer_id, restaurant_id, {{good, 1}});
  EXPECT_GT(id_of(second), id_of(first));
  EXPECT_EQ(total_of(api(), "/customers/" + str(customer_id) + "/orders"), 2);
}

TEST_F(OrdersPlacement, RestaurantOrderListFiltersByStatus) {
  const auto restaurant_id = id_of(create_restaurant(api()));
  const auto item = id_of(create_item(api(), restaurant_id, 4.5));
  const auto customer_id = id_of(create_customer(api()));
  const auto a = place_order(api(), customer_id, restaurant_id, {{item, 1}});
  const auto b = place_order(api(), customer_id, restaurant_id, {{item, 2}});
  drive_to(api(), id_of(b), "delivered");

  const auto all = get_json(api(), "/orders/restaurants/" + str(restaurant_id) + "/orders");
  EXPECT_EQ(all["total"], 2);
  const auto delivered = get_json(api(), "/orders/restaurants/" + str(restaurant_id) + "/orders?status=delivered");
  ASSERT_EQ(delivered["orders"].size(), 1u);
  EXPECT_EQ(delivered["orders"][0]["id"], b["id"]);
  EXPECT_EQ(delivered["orders"][0]["total_amount"], "9.00");
  const auto placed = get_json(api(), "/orders/restaurants/" + str(restaurant_id) + "/orders?status=placed");
  ASSERT_EQ(placed["orders"].size(), 1u);
  EXPECT_EQ(placed["orders"][0]["id"], a["id"]);
  EXPECT_TRUE(has_problem(api().get("/orders/restaurants/" + str(restaurant_id) + "/orders?status=lost"),
                          json{"query", "status"}));
  EXPECT_TRUE(is_detail(api().get("/orders/restaurants/999999/orders"), 404, "Restaurant not found"));
}

// ---- status workflow -----------------------------------------------------------------

class OrdersStatus : public server_suite<OrdersStatus> {
 protected:
  void SetUp() override {
    server_suite<OrdersStatus>::SetUp();
    restaurant_id_ = id_of(create_restaurant(api()));
    item_id_ = id_of(create_item(api(), restaurant_id_, 9.5));
    customer_id_ = id_of(create_customer(api()));
  }
  json new_order() { return place_order(api(), customer_id_, restaurant_id_, {{item_id_, 2}}); }

  std::int64_t restaurant_id_ = 0;
  std::int64_t item_id_ = 0;
  std::int64_t customer_id_ = 0;
};

const std::vector<std::string> all_statuses{"placed",           "confirmed", "preparing",
                                            "out_for_delivery", "delivered", "cancelled"};

bool allowed(const std::string& from, const std::string& to) {
  static const std::set<std::pair<std::string, std::string>> edges{
      {"placed", "confirmed"},           {"confirmed", "preparing"}, {"preparing", "out_for_delivery"},
      {"out_for_delivery", "delivered"}, {"placed", "cancelled"},    {"confirmed", "cancelled"},
      {"preparing", "cancelled"}};
  return edges.contains({from, to});
}

TEST_F(OrdersStatus, HappyPathReachesDelivered) {
  const auto order = new_order();
  const auto id = id_of(order);
  for (const std::string step : {"confirmed", "preparing", "out_for_delivery", "delivered"}) {
    const auto reply = set_status(api(), id, step);
    ASSERT_EQ(reply.status, 200) << step << ": " << reply.body;
    const auto changed = reply.json();
    EXPECT_TRUE(has_shape(changed, order_keys()));
    EXPECT_EQ(changed["order_status"], step);
    EXPECT_EQ(changed["id"], id);
    EXPECT_EQ(changed["total_amount"], "19.00");
    EXPECT_EQ(changed["order_date"], order["order_date"]);
    if (step != "delivered") {
      EXPECT_TRUE(changed["delivery_time"].is_null()) << step;
    }
    const auto fetched = get_json(api(), "/orders/" + str(id));
    EXPECT_EQ(fetched["order_status"], step);
  }
  const auto fetched = get_json(api(), "/orders/" + str(id));
  EXPECT_TRUE(is_timestamp(fetched["delivery_time"]));
}

TEST_F(OrdersStatus, EveryPairFollowsTheWorkflow) {
  for (const auto& from : all_statuses) {
    for (const auto& to : all_statuses) {
      SCOPED_TRACE(from + " -> " + to);
      const auto id = id_of(new_order());
      drive_to(api(), id, from);
      const auto reply = set_status(api(), id, to);
      if (allowed(from, to)) {
        ASSERT_EQ(reply.status, 200) << reply.body;
        EXPECT_EQ(reply.json()["order_status"], to);
        EXPECT_EQ(get_json(api(), "/orders/" + str(id))["order_status"], to);
      } else {
        EXPECT_TRUE(is_detail(reply, 400, "Cannot transition from " + from + " to " + to));
        EXPECT_EQ(get_json(api(), "/orders/" + str(id))["order_status"], from)
            << "a refused transition changed the order";
      }
    }
  }
}

TEST_F(OrdersStatus, DeliveredRecordsTheDeliveryTimeSentNormalised) {
  const std::vector<std::pair<std::string, std::string>> cases{
      {"2024-01-15T18:30:00", "2024-01-15T18:30:00"},
      {"2024-01-15T18:30:00Z", "2024-01-15T18:30:00"},
      {"2024-01-15 18:30:00", "2024-01-15T18:30:00"},
      {"2024-01-15T18:30:00.250", "2024-01-15T18:30:00"},
  };
  for (const auto& [sent, stored] : cases) {
    SCOPED_TRACE(sent);
    const auto id = id_of(new_order());
    drive_to(api(), id, "out_for_delivery");
    const auto reply = set_status(api(), id, "delivered", sent);
    ASSERT_EQ(reply.status, 200) << reply.body;
    EXPECT_EQ(reply.json()["delivery_time"], stored);
    EXPECT_EQ(get_json(api(), "/orders/" + str(id))["delivery_time"], stored);
    const auto listed = get_json(api(), "/customers/" + str(customer_id_) + "/orders?status=delivered&limit=1000");
    bool seen = false;
    for (const auto& order : listed["orders"]) {
      if (order["id"] == id) {
        seen = true;
        EXPECT_EQ(order["delivery_time"], stored);
      }
    }
    EXPECT_TRUE(seen);
  }

  const auto id = id_of(new_order());
  drive_to(api(), id, "out_for_delivery");
  const auto now_delivered = set_status(api(), id, "delivered");
  ASSERT_EQ(now_delivered.status, 200) << now_delivered.body;
  EXPECT_TRUE(is_timestamp(now_delivered.json()["delivery_time"]));
  EXPECT_GE(now_delivered.json()["delivery_time"].get<std::string>(),
            now_delivered.json()["order_date"].get<std::string>());
  EXPECT_EQ(get_json(api(), "/orders/" + str(id))["delivery_time"], now_delivered.json()["delivery_time"]);

  const auto null_time = id_of(new_order());
  drive_to(api(), null_time, "out_for_delivery");
  const auto with_null = api().put("/orders/" + str(null_time) + "/status",
                                   json{{"order_status", "delivered"}, {"delivery_time", nullptr}});
  ASSERT_EQ(with_null.status, 200) << with_null.body;
  EXPECT_TRUE(is_timestamp(with_null.json()["delivery_time"]));

  const auto cancelled = id_of(new_order());
  drive_to(api(), cancelled, "cancelled");
  EXPECT_TRUE(get_json(api(), "/orders/" + str(cancelled))["delivery_time"].is_null());
}

TEST_F(OrdersStatus, InvalidStatusBodiesAre422) {
  const auto id = id_of(new_order());
  const auto target = "/orders/" + str(id) + "/status";
  EXPECT_TRUE(has_problem(api().put(target, json{{"order_status", "shipped"}}), json{"body", "order_status"}));
  EXPECT_TRUE(has_problem(api().put(target, json{{"order_status", "CONFIRMED"}}), json{"body", "order_status"}));
  EXPECT_TRUE(has_problem(api().put(target, json{{"order_status", 3}}), json{"body", "order_status"}));
  EXPECT_TRUE(has_problem(api().put(target, json::object()), json{"body", "order_status"}, "missing"));
  EXPECT_TRUE(has_problem(api().put(target, json{{"order_status", "confirmed"}, {"delivery_time", "yesterday"}}),
                          json{"body", "delivery_time"}));
  EXPECT_EQ(get_json(api(), "/orders/" + str(id))["order_status"], "placed");

  EXPECT_TRUE(is_detail(set_status(api(), 999999, "confirmed"), 404, "Order not found"));
  // Validation before existence.
  EXPECT_TRUE(
      has_problem(api().put("/orders/999999/status", json{{"order_status", "shipped"}}), json{"body", "order_status"}));
}

TEST_F(OrdersStatus, ListsAreNewestFirst) {
  const auto older = new_order();
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  const auto newer = new_order();
  ASSERT_LT(older["order_date"].get<std::string>(), newer["order_date"].get<std::string>());

  for (const auto& target : {"/customers/" + str(customer_id_) + "/orders?limit=1000",
                             "/orders/restaurants/" + str(restaurant_id_) + "/orders?limit=1000"}) {
    const auto listed = get_json(api(), target);
    EXPECT_TRUE(newest_first(listed["orders"], "order_date")) << target;
    const auto ids = ids_of(listed["orders"]);
    ASSERT_GE(ids.size(), 2u);
    EXPECT_EQ(ids[0], id_of(newer)) << target;
    const auto older_at = std::find(ids.begin(), ids.end(), id_of(older));
    EXPECT_NE(older_at, ids.end());
    EXPECT_GT(older_at - ids.begin(), 0);
  }
}

// ---- idempotency ---------------------------------------------------------------------

class OrdersIdempotency : public server_suite<OrdersIdempotency> {
 protected:
  void SetUp() override {
    server_suite<OrdersIdempotency>::SetUp();
    restaurant_id_ = id_of(create_restaurant(api()));
    item_id_ = id_of(create_item(api(), restaurant_id_, 7.25));
  }
  http_reply post_with_key(std::int64_t customer_id, const json& body, const std::string& key) {
    return api().post(orders_of(customer_id), body, {{"Idempotency-Key", key}});
  }

  std::int64_t restaurant_id_ = 0;
  std::int64_t item_id_ = 0;
};

TEST_F(OrdersIdempotency, SameKeyAndBodyPlaceOneOrder) {
  const auto customer_id = id_of(create_customer(api()));
  const auto body = order_body(restaurant_id_, {{item_id_, 2}});
  const auto key = unique_name("key");
  const auto first = post_with_key(customer_id, body, key);
  ASSERT_EQ(first.status, 201) << first.body;
  EXPECT_EQ(first.json()["total_amount"], "14.50");
  const auto second = post_with_key(customer_id, body, key);
  ASSERT_EQ(second.status, 201) << second.body;
  EXPECT_EQ(second.json()["id"], first.json()["id"]);
  EXPECT_EQ(second.json(), first.json());
  EXPECT_EQ(total_of(api(), "/customers/" + str(customer_id) + "/orders"), 1);

  // Even after the order moved on, a retry answers the same order and places nothing.
  drive_to(api(), id_of(first.json()), "confirmed");
  const auto third = post_with_key(customer_id, body, key);
  ASSERT_EQ(third.status, 201) << third.body;
  EXPECT_EQ(third.json()["id"], first.json()["id"]);
  EXPECT_EQ(total_of(api(), "/customers/" + str(customer_id) + "/orders"), 1);
}

TEST_F(OrdersIdempotency, SameKeyWithAnotherBodyIs422) {
  const auto customer_id = id_of(create_customer(api()));
  const auto key = unique_name("key");
  ASSERT_EQ(post_with_key(customer_id, order_body(restaurant_id_, {{item_id_, 1}}), key).status, 201);
  const auto reused = post_with_key(customer_id, order_body(restaurant_id_, {{item_id_, 5}}), key);
  EXPECT_EQ(reused.status, 422) << reused.body;
  EXPECT_TRUE(reused.json()["detail"].is_array()) << reused.body;
  EXPECT_EQ(total_of(api(), "/customers/" + str(customer_id) + "/orders"), 1);
}

TEST_F(OrdersIdempotency, DifferentKeysPlaceDifferentOrders) {
  const auto customer_id = id_of(create_customer(api()));
  const auto body = order_body(restaurant_id_, {{item_id_, 1}});
  const auto first = post_with_key(customer_id, body, unique_name("key"));
  const auto second = post_with_key(customer_id, body, unique_name("key"));
  ASSERT_EQ(first.status, 201) << first.body;
  ASSERT_EQ(second.status, 201) << second.body;
  EXPECT_NE(first.json()["id"], second.json()["id"]);
  // Without a key every request places an order.
  EXPECT_EQ(api().post(orders_of(customer_id), body).status, 201);
  EXPECT_EQ(api().post(orders_of(customer_id), body).status, 201);
  EXPECT_EQ(total_of(api(), "/customers/" + str(customer_id) + "/orders"), 4);
}

TEST_F(OrdersIdempotency, KeysAreScopedToTheCustomer) {
  const auto alice = id_of(create_customer(api()));
  const auto bob = id_of(create_customer(api()));
  const auto body = order_body(restaurant_id_, {{item_id_, 1}});
  const auto key = unique_name("shared key");
  const auto for_alice = post_with_key(alice, body, key);
  const auto for_bob = post_with_key(bob, body, key);
  ASSERT_EQ(for_alice.status, 201) << for_alice.body;
  ASSERT_EQ(for_bob.status, 201) << for_bob.body;
  EXPECT_NE(for_alice.json()["id"], for_bob.json()["id"]);
  EXPECT_EQ(for_alice.json()["customer_id"], alice);
  EXPECT_EQ(for_bob.json()["customer_id"], bob);
  // A retry by Bob answers Bob's order, not Alice's.
  const auto bob_again = post_with_key(bob, body, key);
  EXPECT_EQ(bob_again.json()["id"], for_bob.json()["id"]);
  EXPECT_EQ(total_of(api(), "/customers/" + str(alice) + "/orders"), 1);
  EXPECT_EQ(total_of(api(), "/customers/" + str(bob) + "/orders"), 1);
}

// ---- cascades --------------------------------------------------------------------------

class OrdersCascade : public server_suite<OrdersCascade> {};

TEST_F(OrdersCascade, OrderedMenuItemCannotBeDeleted) {
  const auto restaurant_id = id_of(create_restaurant(api()));
  const auto ordered = id_of(create_item(api(), restaurant_id, 5.0));
  const auto unordered = id_of(create_item(api(), restaurant_id, 6.0));
  const auto customer_id = id_of(create_customer(api()));
  const auto order = place_order(api(), customer_id, restaurant_id, {{ordered, 1}});

  const auto refused = api().del("/menu-items/" + str(ordered));
  EXPECT_EQ(refused.status, 409);
  EXPECT_EQ(refused.json(), json({{"detail", "Menu item has orders; mark it unavailable instead"}})) << refused.body;
  EXPECT_EQ(api().get("/menu-items/" + str(ordered)).status, 200);
  EXPECT_EQ(get_json(api(), "/orders/" + str(id_of(order)))["order_items"].size(), 1u);

  // Also after the order is finished.
  drive_to(api(), id_of(order), "cancelled");
  EXPECT_EQ(api().del("/menu-items/" + str(ordered)).status, 409);

  EXPECT_EQ(api().del("/menu-items/" + str(unordered)).status, 204);
  EXPECT_EQ(api().get("/menu-items/" + str(unordered)).status, 404);
}

TEST_F(OrdersCascade, DeletingARestaurantRemovesItsOrders) {
  const auto doomed = id_of(create_restaurant(api()));
  const auto doomed_item = id_of(create_item(api(), doomed, 5.0));
  const auto kept = id_of(create_restaurant(api()));
  const auto kept_item = id_of(create_item(api(), kept, 8.0));
  const auto customer_id = id_of(create_customer(api()));
  const auto gone = place_order(api(), customer_id, doomed, {{doomed_item, 2}});
  const auto delivered = place_order(api(), customer_id, doomed, {{doomed_item, 1}});
  drive_to(api(), id_of(delivered), "delivered");
  ASSERT_EQ(api()
                .post("/reviews/orders/" + str(id_of(delivered)) + "/review?customer_id=" + str(customer_id),
                      json{{"rating", 4}})
                .status,
            201);
  const auto stays = place_order(api(), customer_id, kept, {{kept_item, 1}});
  ASSERT_EQ(total_of(api(), "/customers/" + str(customer_id) + "/orders"), 3);

  EXPECT_EQ(api().del("/restaurants/" + str(doomed)).status, 204);
  EXPECT_TRUE(is_detail(api().get("/orders/" + str(id_of(gone))), 404, "Order not found"));
  EXPECT_TRUE(is_detail(api().get("/orders/" + str(id_of(delivered))), 404, "Order not found"));
  EXPECT_TRUE(is_detail(set_status(api(), id_of(gone), "confirmed"), 404, "Order not found"));
  EXPECT_EQ(api().get("/orders/" + str(id_of(stays))).status, 200);
  EXPECT_EQ(api().get("/customers/" + str(customer_id)).status, 200);

  const auto history = get_json(api(), "/customers/" + str(customer_id) + "/orders");
  EXPECT_EQ(history["total"], 1);
  EXPECT_EQ(ids_of(history["orders"]), std::vector<std::int64_t>{id_of(stays)});
  EXPECT_EQ(total_of(api(), "/reviews/customers/" + str(customer_id) + "/reviews"), 0);
  const auto analytics = get_json(api(), "/customers/" + str(customer_id) + "/analytics");
  EXPECT_EQ(analytics["total_orders"], 1);
  EXPECT_EQ(analytics["total_spent"], "8.00");
  EXPECT_TRUE(is_detail(api().get("/orders/restaurants/" + str(doomed) + "/orders"), 404, "Restaurant not found"));
}

}  // namespace
}  // namespace zomato::testing
