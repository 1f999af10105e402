#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "domain/clock.hpp"
#include "services/analytics_service.hpp"
#include "services/customer_service.hpp"
#include "services/review_service.hpp"
#include "store/sqlite/connection.hpp"
#include "support/database_sql.hpp"
#include "support/open_store.hpp"
#include "support/temp_database.hpp"

namespace zomato::store::sqlite {
namespace {

constexpr std::int64_t most = std::numeric_limits<std::int64_t>::max();

// SQLite's exact_sum() (PostgreSQL's SUM of integers is exact by itself).
class ExactSum : public ::testing::Test {
 protected:
  void SetUp() override {
    if (zomato::testing::on_postgres()) GTEST_SKIP() << "SQLite's exact_sum()";
    db.emplace(file.path());
    db->execute("CREATE TABLE t (g INTEGER, v)");
  }
  void add(std::int64_t group, std::int64_t value) {
    db->use("INSERT INTO t VALUES (?1, ?2)").bind_all(group, value).run();
  }
  domain::cents_sum sum_of(const std::string& sql) {
    auto row = db->use(sql);
    EXPECT_TRUE(row.next());
    return row.sum(0);
  }

  zomato::testing::temp_database file;
  std::optional<connection> db;
};

TEST_F(ExactSum, IsZeroWithoutRowsAndSkipsNulls) {
  EXPECT_EQ(sum_of("SELECT exact_sum(v) FROM t"), 0);
  db->execute("INSERT INTO t VALUES (1, NULL)");
  add(1, 5);
  EXPECT_EQ(sum_of("SELECT exact_sum(v) FROM t"), 5);
}

TEST_F(ExactSum, AddsPastSixtyFourBitsExactlyWhereSumFails) {
  for (int i = 0; i < 3; ++i) add(1, most);
  EXPECT_THROW(sum_of("SELECT SUM(v) FROM t"), error) << "SQLite's own SUM() overflows";
  EXPECT_EQ(sum_of("SELECT exact_sum(v) FROM t"), domain::cents_sum{most} * 3);
  add(1, std::numeric_limits<std::int64_t>::min());
  add(1, std::numeric_limits<std::int64_t>::min());
  EXPECT_EQ(sum_of("SELECT exact_sum(v) FROM t"), domain::cents_sum{most} - 2);
}

TEST_F(ExactSum, SumsOfSumsStayExact) {
  for (int i = 0; i < 2; ++i) add(1, most);
  for (int i = 0; i < 2; ++i) add(2, most);
  add(3, 7);
  EXPECT_EQ(sum_of("SELECT exact_sum(s) FROM (SELECT exact_sum(v) AS s FROM t GROUP BY g)"),
            domain::cents_sum{most} * 4 + 7);
}

TEST_F(ExactSum, OrdersWideSumsAboveNarrowOnesAndByValue) {
  add(1, 100);
  for (int i = 0; i < 2; ++i) add(2, most);
  for (int i = 0; i < 3; ++i) add(3, most);
  add(4, 50);
  auto rows = db->use("SELECT g FROM t GROUP BY g ORDER BY exact_sum(v) DESC");
  std::vector<std::int64_t> order;
  while (rows.next()) order.push_back(rows.integer(0));
  EXPECT_EQ(order, (std::vector<std::int64_t>{3, 2, 1, 4}));
}

TEST_F(ExactSum, RefusesWhatIsNotAnInteger) {
  db->execute("INSERT INTO t VALUES (1, 1.5)");
  EXPECT_THROW(sum_of("SELECT exact_sum(v) FROM t"), error);
}

// Orders stored before any cap existed (each total at the 64-bit maximum) sum past what
// 64 bits hold: every figure built on them is still read, exactly.
class HugeTotals : public ::testing::Test {
 protected:
  void SetUp() override {
    { const auto migrated = zomato::testing::open_store(file); }
    zomato::testing::execute_sql(
        file,
        "INSERT INTO restaurants (id, name, cuisine_type, address, phone_number, created_at, updated_at) VALUES "
        "(1, 'Gold Kitchen', 'Thai', '1 Main Street', '+15550000000', 'x', 'x'),"
        "(2, 'Small Kitchen', 'Thai', '2 Main Street', '+15550000001', 'x', 'x');"
        "INSERT INTO customers (id, name, email, phone_number, address, created_at, updated_at) VALUES "
        "(1, 'Ann', 'ann@example.com', '+15550000002', '1 Long Street, City', 'x', 'x');"
        "INSERT INTO menu_items (id, restaurant_id, name, price_cents, category, created_at, updated_at) VALUES "
        "(1, 1, 'Gold Leaf', 9223372036854775, 'Feast', 'x', 'x');");
    for (int i = 0; i < 3; ++i) {
      const auto order = zomato::testing::integer_of(
          file,
          "INSERT INTO orders (customer_id, restaurant_id, order_status, total_cents, delivery_address, order_date) "
          "VALUES (1, 1, 'delivered', " +
              std::to_string(most) + ", '1 Long Street, City', '2026-01-01T12:00:00') RETURNING id");
      zomato::testing::execute_sql(
          file, "INSERT INTO order_items (order_id, menu_item_id, quantity, item_price_cents) VALUES (" +
                    std::to_string(order) + ", 1, 1000, 9223372036854775)");
    }
    zomato::testing::execute_sql(
        file,
        "INSERT INTO orders (customer_id, restaurant_id, order_status, total_cents, delivery_address, order_date) "
        "VALUES (1, 2, 'delivered', 100, '1 Long Street, City', '2026-01-01T13:00:00')");
  }

  static std::chrono::system_clock::time_point next_day() {
    return std::chrono::sys_days{std::chrono::year{2026} / 1 / 2};
  }

  const domain::cents_sum three_times_most = domain::cents_sum{most} * 3;
  zomato::testing::temp_database file;
};

TEST_F(HugeTotals, EveryAnalyticsReadStillAnswersExactly) {
  const auto opened = zomato::testing::open_store(file);
  store::database& db = *opened;
  services::analytics_service analytics(db);
  const auto day = analytics.daily_revenue("2026-01-01").day;
  EXPECT_EQ(day.revenue, three_times_most + 100);
  ASSERT_EQ(day.top_restaurants.size(), 2u);
  EXPECT_EQ(day.top_restaurants[0].restaurant_id, 1);
  EXPECT_EQ(day.top_restaurants[0].revenue, three_times_most);

  const auto window = *services::period_of("7d");
  EXPECT_EQ(analytics.customer_behavior(window, next_day()).activity.spent, three_times_most + 100);
  const auto performance = analytics.restaurant_performance(std::nullopt, 10);
  ASSERT_TRUE(performance.ok());
  ASSERT_EQ(performance->restaurants.size(), 2u);
  EXPECT_EQ(performance->restaurants[0].restaurant_id, 1);
  EXPECT_EQ(performance->restaurants[0].revenue, three_times_most);
  const auto items = analytics.popular_items(window, 10, next_day()).items;
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].revenue, domain::cents_sum{9223372036854775} * 3000);

  services::customer_service customers(db);
  EXPECT_EQ(customers.analytics(1)->spent, three_times_most + 100);
  services::review_service reviews(db);
  EXPECT_EQ(reviews.restaurant_analytics(1)->revenue, three_times_most);
}

}  // namespace
}  // namespace zomato::store::sqlite
