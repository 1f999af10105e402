#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "cache/redis_backend.hpp"
#include "support/redis_process.hpp"
#include "support/redis_settings.hpp"
#include "support/temp_database.hpp"

namespace zomato::cache {
namespace {

using namespace std::chrono_literals;
using testing::redis_process;

/// Polls until the condition holds or the bound passes; returns whether it held.
template <class Condition>
bool eventually(Condition condition, std::chrono::milliseconds bound = 10s) {
  const auto deadline = std::chrono::steady_clock::now() + bound;
  while (std::chrono::steady_clock::now() < deadline) {
    if (condition()) return true;
    std::this_thread::sleep_for(50ms);
  }
  return condition();
}

class redis_backend_test : public ::testing::Test {
 protected:
  void SetUp() override {
    if (testing::on_postgres()) GTEST_SKIP() << testing::uses_no_database;
    server_ = std::make_unique<redis_process>();
  }
  redis_process& server() { return *server_; }

 private:
  std::unique_ptr<redis_process> server_;
};

TEST_F(redis_backend_test, put_then_get_round_trips_body_etag_and_target) {
  redis_backend redis(testing::redis_settings_for(server().port()));
  const auto stored = testing::sample_entry(R"({"restaurants":[],"total":0})");
  redis.put("zc:test:1", stored, 60s);
  const auto found = redis.get("zc:test:1");
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->body, stored.body);
  EXPECT_EQ(found->etag, stored.etag);
  EXPECT_EQ(found->target, stored.target);
  EXPECT_EQ(redis.failures(), 0u);
  EXPECT_TRUE(redis.available());
}

TEST_F(redis_backend_test, bodies_with_newlines_and_nul_bytes_survive) {
  redis_backend redis(testing::redis_settings_for(server().port()));
  std::string body = "line one\nline two\r\n";
  body.push_back('\0');
  body += "after nul\n\n";
  redis.put("zc:binary", testing::sample_entry(body), 60s);
  const auto found = redis.get("zc:binary");
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->body, body);
  EXPECT_EQ(found->etag, etag_of(body));
}

TEST_F(redis_backend_test, a_missing_key_is_nullopt_and_not_a_failure) {
  redis_backend redis(testing::redis_settings_for(server().port()));
  EXPECT_FALSE(redis.get("zc:absent").has_value());
  EXPECT_EQ(redis.failures(), 0u);
  EXPECT_TRUE(redis.available());
}

TEST_F(redis_backend_test, put_overwrites) {
  redis_backend redis(testing::redis_settings_for(server().port()));
  redis.put("zc:key", testing::sample_entry("first"), 60s);
  redis.put("zc:key", testing::sample_entry("second"), 60s);
  const auto found = redis.get("zc:key");
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->body, "second");
}

TEST_F(redis_backend_test, put_sets_the_ttl) {
  redis_backend redis(testing::redis_settings_for(server().port()));
  redis.put("zc:ttl", testing::sample_entry("expiring"), 90s);
  const auto ttl = server().ask({"TTL", "zc:ttl"});
  ASSERT_EQ(ttl.substr(0, 1), ":") << ttl;
  const auto seconds = std::stoi(ttl.substr(1));
  EXPECT_GT(seconds, 80);
  EXPECT_LE(seconds, 90);
}

TEST_F(redis_backend_test, an_entry_is_gone_after_its_ttl) {
  redis_backend redis(testing::redis_settings_for(server().port()));
  redis.put("zc:short", testing::sample_entry("short lived"), 1s);
  ASSERT_TRUE(redis.get("zc:short").has_value());
  EXPECT_TRUE(eventually([&] { return !redis.get("zc:short").has_value(); }, 5s));
  EXPECT_EQ(redis.failures(), 0u);
}

TEST_F(redis_backend_test, the_configured_database_is_selected) {
  redis_backend redis(testing::redis_settings_for(server().port(), 3));
  redis.put("zc:db3", testing::sample_entry("in database three"), 60s);
  ASSERT_TRUE(redis.get("zc:db3").has_value());
  EXPECT_EQ(server().ask({"EXISTS", "zc:db3"}), ":0") << "the key must not be in database 0";
  redis_backend other(testing::redis_settings_for(server().port(), 0));
  EXPECT_FALSE(other.get("zc:db3").has_value());
}

