// The route cache's steps for reads that miss or find an entry past its TTL: one computation per
// key, stale-while-revalidate, stale-if-error, and what its answers say in their headers.

#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "cache/response_cache.hpp"
#include "cache/route_rules.hpp"

namespace zomato::cache {
namespace {

std::string header_of(const http::response& res, std::string_view name) {
  for (const auto& [key, value] : res.headers) {
    if (key == name) return value;
  }
  return "";
}

std::string status_of(const http::response& res) { return header_of(res, "x-cache-status"); }

// An analytics route whose entries are fresh for `ttl` seconds and then may be served stale.
struct stale_fixture {
  stale_fixture(int ttl, int while_revalidate, int if_error) : cache(settings_for(ttl, while_revalidate, if_error)) {
    target.pattern = "/analytics/popular-items";
    target.cache = cached_in(cache_namespace::analytics);
    req.path = "/analytics/popular-items";
  }
  static cache_settings settings_for(int ttl, int while_revalidate, int if_error) {
    cache_settings settings;
    settings.overrides[static_cast<std::size_t>(cache_namespace::analytics)] = {ttl, while_revalidate, if_error};
    return settings;
  }
  http::response compute() { return {200, "{\"computation\":" + std::to_string(++computed) + "}"}; }
  http::response serve() {
    return cache.serve(req, target, {}, [this] { return compute(); });
  }

