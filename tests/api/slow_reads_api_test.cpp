// Reads that take long (analytics over a seeded database, about 0.1 s each here) next to quick
// ones: one computation per missing key, the read pool's bound (503 with Retry-After past it),
// quick routes answered while slow reads wait, and entries past their TTL served stale while
// they are refreshed or when there is no room to compute them. No assertion is about time.

#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <latch>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "support/http_client.hpp"
#include "support/server_process.hpp"
#include "support/temp_database.hpp"

namespace zomato::testing {
namespace {

using namespace std::chrono_literals;

const std::string slow_read = "/analytics/popular-items?period=90d";
const std::string other_slow_read = "/analytics/popular-items?period=30d";
const std::vector<std::pair<std::string, std::string>> no_store{{"Cache-Control", "no-store"}};

class SlowReadsApi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    seeded_ = new temp_database;
    // Orders up to now (--now), so that the 30 and 90 days the reads cover hold orders whatever
    // the date: a window with none is quick to read, with an index (PostgreSQL).
    const auto command = "DATABASE_URL='" + seeded_->url() + "' '" + ZOMATO_SERVER_BINARY +
                         "' seed --restaurants 200 --menu-items-per-restaurant 10 --customers 2000 --orders 30000 "
                         "--seed 7 --now >/dev/null";
    ASSERT_EQ(std::system(command.c_str()), 0);
  }
  static void TearDownTestSuite() {
    delete seeded_;
    seeded_ = nullptr;
  }

  /// A server on the seeded database (these tests only read it).
  static std::unique_ptr<server_process> start(std::map<std::string, std::string> environment) {
    environment["DATABASE_URL"] = seeded_->url();
    return std::make_unique<server_process>(std::move(environment));
  }

  /// `count` threads, each with its own connection, released at once; every reply in thread order.
  static std::vector<http_reply> race(std::uint16_t port, int count,
                                      const std::function<http_reply(http_client&)>& ask) {
    std::vector<http_reply> replies(static_cast<std::size_t>(count));
    std::latch ready(count);
    std::vector<std::thread> threads;
    for (int i = 0; i < count; ++i) {
      threads.emplace_back([&, i] {
        http_client client(port);
        ready.arrive_and_wait();
        replies[static_cast<std::size_t>(i)] = ask(client);
      });
    }
    for (auto& thread : threads) thread.join();
    return replies;
  }

  static temp_database* seeded_;
};

temp_database* SlowReadsApi::seeded_ = nullptr;

TEST_F(SlowReadsApi, ManyReadsOfOneMissingKeyCauseOneComputationAndAllGetItsAnswer) {
  const auto server = start({});
  const auto replies = race(server->port(), 24, [](http_client& c) { return c.get(slow_read); });
  std::map<std::string, int> statuses;
  std::set<std::string> bodies;
  for (const auto& reply : replies) {
    EXPECT_EQ(reply.status, 200) << reply.body;
    ++statuses[reply.header("x-cache-status")];
    bodies.insert(reply.body);
  }
  EXPECT_EQ(statuses["MISS"], 1) << "one computation";
  EXPECT_EQ(statuses["MISS"] + statuses["COALESCED"] + statuses["HIT"], 24);
  EXPECT_EQ(bodies.size(), 1u) << "every read got the same answer";
}

TEST_F(SlowReadsApi, PastTheReadPoolAndItsQueueASlowReadIs503WithRetryAfter) {
  const auto server = start({{"READ_THREADS", "1"}, {"READ_QUEUE", "1"}});
  const auto replies = race(server->port(), 8, [](http_client& c) { return c.get(slow_read, no_store); });
  int refused = 0;
  for (const auto& reply : replies) {
    ASSERT_TRUE(reply.status == 200 || reply.status == 503) << reply.status << " " << reply.body;
    if (reply.status != 503) continue;
    ++refused;
    EXPECT_EQ(reply.header("retry-after"), "1");
    EXPECT_EQ(reply.json()["detail"], "Service unavailable: the server is busy; try again later");
  }
  EXPECT_GE(refused, 1) << "eight slow reads at once, room for two";
  EXPECT_LE(refused, 6) << "the one running and the one queued are answered";
  http_client http(server->port());
  EXPECT_EQ(http.get(slow_read, no_store).status, 200) << "the pool takes reads again once it has room";
}

