#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "cache/response_cache.hpp"
#include "cache/route_rules.hpp"
#include "http/router.hpp"
#include "support/fleet_sync.hpp"
#include "support/redis_process.hpp"
#include "support/redis_settings.hpp"
#include "support/temp_database.hpp"

namespace zomato::cache {
namespace {

using namespace std::chrono_literals;
using services::change;
using testing::redis_process;

// One node of a fleet: a response cache in memory and in the test's Redis, with `ledger` as the
// database's count of writes.
struct node {
  explicit node(const redis_process& redis, write_ledger ledger = {}) : cache(settings_for(redis, std::move(ledger))) {}

  static cache_settings settings_for(const redis_process& redis, write_ledger ledger) {
    cache_settings settings;
    settings.ledger = std::move(ledger);
    settings.redis = testing::redis_settings_for(redis.port());
    settings.redis->timeout = 50ms;
    settings.fleet_bound = 300ms;  // a heartbeat late under a sanitizer must not leave the cache
    return settings;
  }

  // The Redis key of the restaurant's read; nullopt while the node does not use its cache (or
  // when its memory answers the read).
  std::optional<std::string> key_of_read(std::int64_t restaurant = 7) {
    const auto found = cache.look(request(), route(), values(restaurant));
    return found.plan ? cache.remote_key(*found.plan) : std::nullopt;
  }

  // Restaurant 7's read through the cache, counting the answers computed; its X-Cache-Status.
  std::string read(int& computed) {
    const auto answer = cache.serve(request(), route(), values(), [&] {
      return http::response{200, "{\"call\":" + std::to_string(++computed) + "}"};
    });
    for (const auto& [name, value] : answer.headers) {
      if (name == "x-cache-status") return value;
    }
    return "";
  }

  static http::request request() {
    http::request req;
    req.path = "/restaurants/7";
    return req;
  }
  static const http::route& route() {
    static const http::route target = [] {
      http::route r;
      r.pattern = "/restaurants/{restaurant_id}";
      r.cache = cached_in(cache_namespace::restaurants, 0, scope_kind::restaurant);
      return r;
    }();
    return target;
  }
  static http::params values(std::int64_t restaurant = 7) {
    http::params v;
    v.set("restaurant_id", restaurant);
    return v;
  }

  response_cache cache;
};

// Two nodes on one Redis, synced, and how many answers their reads computed.
class fleet_link_test : public ::testing::Test {
 protected:
  void SetUp() override {
    if (testing::on_postgres()) GTEST_SKIP() << testing::uses_no_database;
    ASSERT_TRUE(testing::fleet_synced(a.cache));
    ASSERT_TRUE(testing::fleet_synced(b.cache));
  }

  // A write committed in the shared database: its number.
  std::uint64_t commit_write() { return ++database_writes; }
  // The shared database's count, as each node reads and marks it.
  write_ledger ledger() {
    return {[this] {
              return std::optional<services::write_tally>({database_writes.load(), database_marks.load()});
            },
            [this] { return ++database_marks, true; }};
  }

