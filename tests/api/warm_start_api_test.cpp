// The warm start (CACHE_WARM_ON_START, CACHE_WARM_TOP) and the usage book it reads: what a node
// holds in its cache right after it starts, on a database made by `zomato-api seed`.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <chrono>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include "support/api_fixtures.hpp"

namespace zomato::testing {
namespace {

/// A database seeded with 20 restaurants and 400 orders.
void seed(const temp_database& database) {
  const auto command = "DATABASE_URL='" + database.url() + "' '" + ZOMATO_SERVER_BINARY +
                       "' seed --restaurants 20 --menu-items-per-restaurant 5 --customers 40 --orders 400 --seed 11 "
                       ">/dev/null";
  ASSERT_EQ(std::system(command.c_str()), 0);
}

/// Runs a query of one integer column on the database file, outside the server.
std::vector<std::int64_t> integers(const temp_database& database, const std::string& sql) {
  sqlite3* db = nullptr;
  std::vector<std::int64_t> found;
  if (sqlite3_open_v2(database.path().c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_stmt* rows = nullptr;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &rows, nullptr) == SQLITE_OK) {
      while (sqlite3_step(rows) == SQLITE_ROW) found.push_back(sqlite3_column_int64(rows, 0));
    }
    sqlite3_finalize(rows);
  }
  sqlite3_close(db);
  return found;
}

/// The restaurants by their orders in the 30 days before the newest order, most first.
std::vector<std::int64_t> busiest(const temp_database& database) {
  return integers(database,
                  "SELECT r.id FROM restaurants r LEFT JOIN orders o ON o.restaurant_id = r.id "
                  "AND julianday(o.order_date) >= julianday((SELECT MAX(order_date) FROM orders)) - 30 "
                  "GROUP BY r.id ORDER BY COUNT(o.id) DESC, r.id");
}

/// What the warm start reported, once it has run (waits at most 20 s).
std::string warm_start_result(api_client& client) {
  for (int attempt = 0; attempt < 200; ++attempt) {
    const auto health = client.get("/cache/health").json();
    for (const auto& task : health["background_tasks"]) {
      if (task["name"] == "warm_start" && task["runs"] == 1) return task["last_result"].get<std::string>();
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return "never ran";
}

std::string cache_status(api_client& client, const std::string& target) {
  return client.get(target).header("x-cache-status");
}

TEST(WarmStart, FillsTheBusiestRestaurantsTheListsAndTheAnalytics) {
  if (on_postgres()) GTEST_SKIP() << "SQLite file specific";
  temp_database database;
  seed(database);
  const auto ranking = busiest(database);
  ASSERT_EQ(ranking.size(), 20u);
  server_process server(
      {{"DATABASE_URL", database.url()}, {"CACHE_WARM_ON_START", "popular"}, {"CACHE_WARM_TOP", "3"}});
  api_client client(server.port());
  EXPECT_EQ(client.get("/health/ready").status, 200) << "readiness does not wait for the warm start";
  EXPECT_NE(warm_start_result(client).find("busiest_restaurants 9"), std::string::npos);
  for (std::size_t i = 0; i < 3; ++i) {
    const auto base = "/restaurants/" + std::to_string(ranking[i]);
    for (const char* view : {"", "/with-menu", "/menu"})
      EXPECT_EQ(cache_status(client, base + view), "HIT") << base + view;
  }
  EXPECT_EQ(cache_status(client, "/restaurants/" + std::to_string(ranking.back())), "MISS");
  EXPECT_EQ(cache_status(client, "/restaurants/"), "HIT");
  EXPECT_EQ(cache_status(client, "/analytics/popular-items"), "HIT");
  EXPECT_EQ(cache_status(client, "/customers/"), "MISS") << "popular leaves the other namespaces cold";
}

TEST(WarmStart, AllWarmsEveryNamespaceToo) {
  temp_database database;
  seed(database);
  server_process server({{"DATABASE_URL", database.url()}, {"CACHE_WARM_ON_START", "all"}, {"CACHE_WARM_TOP", "2"}});
  api_client client(server.port());
  EXPECT_NE(warm_start_result(client).find("customers"), std::string::npos);
  EXPECT_EQ(cache_status(client, "/customers/"), "HIT");
  EXPECT_EQ(cache_status(client, "/menu-items/"), "HIT");
}

TEST(WarmStart, OffLeavesTheCacheCold) {
  if (on_postgres()) GTEST_SKIP() << "SQLite file specific";
  temp_database database;
  seed(database);
  server_process server({{"DATABASE_URL", database.url()}, {"CACHE_WARM_ON_START", "off"}});
  api_client client(server.port());
  EXPECT_EQ(warm_start_result(client), "off");
  EXPECT_EQ(cache_status(client, "/restaurants/" + std::to_string(busiest(database).front())), "MISS");
  EXPECT_EQ(cache_status(client, "/restaurants/"), "MISS");
}

// A node stopped after clients used five targets unevenly: the next start warms the most used
// first, and with room for four (CACHE_WARM_TOP=1 gives the usage book four places) leaves the
// least used cold.
TEST(WarmStart, TheNextStartWarmsWhatWasUsedMostFirst) {
  if (on_postgres()) GTEST_SKIP() << "SQLite file specific";
  temp_database database;
  seed(database);
  const std::vector<std::string> targets{"/menu-items/search?category=Soups", "/customers/3", "/customers/4",
                                         "/menu-items/category/Desserts", "/customers/5"};
  {
    server_process first({{"DATABASE_URL", database.url()}});
    api_client client(first.port());
    for (std::size_t i = 0; i < targets.size(); ++i) {
      for (std::size_t use = 0; use < 2 * (targets.size() - i); ++use) EXPECT_EQ(client.get(targets[i]).status, 200);
    }
    EXPECT_EQ(first.stop(), 0);
  }
  const auto kept = integers(database, "SELECT COUNT(*) FROM cache_usage");
  ASSERT_EQ(kept, std::vector<std::int64_t>{5}) << "the stop records the uses";

  server_process second(
      {{"DATABASE_URL", database.url()}, {"CACHE_WARM_ON_START", "popular"}, {"CACHE_WARM_TOP", "1"}});
  api_client client(second.port());
  EXPECT_NE(warm_start_result(client).find("most_requested 4"), std::string::npos);
  for (std::size_t i = 0; i + 1 < targets.size(); ++i) EXPECT_EQ(cache_status(client, targets[i]), "HIT") << targets[i];
  EXPECT_EQ(cache_status(client, targets.back()), "MISS") << "the least used had no room";
}

}  // namespace
}  // namespace zomato::testing
