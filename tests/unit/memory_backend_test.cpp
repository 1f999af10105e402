#include <gtest/gtest.h>

#include <chrono>
#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "cache/memory_backend.hpp"

namespace zomato::cache {
namespace {

using namespace std::chrono_literals;

constexpr std::size_t shards = 16;  // the backend splits its budget over 16 shards

entry make_entry(const std::string& body, const std::string& target = "/restaurants/") {
  return entry{body, etag_of(body), target};
}

/// `count` distinct keys that land in the same shard as each other (the backend picks a
/// shard by std::hash of the key), all of the same length.
std::vector<std::string> same_shard_keys(std::size_t count) {
  std::map<std::size_t, std::vector<std::string>> by_shard;
  for (int i = 100; i < 100000; ++i) {
    const std::string key = "k" + std::to_string(i);
    auto& bucket = by_shard[std::hash<std::string>{}(key) % shards];
    bucket.push_back(key);
    if (bucket.size() == count) return bucket;
  }
  throw std::runtime_error("no shard got enough keys");
}

/// A backend whose shards hold exactly `per_shard` entries of `body_size` bytes under
/// keys of `key_size` characters.
std::size_t budget_for(std::size_t per_shard, std::size_t key_size, std::size_t body_size) {
  const std::string key(key_size, 'k');
  const entry sample{std::string(body_size, 'x'), etag_of(std::string(body_size, 'x')), "/restaurants/"};
  return memory_backend::cost_of(key, sample) * per_shard * shards;
}

std::set<std::string> keys_in(const memory_backend& memory) {
  std::set<std::string> keys;
  memory.inspect([&](const memory_backend::visit& v) { keys.emplace(v.key); });
  return keys;
}

TEST(memory_backend, stores_and_returns_an_entry) {
  memory_backend memory(1 << 20);
  memory.put("a", make_entry("body a"), 60s);
  const auto found = memory.get("a");
  ASSERT_NE(found, nullptr);
  EXPECT_EQ(found->body(), "body a");
  EXPECT_EQ(found->etag(), etag_of("body a"));
  EXPECT_EQ(found->target(), "/restaurants/");
  EXPECT_EQ(memory.get("b"), nullptr);
}

TEST(memory_backend, cost_is_one_heap_block_for_bookkeeping_key_target_and_body_plus_its_index_share) {
  const entry value{std::string(1000, 'x'), "\"0123456789abcdef\"", "/restaurants/1"};
  const auto cost = memory_backend::cost_of("key", value);
  const auto block = sizeof(memory_entry) + 3 + 14 + 1000;  // the ETag is kept as its 8-byte value
  EXPECT_GE(cost, block + 8 + 2 * sizeof(void*)) << "the block, the allocator's header and two index pointers";
  EXPECT_LT(cost, block + 8 + 16 + 2 * sizeof(void*)) << "at most 16-byte rounding on top";
  // Every byte of key, etag, target or body lands in the one block.
  const entry longer{std::string(1000 + 160, 'x'), value.etag, value.target};
  EXPECT_EQ(memory_backend::cost_of("key", longer) - cost, 160u);
  EXPECT_EQ(memory_backend::cost_of(std::string(3 + 160, 'k'), value) - cost, 160u);
}

TEST(memory_backend, a_small_entry_costs_less_than_half_again_its_body) {
  // A restaurant's body is about 340 bytes under a key of about 40.
  const auto body = std::string(340, 'r');
  const auto cost = memory_backend::cost_of("restaurants:0:123456.0:12?restaurant_id=5",
                                            entry{body, etag_of(body), "/restaurants/5"});
  EXPECT_LE(static_cast<double>(cost), 1.5 * 340);
}

TEST(memory_backend, bytes_are_the_sum_of_entry_costs) {
  memory_backend memory(1 << 20);
  EXPECT_EQ(memory.bytes(), 0u);
  const auto a = make_entry(std::string(100, 'a'));
  const auto b = make_entry(std::string(300, 'b'), "/menu-items/");
  memory.put("first", a, 60s);
  memory.put("second", b, 60s);
  EXPECT_EQ(memory.bytes(), memory_backend::cost_of("first", a) + memory_backend::cost_of("second", b));
  EXPECT_EQ(memory.max_bytes(), 1u << 20);
}

TEST(memory_backend, evicts_the_least_recently_stored_entry_when_a_shard_is_full) {
  const auto keys = same_shard_keys(4);
  memory_backend memory(budget_for(3, keys[0].size(), 200));
  for (std::size_t i = 0; i < 3; ++i)
    memory.put(keys[i], make_entry(std::string(200, static_cast<char>('a' + i))), 60s);
  EXPECT_EQ(keys_in(memory), (std::set<std::string>{keys[0], keys[1], keys[2]}));
  memory.put(keys[3], make_entry(std::string(200, 'd')), 60s);
  EXPECT_EQ(memory.get(keys[0]), nullptr) << "the oldest unused entry goes first";
  EXPECT_NE(memory.get(keys[1]), nullptr);
  EXPECT_NE(memory.get(keys[2]), nullptr);
  EXPECT_NE(memory.get(keys[3]), nullptr);
  EXPECT_LE(memory.bytes(), memory.max_bytes() / shards);
}

TEST(memory_backend, a_get_refreshes_recency) {
  const auto keys = same_shard_keys(4);
  memory_backend memory(budget_for(3, keys[0].size(), 200));
  for (std::size_t i = 0; i < 3; ++i)
    memory.put(keys[i], make_entry(std::string(200, static_cast<char>('a' + i))), 60s);
  ASSERT_NE(memory.get(keys[0]), nullptr);  // keys[0] is now the most recently used
  memory.put(keys[3], make_entry(std::string(200, 'd')), 60s);
  EXPECT_NE(memory.get(keys[0]), nullptr);
  EXPECT_EQ(memory.get(keys[1]), nullptr) << "keys[1] was the least recently used";
  EXPECT_NE(memory.get(keys[2]), nullptr);
  EXPECT_NE(memory.get(keys[3]), nullptr);
}

TEST(memory_backend, a_large_entry_evicts_as_many_as_it_needs) {
  const auto keys = same_shard_keys(4);
  memory_backend memory(budget_for(3, keys[0].size(), 200));
  for (std::size_t i = 0; i < 3; ++i)
    memory.put(keys[i], make_entry(std::string(200, static_cast<char>('a' + i))), 60s);
  // About two small entries' worth: the two least recently used must go.
  const std::string big(200 + memory_backend::cost_of(keys[0], make_entry(std::string(200, 'x'))), 'z');
  memory.put(keys[3], make_entry(big), 60s);
  EXPECT_EQ(memory.get(keys[0]), nullptr);
  EXPECT_EQ(memory.get(keys[1]), nullptr);
  EXPECT_NE(memory.get(keys[2]), nullptr);
  ASSERT_NE(memory.get(keys[3]), nullptr);
  EXPECT_EQ(memory.get(keys[3])->body(), big);
  EXPECT_LE(memory.bytes(), memory.max_bytes() / shards);
}

TEST(memory_backend, entries_in_other_shards_are_not_evicted) {
  const auto keys = same_shard_keys(4);
  // Find a key of a different shard than keys[].
  std::string other;
  for (int i = 0; i < 1000 && other.empty(); ++i) {
    const std::string candidate = "other" + std::to_string(i);
    if (std::hash<std::string>{}(candidate) % shards != std::hash<std::string>{}(keys[0]) % shards) other = candidate;
  }
  ASSERT_FALSE(other.empty());
  memory_backend memory(budget_for(3, keys[0].size(), 200));
  memory.put(other, make_entry(std::string(200, 'o')), 60s);
  for (std::size_t i = 0; i < 4; ++i)
    memory.put(keys[i], make_entry(std::string(200, static_cast<char>('a' + i))), 60s);
  EXPECT_NE(memory.get(other), nullptr);
  EXPECT_EQ(memory.get(keys[0]), nullptr);
}

TEST(memory_backend, entry_larger_than_a_shard_budget_is_not_stored) {
  memory_backend memory(shards * 1000);
  memory.put("small", make_entry("small body"), 60s);
  memory.put("huge", make_entry(std::string(1000, 'h')), 60s);  // cost > 1000 = one shard's budget
  EXPECT_EQ(memory.get("huge"), nullptr);
  EXPECT_NE(memory.get("small"), nullptr) << "refusing a huge entry must not evict others";
  EXPECT_EQ(keys_in(memory), std::set<std::string>{"small"});
  // Just below the budget is stored.
  const std::string key = "fits";
  std::size_t length = 1000;
  while (memory_backend::cost_of(key, entry{std::string(length, 'f'), etag_of("x"), "/restaurants/"}) > 1000) --length;
  memory.put(key, make_entry(std::string(length, 'f')), 60s);
  EXPECT_NE(memory.get(key), nullptr);
}

TEST(memory_backend, an_entry_with_an_etag_of_another_form_is_not_stored) {
  memory_backend memory(1 << 20);
  memory.put("foreign", entry{"body", "W/\"weak\"", "/restaurants/"}, 60s);
  EXPECT_EQ(memory.get("foreign"), nullptr);
  EXPECT_EQ(memory.bytes(), 0u);
}

TEST(memory_backend, overwrite_replaces_the_value_and_the_bytes) {
  memory_backend memory(1 << 20);
  const auto first = make_entry(std::string(500, 'a'));
  const auto second = make_entry(std::string(50, 'b'), "/menu-items/");
  memory.put("key", first, 60s);
  memory.put("key", second, 60s);
  const auto found = memory.get("key");
  ASSERT_NE(found, nullptr);
  EXPECT_EQ(found->body(), std::string(50, 'b'));
  EXPECT_EQ(found->target(), "/menu-items/");
  EXPECT_EQ(memory.bytes(), memory_backend::cost_of("key", second));
  EXPECT_EQ(keys_in(memory).size(), 1u);
}

TEST(memory_backend, overwrite_extends_the_expiry) {
  memory_backend memory(1 << 20);
  memory.put("key", make_entry("old"), 5ms);
  memory.put("key", make_entry("new"), 60s);
  std::this_thread::sleep_for(30ms);
  const auto found = memory.get("key");
  ASSERT_NE(found, nullptr);
  EXPECT_EQ(found->body(), "new");
}

TEST(memory_backend, expired_entries_are_not_returned) {
  memory_backend memory(1 << 20);
  memory.put("short", make_entry("short lived"), 5ms);
  memory.put("long", make_entry("long lived"), 60s);
  std::this_thread::sleep_for(40ms);
  bool seen_expired = false;
  memory.inspect([&](const memory_backend::visit& v) {
    if (v.key == "short") seen_expired = v.expired;
    if (v.key == "long") {
      EXPECT_FALSE(v.expired);
    }
  });
  EXPECT_TRUE(seen_expired) << "inspect reports the expired entry as expired";
  EXPECT_EQ(memory.get("short"), nullptr);
  EXPECT_NE(memory.get("long"), nullptr);
  // The expired entry was dropped by the get.
  EXPECT_EQ(keys_in(memory), std::set<std::string>{"long"});
  EXPECT_EQ(memory.bytes(),
            memory_backend::cost_of("long", entry{"long lived", etag_of("long lived"), "/restaurants/"}));
}

TEST(memory_backend, inspect_reports_uses_bytes_and_remaining_time_without_changing_anything) {
  memory_backend memory(1 << 20);
  const auto value = make_entry("counted");
  memory.put("counted", value, 60s);
  memory.put("unused", make_entry("unused"), 60s);
  for (int i = 0; i < 3; ++i) ASSERT_NE(memory.get("counted"), nullptr);
  int visits = 0;
  memory.inspect([&](const memory_backend::visit& v) {
    ++visits;
    if (v.key == "counted") {
      EXPECT_EQ(v.uses, 3u);
      EXPECT_EQ(v.bytes, memory_backend::cost_of("counted", value));
      EXPECT_EQ(v.value.body(), "counted");
      EXPECT_GT(v.remaining, 50s);
      EXPECT_LE(v.remaining, 60s);
    } else {
      EXPECT_EQ(v.uses, 0u);
    }
    EXPECT_FALSE(v.expired);
  });
  EXPECT_EQ(visits, 2);
  // inspect counted no use
  memory.inspect([&](const memory_backend::visit& v) {
    if (v.key == "counted") {
      EXPECT_EQ(v.uses, 3u);
    }
  });
}

TEST(memory_backend, overwrite_keeps_the_use_count) {
  memory_backend memory(1 << 20);
  memory.put("key", make_entry("one"), 60s);
  ASSERT_NE(memory.get("key"), nullptr);
  ASSERT_NE(memory.get("key"), nullptr);
  memory.put("key", make_entry("two"), 60s);
  std::uint64_t uses = 99;
  memory.inspect([&](const memory_backend::visit& v) { uses = v.uses; });
  EXPECT_EQ(uses, 2u);
}

TEST(memory_backend, sweep_removes_what_the_predicate_picks_and_counts_it) {
  memory_backend memory(1 << 20);
  for (int i = 0; i < 10; ++i) memory.put("key" + std::to_string(i), make_entry("body " + std::to_string(i)), 60s);
  memory.put("expiring", make_entry("soon gone"), 5ms);
  std::this_thread::sleep_for(40ms);
  const auto removed_expired = memory.sweep([](const memory_backend::visit& v) { return v.expired; });
  EXPECT_EQ(removed_expired, 1u);
  EXPECT_EQ(keys_in(memory).count("expiring"), 0u);
  const auto removed_odd = memory.sweep([](const memory_backend::visit& v) { return (v.key.back() - '0') % 2 == 1; });
  EXPECT_EQ(removed_odd, 5u);
  EXPECT_EQ(keys_in(memory), (std::set<std::string>{"key0", "key2", "key4", "key6", "key8"}));
  std::size_t expected_bytes = 0;
  for (const auto* key : {"key0", "key2", "key4", "key6", "key8"}) {
    const std::string body = std::string("body ") + key[3];
    expected_bytes += memory_backend::cost_of(key, entry{body, etag_of(body), "/restaurants/"});
  }
  EXPECT_EQ(memory.bytes(), expected_bytes);
  EXPECT_EQ(memory.get("key1"), nullptr);
  EXPECT_NE(memory.get("key2"), nullptr);
  EXPECT_EQ(memory.sweep([](const memory_backend::visit&) { return false; }), 0u);
}

TEST(memory_backend, a_swept_key_can_be_stored_again) {
  memory_backend memory(1 << 20);
  memory.put("key", make_entry("one"), 60s);
  EXPECT_EQ(memory.sweep([](const memory_backend::visit&) { return true; }), 1u);
  EXPECT_EQ(memory.bytes(), 0u);
  memory.put("key", make_entry("two"), 60s);
  ASSERT_NE(memory.get("key"), nullptr);
  EXPECT_EQ(memory.get("key")->body(), "two");
}

TEST(memory_backend, a_returned_entry_outlives_its_eviction) {
  memory_backend memory(1 << 20);
  memory.put("key", make_entry("kept by the reader"), 60s);
  const auto held = memory.get("key");
  ASSERT_NE(held, nullptr);
  memory.clear();
  memory.put("key", make_entry("replaced"), 60s);
  EXPECT_EQ(held->body(), "kept by the reader");
  EXPECT_EQ(held->key(), "key");
  EXPECT_EQ(memory.get("key")->body(), "replaced");
}

TEST(memory_backend, every_entry_stays_reachable_as_the_index_grows_and_loses_entries) {
  memory_backend memory(64u << 20);
  constexpr int count = 5000;
  for (int i = 0; i < count; ++i) memory.put("key" + std::to_string(i), make_entry("body " + std::to_string(i)), 60s);
  EXPECT_EQ(keys_in(memory).size(), static_cast<std::size_t>(count));
  const auto removed =
      memory.sweep([](const memory_backend::visit& v) { return std::stoi(std::string(v.key.substr(3))) % 3 == 0; });
  EXPECT_EQ(removed, static_cast<std::size_t>((count + 2) / 3));
  for (int i = 0; i < count; ++i) {
    const auto found = memory.get("key" + std::to_string(i));
    if (i % 3 == 0) {
      EXPECT_EQ(found, nullptr) << i;
    } else {
      ASSERT_NE(found, nullptr) << i;
      EXPECT_EQ(found->body(), "body " + std::to_string(i));
    }
  }
}

TEST(memory_backend, clear_drops_everything) {
  memory_backend memory(1 << 20);
  for (int i = 0; i < 50; ++i) memory.put("key" + std::to_string(i), make_entry("body"), 60s);
  memory.clear();
  EXPECT_EQ(memory.bytes(), 0u);
  EXPECT_TRUE(keys_in(memory).empty());
  EXPECT_EQ(memory.get("key7"), nullptr);
}

TEST(memory_backend, many_threads_keep_the_byte_count_consistent) {
  memory_backend memory(shards * 4000);
  std::vector<std::thread> workers;
  for (int t = 0; t < 4; ++t) {
    workers.emplace_back([&memory, t] {
      for (int i = 0; i < 2000; ++i) {
        const std::string key = "t" + std::to_string(t) + "-" + std::to_string(i % 97);
        if (i % 3 == 0) {
          memory.get(key);
        } else {
          memory.put(key, make_entry(std::string(static_cast<std::size_t>(50 + i % 400), 'x')), 60s);
        }
      }
    });
  }
  for (auto& worker : workers) worker.join();
  std::size_t summed = 0;
  memory.inspect([&](const memory_backend::visit& v) {
    summed += v.bytes;
    EXPECT_EQ(v.bytes, memory_backend::cost_of(v.value));
  });
  EXPECT_EQ(memory.bytes(), summed);
  EXPECT_LE(memory.bytes(), memory.max_bytes());
}

}  // namespace
}  // namespace zomato::cache
