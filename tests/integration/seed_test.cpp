#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>
#include <vector>

#include "app/seed_command.hpp"
#include "domain/clock.hpp"
#include "domain/contact.hpp"
#include "domain/order_status.hpp"
#include "domain/rounding.hpp"
#include "domain/text.hpp"
#include "store/sqlite/bulk_loader.hpp"
#include "store/sqlite/connection.hpp"
#include "store/sqlite/database.hpp"
#include "support/database_sql.hpp"
#include "support/temp_database.hpp"

namespace zomato::store::sqlite {
namespace {

// Why the loader's tests skip themselves on PostgreSQL.
constexpr const char* sqlite_loader = "SQLite's bulk loader";

const std::vector<std::string> tables{"restaurants", "menu_items",           "customers", "orders",
                                      "order_items", "order_status_history", "reviews"};

seed_plan small_plan(std::uint64_t seed) {
  seed_plan plan;
  plan.restaurants = 20;
  plan.menu_items_per_restaurant = 5;
  plan.customers = 50;
  plan.orders = 500;
  plan.seed = seed;
  return plan;
}

// A small batch size so that the load spans many transactions.
seed_counts seed_into(const std::string& path, const seed_plan& plan) {
  { database migrated(path); }
  return bulk_loader(path, 97).load(plan);
}

std::int64_t count(connection& db, const std::string& sql) {
  auto row = db.use(sql);
  row.next();
  return row.integer(0);
}

// Every row of every generated table, in id order, one line each.
std::string dump(const std::string& path) {
  connection db(path);
  std::string out;
  for (const auto& table : tables) {
    std::string row_text;
    {
      auto columns = db.use("SELECT name FROM pragma_table_info(?1) ORDER BY cid");
      columns.bind_all(table);
      while (columns.next()) row_text += (row_text.empty() ? "" : " || ',' || ") + ("quote(" + columns.text(0) + ")");
    }
    out += table + "\n";
    auto rows = db.use("SELECT " + row_text + " FROM " + table + " ORDER BY id");
    while (rows.next()) out += rows.text(0) + "\n";
  }
  return out;
}

class SeededDatabase : public ::testing::Test {
 protected:
  void SetUp() override {
    if (testing::on_postgres()) GTEST_SKIP() << sqlite_loader;
    counts = seed_into(file.path(), plan);
  }

