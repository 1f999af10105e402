#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <optional>
#include <thread>
#include <vector>

#include "services/restaurant_service.hpp"
#include "support/factories.hpp"
#include "support/open_store.hpp"
#include "support/temp_database.hpp"

namespace zomato::store {
namespace {

using namespace std::chrono_literals;
using testing::restaurant_named;

class CommitTicket : public ::testing::Test {
 protected:
  std::int64_t restaurants_seen() { return restaurants.list({}, {}).total; }
  std::optional<bool> told_for(commit_ticket ticket) {
    std::optional<bool> told;
    db.when_durable(ticket, [&](bool kept) { told = kept; });
    return told;
  }
  std::optional<bool> told_for(const services::write_context& writes) {
    std::optional<bool> told;
    writes.when_durable(db, [&](bool kept) { told = kept; });
    return told;
  }
  static domain::restaurant row_named(const std::string& name) {
    auto row = restaurant_named(name);
    row.created_at = row.updated_at = "2026-01-01T00:00:00";
    return row;
  }

  zomato::testing::temp_database file;
  std::unique_ptr<database> opened = zomato::testing::open_store(file);
  database& db = *opened;
  services::restaurant_service restaurants{db};
};

TEST_F(CommitTicket, NothingCommittedIsDurableAtOnce) { EXPECT_EQ(told_for(commit_ticket{}), true); }

TEST_F(CommitTicket, ACommitThatClosesItsGroupIsDurableAtOnce) {
  services::write_context writes;
  ASSERT_TRUE(restaurants.create(writes, restaurant_named("Alone Kitchen")).ok());
  EXPECT_EQ(told_for(writes), true);
  EXPECT_EQ(restaurants_seen(), 1);
}

// A commit while another writer queues does not wait for the group: readers do not see it
// yet, and its ticket is durable once the next writer closes the group. Dropping the first
// lease after its commit leaves the second writer's savepoint alone.
TEST_F(CommitTicket, ACommitWithAWriterQueuedIsDurableWhenTheGroupCommits) {
  if (zomato::testing::on_postgres()) GTEST_SKIP() << "SQLite's group commit: on PostgreSQL each COMMIT is durable";
  bool deferred_once = false;
  for (int attempt = 0; attempt < 50 && !deferred_once; ++attempt) {
    const auto before = restaurants_seen();
    std::optional<bool> told;
    std::atomic<bool> queued{false};
    std::atomic<bool> release_second{false};
    std::thread second;
    {
      auto tx = db.write();
      auto first = row_named("First Kitchen " + std::to_string(attempt));
      tx->restaurants().insert(first);
      second = std::thread([&] {
        queued = true;
        auto next = db.write();
        while (!release_second) std::this_thread::sleep_for(1ms);
        auto row = row_named("Second Kitchen " + std::to_string(attempt));
        next->restaurants().insert(row);
        next->commit();
      });
      while (!queued) std::this_thread::sleep_for(1ms);
      std::this_thread::sleep_for(20ms);  // the second writer is queued for the writer by now
      const auto ticket = tx->commit();
      db.when_durable(ticket, [&](bool kept) { told = kept; });
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

TEST_F(CommitTicket, ALeaseDroppedWithoutCommitRollsBackOnlyItsOwnWrites) {
  {
    auto tx = db.write();
    auto kept = row_named("Kept Kitchen");
    tx->restaurants().insert(kept);
    tx->commit();
  }
  {
    auto tx = db.write();
    auto dropped = row_named("Dropped Kitchen");
    tx->restaurants().insert(dropped);
  }
  EXPECT_EQ(restaurants_seen(), 1);
}

// The dropped lease shares its group with a commit still waiting for that group: only the
// dropped writes go, and the waiting commit is kept once the group ends.
TEST_F(CommitTicket, ALeaseDroppedInASharedGroupLeavesTheOtherMembersWrites) {
  if (zomato::testing::on_postgres()) GTEST_SKIP() << "SQLite's group commit: on PostgreSQL each COMMIT is durable";
  bool shared_once = false;
  for (int attempt = 0; attempt < 50 && !shared_once; ++attempt) {
    const auto before = restaurants_seen();
    // Told on whichever thread ends the group, maybe the second writer's while this one reads it.
    constexpr int untold = -1;
    std::atomic<int> told{untold};
    std::atomic<bool> queued{false};
    std::thread second;
    {
      auto tx = db.write();
      auto kept = row_named("Shared Kept " + std::to_string(attempt));
      tx->restaurants().insert(kept);
      second = std::thread([&] {
        queued = true;
        auto next = db.write();
        auto dropped = row_named("Shared Dropped " + std::to_string(attempt));
        next->restaurants().insert(dropped);
      });
      while (!queued) std::this_thread::sleep_for(1ms);
      std::this_thread::sleep_for(20ms);  // the second writer is queued for the writer by now
      db.when_durable(tx->commit(), [&](bool kept_now) { told = kept_now ? 1 : 0; });
    }
    shared_once = told == untold;
    second.join();
    EXPECT_EQ(told, 1);
    EXPECT_EQ(restaurants_seen(), before + 1);
  }
  EXPECT_TRUE(shared_once) << "the second writer never queued in time";
}

struct counting_listener final : services::change_listener {
  void changed(services::change, const services::touched&) override { ++told; }
  int told = 0;
};

TEST_F(CommitTicket, TheWriteContextTellsEachChangeAtOnceAndKeepsThemAll) {
  counting_listener cache;
  services::write_context writes(cache);
  ASSERT_TRUE(restaurants.create(writes, restaurant_named("First Told")).ok());
  EXPECT_EQ(cache.told, 1);
  ASSERT_TRUE(restaurants.create(writes, restaurant_named("Second Told")).ok());
  EXPECT_EQ(cache.told, 2);
  ASSERT_EQ(writes.changes().size(), 2u);
  EXPECT_EQ(writes.changes()[0].first, services::change::restaurant_created);
  EXPECT_EQ(told_for(writes), true);
  EXPECT_FALSE(restaurants.create(writes, restaurant_named("First Told")).ok()) << "the name is taken";
  EXPECT_EQ(cache.told, 2) << "a refused write tells nothing";
}

TEST_F(CommitTicket, EachWriteThatChangesSomethingGetsTheNextNumberWithoutGaps) {
  services::write_context writes;
  ASSERT_TRUE(restaurants.create(writes, restaurant_named("Counted First")).ok());
  ASSERT_TRUE(restaurants.create(writes, restaurant_named("Counted Second")).ok());
  EXPECT_EQ(writes.numbers(), (std::vector<std::uint64_t>{1, 2}));
  {
    auto dropped = db.write();
    EXPECT_EQ(dropped->write_count().count(true), 3u);
  }  // rolled back: its number goes back too
  EXPECT_FALSE(restaurants.create(writes, restaurant_named("Counted First")).ok()) << "refused: counts nothing";
  ASSERT_TRUE(restaurants.create(writes, restaurant_named("Counted Third")).ok());
  EXPECT_EQ(writes.numbers().back(), 3u);
  EXPECT_EQ(told_for(writes), true);
  EXPECT_EQ(db.read()->write_count().counted().writes, 3u);
}

struct out_of_touch_listener final : services::change_listener {
  void changed(services::change, const services::touched&) override {}
  bool can_announce() const override { return false; }
};

TEST_F(CommitTicket, AWriteItsListenerCannotAnnounceIsCountedUnannouncedAndNotNumbered) {
  out_of_touch_listener cache;
  services::write_context writes(cache);
  ASSERT_TRUE(restaurants.create(writes, restaurant_named("Unheard Of")).ok());
  EXPECT_TRUE(writes.numbers().empty());
  EXPECT_EQ(told_for(writes), true);
  const auto tally = db.read()->write_count().counted();
  EXPECT_EQ(tally.writes, 1u);
  EXPECT_EQ(tally.unannounced, 1u);
  {
    auto marking = db.write();
    marking->write_count().mark_unannounced();
    marking->commit();
  }
  EXPECT_EQ(db.read()->write_count().counted().unannounced, 2u);
}

}  // namespace
}  // namespace zomato::store