  response_cache cache;
  http::route target;
  http::request req;
  std::atomic<int> computed{0};
};

http::response busy() {
  http::response refused;
  refused.status = 503;
  refused.body = R"({"detail":"busy"})";
  return refused;
}

TEST(stale_serving, past_its_ttl_an_entry_is_served_at_once_while_one_refresh_runs) {
  stale_fixture f(0, 60, 0);
  EXPECT_EQ(status_of(f.serve()), "MISS");

  auto first = f.cache.look(f.req, f.target, {});
  ASSERT_TRUE(first.answer.has_value());
  EXPECT_EQ(status_of(*first.answer), "STALE");
  EXPECT_EQ(first.answer->payload(), R"({"computation":1})");
  EXPECT_TRUE(first.refresh) << "the first stale read starts the refresh";
  auto second = f.cache.look(f.req, f.target, {});
  ASSERT_TRUE(second.answer.has_value());
  EXPECT_EQ(status_of(*second.answer), "STALE");
  EXPECT_FALSE(second.refresh) << "one refresh at a time";

  f.cache.finish(f.req, *first.plan, f.compute());
  const auto after = f.cache.look(f.req, f.target, {});
  ASSERT_TRUE(after.answer.has_value());
  EXPECT_EQ(after.answer->payload(), R"({"computation":2})") << "the refresh replaced the entry";
  EXPECT_EQ(f.computed.load(), 2);
}

TEST(stale_serving, past_the_revalidate_window_a_failed_computation_is_answered_by_the_stale_entry) {
  stale_fixture f(0, 0, 600);
  f.serve();
  auto found = f.cache.look(f.req, f.target, {});
  ASSERT_FALSE(found.answer.has_value()) << "past stale-while-revalidate the read computes";
  ASSERT_TRUE(found.plan->fallback.has_value());
  ASSERT_TRUE(f.cache.lead(*found.plan, {}, {}));
  const auto failed = f.cache.finish(f.req, *found.plan, busy());
  EXPECT_EQ(failed.status, 200);
  EXPECT_EQ(status_of(failed), "STALE-IF-ERROR");
  EXPECT_EQ(failed.payload(), R"({"computation":1})");

  auto again = f.cache.look(f.req, f.target, {});
  ASSERT_TRUE(f.cache.lead(*again.plan, {}, {}));
  const auto refused = f.cache.give_up(f.req, *again.plan, busy());
  EXPECT_EQ(refused.status, 200) << "no room to compute is a failure too";
  EXPECT_EQ(status_of(refused), "STALE-IF-ERROR");
}

TEST(stale_serving, without_a_stale_entry_a_failed_computation_is_the_failure) {
  stale_fixture f(0, 0, 0);
  f.serve();
  auto found = f.cache.look(f.req, f.target, {});
  ASSERT_FALSE(found.answer.has_value());
  EXPECT_FALSE(found.plan->fallback.has_value()) << "no stale-if-error window";
  f.cache.lead(*found.plan, {}, {});
  EXPECT_EQ(f.cache.finish(f.req, *found.plan, busy()).status, 503);
}

TEST(stale_serving, an_entry_that_a_write_invalidated_is_never_served_stale) {
  stale_fixture f(0, 60, 600);
  f.serve();
  f.cache.changed(services::change::restaurant_created, {});
  auto found = f.cache.look(f.req, f.target, {});
  EXPECT_FALSE(found.answer.has_value());
  EXPECT_FALSE(found.plan->fallback.has_value());
  f.cache.lead(*found.plan, {}, {});
  EXPECT_EQ(f.cache.finish(f.req, *found.plan, busy()).status, 503);
}

TEST(stale_serving, reads_that_ask_while_a_key_is_computed_wait_and_get_its_answer) {
  constexpr int count = 8;
  stale_fixture f(60, 0, 0);
  std::mutex lock;
  std::map<std::string, int> statuses;
  std::vector<std::string> bodies;
  std::atomic<int> waiting{0};
  const auto heard = [&](const http::response& res) {
    std::lock_guard guard(lock);
    ++statuses[status_of(res)];
    bodies.emplace_back(res.payload());
  };
  std::vector<std::thread> threads;
  for (int i = 0; i < count; ++i) {
    threads.emplace_back([&] {
      auto found = f.cache.look(f.req, f.target, {});
      ASSERT_FALSE(found.answer.has_value());
      if (!f.cache.lead(*found.plan, {}, heard)) {
        ++waiting;
        return;
      }
      while (waiting.load() < count - 1) std::this_thread::yield();
      heard(f.cache.finish(f.req, *found.plan, f.compute()));
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(f.computed.load(), 1);
  EXPECT_EQ(statuses, (std::map<std::string, int>{{"COALESCED", count - 1}, {"MISS", 1}}));
  for (const auto& body : bodies) EXPECT_EQ(body, R"({"computation":1})");
  EXPECT_EQ(f.cache.computing(), 0u);
}

TEST(stale_serving, a_waiting_read_that_names_the_etag_gets_304) {
  stale_fixture f(60, 0, 0);
  auto leader = f.cache.look(f.req, f.target, {});
  ASSERT_TRUE(f.cache.lead(*leader.plan, {}, {}));
  auto waiter = f.cache.look(f.req, f.target, {});
  http::response heard;
  ASSERT_FALSE(f.cache.lead(*waiter.plan, etag_of(R"({"computation":1})"), [&](http::response r) { heard = r; }));
  f.cache.finish(f.req, *leader.plan, f.compute());
  EXPECT_EQ(heard.status, 304);
  EXPECT_TRUE(heard.payload().empty());
  EXPECT_EQ(status_of(heard), "COALESCED");
}

TEST(stale_serving, no_store_reads_compute_on_their_own) {
  stale_fixture f(60, 0, 0);
  auto leader = f.cache.look(f.req, f.target, {});
  ASSERT_TRUE(f.cache.lead(*leader.plan, {}, {}));
  auto own = f.req;
  own.cache_control = "no-store";
  auto alone = f.cache.look(own, f.target, {});
  EXPECT_TRUE(f.cache.lead(*alone.plan, {}, {})) << "it neither waits nor makes others wait";
  EXPECT_EQ(status_of(f.cache.finish(own, *alone.plan, f.compute())), "MISS");
  EXPECT_FALSE(f.cache.look(f.req, f.target, {}).answer.has_value()) << "nor is it stored";
}

TEST(stale_serving, answers_say_how_long_clients_may_keep_them) {
  stale_fixture f(300, 60, 600);
  const auto miss = f.serve();
  EXPECT_EQ(header_of(miss, "cache-control"), "max-age=300, stale-while-revalidate=60, stale-if-error=600");
  EXPECT_EQ(header_of(miss, "age"), "") << "a computed answer has no age";
  const auto hit = f.serve();
  EXPECT_EQ(status_of(hit), "HIT");
  const auto control = header_of(hit, "cache-control");
  ASSERT_TRUE(control.starts_with("max-age=")) << control;
  const auto left = std::stoi(control.substr(8));
  EXPECT_TRUE(left == 299 || left == 300) << "the TTL left: " << control;
  EXPECT_EQ(header_of(hit, "age"), "0");

  response_cache plain{cache_settings{}};
  http::route restaurant;
  restaurant.pattern = "/restaurants/";
  restaurant.cache = cached_in(cache_namespace::restaurants);
  const auto produce = [] { return http::response{200, "[]"}; };
  EXPECT_EQ(header_of(plain.serve(f.req, restaurant, {}, produce), "cache-control"), "no-cache")
      << "entries kept fresh by invalidations are revalidated by clients";
}

}  // namespace
}  // namespace zomato::cache
