// `seed` on PostgreSQL (store/postgres/bulk_loader, COPY): the same plan gives the same rows, ids
// and values, as on SQLite, with the same menu_item_sales and ratings; the database is usable
// afterwards (new ids past the seeded ones, the sales trigger on again); a load that fails
// leaves nothing.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "store/entity_rows.hpp"
#include "store/postgres/bulk_loader.hpp"
#include "store/postgres/connection.hpp"
#include "store/postgres/database.hpp"
#include "store/sqlite/bulk_loader.hpp"
#include "store/sqlite/connection.hpp"
#include "store/sqlite/database.hpp"
#include "support/postgres_process.hpp"
#include "support/postgres_sql.hpp"
#include "support/temp_database.hpp"

namespace zomato::store {
namespace {

using namespace std::chrono_literals;

seed_plan small_plan() {
  seed_plan plan;
  plan.restaurants = 12;
  plan.menu_items_per_restaurant = 6;
  plan.customers = 40;
  plan.orders = 600;
  plan.seed = 5;
  return plan;
}

std::string field_text(std::int64_t value) { return std::to_string(value); }
std::string field_text(bool value) { return value ? "t" : "f"; }
std::string field_text(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.17g", value);
  return text;
}
std::string field_text(const std::string& value) { return "'" + value + "'"; }
std::string field_text(domain::order_status value) { return std::string(domain::name_of(value)); }
template <class T>
std::string field_text(const std::optional<T>& value) {
  return value ? field_text(*value) : "NULL";
}

// Every row of the entity's table in id order, read as the repositories read them, one line each.
template <class Entity, class Connection>
std::vector<std::string> entity_rows(Connection& db, const std::string& table) {
  auto rows = db.use("SELECT " + column_list<Entity>() + " FROM " + table + " ORDER BY id");
  std::vector<std::string> lines;
  while (rows.next()) {
    const auto row = read_entity<Entity>(rows);
    std::string line;
    domain::for_each_field<Entity>([&](const auto& field) { line += field_text(row.*field.member) + ","; });
    lines.push_back(line);
  }
  return lines;
}

// Every row of a query whose columns are integers or text, one line each.
template <class Connection>
std::vector<std::string> text_rows(Connection& db, const std::string& sql, int columns) {
  auto rows = db.use(sql);
  std::vector<std::string> lines;
  while (rows.next()) {
    std::string line;
    for (int column = 0; column < columns; ++column) line += rows.text(column) + ",";
    lines.push_back(line);
  }
  return lines;
}

struct seeded_tables {
  std::vector<std::string> restaurants, menu_items, customers, orders, order_items, status_history, reviews, sales;
};

template <class Connection>
seeded_tables read_tables(Connection& db) {
  return {entity_rows<domain::restaurant>(db, "restaurants"),
          entity_rows<domain::menu_item>(db, "menu_items"),
          entity_rows<domain::customer>(db, "customers"),
          entity_rows<domain::order>(db, "orders"),
          entity_rows<domain::order_item>(db, "order_items"),
          text_rows(db, "SELECT id, order_id, status, changed_at FROM order_status_history ORDER BY id", 4),
          entity_rows<domain::review>(db, "reviews"),
          text_rows(db, "SELECT menu_item_id, quantity FROM menu_item_sales ORDER BY menu_item_id", 2)};
}

class SeedOnPostgres : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::postgres_execute(postgres.url(), "CREATE DATABASE seeded");
    const postgres::database migrated({url, 1, 10s, 60s, 10s});
  }

  postgres::connection connect() const { return {url, 10s, 60s, 10s}; }

  /// Every index and constraint of the database, by definition.
  std::string schema() const {
    return testing::postgres_value(url,
                                   "SELECT string_agg(indexdef, ';' ORDER BY indexname) FROM pg_indexes "
                                   "WHERE schemaname = 'public'") +
           testing::postgres_value(url,
                                   "SELECT string_agg(conrelid::regclass || ' ' || conname || ' ' || "
                                   "pg_get_constraintdef(oid), ';' ORDER BY conrelid::regclass::text, conname) "
                                   "FROM pg_constraint WHERE connamespace = 'public'::regnamespace");
  }

  testing::postgres_process postgres;
  std::string url = postgres.url("seeded");
};