  testing::temp_database file;
  seed_plan plan = small_plan(42);
  seed_counts counts;
  std::string reference = domain::format_timestamp(plan.reference_time);
};

TEST(Seed, SameSeedGivesTheSameDatabase) {
  if (testing::on_postgres()) GTEST_SKIP() << sqlite_loader;
  testing::temp_database first;
  testing::temp_database second;
  seed_into(first.path(), small_plan(7));
  seed_into(second.path(), small_plan(7));
  const auto content = dump(first.path());
  EXPECT_GT(content.size(), 10000u);
  EXPECT_EQ(content, dump(second.path()));
}

TEST(Seed, DifferentSeedsGiveDifferentData) {
  if (testing::on_postgres()) GTEST_SKIP() << sqlite_loader;
  testing::temp_database first;
  testing::temp_database second;
  seed_into(first.path(), small_plan(1));
  seed_into(second.path(), small_plan(2));
  EXPECT_NE(dump(first.path()), dump(second.path()));
}

TEST(Seed, RefusesOrdersWithoutCustomers) {
  if (testing::on_postgres()) GTEST_SKIP() << sqlite_loader;
  testing::temp_database file;
  { database migrated(file.path()); }
  auto plan = small_plan(1);
  plan.customers = 0;
  EXPECT_THROW(bulk_loader(file.path()).load(plan), std::invalid_argument);
  EXPECT_TRUE(bulk_loader(file.path()).is_empty());
}

TEST_F(SeededDatabase, CountsAreTheRequestedOnes) {
  connection db(file.path());
  EXPECT_EQ(count(db, "SELECT COUNT(*) FROM restaurants"), 20);
  EXPECT_EQ(count(db, "SELECT COUNT(*) FROM menu_items"), 100);
  EXPECT_EQ(count(db, "SELECT COUNT(*) FROM customers"), 50);
  EXPECT_EQ(count(db, "SELECT COUNT(*) FROM orders"), 500);
  EXPECT_EQ(count(db,
                  "SELECT COUNT(*) FROM restaurants r WHERE (SELECT COUNT(*) FROM menu_items m "
                  "WHERE m.restaurant_id = r.id) <> 5"),
            0);
  EXPECT_EQ(counts.restaurants, 20);
  EXPECT_EQ(counts.menu_items, 100);
  EXPECT_EQ(counts.customers, 50);
  EXPECT_EQ(counts.orders, 500);
  EXPECT_EQ(counts.order_items, count(db, "SELECT COUNT(*) FROM order_items"));
  EXPECT_EQ(counts.status_changes, count(db, "SELECT COUNT(*) FROM order_status_history"));
  EXPECT_EQ(counts.reviews, count(db, "SELECT COUNT(*) FROM reviews"));
  EXPECT_GT(counts.reviews, 0);
  EXPECT_FALSE(bulk_loader(file.path()).is_empty());
}

TEST_F(SeededDatabase, EveryReferenceResolves) {
  connection db(file.path());
  EXPECT_EQ(count(db, "SELECT COUNT(*) FROM pragma_foreign_key_check"), 0);
  EXPECT_EQ(count(db, "SELECT COUNT(*) FROM pragma_integrity_check WHERE integrity_check <> 'ok'"), 0);
}

TEST_F(SeededDatabase, RestaurantsAndMenusLookReal) {
  connection db(file.path());
  const std::set<std::string> cuisines{"Italian", "Indian",   "Chinese",       "Mexican", "Japanese",
                                       "Thai",    "American", "Mediterranean", "French",  "Korean"};
  auto restaurants = db.use(
      "SELECT name, cuisine_type, address, phone_number, opening_time, closing_time, is_active "
      "FROM restaurants");
  std::int64_t active = 0;
  while (restaurants.next()) {
    EXPECT_GE(restaurants.text(0).size(), 3u);
    EXPECT_TRUE(cuisines.contains(restaurants.text(1))) << restaurants.text(1);
    EXPECT_GE(restaurants.text(2).size(), 5u);
    EXPECT_TRUE(domain::valid_phone(restaurants.text(3))) << restaurants.text(3);
    EXPECT_EQ(domain::parse_time_of_day(restaurants.text(4)), restaurants.text(4));
    EXPECT_EQ(domain::parse_time_of_day(restaurants.text(5)), restaurants.text(5));
    active += restaurants.integer(6);
  }
  EXPECT_GE(active, 15);

  EXPECT_EQ(count(db,
                  "SELECT COUNT(*) FROM menu_items WHERE price_cents <= 0 OR preparation_time NOT BETWEEN 5 AND 45 "
                  "OR (is_vegan = 1 AND is_vegetarian = 0) OR length(name) < 3"),
            0);
  EXPECT_EQ(count(db,
                  "SELECT COUNT(DISTINCT CASE WHEN price_cents < 1000 THEN 0 WHEN price_cents < 2500 THEN 1 "
                  "WHEN price_cents < 5000 THEN 2 ELSE 3 END) FROM menu_items"),
            4);
  EXPECT_GT(count(db, "SELECT COUNT(*) FROM menu_items WHERE is_available = 1"), 80);
  auto categories = db.use("SELECT DISTINCT category FROM menu_items");
  while (categories.next()) EXPECT_EQ(domain::title_case(categories.text(0)), categories.text(0));
}

TEST_F(SeededDatabase, CustomersHaveUniqueLowerCaseEmails) {
  connection db(file.path());
  EXPECT_EQ(count(db, "SELECT COUNT(DISTINCT email) FROM customers"), 50);
  auto customers = db.use("SELECT email, phone_number, address FROM customers");
  while (customers.next()) {
    EXPECT_EQ(domain::lower_case(customers.text(0)), customers.text(0));
    EXPECT_TRUE(domain::valid_email(customers.text(0))) << customers.text(0);
    EXPECT_TRUE(domain::valid_phone(customers.text(1))) << customers.text(1);
    EXPECT_GE(customers.text(2).size(), 10u);
  }
}

TEST_F(SeededDatabase, OrdersAddUpFromItemsOfTheirRestaurant) {
  connection db(file.path());
  EXPECT_EQ(count(db,
                  "SELECT COUNT(*) FROM orders o WHERE total_cents <> "
                  "(SELECT COALESCE(SUM(quantity * item_price_cents), 0) FROM order_items WHERE order_id = o.id)"),
            0);
  EXPECT_EQ(count(db,
                  "SELECT COUNT(*) FROM orders o WHERE (SELECT COUNT(*) FROM order_items WHERE order_id = o.id) "
                  "NOT BETWEEN 1 AND 4"),
            0);
  EXPECT_EQ(count(db,
                  "SELECT COUNT(*) FROM order_items i JOIN orders o ON o.id = i.order_id "
                  "JOIN menu_items m ON m.id = i.menu_item_id "
                  "WHERE m.restaurant_id <> o.restaurant_id OR i.item_price_cents <> m.price_cents "
                  "OR i.quantity NOT BETWEEN 1 AND 3"),
            0);
  EXPECT_EQ(count(db,
                  "SELECT COUNT(*) FROM orders o JOIN customers c ON c.id = o.customer_id "
                  "WHERE o.delivery_address <> c.address"),
            0);
  EXPECT_GT(count(db, "SELECT COUNT(DISTINCT restaurant_id) FROM orders"), 15);
  EXPECT_GT(count(db, "SELECT COUNT(DISTINCT customer_id) FROM orders"), 40);
}

TEST_F(SeededDatabase, HistoryFollowsEachOrdersStatus) {
  using domain::order_status;
  connection db(file.path());
  struct order_row {
    std::string status;
    std::string order_date;
    std::optional<std::string> delivery_time;
    std::vector<std::pair<std::string, std::string>> history;
  };
  std::map<std::int64_t, order_row> orders;
  {
    auto rows = db.use("SELECT id, order_status, order_date, delivery_time FROM orders");
    while (rows.next()) orders[rows.integer(0)] = {rows.text(1), rows.text(2), rows.optional_text(3), {}};
  }
  {
    auto rows = db.use("SELECT order_id, status, changed_at FROM order_status_history ORDER BY id");
    while (rows.next()) orders.at(rows.integer(0)).history.emplace_back(rows.text(1), rows.text(2));
  }
  const std::vector<std::string> workflow{"placed", "confirmed", "preparing", "out_for_delivery", "delivered"};
  const auto window_start = domain::format_timestamp(plan.reference_time - std::chrono::days{90});
  std::map<std::string, int> by_status;
  for (const auto& [id, order] : orders) {
    ++by_status[order.status];
    ASSERT_FALSE(order.history.empty()) << id;
    EXPECT_EQ(order.history.back().first, order.status) << id;
    EXPECT_EQ(order.history.front().second, order.order_date) << id;
    EXPECT_GE(order.order_date, window_start) << id;
    EXPECT_LE(order.history.back().second, reference) << id;
    const bool cancelled = order.status == "cancelled";
    const auto steps = order.history.size() - (cancelled ? 1 : 0);
    if (cancelled) {
      EXPECT_LE(steps, 3u) << id;
    }
    for (std::size_t i = 0; i < order.history.size(); ++i) {
      if (i < steps) {
        EXPECT_EQ(order.history[i].first, workflow[i]) << id;
      }
      if (i > 0) {
        EXPECT_LT(order.history[i - 1].second, order.history[i].second) << id;
      }
    }
    if (order.status == "delivered") {
      EXPECT_EQ(order.delivery_time, order.history.back().second) << id;
    } else {
      EXPECT_FALSE(order.delivery_time) << id;
    }
  }
  EXPECT_GT(by_status["delivered"], 400);
  EXPECT_GT(by_status["cancelled"], 10);
  EXPECT_GT(by_status["placed"] + by_status["confirmed"] + by_status["preparing"] + by_status["out_for_delivery"], 0);
}

TEST_F(SeededDatabase, ReviewsComeFromDeliveredOrdersOfTheirCustomer) {
  connection db(file.path());
  EXPECT_EQ(count(db,
                  "SELECT COUNT(*) FROM reviews r JOIN orders o ON o.id = r.order_id "
                  "WHERE o.order_status <> 'delivered' OR o.customer_id <> r.customer_id "
                  "OR o.restaurant_id <> r.restaurant_id OR r.rating NOT BETWEEN 1 AND 5 "
                  "OR r.created_at < o.delivery_time OR r.created_at > '" +
                      reference + "'"),
            0);
  EXPECT_EQ(count(db, "SELECT COUNT(DISTINCT order_id) FROM reviews"), counts.reviews);
}

TEST_F(SeededDatabase, RestaurantRatingIsTheRoundedMeanOfItsReviews) {
  connection db(file.path());
  auto rows = db.use(
      "SELECT r.rating, COUNT(v.id), COALESCE(SUM(v.rating), 0) FROM restaurants r "
      "LEFT JOIN reviews v ON v.restaurant_id = r.id GROUP BY r.id");
  int rated = 0;
  while (rows.next()) {
    EXPECT_EQ(rows.real(0), domain::rounded_quotient(rows.integer(2), rows.integer(1), 1));
    rated += rows.integer(1) > 0 ? 1 : 0;
  }
  EXPECT_GT(rated, 15);
}

class SeedCommand : public ::testing::Test {
 protected:
  int run(const std::vector<std::string>& args) {
    return app::run_seed_command(args, [this](const char* name) -> std::optional<std::string> {
      if (std::string_view(name) == "DATABASE_URL") return file.url();
      return std::nullopt;
    });
  }