TEST_F(redis_backend_test, info_reports_the_live_server) {
  redis_backend redis(testing::redis_settings_for(server().port()));
  const auto info = redis.info();
  EXPECT_TRUE(info.connected);
  EXPECT_FALSE(info.version.empty());
  EXPECT_EQ(info.version.substr(0, 1).find_first_of("0123456789"), 0u) << info.version;
  EXPECT_GT(info.used_memory, 0);
  EXPECT_FALSE(info.used_memory_human.empty());
  EXPECT_GE(info.connected_clients, 1);
  EXPECT_GE(info.uptime_seconds, 0);
  EXPECT_GE(info.ping_ms, 0.0);
  EXPECT_GE(info.max_memory, 0);
}

TEST_F(redis_backend_test, scan_stats_counts_the_matching_keys_and_their_memory) {
  redis_backend redis(testing::redis_settings_for(server().port()));
  for (int i = 0; i < 5; ++i) redis.put("zc:a:" + std::to_string(i), testing::sample_entry(std::string(100, 'a')), 60s);
  for (int i = 0; i < 3; ++i) redis.put("zc:b:" + std::to_string(i), testing::sample_entry(std::string(100, 'b')), 60s);
  const auto a = redis.scan_stats("zc:a:*");
  EXPECT_EQ(a.keys, 5);
  EXPECT_GE(a.bytes, 5 * 100);
  const auto b = redis.scan_stats("zc:b:*");
  EXPECT_EQ(b.keys, 3);
  EXPECT_GT(b.bytes, 0);
  const auto all = redis.scan_stats("zc:*");
  EXPECT_EQ(all.keys, 8);
  EXPECT_EQ(all.bytes, a.bytes + b.bytes);
  const auto none = redis.scan_stats("zc:none:*");
  EXPECT_EQ(none.keys, 0);
  EXPECT_EQ(none.bytes, 0);
}

TEST_F(redis_backend_test, scan_stats_walks_every_page) {
  redis_backend redis(testing::redis_settings_for(server().port()));
  for (int i = 0; i < 2500; ++i) redis.put("zc:many:" + std::to_string(i), testing::sample_entry("x"), 60s);
  EXPECT_EQ(redis.scan_stats("zc:many:*").keys, 2500);
}

TEST_F(redis_backend_test, unlink_if_removes_only_the_unwanted_keys) {
  redis_backend redis(testing::redis_settings_for(server().port()));
  for (int i = 0; i < 5; ++i) redis.put("zc:keep:" + std::to_string(i), testing::sample_entry("keep"), 60s);
  for (int i = 0; i < 4; ++i) redis.put("zc:drop:" + std::to_string(i), testing::sample_entry("drop"), 60s);
  redis.put("other:drop:1", testing::sample_entry("outside the pattern"), 60s);
  const auto removed =
      redis.unlink_if("zc:*", [](const std::string& key) { return key.find(":drop:") != std::string::npos; });
  EXPECT_EQ(removed, 4);
  EXPECT_EQ(redis.scan_stats("zc:keep:*").keys, 5);
  EXPECT_EQ(redis.scan_stats("zc:drop:*").keys, 0);
  EXPECT_FALSE(redis.get("zc:drop:2").has_value());
  EXPECT_TRUE(redis.get("zc:keep:2").has_value());
  EXPECT_TRUE(redis.get("other:drop:1").has_value()) << "keys outside the pattern stay";
  EXPECT_EQ(redis.unlink_if("zc:*", [](const std::string&) { return false; }), 0);
}

TEST_F(redis_backend_test, concurrent_callers_share_the_pool) {
  redis_backend redis(testing::redis_settings_for(server().port()));
  std::vector<std::thread> workers;
  std::atomic<int> wrong{0};
  for (int t = 0; t < 4; ++t) {
    workers.emplace_back([&, t] {
      for (int i = 0; i < 200; ++i) {
        const auto key = "zc:t" + std::to_string(t) + ":" + std::to_string(i);
        const auto body = "body " + std::to_string(t) + "/" + std::to_string(i);
        redis.put(key, testing::sample_entry(body), 60s);
        const auto found = redis.get(key);
        if (!found || found->body != body) ++wrong;
      }
    });
  }
  for (auto& worker : workers) worker.join();
  EXPECT_EQ(wrong.load(), 0);
  EXPECT_EQ(redis.failures(), 0u);
}

