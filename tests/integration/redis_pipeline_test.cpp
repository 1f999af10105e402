#include <gtest/gtest.h>

#include <chrono>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "cache/redis_backend.hpp"
#include "cache/redis_pipeline.hpp"
#include "cache/response_cache.hpp"
#include "cache/route_rules.hpp"
#include "http/router.hpp"
#include "net/asio.hpp"
#include "support/fleet_sync.hpp"
#include "support/redis_process.hpp"
#include "support/redis_settings.hpp"
#include "support/temp_database.hpp"

namespace zomato::cache {
namespace {

using namespace std::chrono_literals;
using testing::redis_process;

// A loop with one pipeline on it; `ask` runs the loop until every answer is in.
class pipeline_on_a_loop {
 public:
  explicit pipeline_on_a_loop(redis_backend& backend) : pipeline_(loop_, backend) {}

  std::vector<std::optional<entry>> ask(const std::vector<std::string>& keys) {
    std::vector<std::optional<entry>> answers(keys.size());
    std::vector<int> order;
    for (std::size_t i = 0; i < keys.size(); ++i) {
      pipeline_.get(keys[i], [&answers, &order, i](std::optional<entry> found) {
        answers[i] = std::move(found);
        order.push_back(static_cast<int>(i));
      });
    }
    EXPECT_TRUE(order.empty()) << "answers come later, on the loop, never inside get()";
    loop_.restart();
    while (order.size() < keys.size() && loop_.run_one_for(10s) > 0) {
    }
    EXPECT_EQ(order.size(), keys.size()) << "every caller is answered";
    for (std::size_t i = 0; i < order.size(); ++i) EXPECT_EQ(order[i], static_cast<int>(i)) << "answers in order";
    return answers;
  }

  std::optional<entry> ask(const std::string& key) { return ask(std::vector<std::string>{key}).front(); }

 private:
  boost::asio::io_context loop_;
  redis_pipeline pipeline_;
};

TEST(redis_pipeline, finds_what_the_backend_stored_and_nothing_for_absent_keys) {
  if (testing::on_postgres()) GTEST_SKIP() << testing::uses_no_database;
  redis_process server;
  redis_backend backend(testing::redis_settings_for(server.port()));
  const auto stored = testing::sample_entry("{\"line\":\"one\\ntwo\"}\n\r\n");
  backend.put("zc:p:1", stored, 60s);
  pipeline_on_a_loop loop(backend);
  const auto found = loop.ask("zc:p:1");
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->body, stored.body);
  EXPECT_EQ(found->etag, stored.etag);
  EXPECT_EQ(found->target, stored.target);
  EXPECT_FALSE(loop.ask("zc:p:absent").has_value());
  EXPECT_EQ(backend.failures(), 0u);
}

TEST(redis_pipeline, many_reads_asked_together_each_get_their_own_answer) {
  if (testing::on_postgres()) GTEST_SKIP() << testing::uses_no_database;
  redis_process server;
  redis_backend backend(testing::redis_settings_for(server.port()));
  std::vector<std::string> keys;
  for (int i = 0; i < 500; ++i) {
    keys.push_back("zc:many:" + std::to_string(i));
    if (i % 3 != 0)
      backend.put(
          keys.back(),
          testing::sample_entry("body " + std::to_string(i) + std::string(static_cast<std::size_t>(i) * 7, 'x')), 60s);
  }
  pipeline_on_a_loop loop(backend);
  const auto answers = loop.ask(keys);
  for (int i = 0; i < 500; ++i) {
    const auto& found = answers[static_cast<std::size_t>(i)];
    if (i % 3 == 0) {
      EXPECT_FALSE(found.has_value()) << i;
    } else {
      ASSERT_TRUE(found.has_value()) << i;
      EXPECT_EQ(found->body, "body " + std::to_string(i) + std::string(static_cast<std::size_t>(i) * 7, 'x'));
    }
  }
  EXPECT_EQ(backend.failures(), 0u);
}

TEST(redis_pipeline, reads_the_configured_database) {
  if (testing::on_postgres()) GTEST_SKIP() << testing::uses_no_database;
  redis_process server;
  redis_backend in_three(testing::redis_settings_for(server.port(), 3));
  in_three.put("zc:db", testing::sample_entry("in database three"), 60s);
  pipeline_on_a_loop three(in_three);
  EXPECT_TRUE(three.ask("zc:db").has_value());
  redis_backend in_zero(testing::redis_settings_for(server.port()));
  pipeline_on_a_loop zero(in_zero);
  EXPECT_FALSE(zero.ask("zc:db").has_value());
}

TEST(redis_pipeline, without_redis_answers_nothing_and_pauses_the_backend) {
  if (testing::on_postgres()) GTEST_SKIP() << testing::uses_no_database;
  const auto port = testing::free_loopback_port();
  redis_backend backend(testing::redis_settings_for(port));
  pipeline_on_a_loop loop(backend);
  EXPECT_FALSE(loop.ask("zc:key").has_value());
  EXPECT_EQ(backend.failures(), 1u);
  EXPECT_FALSE(backend.available());
  EXPECT_FALSE(loop.ask("zc:key").has_value());
  EXPECT_EQ(backend.failures(), 1u) << "during the pause no connection is attempted";
}

TEST(redis_pipeline, a_hung_redis_is_given_up_after_the_timeout_and_used_again_later) {
  if (testing::on_postgres()) GTEST_SKIP() << testing::uses_no_database;
  redis_process server;
  redis_backend backend(testing::redis_settings_for(server.port()));
  backend.put("zc:key", testing::sample_entry("kept"), 60s);
  pipeline_on_a_loop loop(backend);
  ASSERT_TRUE(loop.ask("zc:key").has_value());
  server.pause();
  EXPECT_FALSE(loop.ask("zc:key").has_value());
  EXPECT_EQ(backend.failures(), 1u);
  EXPECT_NE(backend.last_error().find("in time"), std::string::npos) << backend.last_error();
  server.resume();
  std::optional<entry> found;
  for (int attempt = 0; attempt < 100 && !found; ++attempt) {
    found = loop.ask("zc:key");
    if (!found) std::this_thread::sleep_for(50ms);
  }
  ASSERT_TRUE(found.has_value()) << "the pipeline reconnects by itself after the pause";
  EXPECT_EQ(found->body, "kept");
}

TEST(redis_pipeline, a_restarted_redis_is_reconnected) {
  if (testing::on_postgres()) GTEST_SKIP() << testing::uses_no_database;
  redis_process server;
  redis_backend backend(testing::redis_settings_for(server.port()));
  pipeline_on_a_loop loop(backend);
  EXPECT_FALSE(loop.ask("zc:key").has_value());
  server.kill();
  EXPECT_FALSE(loop.ask("zc:key").has_value());
  EXPECT_GE(backend.failures(), 1u);
  server.start();
  backend.put("zc:key", testing::sample_entry("after restart"), 60s);
  std::optional<entry> found;
  for (int attempt = 0; attempt < 100 && !found; ++attempt) {
    found = loop.ask("zc:key");
    if (!found) {
      std::this_thread::sleep_for(50ms);
      backend.put("zc:key", testing::sample_entry("after restart"), 60s);
    }
  }
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->body, "after restart");
}