  redis_process redis;
  std::atomic<std::uint64_t> database_writes{0};
  std::atomic<std::uint64_t> database_marks{0};
  node a{redis, ledger()};
  node b{redis, ledger()};
  int computed = 0;
};

// The epoch a Redis key names ("<prefix>:<epoch>:...").
std::string epoch_of(const std::optional<std::string>& key) {
  if (!key) return "";
  const auto first = key->find(':');
  return key->substr(first + 1, key->find(':', first + 1) - first - 1);
}

// Waits (at most 10 s) until `done` holds.
bool within_a_while(const std::function<bool()>& done) {
  for (int waited = 0; waited < 1000; ++waited) {
    if (done()) return true;
    std::this_thread::sleep_for(10ms);
  }
  return false;
}

TEST_F(fleet_link_test, a_write_moves_the_writer_at_once_and_the_others_within_the_bound) {
  const auto before = a.key_of_read();
  ASSERT_TRUE(before);
  EXPECT_EQ(b.key_of_read(), before) << "both nodes key the read alike";

  a.cache.settled({{change::restaurant_updated, {7, 0, 0}}});
  const auto after = a.key_of_read();
  ASSERT_TRUE(after);
  EXPECT_NE(after, before) << "the writer's own reads see its write as soon as it is settled";
  EXPECT_TRUE(within_a_while([&] { return b.key_of_read() == after; }));
  const auto fleet = b.cache.fleet_figures();
  EXPECT_GE(fleet.messages_received, 1u);
  EXPECT_EQ(fleet.delivery_ms.count, fleet.messages_received);
  EXPECT_EQ(a.cache.fleet_figures().bumps, 1u);

  a.cache.settled({{change::restaurant_updated, {8, 0, 0}}});
  EXPECT_TRUE(within_a_while([&] { return b.cache.fleet_figures().messages_received >= 2; }));
  EXPECT_EQ(b.key_of_read(), after) << "another restaurant's write leaves this scope";
}

TEST_F(fleet_link_test, a_write_marked_unannounced_in_the_database_moves_the_epoch_once_for_the_fleet) {
  const auto before = b.key_of_read(8);  // restaurant 8's: its read is never served from memory here
  ASSERT_TRUE(before);
  EXPECT_EQ(b.read(computed), "MISS");
  EXPECT_EQ(b.read(computed), "HIT");

  commit_write();
  ++database_marks;  // its writer knew it was out of touch with Redis
  EXPECT_TRUE(within_a_while([&] { return b.key_of_read(8) != before; }));
  EXPECT_EQ(b.read(computed), "MISS");
  EXPECT_TRUE(within_a_while([&] { return a.key_of_read(8) == b.key_of_read(8); }));
  EXPECT_EQ(std::stoull(epoch_of(b.key_of_read(8))), std::stoull(epoch_of(before)) + 1)
      << "both nodes saw the mark; the epoch moved once";
}

TEST_F(fleet_link_test, a_node_out_of_touch_marks_the_writes_it_could_not_announce) {
  redis.pause();
  EXPECT_TRUE(within_a_while([&] { return !a.cache.can_announce(); }));
  a.cache.settled({{change::restaurant_updated, {7, 0, 0}}}, {commit_write()});
  EXPECT_EQ(database_marks.load(), 1u) << "marked before the write is acknowledged";
  a.cache.settled({{change::restaurant_updated, {7, 0, 0}}});
  EXPECT_EQ(database_marks.load(), 1u) << "a write counted as unannounced in its own transaction needs no mark";
  redis.resume();
  EXPECT_TRUE(testing::fleet_synced(a.cache));
}

TEST_F(fleet_link_test, a_write_counted_but_never_announced_moves_the_epoch_once_for_the_fleet) {
  const auto before = b.key_of_read(8);  // restaurant 8's: its read is never served from memory here
  ASSERT_TRUE(before);
  EXPECT_EQ(b.read(computed), "MISS");
  EXPECT_EQ(b.read(computed), "HIT");

  commit_write();  // its writer lost Redis, or stopped, before announcing it
  EXPECT_TRUE(within_a_while([&] { return b.key_of_read(8) != before; }));
  EXPECT_EQ(b.read(computed), "MISS") << "nothing made before the unannounced write is served";
  EXPECT_GE(a.cache.fleet_figures().unannounced_writes_found + b.cache.fleet_figures().unannounced_writes_found, 1u);
  EXPECT_TRUE(within_a_while([&] { return a.key_of_read(8) == b.key_of_read(8); }));
  EXPECT_EQ(std::stoull(epoch_of(b.key_of_read(8))), std::stoull(epoch_of(before)) + 1)
      << "both nodes found it; the epoch moved once";
  EXPECT_TRUE(testing::fleet_synced(b.cache));
}

TEST_F(fleet_link_test, writes_announced_with_their_numbers_move_no_epoch) {
  const auto before = b.key_of_read(8);
  EXPECT_EQ(b.read(computed), "MISS");
  for (std::int64_t restaurant = 20; restaurant < 30; ++restaurant) {
    const auto number = commit_write();
    a.cache.settled({{change::restaurant_updated, {restaurant, 0, 0}}}, {number});
  }
  EXPECT_TRUE(within_a_while([&] { return b.cache.fleet_figures().messages_received >= 1; }));
  std::this_thread::sleep_for(3 * a.cache.fleet_figures().bound_ms * 1ms);  // past the grace, many heartbeats
  EXPECT_EQ(b.key_of_read(8), before) << "writes about other restaurants, all announced, move no epoch";
  EXPECT_EQ(b.read(computed), "HIT");
  EXPECT_EQ(a.cache.fleet_figures().unannounced_writes_found + b.cache.fleet_figures().unannounced_writes_found, 0u);
}

TEST_F(fleet_link_test, writes_settled_at_once_on_many_threads_each_see_their_own_at_once) {
  constexpr int writers = 6;
  constexpr int writes = 40;
  std::atomic<int> unseen{0};
  std::vector<std::thread> threads;
  for (int w = 0; w < writers; ++w) {
    threads.emplace_back([&, w] {
      for (int i = 0; i < writes; ++i) {
        const std::int64_t restaurant = 100 + w * writes + i;
        const auto before = a.key_of_read(restaurant);
        a.cache.settled({{change::restaurant_updated, {restaurant, 0, 0}}});
        if (!before || a.key_of_read(restaurant) == before) ++unseen;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(unseen.load(), 0) << "a write sent in another's script is applied before its own call returns";
  EXPECT_EQ(a.cache.fleet_figures().bumps, std::uint64_t{writers * writes});
  EXPECT_EQ(a.cache.fleet_figures().bump_failures, 0u);
  EXPECT_TRUE(within_a_while([&] {
    for (std::int64_t r = 100; r < 100 + writers * writes; ++r) {
      if (b.key_of_read(r) != a.key_of_read(r)) return false;
    }
    return true;
  })) << "the other node hears every one";
}

TEST_F(fleet_link_test, an_entry_one_node_stored_serves_the_other_and_a_node_started_later) {
  EXPECT_EQ(a.read(computed), "MISS");
  EXPECT_EQ(b.read(computed), "HIT");
  node later(redis);
  ASSERT_TRUE(testing::fleet_synced(later.cache));
  EXPECT_EQ(later.read(computed), "HIT");
  EXPECT_EQ(computed, 1);
}

TEST_F(fleet_link_test, a_node_that_loses_redis_serves_nothing_and_comes_back_under_a_new_epoch) {
  EXPECT_EQ(b.read(computed), "MISS");
  EXPECT_EQ(b.read(computed), "HIT");
  const auto before = b.key_of_read();

  redis.pause();
  EXPECT_TRUE(within_a_while([&] { return b.cache.fleet_figures().state != "synced"; }));
  a.cache.settled({{change::restaurant_updated, {7, 0, 0}}});  // unheard: Redis hangs
  EXPECT_EQ(b.read(computed), "MISS") << "unconfirmed, the node leaves its cache";
  EXPECT_EQ(b.read(computed), "MISS") << "nothing is stored meanwhile";
  redis.resume();

  ASSERT_TRUE(testing::fleet_synced(a.cache));
  ASSERT_TRUE(testing::fleet_synced(b.cache));
  const auto after = b.key_of_read();
  ASSERT_TRUE(after);
  EXPECT_NE(after, before) << "the epoch moved on: what Redis held before is never read";
  EXPECT_EQ(b.read(computed), "MISS");
  EXPECT_GE(a.cache.fleet_figures().resyncs + b.cache.fleet_figures().resyncs, 3u)
      << "the node whose write went unheard resynced (a node that only heard late need not)";
}

TEST_F(fleet_link_test, a_cut_subscription_resyncs_and_a_clear_reaches_every_node) {
  EXPECT_EQ(b.read(computed), "MISS");
  EXPECT_EQ(b.read(computed), "HIT");

  EXPECT_EQ(redis.ask({"CLIENT", "KILL", "TYPE", "pubsub"}).substr(0, 1), ":");
  EXPECT_TRUE(within_a_while([&] { return b.cache.fleet_figures().resyncs >= 2; }));
  ASSERT_TRUE(testing::fleet_synced(b.cache));
  EXPECT_EQ(b.read(computed), "MISS") << "a resync forgets what the node held";
  EXPECT_EQ(b.read(computed), "HIT");

  a.cache.clear_all();
  EXPECT_TRUE(within_a_while([&] { return b.read(computed) == "MISS"; })) << "a clear on one node clears them all";
}

}  // namespace
}  // namespace zomato::cache
