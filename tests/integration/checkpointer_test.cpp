#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <thread>

#include "store/sqlite/checkpointer.hpp"
#include "store/sqlite/connection.hpp"
#include "support/temp_database.hpp"

namespace zomato::store::sqlite {
namespace {

using namespace std::chrono_literals;

// Ten rows of 4 KB each: at least ten WAL pages per call.
void write_pages(connection& writer) {
  writer.execute("BEGIN IMMEDIATE");
  for (int i = 0; i < 10; ++i) writer.execute("INSERT INTO blobs (data) VALUES (randomblob(4000))");
  writer.execute("COMMIT");
}

class checkpointer_test : public ::testing::Test {
 protected:
  void SetUp() override {
    if (testing::on_postgres()) GTEST_SKIP() << "SQLite's WAL and its checkpoints";
    writer_.emplace(file_.path());
    writer().execute("PRAGMA journal_mode = WAL");
    writer().execute("CREATE TABLE blobs (id INTEGER PRIMARY KEY, data BLOB)");
  }
  std::uintmax_t file_size() const { return std::filesystem::file_size(file_.path()); }
  connection& writer() { return *writer_; }

  testing::temp_database file_;
  std::optional<connection> writer_;
};

TEST_F(checkpointer_test, commits_leave_the_wal_alone_below_the_threshold) {
  checkpointer copier(file_.path(), {.pages = 1000000, .inline_pages = 100, .limit_pages = 2000000, .idle = 1h});
  copier.watch(writer());
  const auto before = file_size();
  for (int i = 0; i < 120; ++i) write_pages(writer());  // past SQLite's own 1000-page checkpoint
  EXPECT_EQ(file_size(), before) << "a commit checkpointed by itself";
}

TEST_F(checkpointer_test, copies_the_wal_into_the_file_once_it_has_grown_past_the_threshold) {
  checkpointer copier(file_.path(), {.pages = 50, .inline_pages = 10, .limit_pages = 1000000, .idle = 1h});
  copier.watch(writer());
  const auto before = file_size();
  for (int i = 0; i < 10; ++i) write_pages(writer());
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
  checkpointer copier(file_.path(), {.pages = 100, .inline_pages = 20, .limit_pages = 300, .idle = 1h});
  copier.watch(writer());
  for (int i = 0; i < 500; ++i) write_pages(writer());  // 5,000 pages, 20 MB
  EXPECT_LT(std::filesystem::file_size(file_.path() + "-wal"), std::uintmax_t{2000} * 4096)
      << "the WAL kept every page ever written";
}

std::uintmax_t wal_size(const std::string& path) {
  std::error_code ignored;
  const auto size = std::filesystem::file_size(path + "-wal", ignored);
  return ignored ? 0 : size;
}

// Polls for at most 15 s until the WAL file is empty; its size then.
std::uintmax_t wal_once_emptied(const std::string& path) {
  for (int i = 0; i < 1500 && wal_size(path) > 0; ++i) std::this_thread::sleep_for(10ms);
  return wal_size(path);
}

// Passes that never finish a cycle (the writer's share is 0 pages) leave the limit to do it.
TEST_F(checkpointer_test, the_wal_stays_within_its_limit_while_writes_go_on) {
  checkpointer copier(file_.path(), {.pages = 50, .inline_pages = 0, .limit_pages = 200, .idle = 1h});
  copier.watch(writer());
  std::uintmax_t largest = 0;
  for (int i = 0; i < 300; ++i) {  // 3,000 pages
    write_pages(writer());
    largest = std::max(largest, wal_size(file_.path()));
  }
  // The limit, one more transaction, and the frame headers.
  EXPECT_LE(largest, std::uintmax_t{220} * (4096 + 24) + 32);
}

TEST_F(checkpointer_test, the_wal_file_is_emptied_once_writes_stop) {
  checkpointer copier(file_.path(), {.pages = 1000000, .inline_pages = 0, .limit_pages = 2000000, .idle = 100ms});
  copier.watch(writer());
  for (int i = 0; i < 50; ++i) write_pages(writer());
  EXPECT_GT(wal_size(file_.path()), 0u);
  EXPECT_EQ(wal_once_emptied(file_.path()), 0u);
  connection reader(file_.path());
  auto rows = reader.use("SELECT COUNT(*) FROM blobs");
  rows.next();
  EXPECT_EQ(rows.integer(0), 500) << "every row is in the database file";
}

// A reader that keeps one snapshot open holds the WAL; writes go on meanwhile, and the WAL
// is emptied once the reader lets go.
TEST_F(checkpointer_test, a_reader_holding_a_snapshot_delays_the_bound_but_fails_nothing) {
  checkpointer copier(file_.path(),
                      {.pages = 50, .inline_pages = 0, .limit_pages = 100, .reader_wait = 10ms, .idle = 100ms});
  copier.watch(writer());
  write_pages(writer());
  connection reader(file_.path());
  reader.execute("BEGIN");
  {
    auto rows = reader.use("SELECT COUNT(*) FROM blobs");
    rows.next();
    EXPECT_EQ(rows.integer(0), 10);
  }
  for (int i = 0; i < 30; ++i) EXPECT_NO_THROW(write_pages(writer()));
  EXPECT_GT(wal_size(file_.path()), std::uintmax_t{100} * 4096) << "the snapshot keeps the WAL";
  reader.execute("COMMIT");
  EXPECT_EQ(wal_once_emptied(file_.path()), 0u);
}

// Another process writes the file while this one's writer is idle, and a reader keeps a
// snapshot: emptying the WAL would hold that process's writes until the reader let go, so
// this checkpointer waits until no process has written for `idle`, then empties it.
TEST_F(checkpointer_test, an_idle_writer_leaves_the_wal_alone_while_another_process_writes) {
  checkpointer copier(
      file_.path(), {.pages = 1000000, .inline_pages = 0, .limit_pages = 2000000, .reader_wait = 500ms, .idle = 50ms});
  copier.watch(writer());
  connection other(file_.path());
  write_pages(other);
  connection reader(file_.path());
  reader.execute("BEGIN");
  {
    auto rows = reader.use("SELECT COUNT(*) FROM blobs");
    rows.next();
  }
  auto slowest = std::chrono::steady_clock::duration::zero();
  for (int i = 0; i < 50; ++i) {
    const auto start = std::chrono::steady_clock::now();
    write_pages(other);
    slowest = std::max(slowest, std::chrono::steady_clock::now() - start);
    std::this_thread::sleep_for(20ms);
  }
  reader.execute("COMMIT");
  EXPECT_LT(slowest, 200ms) << "the other process's writes waited for an emptying";
  EXPECT_EQ(copier.figures().truncations, 0u);
  EXPECT_EQ(wal_once_emptied(file_.path()), 0u) << "emptied once every process stopped writing";
  // Counted just after the file is cut.
  for (int i = 0; i < 100 && copier.figures().truncations == 0; ++i) std::this_thread::sleep_for(10ms);
  EXPECT_EQ(copier.figures().truncations, 1u);
}

}  // namespace
}  // namespace zomato::store::sqlite
