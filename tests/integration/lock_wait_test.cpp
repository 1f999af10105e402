// How a connection waits for the write lock another process holds (connection::wait_for_locks).
#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <optional>
#include <thread>

#include "store/sqlite/connection.hpp"
#include "support/temp_database.hpp"

namespace zomato::store::sqlite {
namespace {

using namespace std::chrono_literals;

// Another process's connection holding the write lock, and this one's, which waits for it.
class LockWait : public ::testing::Test {
 protected:
  void SetUp() override {
    if (testing::on_postgres()) GTEST_SKIP() << "SQLite's file lock";
    holder.emplace(file.path());
    waiter.emplace(file.path());
    holder->execute("PRAGMA journal_mode = WAL; CREATE TABLE t (x INTEGER)");
    holder->execute("BEGIN IMMEDIATE");
  }

  testing::temp_database file;
  std::optional<connection> holder;
  std::optional<connection> waiter;
};

// The other process lets go 335 ms in, just after the 12th of SQLite's own tries (1, 2, 5 ...
// then 100 ms apart), which would have slept until 428 ms: the waiting writer takes the lock
// within moments of its release instead.
TEST_F(LockWait, AWriterTakesTheLockSoonAfterAnotherProcessLetsGo) {
  waiter->wait_for_locks(2s);
  const auto start = std::chrono::steady_clock::now();
  auto released = std::async(std::launch::async, [&] {
    std::this_thread::sleep_until(start + 335ms);
    holder->execute("COMMIT");
    return std::chrono::steady_clock::now();
  });
  waiter->execute("BEGIN IMMEDIATE");
  const auto taken = std::chrono::steady_clock::now();
  waiter->execute("COMMIT");
  EXPECT_LT(taken - released.get(), 50ms);
}

TEST_F(LockWait, AWriterGivesUpAsBusyOnceItsWaitIsOver) {
  waiter->wait_for_locks(100ms);
  const auto start = std::chrono::steady_clock::now();
  EXPECT_THROW(waiter->execute("BEGIN IMMEDIATE"), store::unavailable);
  const auto waited = std::chrono::steady_clock::now() - start;
  EXPECT_GE(waited, 100ms);
  EXPECT_LT(waited, 1s);
  holder->execute("COMMIT");
}

}  // namespace
}  // namespace zomato::store::sqlite
