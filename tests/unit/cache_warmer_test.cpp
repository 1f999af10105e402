#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "api/cache_warmer.hpp"
#include "cache/route_rules.hpp"
#include "http/responses.hpp"

namespace zomato::api {
namespace {

using cache::cache_namespace;
using cache::cached_in;

http::route get_route(std::string pattern, std::vector<http::param_spec> params, http::cache_rule rule) {
  http::route r;
  r.pattern = std::move(pattern);
  r.params = std::move(params);
  r.cache = std::move(rule);
  return r;
}

std::vector<http::route> table() {
  return {
      get_route("/restaurants/", http::pagination(), cached_in(cache_namespace::restaurants)),
      get_route("/restaurants/active", {}, cached_in(cache_namespace::restaurants)),
      get_route("/restaurants/search", {http::query_text("cuisine", true, "c", "x")},
                cached_in(cache_namespace::search)),
      get_route("/restaurants/{restaurant_id}", {http::path_id("restaurant_id", "id")},
                cached_in(cache_namespace::restaurants)),
      get_route("/restaurants/{restaurant_id}/menu", {http::path_id("restaurant_id", "id")},
                cached_in(cache_namespace::restaurant_menus)),
      get_route("/menu-items/dietary/{dietary_type}", {http::path_text("dietary_type", "d", "x")},
                cached_in(cache_namespace::search)),
      get_route("/menu-items/category/{category}", {http::path_text("category", "c", "x")},
                cached_in(cache_namespace::search)),
      get_route("/orders/{order_id}", {http::path_id("order_id", "id")}, cached_in(cache_namespace::orders)),
      get_route("/uncached", {}, {}),
  };
}

TEST(WarmPlan, CoversEveryCachedRouteOfTheNamespaceWithoutPathParameters) {
  const auto routes = table();
  for (auto ns : cache::all_namespaces) {
    const auto plan = warm_plan_of(routes, ns);
    for (const auto& r : routes) {
      const bool plain = std::none_of(r.params.begin(), r.params.end(), [](const http::param_spec& spec) {
        return spec.place == http::param_place::path || spec.required;
      });
      if (!plain || cache::namespace_of_rule(r.cache) != ns) continue;
      EXPECT_NE(std::find(plan.targets.begin(), plan.targets.end(), r.pattern), plan.targets.end()) << r.pattern;
    }
  }
  EXPECT_EQ(warm_plan_of(routes, cache_namespace::restaurants).targets,
            (std::vector<std::string>{"/restaurants/", "/restaurants/active"}));
}

TEST(WarmPlan, FillsAnIdFromTheListBesideItsReadRoute) {
  const auto routes = table();
  const auto plan = warm_plan_of(routes, cache_namespace::restaurant_menus);
  EXPECT_TRUE(plan.targets.empty());
  ASSERT_EQ(plan.per_list.size(), 1u);
  EXPECT_EQ(plan.per_list[0].list, "/restaurants/");
  EXPECT_EQ(plan.per_list[0].param, "restaurant_id");
  EXPECT_EQ(plan.per_list[0].patterns, std::vector<std::string>{"/restaurants/{restaurant_id}/menu"});
  EXPECT_TRUE(warm_plan_of(routes, cache_namespace::orders).per_list.empty()) << "no list names order ids";
}

TEST(WarmPlan, FillsTextParametersWithTheirKnownValuesAndLeavesOutRoutesNeedingAQuery) {
  const auto plan = warm_plan_of(table(), cache_namespace::search);
  EXPECT_EQ(plan.targets, (std::vector<std::string>{"/menu-items/dietary/vegetarian", "/menu-items/dietary/vegan",
                                                    "/menu-items/dietary/gluten-free"}));
  EXPECT_TRUE(plan.per_list.empty());
}

TEST(CacheWarmer, TargetsOfAPlanUseTheIdsItsListsReturn) {
  std::vector<std::string> asked;
  cache_warmer warmer([&](std::string_view path, std::string_view query, std::string_view) {
    asked.push_back(std::string(path) + "?" + std::string(query));
    return http::json(200, R"({"restaurants":[{"id":3},{"id":5}],"total":2})");
  });
  const auto targets = warmer.targets_of(warm_plan_of(table(), cache_namespace::restaurants), 50);
  EXPECT_EQ(targets,
            (std::vector<std::string>{"/restaurants/", "/restaurants/active", "/restaurants/3", "/restaurants/5"}));
  EXPECT_EQ(asked, std::vector<std::string>{"/restaurants/?skip=0&limit=50"});
}

TEST(CacheWarmer, AListThatFailsGivesNoIds) {
  cache_warmer warmer([](std::string_view, std::string_view, std::string_view) { return http::json(500, "{}"); });
  EXPECT_TRUE(warmer.ids_from("/restaurants/", 10).empty());
}

}  // namespace
}  // namespace zomato::api
