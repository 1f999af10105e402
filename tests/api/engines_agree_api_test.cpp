#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <vector>

#include "support/api_fixtures.hpp"
#include "support/postgres_process.hpp"

// The same generated data seeded into a SQLite file and into PostgreSQL: every analytics,
// report and list answer is the same on both engines. Runs once, in api.* (with a cluster of
// its own), and skips in api_pg.*.
namespace zomato::testing {
namespace {

// Fills the database with the same small plan each time (the reference time is the seed's
// fixed default, so both engines get the same rows).
void seed(const std::string& database_url) {
  const std::string command = "DATABASE_URL='" + database_url + "' '" + ZOMATO_SERVER_BINARY +
                              "' seed --restaurants 25 --menu-items-per-restaurant 8 --customers 150 --orders 4000 "
                              "--seed 7 >/dev/null 2>&1";
  ASSERT_EQ(std::system(command.c_str()), 0) << command;
}

// Drops what depends on the moment of the answer, not on the data.
void drop_moments(json& value) {
  if (value.is_object()) {
    for (const char* moment : {"timestamp", "generated_at", "computed_at", "as_of", "period_start", "period_end"}) {
      value.erase(moment);
    }
    for (auto& [key, member] : value.items()) drop_moments(member);
  } else if (value.is_array()) {
    for (auto& element : value) drop_moments(element);
  }
}

TEST(EnginesAgree, OnTheSameGeneratedDataEveryReportAndListAnswersTheSame) {
  if (on_postgres()) GTEST_SKIP() << "runs once, in api.*, on a cluster of its own";
  temp_database file;
  postgres_process pg;
  seed(file.url());
  seed(pg.url());
  server_process sqlite({{"DATABASE_URL", file.url()}});
  server_process postgres({{"DATABASE_URL", pg.url()}});
  api_client on_sqlite(sqlite.port());
  api_client on_postgres(postgres.port());

  // Periods of 130 days and more hold every generated order (the 90 days before the seed's
  // reference time), 30 days none of them: no boundary falls between two orders, so the few
  // milliseconds between the two servers' clocks change nothing.
  std::vector<std::string> targets{
      "/analytics/revenue/daily?date=2026-10-15",
      "/analytics/revenue/daily?date=2026-08-20",
      "/analytics/customers/behavior?period=30d",
      "/analytics/customers/behavior?period=52w",
      "/analytics/restaurants/performance",
      "/analytics/restaurants/performance?restaurant_id=3",
      "/analytics/popular-items?period=30d",
      "/analytics/popular-items?period=130d&limit=50",
      "/restaurants/analytics/popular-cuisines",
      "/restaurants/analytics/price-ranges",
      "/restaurants/?limit=100",
      "/restaurants/active?limit=100",
      "/restaurants/search?cuisine=italian&limit=100",
      "/menu-items/search?vegetarian=true&category=main%20course&limit=100",
      "/menu-items/dietary/vegan?limit=100",
      "/customers/?limit=100&skip=20",
  };
  for (const int restaurant : {1, 2, 7, 25}) {
    const auto id = std::to_string(restaurant);
    for (const auto& path : {"/restaurants/" + id + "/analytics", "/reviews/restaurants/" + id + "/analytics",
                             "/restaurants/" + id + "/with-menu", "/reviews/restaurants/" + id + "/reviews?limit=100",
                             "/orders/restaurants/" + id + "/orders?limit=100&skip=10",
                             "/orders/restaurants/" + id + "/orders?status=delivered&limit=100"}) {
      targets.push_back(path);
    }
  }
  for (const int customer : {1, 42, 150}) {
    const auto id = std::to_string(customer);
    targets.push_back("/customers/" + id + "/analytics");
    targets.push_back("/orders/customers/" + id + "/orders?limit=100");
  }
  for (const auto& target : targets) {
    const auto a = on_sqlite.get(target, {{"Cache-Control", "no-store"}});
    const auto b = on_postgres.get(target, {{"Cache-Control", "no-store"}});
    ASSERT_EQ(a.status, 200) << target << ": " << a.body;
    ASSERT_EQ(b.status, 200) << target << ": " << b.body;
    auto left = a.json();
    auto right = b.json();
    drop_moments(left);
    drop_moments(right);
    EXPECT_EQ(left, right) << target;
  }
}

}  // namespace
}  // namespace zomato::testing