std::string status_of(const http::response& res) {
  for (const auto& [name, value] : res.headers) {
    if (name == "x-cache-status") return value;
  }
  return "";
}

TEST(redis_pipeline, answers_reads_of_the_route_cache_with_redis_alone) {
  if (testing::on_postgres()) GTEST_SKIP() << testing::uses_no_database;
  redis_process server;
  cache_settings settings;
  settings.memory_enabled = false;
  settings.redis = testing::redis_settings_for(server.port());
  response_cache cache(settings);
  ASSERT_TRUE(testing::fleet_synced(cache));
  http::route target;
  target.pattern = "/restaurants/{restaurant_id}";
  target.cache = cached_in(cache_namespace::restaurants, 0, scope_kind::restaurant);
  http::params values;
  values.set("restaurant_id", std::int64_t{7});
  http::request req;
  req.path = "/restaurants/7";
  int produced = 0;
  const auto produce = [&] { return http::response{200, "{\"call\":" + std::to_string(++produced) + "}"}; };

  auto first = cache.look(req, target, values);
  ASSERT_FALSE(first.answer.has_value());
  ASSERT_TRUE(first.plan);
  const auto key = cache.remote_key(*first.plan);
  ASSERT_TRUE(key.has_value());
  pipeline_on_a_loop loop(*cache.redis());
  EXPECT_FALSE(loop.ask(*key).has_value());
  EXPECT_EQ(status_of(cache.serve(req, target, values, produce)), "MISS");
  auto found = loop.ask(*key);
  ASSERT_TRUE(found.has_value()) << "serve() stores under the key remote_key names";
  const auto hits_before = cache.total_hits();
  const auto held = cache.look_found(req, cache.look(req, target, values).plan, std::move(found));
  ASSERT_TRUE(held.answer.has_value());
  EXPECT_EQ(status_of(*held.answer), "HIT");
  EXPECT_EQ(held.answer->payload(), "{\"call\":1}");
  EXPECT_EQ(cache.total_hits(), hits_before + 1);

  const auto missed = cache.look_found(req, cache.look(req, target, values).plan, std::nullopt);
  EXPECT_FALSE(missed.answer.has_value()) << "what Redis did not hold is computed";
  EXPECT_EQ(status_of(cache.finish(req, *missed.plan, produce())), "MISS");
  EXPECT_EQ(produced, 2);

  cache.settled({{services::change::restaurant_updated, {7, 0, 0}}});
  const auto after = cache.remote_key(*cache.look(req, target, values).plan);
  ASSERT_TRUE(after.has_value());
  EXPECT_NE(*after, *key) << "a write moves the key on";
  EXPECT_FALSE(loop.ask(*after).has_value());
}

TEST(redis_pipeline, reads_that_must_not_use_the_stored_answer_are_not_remote_reads) {
  if (testing::on_postgres()) GTEST_SKIP() << testing::uses_no_database;
  redis_process server;
  cache_settings settings;
  settings.memory_enabled = false;
  settings.redis = testing::redis_settings_for(server.port());
  response_cache cache(settings);
  ASSERT_TRUE(testing::fleet_synced(cache));
  http::route target;
  target.pattern = "/restaurants/";
  target.cache = cached_in(cache_namespace::restaurants);
  http::request req;
  req.path = "/restaurants/";
  const auto remote_key_for = [&](const http::route& route) -> std::optional<std::string> {
    const auto found = cache.look(req, route, {});
    return found.plan ? cache.remote_key(*found.plan) : std::nullopt;
  };
  EXPECT_TRUE(remote_key_for(target).has_value());
  req.cache_control = "no-store";
  EXPECT_FALSE(remote_key_for(target).has_value());
  req.cache_control = "max-age=0, no-cache";
  EXPECT_FALSE(remote_key_for(target).has_value());
  req.cache_control = {};
  http::route uncached = target;
  uncached.cache = {};
  EXPECT_FALSE(remote_key_for(uncached).has_value());
}

}  // namespace
}  // namespace zomato::cache