TEST(redis_backend_absent, nothing_listening_answers_nothing_and_counts_failures) {
  if (testing::on_postgres()) GTEST_SKIP() << testing::uses_no_database;
  const auto port = testing::free_loopback_port();
  redis_backend redis(testing::redis_settings_for(port));
  EXPECT_NO_THROW(redis.put("zc:key", testing::sample_entry("body"), 60s));
  EXPECT_GE(redis.failures(), 1u);
  EXPECT_FALSE(redis.available()) << "Redis is left alone for the retry pause";
  EXPECT_FALSE(redis.last_error().empty());
  EXPECT_FALSE(redis.get("zc:key").has_value());
  EXPECT_FALSE(redis.info().connected);
  EXPECT_EQ(redis.scan_stats("zc:*").keys, 0);
  EXPECT_EQ(redis.unlink_if("zc:*", [](const std::string&) { return true; }), 0);
}

TEST(redis_backend_absent, calls_during_the_pause_do_not_retry) {
  if (testing::on_postgres()) GTEST_SKIP() << testing::uses_no_database;
  const auto port = testing::free_loopback_port();
  auto s = testing::redis_settings_for(port);
  s.retry_after = 60s;
  redis_backend redis(s);
  EXPECT_FALSE(redis.get("zc:key").has_value());
  const auto after_first = redis.failures();
  EXPECT_EQ(after_first, 1u);
  for (int i = 0; i < 20; ++i) EXPECT_FALSE(redis.get("zc:key").has_value());
  EXPECT_EQ(redis.failures(), after_first) << "during the pause no connection is attempted";
  EXPECT_FALSE(redis.available());
}

TEST(redis_backend_absent, starts_working_once_redis_appears) {
  if (testing::on_postgres()) GTEST_SKIP() << testing::uses_no_database;
  const auto port = testing::free_loopback_port();
  redis_backend redis(testing::redis_settings_for(port));
  EXPECT_FALSE(redis.get("zc:key").has_value());
  EXPECT_GE(redis.failures(), 1u);
  redis_process late(port);
  EXPECT_TRUE(eventually([&] {
    redis.put("zc:key", testing::sample_entry("arrived"), 60s);
    const auto found = redis.get("zc:key");
    return found && found->body == "arrived";
  }));
  EXPECT_TRUE(redis.info().connected);
}

TEST_F(redis_backend_test, a_killed_server_fails_softly_and_recovery_is_automatic) {
  redis_backend redis(testing::redis_settings_for(server().port()));
  redis.put("zc:before", testing::sample_entry("before the crash"), 60s);
  ASSERT_TRUE(redis.get("zc:before").has_value());
  ASSERT_EQ(redis.failures(), 0u);

  server().kill();
  EXPECT_FALSE(redis.get("zc:before").has_value()) << "a dead server answers nothing";
  const auto failures_after_kill = redis.failures();
  EXPECT_GE(failures_after_kill, 1u);
  EXPECT_FALSE(redis.available()) << "the backend pauses after a failure";
  EXPECT_NO_THROW(redis.put("zc:during", testing::sample_entry("while down"), 60s));
  EXPECT_FALSE(redis.info().connected);

  // The pause ends by itself; the next attempt fails again while the server is down.
  ASSERT_TRUE(eventually([&] { return redis.available(); }, 5s));
  EXPECT_FALSE(redis.get("zc:before").has_value());
  EXPECT_GT(redis.failures(), failures_after_kill);

  server().start();  // same port
  EXPECT_TRUE(eventually([&] {
    redis.put("zc:after", testing::sample_entry("after the restart"), 60s);
    const auto found = redis.get("zc:after");
    return found && found->body == "after the restart";
  })) << "the backend must reconnect by itself";
  EXPECT_TRUE(redis.available());
  EXPECT_TRUE(redis.info().connected);
  EXPECT_FALSE(redis.get("zc:before").has_value()) << "the restarted server kept nothing (no persistence)";
}

TEST_F(redis_backend_test, a_restart_breaks_pooled_connections_only_once) {
  redis_backend redis(testing::redis_settings_for(server().port()));
  redis.put("zc:one", testing::sample_entry("one"), 60s);
  ASSERT_TRUE(redis.get("zc:one").has_value());
  server().stop();
  server().start();
  // The pooled connection is dead; the first call may fail, later calls must work again.
  EXPECT_TRUE(eventually([&] {
    redis.put("zc:two", testing::sample_entry("two"), 60s);
    return redis.get("zc:two").has_value();
  }));
  EXPECT_LE(redis.failures(), 3u);
}

}  // namespace
}  // namespace zomato::cache
