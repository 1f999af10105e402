#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <thread>

#include "services/restaurant_service.hpp"
#include "store/sqlite/connection.hpp"
#include "support/factories.hpp"
#include "support/open_store.hpp"
#include "support/temp_database.hpp"
#include "support/write_lock_holder.hpp"

namespace zomato::store {
namespace {

using namespace std::chrono_literals;
using sqlite::connection;
using testing::on_postgres;
using testing::restaurant_named;

std::optional<unavailable_reason> reason_of_create(services::restaurant_service& restaurants, const std::string& name) {
  services::write_context writes;
  try {
    (void)restaurants.create(writes, restaurant_named(name));
  } catch (const unavailable& failure) {
    return failure.reason();
  }
  return std::nullopt;
}

// Polls unwritable() (it probes at most once a second) until it says `wanted`, for at most 15 s.
std::optional<unavailable_reason> settle(database& db, std::optional<unavailable_reason> wanted) {
  auto seen = db.unwritable();
  for (int i = 0; i < 150 && seen != wanted; ++i) {
    std::this_thread::sleep_for(100ms);
    seen = db.unwritable();
  }
  return seen;
}

// Another process's connection, as sqlite3, psql or a second server would hold it.
class LockedDatabase : public ::testing::Test {
 protected:
  zomato::testing::temp_database file;
  std::unique_ptr<database> opened = zomato::testing::open_store(file, 100ms);
  database& db = *opened;
  services::restaurant_service restaurants{db};
  services::write_context writes;
  zomato::testing::write_lock_holder other{file};
};

TEST_F(LockedDatabase, AWriteWhileAnotherConnectionHoldsTheLockIsUnavailableAsBusy) {
  ASSERT_TRUE(restaurants.create(writes, restaurant_named("Before The Lock")).ok());
  other.take();
  EXPECT_EQ(reason_of_create(restaurants, "During The Lock"), unavailable_reason::busy);
  EXPECT_EQ(db.unwritable(), unavailable_reason::busy);
  EXPECT_EQ(restaurants.list({}, {}).total, 1) << "reads go on while the lock is held";
  other.release();
  ASSERT_TRUE(restaurants.create(writes, restaurant_named("After The Lock")).ok());
  EXPECT_EQ(db.unwritable(), std::nullopt);
  EXPECT_EQ(restaurants.list({}, {}).total, 2);
}

TEST_F(LockedDatabase, ReadinessComesBackByItselfOnceTheLockIsGone) {
  other.take();
  EXPECT_EQ(reason_of_create(restaurants, "Locked Out"), unavailable_reason::busy);
  EXPECT_EQ(settle(db, unavailable_reason::busy), unavailable_reason::busy) << "its probe finds the lock held";
  other.release();
  EXPECT_EQ(settle(db, std::nullopt), std::nullopt) << "its probe write succeeds without any request";
}

// Writes queued behind one that waits for the lock each fail as busy; the writer goes on after.
TEST_F(LockedDatabase, EveryQueuedWriteFailsAsBusyAndTheWriterGoesOn) {
  other.take();
  std::optional<unavailable_reason> first;
  std::optional<unavailable_reason> second;
  std::thread a([&] { first = reason_of_create(restaurants, "Queued One"); });
  std::thread b([&] { second = reason_of_create(restaurants, "Queued Two"); });
  a.join();
  b.join();
  EXPECT_EQ(first, unavailable_reason::busy);
  EXPECT_EQ(second, unavailable_reason::busy);
  other.release();
  EXPECT_TRUE(restaurants.create(writes, restaurant_named("Queued Three")).ok());
}

// SQLite's own page limit makes a real SQLITE_FULL: what a full disk gives a write.
TEST(FullDatabase, AWritePastTheSpaceLeftIsUnavailableAsFullAndTheNextOneFits) {
  if (on_postgres()) GTEST_SKIP() << "SQLite's page limit and connection";
  zomato::testing::temp_database file;
  connection db(file.path());
  db.execute("CREATE TABLE blobs (data BLOB)");
  db.execute("PRAGMA max_page_count = 20");
  std::optional<unavailable_reason> reason;
  try {
    for (int i = 0; i < 100; ++i) db.execute("INSERT INTO blobs VALUES (randomblob(4000))");
  } catch (const unavailable& failure) {
    reason = failure.reason();
  }
  EXPECT_EQ(reason, unavailable_reason::full);
  EXPECT_EQ(db.take_unavailable(), unavailable_reason::full);
  EXPECT_EQ(db.take_unavailable(), std::nullopt);
  db.execute("DELETE FROM blobs");
  EXPECT_NO_THROW(db.execute("INSERT INTO blobs VALUES (randomblob(4000))")) << "freed space is used again";
}

TEST(FailureKinds, AFailureWaitingDoesNotCureIsAnErrorNotUnavailable) {
  if (on_postgres()) GTEST_SKIP() << "SQLite's connection";
  zomato::testing::temp_database file;
  connection db(file.path());
  db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY)");
  db.execute("INSERT INTO t VALUES (1)");
  EXPECT_THROW(db.execute("INSERT INTO t VALUES (1)"), sqlite::error);
  EXPECT_EQ(db.take_unavailable(), std::nullopt);
}

}  // namespace
}  // namespace zomato::store
