#include <gtest/gtest.h>

#include <atomic>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "domain/money.hpp"

#include "services/customer_service.hpp"
#include "services/menu_service.hpp"
#include "services/order_service.hpp"
#include "services/restaurant_service.hpp"
#include "services/review_service.hpp"
#include "support/database_sql.hpp"
#include "support/factories.hpp"
#include "support/open_store.hpp"
#include "support/temp_database.hpp"

namespace zomato::services {
namespace {

using domain::order_status;

class OrderServices : public ::testing::Test {
 protected:
  testing::temp_database file;
  std::unique_ptr<store::database> opened = testing::open_store(file);
  store::database& db = *opened;
  restaurant_service restaurants{db};
  menu_service menu{db};
  customer_service customers{db};
  order_service orders{db};
  review_service reviews{db};
  write_context writes;

  domain::id_t restaurant_id = 0;
  domain::id_t pizza = 0;
  domain::id_t salad = 0;

  void SetUp() override {
    restaurant_id = restaurants.create(writes, testing::restaurant_named("Pizza Palace")).value().id;
    pizza = menu.add(writes, restaurant_id, testing::menu_item_named("Margherita", 1299)).value().id;
    salad = menu.add(writes, restaurant_id, testing::menu_item_named("Caesar Salad", 899, "Appetizer")).value().id;
  }

  domain::id_t customer(const std::string& email) {
    domain::customer c;
    c.name = "Ann Example";
    c.email = email;
    c.phone_number = "+15550001111";
    c.address = "1 Long Street, City";
    return customers.create(writes, c).value().id;
  }

  order_request two_pizzas_and_salad() const {
    return {restaurant_id, "1 Long Street, City", "Ring twice", {{pizza, 2, "Extra cheese"}, {salad, 1, {}}}};
  }

  domain::id_t place(domain::id_t customer_id) {
    auto placed = orders.place(writes, customer_id, two_pizzas_and_salad(), {});
    EXPECT_TRUE(placed.ok());
    return placed.value().order.id;
  }

  void drive(domain::id_t order_id, std::initializer_list<order_status> steps) {
    for (auto step : steps) ASSERT_TRUE(orders.change_status(writes, order_id, step, {}).ok()) << domain::name_of(step);
  }

  void deliver(domain::id_t order_id) {
    drive(order_id,
          {order_status::confirmed, order_status::preparing, order_status::out_for_delivery, order_status::delivered});
  }

  std::int64_t count(const std::string& sql) { return testing::integer_of(file, sql); }
};

TEST_F(OrderServices, PlacesAnOrderAtCurrentPricesInOneTransaction) {
  const auto ann = customer("ann@example.com");
  const auto placed = orders.place(writes, ann, two_pizzas_and_salad(), {});
  ASSERT_TRUE(placed.ok());
  EXPECT_EQ(placed->order.total, 3497);
  EXPECT_EQ(placed->order.status, order_status::placed);
  const auto details = orders.details({}, placed->order.id);
  ASSERT_TRUE(details.ok());
  ASSERT_EQ(details->lines.size(), 2u);
  EXPECT_EQ(details->lines[0].item.item_price, 1299);
  EXPECT_EQ(details->lines[0].item.special_requests, "Extra cheese");
  EXPECT_EQ(details->customer.id, ann);
  EXPECT_EQ(details->restaurant.id, restaurant_id);
}

TEST_F(OrderServices, ItemPriceIsFrozenAtOrderTime) {
  const auto order_id = place(customer("ann@example.com"));
  domain::menu_item_patch raise;
  raise.set(&domain::menu_item::price, 2000);
  ASSERT_TRUE(menu.update(writes, pizza, raise).ok());
  const auto details = orders.details({}, order_id);
  EXPECT_EQ(details->order.total, 3497);
  EXPECT_EQ(details->lines[0].item.item_price, 1299);
}

TEST_F(OrderServices, RefusesForeignUnavailableAndMissingThingsLeavingNothing) {
  const auto ann = customer("ann@example.com");
  const auto other = restaurants.create(writes, testing::restaurant_named("Burger Barn")).value().id;
  const auto burger = menu.add(writes, other, testing::menu_item_named("Burger", 999)).value().id;
  auto request = two_pizzas_and_salad();
  request.items.push_back({burger, 1, {}});
  auto refused = orders.place(writes, ann, request, {});
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().detail,
            "Menu item " + std::to_string(burger) + " not found or doesn't belong to this restaurant");

