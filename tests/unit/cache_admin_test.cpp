#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cache/cache_admin.hpp"
#include "cache/invalidation_map.hpp"
#include "cache/route_rules.hpp"
#include "schemas/cache_schemas.hpp"

namespace zomato::cache {
namespace {

TEST(InvalidationRules, AllChangesListsEveryKindOfWriteOnceInTheEnumsOrder) {
  std::set<std::string_view> names;
  for (std::size_t i = 0; i < services::all_changes.size(); ++i) {
    EXPECT_EQ(static_cast<std::size_t>(services::all_changes[i]), i);
    names.insert(rule_name_of(services::all_changes[i]));
  }
  EXPECT_EQ(names.size(), services::all_changes.size());
}

TEST(CacheAdmin, CacheInfoListsExactlyTheInvalidationMapsRules) {
  response_cache cache{cache_settings{}};
  cache_admin admin(cache);
  const auto info = nlohmann::json::parse(schemas::render_cache_configuration(admin.configuration()));
  const auto& rules = info["advanced_invalidation_rules"]["hierarchical_invalidation"];
  ASSERT_EQ(rules.size(), services::all_changes.size());
  std::map<std::string, std::vector<std::string>> confined;
  for (auto what : services::all_changes) {
    const auto name = std::string(rule_name_of(what));
    std::vector<std::string> expected;
    for (auto ns : namespaces_changed_by(what)) {
      expected.emplace_back(name_of(ns));
      if (confined_to_touched(what, ns)) confined[name].emplace_back(name_of(ns));
    }
    EXPECT_EQ(rules[name].get<std::vector<std::string>>(), expected) << name;
  }
  EXPECT_EQ(info["advanced_invalidation_rules"]["confined_to_touched_entities"].get<decltype(confined)>(), confined);
  for (auto ns : all_namespaces) {
    const auto name = std::string(name_of(ns));
    EXPECT_EQ(info["cache_configuration"]["ttl_seconds"][name], cache.ttl_for(ns).count());
    const auto& stale = info["cache_configuration"]["stale_seconds"][name];
    EXPECT_EQ(stale["while_revalidate"], cache.freshness_of(ns).while_revalidate.count()) << name;
    EXPECT_EQ(stale["if_error"], cache.freshness_of(ns).if_error.count()) << name;
  }
  EXPECT_GT(info["cache_configuration"]["stale_seconds"]["analytics"]["while_revalidate"], 0);
  EXPECT_EQ(info["cache_configuration"]["stale_seconds"]["restaurants"]["if_error"], 0)
      << "entries that invalidations keep fresh are never served stale";
}

TEST(CacheAdmin, SnapshotCountsWhatTheCacheServedAndHolds) {
  response_cache cache{cache_settings{}};
  cache_admin admin(cache);
  http::route list;
  list.pattern = "/restaurants/";
  list.cache = cached_in(cache_namespace::restaurants);
  http::request req;
  req.path = "/restaurants/";
  const auto produce = [] { return http::response{200, "[]"}; };
  cache.serve(req, list, {}, produce);
  cache.serve(req, list, {}, produce);
  const auto s = admin.snapshot();
  EXPECT_EQ(s.hits, 1u);
  EXPECT_EQ(s.misses, 1u);
  EXPECT_EQ(s.keys, 1);
  EXPECT_EQ(s.hit_ratio_percent, 50.0);
  EXPECT_EQ(s.efficiency_rating, "Fair");
  EXPECT_EQ(s.backend, "in-process");
  EXPECT_EQ(s.namespaces[static_cast<std::size_t>(cache_namespace::restaurants)].memory_keys, 1);
  const auto samples = admin.key_samples(20);
  EXPECT_EQ(samples[static_cast<std::size_t>(cache_namespace::restaurants)].keys.size(), 1u);
  EXPECT_EQ(assess(s).status, "healthy") << "judged after 100 requests only";
  EXPECT_FALSE(admin.clear("nowhere"));
  EXPECT_TRUE(admin.clear("restaurants"));
  EXPECT_EQ(admin.snapshot().keys, 0);
}

TEST(CacheAdmin, HealthFollowsTheThresholds) {
  services::cache_snapshot s;
  s.hits = 40;
  s.misses = 60;
  s.hit_ratio_percent = hit_ratio_percent(s.hits, s.misses);
  EXPECT_EQ(assess(s).status, "critical");
  s.redis = services::redis_figures{};
  EXPECT_EQ(assess(s).status, "unhealthy");
  EXPECT_EQ(recommendations_for(s).size(), 2u);
}

}  // namespace
}  // namespace zomato::cache