TEST_F(SlowReadsApi, QuickRoutesAreAnsweredWhileSlowReadsWaitForThePool) {
  // A read by primary key is quick on SQLite only; on PostgreSQL it waits for the pool too.
  std::vector<std::string> quick_routes{"/health", "/"};
  if (!on_postgres()) quick_routes.emplace_back("/restaurants/1");
  const auto server = start({{"READ_THREADS", "1"}});
  std::mutex lock;
  std::vector<std::string> finished;
  std::latch sent(4);
  std::vector<std::thread> slow;
  for (int i = 0; i < 4; ++i) {
    slow.emplace_back([&] {
      http_client client(server->port());
      sent.count_down();
      const auto reply = client.get(slow_read, no_store);
      std::lock_guard guard(lock);
      finished.push_back("slow " + std::to_string(reply.status));
    });
  }
  sent.wait();
  http_client http(server->port());
  for (const auto& quick : quick_routes) {
    const auto reply = http.get(quick);
    EXPECT_EQ(reply.status, 200) << quick;
    std::lock_guard guard(lock);
    finished.push_back(quick);
  }
  for (auto& thread : slow) thread.join();
  ASSERT_EQ(finished.size(), 4 + quick_routes.size());
  EXPECT_EQ(finished.back(), "slow 200") << "four slow reads on one thread end after the quick ones";
}

TEST_F(SlowReadsApi, PastItsTtlAnEntryIsServedStaleWhileOneRefreshRuns) {
  const auto server =
      start({{"CACHE_TTL_SECONDS", "analytics=1"}, {"CACHE_STALE_WHILE_REVALIDATE_SECONDS", "analytics=60"}});
  http_client http(server->port());
  const auto first = http.get(slow_read);
  ASSERT_EQ(first.header("x-cache-status"), "MISS");
  EXPECT_EQ(first.header("cache-control"), "max-age=1, stale-while-revalidate=60, stale-if-error=600");
  std::this_thread::sleep_for(1100ms);

  const auto stale = http.get(slow_read);
  EXPECT_EQ(stale.status, 200);
  EXPECT_EQ(stale.header("x-cache-status"), "STALE");
  EXPECT_EQ(stale.body, first.body);
  EXPECT_TRUE(stale.header("cache-control").starts_with("max-age=0,")) << stale.header("cache-control");
  EXPECT_GE(std::stoi(stale.header("age")), 1);

  auto refreshed = http.get(slow_read);
  for (int i = 0; i < 100 && refreshed.header("x-cache-status") == "STALE"; ++i) {
    std::this_thread::sleep_for(20ms);
    refreshed = http.get(slow_read);
  }
  EXPECT_EQ(refreshed.header("x-cache-status"), "HIT") << "the refresh stored a fresh entry";
  EXPECT_EQ(refreshed.header("age"), "0");
}

TEST_F(SlowReadsApi, WithNoRoomToComputeAnExpiredEntryIsServedStaleIfError) {
  const auto server = start({{"CACHE_TTL_SECONDS", "analytics=1"},
                             {"CACHE_STALE_WHILE_REVALIDATE_SECONDS", "analytics=0"},
                             {"READ_THREADS", "1"},
                             {"READ_QUEUE", "0"}});
  http_client http(server->port());
  const auto first = http.get(slow_read);
  ASSERT_EQ(first.status, 200);
  // One client keeps the only read thread taken with slow reads, one after the other (a second
  // one would mostly be refused at once, and spin). While a read of the expired entry holds the
  // thread, this one is refused too, and waits a little before it asks again.
  std::atomic<bool> done{false};
  std::thread blocker([&] {
    http_client client(server->port());
    for (int n = 0; n < 2000 && !done; ++n) {
      if (client.get(other_slow_read, no_store).status == 503) std::this_thread::sleep_for(10ms);
    }
  });
  std::string seen;
  // An attempt that found the thread free computed and stored a newer entry: that one is stale next.
  auto stored = first.body;
  for (int attempt = 0; attempt < 20 && seen != "STALE-IF-ERROR"; ++attempt) {
    std::this_thread::sleep_for(1100ms);
    const auto reply = http.get(slow_read);
    ASSERT_EQ(reply.status, 200) << reply.body;
    seen = reply.header("x-cache-status");
    if (seen == "STALE-IF-ERROR") {
      EXPECT_EQ(reply.body, stored) << "the last entry stored, past its TTL";
    } else {
      stored = reply.body;
    }
  }
  done = true;
  blocker.join();
  EXPECT_EQ(seen, "STALE-IF-ERROR") << "while the only read thread is taken, the expired entry answers";
}

}  // namespace
}  // namespace zomato::testing
