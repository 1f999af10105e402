#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <thread>

#include "services/restaurant_service.hpp"
#include "store/sqlite/database.hpp"
#include "support/factories.hpp"
#include "support/temp_database.hpp"

namespace zomato::services {
namespace {

using namespace std::chrono_literals;

std::uintmax_t wal_size(const std::string& path) {
  std::error_code ignored;
  const auto size = std::filesystem::file_size(path + "-wal", ignored);
  return ignored ? 0 : size;
}

// The store as the server runs it: after a burst of writes, the WAL file shrinks to nothing
// by itself, and everything written is in the database file.
TEST(WalSize, TheWalFileShrinksBackToNothingAfterABurst) {
  if (testing::on_postgres()) GTEST_SKIP() << "SQLite's WAL file";
  testing::temp_database file;
  store::sqlite::database db(file.path());
  restaurant_service restaurants(db);
  write_context writes;
  for (int i = 0; i < 300; ++i) {
    ASSERT_TRUE(restaurants.create(writes, testing::restaurant_named("Burst Kitchen " + std::to_string(i))).ok());
  }
  EXPECT_GT(wal_size(file.path()), 0u);
  for (int i = 0; i < 1500 && wal_size(file.path()) > 0; ++i) std::this_thread::sleep_for(10ms);
  EXPECT_EQ(wal_size(file.path()), 0u);
  EXPECT_EQ(restaurants.list({}, {}).total, 300);
}

}  // namespace
}  // namespace zomato::services
