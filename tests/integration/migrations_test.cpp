#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "store/sqlite/connection.hpp"
#include "store/sqlite/database.hpp"
#include "store/sqlite/migrations.hpp"
#include "support/temp_database.hpp"

namespace zomato::store::sqlite {
namespace {

std::int64_t count(connection& db, const std::string& sql) {
  auto row = db.use(sql);
  row.next();
  return row.integer(0);
}

TEST(Migrations, ApplyOnceAndAreRecorded) {
  testing::temp_database file;
  { database first(file.path()); }
  { database again(file.path()); }
  connection db(file.path());
  EXPECT_EQ(count(db, "SELECT COUNT(*) FROM schema_migrations"),
            static_cast<std::int64_t>(embedded_migrations().size()));
  for (const char* table : {"restaurants", "menu_items", "customers", "orders", "order_items", "reviews"}) {
    EXPECT_EQ(count(db, std::string("SELECT COUNT(*) FROM sqlite_master WHERE type='table' AND name='") + table + "'"),
              1)
        << table;
  }
}

TEST(Migrations, AFailingMigrationLeavesNothingBehind) {
  testing::temp_database file;
  connection db(file.path());
  const std::vector<migration> broken{{1, "good", "CREATE TABLE a (x INTEGER)"},
                                      {2, "bad", "CREATE TABLE b (y INTEGER); INSERT INTO nowhere VALUES (1)"}};
  EXPECT_THROW(migrate(db, broken), error);
  EXPECT_EQ(count(db, "SELECT COUNT(*) FROM schema_migrations"), 1);
  EXPECT_EQ(count(db, "SELECT COUNT(*) FROM sqlite_master WHERE name='b'"), 0);
}

TEST(Migrations, DatabaseRunsInWalModeWithForeignKeys) {
  testing::temp_database file;
  database opened(file.path());
  connection db(file.path());
  auto mode = db.use("PRAGMA journal_mode");
  ASSERT_TRUE(mode.next());
  EXPECT_EQ(mode.text(0), "wal");
  EXPECT_EQ(count(db, "PRAGMA foreign_keys"), 1);
}

TEST(Migrations, TheMenuIndexHoldsEveryColumnOfAMenuItem) {
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

using namespace std::chrono_literals;

// Four servers started at once on a file that does not exist yet: every one opens it, and each
// migration is applied once.
TEST(Migrations, ProcessesStartingTogetherOnANewFileMigrateItOnce) {
  testing::temp_database file;
  std::promise<void> go;
  const std::shared_future<void> started = go.get_future().share();
  std::vector<std::future<void>> opening;
  for (int i = 0; i < 4; ++i) {
    opening.push_back(std::async(std::launch::async, [&file, started] {
      started.wait();
      database opened(file.path(), 20ms);
    }));
  }
  go.set_value();
  for (auto& one : opening) EXPECT_NO_THROW(one.get());
  connection db(file.path());
  EXPECT_EQ(count(db, "SELECT COUNT(*) FROM schema_migrations"),
            static_cast<std::int64_t>(embedded_migrations().size()));
}

// Another process is applying the last migration, which takes longer than a write may wait for
// the lock: a server starting meanwhile waits for it, finds it recorded and does not apply it
// again (its statements would fail: what they create is there).
TEST(Migrations, OpeningWaitsForAMigrationAnotherProcessIsApplying) {
  testing::temp_database file;
  { database first(file.path()); }
  const auto& last = embedded_migrations().back();
  connection other(file.path());
  other.use("DELETE FROM schema_migrations WHERE version = ?1").bind_all(last.version).run();
  other.execute("BEGIN IMMEDIATE");
  auto applying = std::async(std::launch::async, [&] {
    std::this_thread::sleep_for(300ms);
    other.use("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?1, ?2, 'then')")
        .bind_all(last.version, last.name)
        .run();
    other.execute("COMMIT");
  });
  EXPECT_NO_THROW({ database opened(file.path(), 20ms); });
  applying.get();
  connection db(file.path());
  EXPECT_EQ(count(db, "SELECT COUNT(*) FROM schema_migrations"),
            static_cast<std::int64_t>(embedded_migrations().size()));
  EXPECT_EQ(count(db, "SELECT COUNT(*) FROM schema_migrations WHERE applied_at = 'then'"), 1)
      << "recorded by the other process only";
}

}  // namespace
}  // namespace zomato::store::sqlite