  domain::menu_item_patch off;
  off.set(&domain::menu_item::is_available, false);
  ASSERT_TRUE(menu.update(writes, salad, off).ok());
  refused = orders.place(writes, ann, two_pizzas_and_salad(), {});
  EXPECT_EQ(refused.error().detail, "Menu item 'Caesar Salad' is not available");

  auto nowhere = two_pizzas_and_salad();
  nowhere.restaurant_id = 999;
  EXPECT_EQ(orders.place(writes, ann, nowhere, {}).error().kind, domain::failure_kind::not_found);
  EXPECT_EQ(orders.place(writes, 999, two_pizzas_and_salad(), {}).error().detail, "Customer not found");
  EXPECT_EQ(count("SELECT COUNT(*) FROM orders"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM order_items"), 0);
}

TEST_F(OrderServices, TakesAnOrderUpToTheTotalCapAndRefusesOnePastItLeavingNothing) {
  const auto ann = customer("ann@example.com");
  const auto feast = menu.add(writes, restaurant_id, testing::menu_item_named("Wedding Feast", 10'000'000)).value().id;
  const order_request at_cap{restaurant_id, "1 Long Street, City", {}, {{feast, 10, {}}}};
  const auto placed = orders.place(writes, ann, at_cap, {});
  ASSERT_TRUE(placed.ok());
  EXPECT_EQ(placed->order.total, domain::max_order_total_cents);

  const order_request past_cap{restaurant_id, "1 Long Street, City", {}, {{feast, 10, {}}, {salad, 1, {}}}};
  const auto refused = orders.place(writes, ann, past_cap, {});
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().kind, domain::failure_kind::rule_violation);
  EXPECT_EQ(refused.error().detail, "Order total exceeds the maximum of 1000000.00");
  EXPECT_EQ(count("SELECT COUNT(*) FROM orders"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM order_items"), 1);
}

// A price stored before the cap existed (up to 99,999,999.99) cannot overflow a total.
TEST_F(OrderServices, RefusesATotalThatWouldOverflow) {
  const auto ann = customer("ann@example.com");
  testing::execute_sql(file,
                       "UPDATE menu_items SET price_cents = 9223372036854775807 WHERE id = " + std::to_string(pizza));
  const auto refused = orders.place(writes, ann, two_pizzas_and_salad(), {});
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().detail, "Order total exceeds the maximum of 1000000.00");
}

TEST_F(OrderServices, InactiveCustomersAndRestaurantsCannotOrder) {
  const auto ann = customer("ann@example.com");
  domain::customer_patch away;
  away.set(&domain::customer::is_active, false);
  ASSERT_TRUE(customers.update(writes, ann, away).ok());
  EXPECT_EQ(orders.place(writes, ann, two_pizzas_and_salad(), {}).error().kind, domain::failure_kind::rule_violation);

  const auto bob = customer("bob@example.com");
  domain::restaurant_patch closed;
  closed.set(&domain::restaurant::is_active, false);
  ASSERT_TRUE(restaurants.update(writes, restaurant_id, closed).ok());
  EXPECT_EQ(orders.place(writes, bob, two_pizzas_and_salad(), {}).error().kind, domain::failure_kind::rule_violation);
}

TEST_F(OrderServices, FollowsTheWorkflowAndRecordsHistory) {
  const auto order_id = place(customer("ann@example.com"));
  const auto skipped = orders.change_status(writes, order_id, order_status::delivered, {});
  ASSERT_FALSE(skipped.ok());
  EXPECT_EQ(skipped.error().detail, "Cannot transition from placed to delivered");
  EXPECT_FALSE(orders.change_status(writes, order_id, order_status::placed, {}).ok());
  drive(order_id, {order_status::confirmed, order_status::preparing, order_status::out_for_delivery});
  const auto delivered =
      orders.change_status(writes, order_id, order_status::delivered, std::string("2024-01-15T18:30:00"));
  ASSERT_TRUE(delivered.ok());
  EXPECT_EQ(delivered->delivery_time, "2024-01-15T18:30:00");
  EXPECT_FALSE(orders.change_status(writes, order_id, order_status::cancelled, {}).ok());

  auto tx = db.read();
  const auto history = tx->orders().history(order_id);
  ASSERT_EQ(history.size(), 5u);
  EXPECT_EQ(history.front().status, order_status::placed);
  EXPECT_EQ(history.back().status, order_status::delivered);
}

TEST_F(OrderServices, DeliveryWithoutATimeIsStampedNow) {
  const auto order_id = place(customer("ann@example.com"));
  deliver(order_id);
  const auto details = orders.details({}, order_id);
  ASSERT_TRUE(details->order.delivery_time.has_value());
  EXPECT_EQ(details->order.delivery_time->size(), 19u);
}

TEST_F(OrderServices, OnlyOneOfManyConcurrentTransitionsWins) {
  const auto order_id = place(customer("ann@example.com"));
  std::atomic<int> wins{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 16; ++i) {
    threads.emplace_back([&] {
      if (orders.change_status(writes, order_id, order_status::confirmed, {}).ok()) ++wins;
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(wins.load(), 1);
  auto tx = db.read();
  EXPECT_EQ(tx->orders().history(order_id).size(), 2u);
}

TEST_F(OrderServices, IdempotentPlacementReturnsTheFirstOrder) {
  const auto ann = customer("ann@example.com");
  const idempotency key{"key-1", "{\"a\":1}"};
  const auto first = orders.place(writes, ann, two_pizzas_and_salad(), key);
  const auto again = orders.place(writes, ann, two_pizzas_and_salad(), key);
  ASSERT_TRUE(first.ok());
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(first->order.id, again->order.id);
  EXPECT_TRUE(again->replayed);
  const auto different = orders.place(writes, ann, two_pizzas_and_salad(), idempotency{"key-1", "{\"a\":2}"});
  ASSERT_FALSE(different.ok());
  EXPECT_EQ(different.error().kind, domain::failure_kind::request_mismatch);
  EXPECT_EQ(count("SELECT COUNT(*) FROM orders"), 1);
  const auto bob = customer("bob@example.com");
  EXPECT_NE(orders.place(writes, bob, two_pizzas_and_salad(), key)->order.id, first->order.id);
}

TEST_F(OrderServices, ReviewsFollowTheirRulesAndRateTheRestaurant) {
  const auto ann = customer("ann@example.com");
  const auto bob = customer("bob@example.com");
  const auto first = place(ann);
  EXPECT_EQ(reviews.add(writes, first, ann, 5, {}).error().detail, "Can only review delivered orders");
  deliver(first);
  EXPECT_EQ(reviews.add(writes, first, bob, 5, {}).error().detail, "Customer can only review their own orders");
  ASSERT_TRUE(reviews.add(writes, first, ann, 5, std::string("Great")).ok());
  EXPECT_EQ(reviews.add(writes, first, ann, 4, {}).error().detail, "Order has already been reviewed");
  EXPECT_DOUBLE_EQ(restaurants.get(restaurant_id)->rating, 5.0);

  const auto second = place(bob);
  deliver(second);
  ASSERT_TRUE(reviews.add(writes, second, bob, 4, {}).ok());
  EXPECT_DOUBLE_EQ(restaurants.get(restaurant_id)->rating, 4.5);
  const auto third = place(bob);
  deliver(third);
  ASSERT_TRUE(reviews.add(writes, third, bob, 4, {}).ok());
  EXPECT_DOUBLE_EQ(restaurants.get(restaurant_id)->rating, 4.3);

  ASSERT_TRUE(customers.remove(writes, bob).ok());
  EXPECT_DOUBLE_EQ(restaurants.get(restaurant_id)->rating, 5.0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM orders WHERE customer_id = " + std::to_string(bob)), 0);
}

TEST_F(OrderServices, OnlyOneOfConcurrentReviewsIsStored) {
  const auto ann = customer("ann@example.com");
  const auto order_id = place(ann);
  deliver(order_id);
  std::atomic<int> stored{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&] {
      if (reviews.add(writes, order_id, ann, 4, {}).ok()) ++stored;
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(stored.load(), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM reviews"), 1);
}

TEST_F(OrderServices, OnlyOneOfConcurrentRegistrationsOfAnEmailWins) {
  std::atomic<int> created{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 16; ++i) {
    threads.emplace_back([&] {
      domain::customer c;
      c.name = "Same Person";
      c.email = "same@example.com";
      c.phone_number = "+15550001111";
      c.address = "1 Long Street, City";
      if (customers.create(writes, c).ok()) ++created;
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(created.load(), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM customers"), 1);
}

TEST_F(OrderServices, AnalyticsLeaveCancelledOrdersOutOfMoney) {
  const auto ann = customer("ann@example.com");
  const auto kept = place(ann);
  deliver(kept);
  const auto dropped = place(ann);
  drive(dropped, {order_status::cancelled});
  place(ann);
  const auto summary = customers.analytics(ann);
  ASSERT_TRUE(summary.ok());
  EXPECT_EQ(summary->total_orders, 3);
  EXPECT_EQ(summary->paid_orders, 2);
  EXPECT_EQ(summary->spent, 2 * 3497);
  ASSERT_EQ(summary->by_status.size(), 3u);
  const auto restaurant = reviews.restaurant_analytics(restaurant_id);
  EXPECT_EQ(restaurant->total_orders, 3);
  EXPECT_EQ(restaurant->revenue, 2 * 3497);
  ASSERT_FALSE(restaurant->popular_items.empty());
  EXPECT_EQ(restaurant->popular_items.front().menu_item_id, pizza);
  EXPECT_EQ(restaurant->popular_items.front().quantity, 4);
}

TEST_F(OrderServices, PopularItemsFollowCancellationsAndDeletedCustomers) {
  auto quantity_of = [&](domain::id_t item) -> std::int64_t {
    const auto summary = reviews.restaurant_analytics(restaurant_id);
    for (const auto& popular : summary->popular_items) {
      if (popular.menu_item_id == item) return popular.quantity;
    }
    return 0;
  };
  const auto ann = customer("ann@example.com");
  const auto bob = customer("bob@example.com");
  place(ann);
  const auto cancelled = place(ann);
  place(bob);
  ASSERT_TRUE(orders.place(writes, bob, {restaurant_id, "1 Long Street, City", {}, {{salad, 5, {}}}}, {}).ok());
  EXPECT_EQ(quantity_of(pizza), 6);
  EXPECT_EQ(quantity_of(salad), 8);
  const auto before_cancel = reviews.restaurant_analytics(restaurant_id);
  EXPECT_EQ(before_cancel->popular_items.front().menu_item_id, salad);

  drive(cancelled, {order_status::cancelled});
  EXPECT_EQ(quantity_of(pizza), 4);
  EXPECT_EQ(quantity_of(salad), 7);

  // Ann's cancelled order no longer counts; deleting her takes only her other order away.
  ASSERT_TRUE(customers.remove(writes, ann).ok());
  EXPECT_EQ(quantity_of(pizza), 2);
  EXPECT_EQ(quantity_of(salad), 6);

  ASSERT_TRUE(customers.remove(writes, bob).ok());
  const auto nobody = reviews.restaurant_analytics(restaurant_id);
  EXPECT_TRUE(nobody->popular_items.empty());
  EXPECT_EQ(count("SELECT COUNT(*) FROM menu_item_sales WHERE quantity <> 0"), 0);
}

}  // namespace
}  // namespace zomato::services
