#include <gtest/gtest.h>

#include <set>
#include <string>

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

}  // namespace
}  // namespace zomato::store::sqlite
