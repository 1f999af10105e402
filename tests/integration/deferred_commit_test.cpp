#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <optional>
#include <thread>

#include "services/restaurant_service.hpp"
#include "store/sqlite/database.hpp"
#include "support/factories.hpp"
#include "support/temp_database.hpp"

namespace zomato::store::sqlite {
namespace {

using namespace std::chrono_literals;
using testing::restaurant_named;

class DeferredCommit : public ::testing::Test {
 protected:
  std::int64_t restaurants_seen() { return restaurants.list({}, {}).total; }

  zomato::testing::temp_database file;
  database db{file.path()};
  services::restaurant_service restaurants{db};
};

TEST_F(DeferredCommit, NothingCommittedIsDurableAtOnce) {
  database::deferral deferred;
  std::optional<bool> told;
  db.when_durable([&](bool committed) { told = committed; });
  EXPECT_EQ(told, true);
}

TEST_F(DeferredCommit, ACommitThatClosesItsGroupIsDurableAtOnce) {
  database::deferral deferred;
  ASSERT_TRUE(restaurants.create(restaurant_named("Alone Kitchen")).ok());
  std::optional<bool> told;
  db.when_durable([&](bool committed) { told = committed; });
  EXPECT_EQ(told, true);
  EXPECT_EQ(restaurants_seen(), 1);
}

// A commit while another writer queues does not wait for the group: readers do not see it
// yet and its acknowledgement comes once the next writer closes the group.
TEST_F(DeferredCommit, ACommitWithAWriterQueuedIsAcknowledgedWhenTheGroupCommits) {
  bool deferred_once = false;
  for (int attempt = 0; attempt < 50 && !deferred_once; ++attempt) {
    const auto before = restaurants_seen();
    std::optional<bool> told;
    std::atomic<bool> queued{false};
    std::atomic<bool> release_second{false};
    std::thread second;
    {
      database::deferral deferred;
      auto tx = db.write();
      auto first = restaurant_named("First Kitchen " + std::to_string(attempt));
      first.created_at = first.updated_at = "2026-01-01T00:00:00";
      tx->restaurants().insert(first);
      second = std::thread([&] {
        queued = true;
        auto next = db.write();
        while (!release_second) std::this_thread::sleep_for(1ms);
        auto other = restaurant_named("Second Kitchen " + std::to_string(attempt));
        other.created_at = other.updated_at = "2026-01-01T00:00:00";
        next->restaurants().insert(other);
        next->commit();
      });
      while (!queued) std::this_thread::sleep_for(1ms);
      std::this_thread::sleep_for(20ms);  // the second writer is queued for the writer by now
      tx->commit();
      db.when_durable([&](bool committed) { told = committed; });
    }
    if (!told) {
      deferred_once = true;
      EXPECT_EQ(restaurants_seen(), before) << "not visible before the group commits";
    }
    release_second = true;
    second.join();
    EXPECT_EQ(told, true);
    EXPECT_EQ(restaurants_seen(), before + 2);
  }
  EXPECT_TRUE(deferred_once) << "the second writer never queued in time";
}

TEST_F(DeferredCommit, WithoutADeferralACommitWaitsForItsGroup) {
  std::atomic<bool> queued{false};
  std::atomic<bool> release_second{false};
  std::thread second;
  {
    auto tx = db.write();
    auto first = restaurant_named("First Kitchen");
    first.created_at = first.updated_at = "2026-01-01T00:00:00";
    tx->restaurants().insert(first);
    second = std::thread([&] {
      queued = true;
      auto next = db.write();
      release_second.wait(false);
      next->commit();
    });
    while (!queued) std::this_thread::sleep_for(1ms);
    std::this_thread::sleep_for(20ms);
    std::thread releaser([&] {
      std::this_thread::sleep_for(50ms);
      release_second = true;
      release_second.notify_all();
    });
    tx->commit();
    EXPECT_EQ(restaurants_seen(), 1) << "commit() returns once its group has committed";
    releaser.join();
  }
  second.join();
}

}  // namespace
}  // namespace zomato::store::sqlite
