#include <gtest/gtest.h>

#include <array>
#include <string>

#include "cache/generations.hpp"
#include "cache/hit_statistics.hpp"
#include "cache/key_scheme.hpp"
#include "cache/route_rules.hpp"
#include "cache/two_level_store.hpp"

namespace zomato::cache {
namespace {

TEST(RouteRules, ARuleCarriesItsNamespaceAndOnlyAValidOne) {
  for (auto ns : all_namespaces) EXPECT_EQ(namespace_of_rule(cached_in(ns)), ns);
  EXPECT_EQ(namespace_of_rule(http::cache_rule{}), std::nullopt);
  http::cache_rule stray;
  stray.ns = static_cast<std::uint8_t>(namespace_count);
  EXPECT_EQ(namespace_of_rule(stray), std::nullopt);
}

TEST(KeyScheme, ARestrictedCallerHasKeysOfItsOwnWhereTheAnswerDependsOnTheCaller) {
  http::route order;
  order.pattern = "/orders/{order_id}";
  order.params = {http::path_id("order_id", "Order")};
  order.who = http::access::party;
  http::route customer = order;
  customer.pattern = "/customers/{customer_id}";
  customer.params = {http::path_id("customer_id", "Customer")};
  customer.who = http::access::customer;
  const key_generations seen{1, 0, 0};
  const auto key_as = [&](const http::route& target, domain::principal caller) {
    http::params values;
    values.set(target.params.front().name, std::int64_t{5});
    values.set_caller(caller);
    std::string key;
    write_key(key, cache_namespace::orders, seen, target, values);
    return key;
  };
  const auto shared = key_as(order, {});
  EXPECT_EQ(key_as(order, {domain::role::admin, 0}), shared) << "admins see what auth off sees";
  EXPECT_EQ(key_as(order, {domain::role::customer, 5}), shared + "#customer:5");
  EXPECT_EQ(key_as(order, {domain::role::restaurant, 5}), shared + "#restaurant:5");
  EXPECT_EQ(key_as(customer, {domain::role::customer, 5}), key_as(customer, {}))
      << "the router settled who reaches a customer's entry";
}

TEST(KeyScheme, AKeyShowsTheGenerationsItWasMadeWith) {
  http::params values;
  values.set("restaurant_id", std::int64_t{7});
  const key_generations seen{3, 42, 5};
  http::route target;
  target.index = 9;
  std::string key = "what was there before";
  write_key(key, cache_namespace::menu_items, seen, target, values);
  EXPECT_EQ(key.rfind(generation_prefix(cache_namespace::menu_items, 3), 0), 0u) << key;
  const auto parts = parts_of(key);
  ASSERT_TRUE(parts);
  EXPECT_EQ(parts->ns, cache_namespace::menu_items);
  EXPECT_EQ(parts->namespace_generation, "3");
  EXPECT_EQ(parts->scope_slot, 42u);
  EXPECT_EQ(parts->scope_generation, "5");
  for (const char* other : {"", "menu-items", "menu-items:3", "nowhere:3:1.0:2?", "menu-items:3:x.0:2?",
                            "menu-items:3:.0:2?", "menu-items:3:99999999.0:2?"}) {
    EXPECT_FALSE(parts_of(other)) << other;
  }
}

TEST(Generations, MovingOnANamespaceOrAScopeMakesWhatWasSeenStale) {
  generations current;
  const auto unscoped = current.of_entry(cache_namespace::orders, std::nullopt, 0);
  const auto scoped = current.of_entry(cache_namespace::orders, scope_kind::customer, 4);
  const auto other = current.of_entry(cache_namespace::orders, scope_kind::customer, 5);
  EXPECT_NE(unscoped.scope_slot, scoped.scope_slot);
  generation_moves moves;
  generations::add_scopes(moves, cache_namespace::orders, {0, 4, 0});
  current.advance(moves);
  EXPECT_FALSE(current.still_current(cache_namespace::orders, unscoped));
  EXPECT_FALSE(current.still_current(cache_namespace::orders, scoped));
  EXPECT_TRUE(current.still_current(cache_namespace::orders, other));
  current.advance(cache_namespace::orders);
  EXPECT_FALSE(current.still_current(cache_namespace::orders, other));
  EXPECT_EQ(current.of_namespace(cache_namespace::orders), 1u);
}

TEST(Generations, RaisingTakesOnlyNewerValuesAndScopesWrapAround) {
  generations current;
  current.raise_namespace(cache_namespace::search, 5);
  current.raise_namespace(cache_namespace::search, 3);
  EXPECT_EQ(current.of_namespace(cache_namespace::search), 5u) << "an older value, heard late, is ignored";
  const auto slot = scope_generations::slot_of(cache_namespace::orders, scope_kind::order, 9);
  for (const std::uint32_t value : {0x7FFFFFFFu, 0x80000005u, 0xFFFFFFFFu, 1u}) {
    current.raise_scope(slot, value);
    EXPECT_EQ(current.of_scope(slot), value) << "32-bit generations count on past their end, as Redis's do";
  }
  current.raise_scope(slot, 0xFFFFFFF0u);
  EXPECT_EQ(current.of_scope(slot), 1u) << "just before is older";
}

TEST(Generations, ReplacingTakesTheFleetsValuesAndRefusesWhatWasSeenBefore) {
  generations current;
  const auto seen = current.of_entry(cache_namespace::orders, scope_kind::customer, 4);
  std::array<std::uint64_t, namespace_count> of_namespaces{};
  of_namespaces[static_cast<std::size_t>(cache_namespace::orders)] = 0;
  of_namespaces[static_cast<std::size_t>(cache_namespace::search)] = 7;
  std::string words(8, '\0');
  words[6] = 1;  // slot 1 holds 0x00000100
  current.replace(of_namespaces, words, 3);
  EXPECT_EQ(current.of_namespace(cache_namespace::search), 7u);
  EXPECT_EQ(current.of_scope(1), 0x100u);
  EXPECT_EQ(current.of_scope(seen.scope_slot), 0u) << "slots past the words are 0";
  EXPECT_EQ(current.epoch(), 3u);
  EXPECT_FALSE(current.still_current(cache_namespace::orders, seen))
      << "same values, but the node may have missed changes in between";
  const auto after = current.of_entry(cache_namespace::orders, scope_kind::customer, 4);
  EXPECT_FALSE(current.raise_epoch(3));
  EXPECT_TRUE(current.raise_epoch(4));
  EXPECT_FALSE(current.still_current(cache_namespace::orders, after)) << "a new epoch refuses what was seen";
}

TEST(HitStatistics, CountsPerNamespaceAndSourceAndInTotal) {
  hit_statistics counts;
  counts.hit(cache_namespace::search, hit_source::memory);
  counts.hit(cache_namespace::search, hit_source::coalesced);
  counts.hit(cache_namespace::reviews, hit_source::redis);
  counts.miss(cache_namespace::search);
  EXPECT_EQ(counts.hits(cache_namespace::search), 2u);
  EXPECT_EQ(counts.hits(cache_namespace::search, hit_source::coalesced), 1u);
  EXPECT_EQ(counts.hits(cache_namespace::search, hit_source::redis), 0u);
  EXPECT_EQ(counts.hits(cache_namespace::reviews, hit_source::redis), 1u);
  EXPECT_EQ(counts.misses(cache_namespace::search), 1u);
  EXPECT_EQ(counts.total_hits(), 3u);
  EXPECT_EQ(counts.total_misses(), 1u);
}

TEST(TwoLevelStore, InMemoryKeepsAndRemovesWhatItIsTold) {
  two_level_store store{cache_settings{}};
  EXPECT_TRUE(store.enabled());
  EXPECT_FALSE(store.has_remote());
  store.put("a", entry{"body", etag_of("body"), "/a"}, std::chrono::seconds(60), 0);
  store.put("b", entry{"other", etag_of("other"), "/b"}, std::chrono::seconds(60), 0);
  ASSERT_TRUE(store.from_memory("a"));
  EXPECT_EQ(store.from_memory("a")->body(), "body");
  store.keep_in_memory("c", entry{"copy", etag_of("copy"), "/c"}, std::chrono::seconds(60));
  ASSERT_TRUE(store.from_memory("c"));
  EXPECT_EQ(store.from_memory("c")->body(), "copy");
  EXPECT_EQ(store.remove_if([](std::string_view key) { return key == "b"; }, 0), 1);
  EXPECT_FALSE(store.from_memory("b"));
  store.clear_memory();
  EXPECT_FALSE(store.from_memory("a"));

  cache_settings none;
  none.memory_enabled = false;
  two_level_store disabled{none};
  EXPECT_FALSE(disabled.enabled());
  disabled.put("a", entry{"body", etag_of("body"), "/a"}, std::chrono::seconds(60), 0);
  EXPECT_FALSE(disabled.from_memory("a"));
}

}  // namespace
}  // namespace zomato::cache
