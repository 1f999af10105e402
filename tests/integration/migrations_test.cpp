#include <gtest/gtest.h>

#include <chrono>
#include <functional>
#include <future>
#include <memory>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "store/postgres/connection.hpp"
#include "store/postgres/migrations.hpp"
#include "store/sqlite/connection.hpp"
#include "store/sqlite/database.hpp"
#include "store/sqlite/migrations.hpp"
#include "support/database_sql.hpp"
#include "support/open_store.hpp"
#include "support/postgres_sql.hpp"
#include "support/temp_database.hpp"

namespace zomato::store {
namespace {

using namespace std::chrono_literals;
using sqlite::connection;
using sqlite::database;
using testing::integer_of;
using testing::on_postgres;

std::int64_t count(connection& db, const std::string& sql) {
  auto row = db.use(sql);
  row.next();
  return row.integer(0);
}

// How many migrations the engine of the test's database has.
std::int64_t migrations_of_the_engine() {
  return static_cast<std::int64_t>(on_postgres() ? postgres::embedded_migrations().size()
                                                 : sqlite::embedded_migrations().size());
}

// A query of how many tables have this name.
std::string tables_named(const std::string& table) {
  return on_postgres() ? "SELECT COUNT(*) FROM pg_tables WHERE schemaname = 'public' AND tablename = '" + table + "'"
                       : "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '" + table + "'";
}

TEST(Migrations, ApplyOnceAndAreRecorded) {
  testing::temp_database file;
  { const auto first = testing::open_store(file); }
  { const auto again = testing::open_store(file); }
  EXPECT_EQ(integer_of(file, "SELECT COUNT(*) FROM schema_migrations"), migrations_of_the_engine());
  for (const char* table : {"restaurants", "menu_items", "customers", "orders", "order_items", "reviews"}) {
    EXPECT_EQ(integer_of(file, tables_named(table)), 1) << table;
  }
}

TEST(Migrations, AFailingMigrationLeavesNothingBehind) {
  testing::temp_database file;
  const std::vector<migration> broken{{1, "good", "CREATE TABLE a (x INTEGER)"},
                                      {2, "bad", "CREATE TABLE b (y INTEGER); INSERT INTO nowhere VALUES (1)"}};
  if (on_postgres()) {
    postgres::connection db(file.url(), 10s, 10s, 10s);
    EXPECT_THROW(postgres::migrate(db, broken), store::failure);
  } else {
    connection db(file.path());
    EXPECT_THROW(sqlite::migrate(db, broken), sqlite::error);
  }
  EXPECT_EQ(integer_of(file, "SELECT COUNT(*) FROM schema_migrations"), 1);
  EXPECT_EQ(integer_of(file, tables_named("a")), 1);
  EXPECT_EQ(integer_of(file, tables_named("b")), 0);
}

TEST(Migrations, DatabaseRunsInWalModeWithForeignKeys) {
  if (on_postgres()) GTEST_SKIP() << "SQLite's journal mode and foreign_keys pragma";
  testing::temp_database file;
  database opened(file.path());
  connection db(file.path());
  auto mode = db.use("PRAGMA journal_mode");
  ASSERT_TRUE(mode.next());
  EXPECT_EQ(mode.text(0), "wal");
  EXPECT_EQ(count(db, "PRAGMA foreign_keys"), 1);
}

TEST(Migrations, TheMenuIndexHoldsEveryColumnOfAMenuItem) {
  if (on_postgres()) GTEST_SKIP() << "SQLite's covering index of menu items (pragma_index_xinfo)";
  testing::temp_database file;
  database opened(file.path());
  connection db(file.path());
  std::set<std::string> indexed;
  auto columns = db.use("SELECT name FROM pragma_index_xinfo('menu_items_by_restaurant') WHERE name IS NOT NULL");
  while (columns.next()) indexed.insert(columns.text(0));
  auto table = db.use("SELECT name FROM pragma_table_info('menu_items')");
  int checked = 0;
  while (table.next()) {
    EXPECT_EQ(indexed.count(table.text(0)), 1u) << table.text(0);
    ++checked;
  }
  EXPECT_EQ(checked, 13);
}

// Four servers started at once on a new database (on SQLite a file that does not exist yet): every
// one opens it, and each migration is applied once.
TEST(Migrations, ProcessesStartingTogetherOnANewDatabaseMigrateItOnce) {
  testing::temp_database file;
  std::promise<void> go;
  const std::shared_future<void> started = go.get_future().share();
  std::vector<std::future<void>> opening;
  for (int i = 0; i < 4; ++i) {
    opening.push_back(std::async(std::launch::async, [&file, started] {
      started.wait();
      const auto opened = testing::open_store(file, 20ms);
    }));
  }
  go.set_value();
  for (auto& one : opening) EXPECT_NO_THROW(one.get());
  EXPECT_EQ(integer_of(file, "SELECT COUNT(*) FROM schema_migrations"), migrations_of_the_engine());
}

// Another process is applying the last migration, which takes longer than a write may wait for
// the lock: a server starting meanwhile waits for it, finds it recorded and does not apply it
// again (its statements would fail: what they create is there). The other process holds SQLite's
// write lock, or on PostgreSQL the advisory lock of migrations (store/postgres/migrations.cpp).
TEST(Migrations, OpeningWaitsForAMigrationAnotherProcessIsApplying) {
  testing::temp_database file;
  { const auto first = testing::open_store(file); }
  const auto last = on_postgres() ? postgres::embedded_migrations().back() : sqlite::embedded_migrations().back();
  std::function<void(const std::string&)> other_runs;
  if (on_postgres()) {
    auto other = std::make_shared<testing::postgres_session>(file.url());
    other_runs = [other](const std::string& sql) { other->execute(sql); };
  } else {
    auto other = std::make_shared<connection>(file.path());
    other_runs = [other](const std::string& sql) { other->execute(sql); };
  }
  const std::string lock = on_postgres() ? "SELECT pg_advisory_lock(8749107661066427725)" : "BEGIN IMMEDIATE";
  const std::string unlock = on_postgres() ? "SELECT pg_advisory_unlock(8749107661066427725)" : "COMMIT";
  other_runs("DELETE FROM schema_migrations WHERE version = " + std::to_string(last.version) + "; " + lock);
  auto applying = std::async(std::launch::async, [&] {
    std::this_thread::sleep_for(300ms);
    other_runs("INSERT INTO schema_migrations (version, name, applied_at) VALUES (" + std::to_string(last.version) +
               ", '" + last.name + "', 'then'); " + unlock);
  });
  EXPECT_NO_THROW({ const auto opened = testing::open_store(file, 20ms); });
  applying.get();
  EXPECT_EQ(integer_of(file, "SELECT COUNT(*) FROM schema_migrations"), migrations_of_the_engine());
  EXPECT_EQ(integer_of(file, "SELECT COUNT(*) FROM schema_migrations WHERE applied_at = 'then'"), 1)
      << "recorded by the other process only";
}

}  // namespace
}  // namespace zomato::store