TEST_F(SeedOnPostgres, GivesTheRowsAndFiguresOfSqlite) {
  const auto plan = small_plan();
  testing::temp_database file;
  { sqlite::database migrated(file.path()); }
  const auto on_sqlite = sqlite::bulk_loader(file.path(), 97).load(plan);

  // A small flush size, so that the rows go in many COPYs, each table's interleaved with the others'.
  postgres::bulk_loader loader(url, 4096);
  ASSERT_TRUE(loader.is_empty());
  std::vector<seed_counts> told;
  const auto on_postgres = loader.load(plan, [&](const seed_counts& so_far) { told.push_back(so_far); });
  EXPECT_FALSE(loader.is_empty());
  EXPECT_GT(told.size(), 10u);
  EXPECT_LT(told.front().orders, plan.orders);
  EXPECT_EQ(told.back().orders, plan.orders);

  EXPECT_EQ(on_postgres.restaurants, on_sqlite.restaurants);
  EXPECT_EQ(on_postgres.menu_items, on_sqlite.menu_items);
  EXPECT_EQ(on_postgres.customers, on_sqlite.customers);
  EXPECT_EQ(on_postgres.orders, on_sqlite.orders);
  EXPECT_EQ(on_postgres.order_items, on_sqlite.order_items);
  EXPECT_EQ(on_postgres.status_changes, on_sqlite.status_changes);
  EXPECT_EQ(on_postgres.reviews, on_sqlite.reviews);

  sqlite::connection lite(file.path());
  auto pg = connect();
  const auto expected = read_tables(lite);
  const auto found = read_tables(pg);
  EXPECT_EQ(found.restaurants, expected.restaurants);
  EXPECT_EQ(found.menu_items, expected.menu_items);
  EXPECT_EQ(found.customers, expected.customers);
  EXPECT_EQ(found.orders, expected.orders);
  EXPECT_EQ(found.order_items, expected.order_items);
  EXPECT_EQ(found.status_history, expected.status_history);
  EXPECT_EQ(found.reviews, expected.reviews);
  EXPECT_EQ(found.sales, expected.sales) << "menu_item_sales as SQLite's trigger kept it";
  EXPECT_EQ(expected.orders.size(), 600u);
  EXPECT_GT(expected.reviews.size(), 50u);
  EXPECT_EQ(testing::postgres_value(url, "SELECT count(*) FROM restaurants WHERE rating > 0"),
            testing::postgres_value(url, "SELECT count(DISTINCT restaurant_id) FROM reviews"))
      << "every reviewed restaurant is rated";
}

TEST_F(SeedOnPostgres, LeavesTheDatabaseAsTheServerWritesIt) {
  const auto before = schema();
  EXPECT_NE(before.find("order_items_by_menu_item"), std::string::npos);
  EXPECT_NE(before.find("REFERENCES orders(id) ON DELETE CASCADE"), std::string::npos);
  const auto counts = postgres::bulk_loader(url).load(small_plan());
  EXPECT_EQ(schema(), before) << "the indexes and foreign keys set aside for the load are back";
  EXPECT_EQ(
      testing::postgres_value(url, "SELECT tgenabled FROM pg_trigger WHERE tgname = 'menu_item_sales_after_line'"),
      "O");
  EXPECT_EQ(
      testing::postgres_value(url,
                              "INSERT INTO customers (name, email, phone_number, address, created_at, updated_at) "
                              "VALUES ('New One', 'new@example.com', '+1-555-0000', '1 New Street, Salem', "
                              "'2026-11-01T00:00:00', '2026-11-01T00:00:00') RETURNING id"),
      std::to_string(counts.customers + 1));
  EXPECT_EQ(testing::postgres_value(url,
                                    "INSERT INTO order_status_history (order_id, status, changed_at) "
                                    "VALUES (1, 'delivered', '2026-11-01T00:00:00') RETURNING id"),
            std::to_string(counts.status_changes + 1));
  // A line added to an order that is not cancelled counts in the sales again.
  const auto order = testing::postgres_value(url, "SELECT min(id) FROM orders WHERE order_status <> 'cancelled'");
  const auto item = testing::postgres_value(
      url,
      "SELECT min(m.id) FROM menu_items m JOIN orders o ON o.restaurant_id = m.restaurant_id WHERE o.id = " + order);
  const auto sold = [&] {
    return testing::postgres_value(
        url, "SELECT COALESCE(sum(quantity), 0) FROM menu_item_sales WHERE menu_item_id = " + item);
  };
  const auto sold_before = std::stoll(sold());
  EXPECT_EQ(testing::postgres_value(url,
                                    "INSERT INTO order_items (order_id, menu_item_id, quantity, item_price_cents) "
                                    "VALUES (" +
                                        order + ", " + item + ", 2, 100) RETURNING id"),
            std::to_string(counts.order_items + 1));
  EXPECT_EQ(std::stoll(sold()), sold_before + 2);
}

TEST_F(SeedOnPostgres, RefusesADatabaseThatHoldsData) {
  auto plan = small_plan();
  plan.orders = 0;
  postgres::bulk_loader(url).load(plan);
  postgres::bulk_loader again(url);
  EXPECT_FALSE(again.is_empty());
  EXPECT_THROW(again.load(plan), seed_target_not_empty);
  EXPECT_EQ(testing::postgres_value(url, "SELECT count(*) FROM restaurants"), "12");
}

TEST_F(SeedOnPostgres, ALoadCutOffHalfwayLeavesNothing) {
  const auto before = schema();
  postgres::bulk_loader loader(url, 4096);
  bool cut = false;
  EXPECT_THROW(loader.load(small_plan(),
                           [&](const seed_counts&) {
                             if (cut) return;
                             cut = true;
                             testing::postgres_execute(url,
                                                       "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                                       "WHERE application_name = 'zomato-api seed'");
                           }),
               store::unavailable);
  EXPECT_TRUE(cut);
  EXPECT_TRUE(postgres::bulk_loader(url).is_empty());
  EXPECT_EQ(testing::postgres_value(url, "SELECT count(*) FROM menu_item_sales"), "0");
  EXPECT_EQ(schema(), before);
  EXPECT_EQ(
      testing::postgres_value(url, "SELECT tgenabled FROM pg_trigger WHERE tgname = 'menu_item_sales_after_line'"),
      "O");
}

}  // namespace
}  // namespace zomato::store
