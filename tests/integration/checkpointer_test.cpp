#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <thread>

#include "store/sqlite/checkpointer.hpp"
#include "store/sqlite/connection.hpp"
#include "support/temp_database.hpp"

namespace zomato::store::sqlite {
namespace {

// Ten rows of 4 KB each: at least ten WAL pages per call.
void write_pages(connection& writer) {
  writer.execute("BEGIN IMMEDIATE");
  for (int i = 0; i < 10; ++i) writer.execute("INSERT INTO blobs (data) VALUES (randomblob(4000))");
  writer.execute("COMMIT");
}

class checkpointer_test : public ::testing::Test {
 protected:
  void SetUp() override {
    writer_.execute("PRAGMA journal_mode = WAL");
    writer_.execute("CREATE TABLE blobs (id INTEGER PRIMARY KEY, data BLOB)");
  }
  std::uintmax_t file_size() const { return std::filesystem::file_size(file_.path()); }

  testing::temp_database file_;
  connection writer_{file_.path()};
};

TEST_F(checkpointer_test, commits_leave_the_wal_alone_below_the_threshold) {
  checkpointer copier(file_.path(), 1000000, 100);
  copier.watch(writer_);
  const auto before = file_size();
  for (int i = 0; i < 120; ++i) write_pages(writer_);  // past SQLite's own 1000-page checkpoint
  EXPECT_EQ(file_size(), before) << "a commit checkpointed by itself";
}

TEST_F(checkpointer_test, copies_the_wal_into_the_file_once_it_has_grown_past_the_threshold) {
  checkpointer copier(file_.path(), 50, 10);
  copier.watch(writer_);
  const auto before = file_size();
  for (int i = 0; i < 10; ++i) write_pages(writer_);
  // The pass copies what the WAL held when it began: at least the 50 pages that started it
  // (some of them b-tree pages written more than once), whatever came after it began.
  const auto copied_rows = before + 30 * 4000;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (file_size() < copied_rows && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  EXPECT_GE(file_size(), copied_rows) << "the rows never reached the database file";
}

TEST_F(checkpointer_test, the_wal_starts_over_while_writes_go_on) {
  checkpointer copier(file_.path(), 100, 20);
  copier.watch(writer_);
  for (int i = 0; i < 500; ++i) write_pages(writer_);  // 5,000 pages, 20 MB
  EXPECT_LT(std::filesystem::file_size(file_.path() + "-wal"), std::uintmax_t{2000} * 4096)
      << "the WAL kept every page ever written";
}

}  // namespace
}  // namespace zomato::store::sqlite