  testing::temp_database file;
};

TEST_F(SeedCommand, FillsAnEmptyDatabaseOnceOnly) {
  const std::vector<std::string> args{
      "--restaurants", "3", "--menu-items-per-restaurant=2", "--customers", "4", "--orders", "30", "--seed", "9"};
  EXPECT_EQ(run(args), 0);
  EXPECT_EQ(testing::integer_of(file, "SELECT COUNT(*) FROM restaurants"), 3);
  EXPECT_EQ(testing::integer_of(file, "SELECT COUNT(*) FROM menu_items"), 6);
  EXPECT_EQ(testing::integer_of(file, "SELECT COUNT(*) FROM customers"), 4);
  EXPECT_EQ(testing::integer_of(file, "SELECT COUNT(*) FROM orders"), 30);
  EXPECT_EQ(run(args), 2);
}

TEST_F(SeedCommand, BadArgumentsExitWithStatusTwo) {
  EXPECT_EQ(run({"--orders"}), 2);
  EXPECT_EQ(run({"--orders", "many"}), 2);
  EXPECT_EQ(run({"--restaurants", "0"}), 2);
  EXPECT_EQ(run({"--append"}), 2);
  if (testing::on_postgres()) {
    EXPECT_EQ(testing::integer_of(file, "SELECT COUNT(*) FROM pg_tables WHERE schemaname = 'public'"), 0);
  } else {
    EXPECT_FALSE(std::filesystem::exists(file.path()));
  }
}

TEST(Seed, ProgressIsToldAfterEachBatchAndCountsUp) {
  if (testing::on_postgres()) GTEST_SKIP() << sqlite_loader;
  testing::temp_database file;
  { database migrated(file.path()); }
  const auto plan = small_plan(3);
  std::vector<seed_counts> told;
  const auto counts =
      bulk_loader(file.path(), 97).load(plan, [&](const seed_counts& so_far) { told.push_back(so_far); });
  ASSERT_GT(told.size(), 10u);
  for (std::size_t i = 1; i < told.size(); ++i) {
    EXPECT_GE(told[i].orders, told[i - 1].orders);
    EXPECT_GE(told[i].customers, told[i - 1].customers);
  }
  EXPECT_LE(told.back().orders, counts.orders);
  EXPECT_EQ(app::progress_line(counts, plan),
            "seed: 20/20 restaurants, 100/100 menu items, 50/50 customers, 500/500 orders (100 %)");
  EXPECT_LT(told.front().orders, plan.orders) << "told before the end";
}

TEST(SeedArguments, DefaultsAndOverrides) {
  if (testing::on_postgres()) GTEST_SKIP() << testing::uses_no_database;
  const auto defaults = app::parse_seed_arguments({});
  EXPECT_EQ(defaults.restaurants, 1000);
  EXPECT_EQ(defaults.menu_items_per_restaurant, 20);
  EXPECT_EQ(defaults.customers, 10000);
  EXPECT_EQ(defaults.orders, 100000);
  EXPECT_EQ(defaults.seed, 42u);
  EXPECT_EQ(domain::format_timestamp(defaults.reference_time), "2026-11-01T00:00:00");

  const auto chosen = app::parse_seed_arguments({"--orders=0", "--seed", "18446744073709551615", "--customers", "7"});
  EXPECT_EQ(chosen.orders, 0);
  EXPECT_EQ(chosen.customers, 7);
  EXPECT_EQ(chosen.seed, 18446744073709551615u);
  EXPECT_THROW(app::parse_seed_arguments({"--seed", "-1"}), app::seed_usage_error);
  EXPECT_THROW(app::parse_seed_arguments({"--orders", "+5"}), app::seed_usage_error);
  EXPECT_THROW(app::parse_seed_arguments({"--orders", ""}), app::seed_usage_error);
  EXPECT_THROW(app::parse_seed_arguments({"--menu-items-per-restaurant", "1001"}), app::seed_usage_error);
}

}  // namespace
}  // namespace zomato::store::sqlite
