#include <gtest/gtest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "schemas/time_filters.hpp"

namespace zomato::schemas {
namespace {

using nlohmann::json;
using namespace std::string_literals;

http::params bounds(std::optional<std::string> from, std::optional<std::string> to) {
  http::params values;
  values.set("from", from ? http::param_value{*from} : http::param_value{});
  values.set("to", to ? http::param_value{*to} : http::param_value{});
  return values;
}

TEST(TimeFilters, DeclaresFromAndToAfterTheGivenParameters) {
  const auto specs = with_time_filters({http::query_flag("active", "Active")}, "orders placed");
  ASSERT_EQ(specs.size(), 3u);
  EXPECT_EQ(specs[0].name, "active");
  for (std::size_t i : {1u, 2u}) {
    EXPECT_EQ(specs[i].kind, http::param_kind::time_bound);
    EXPECT_EQ(specs[i].place, http::param_place::query);
    EXPECT_FALSE(specs[i].required);
    EXPECT_NE(specs[i].description.find("orders placed"), std::string::npos);
  }
  EXPECT_EQ(specs[1].name, "from");
  EXPECT_EQ(specs[2].name, "to");
}

TEST(TimeFilters, ReadsTheBoundsGiven) {
  http::problems found;
  const auto both = time_range_of(bounds("2026-11-01T00:00:00"s, "2026-11-02T00:00:00"s), found);
  EXPECT_EQ(both.from, "2026-11-01T00:00:00");
  EXPECT_EQ(both.to, "2026-11-02T00:00:00");
  const auto open = time_range_of(bounds({}, "2026-11-02T00:00:00"s), found);
  EXPECT_FALSE(open.from);
  EXPECT_EQ(open.to, "2026-11-02T00:00:00");
  EXPECT_FALSE(time_range_of(bounds({}, {}), found).to);
  EXPECT_TRUE(found.empty());
}

TEST(TimeFilters, TakesEqualBoundsAsAnEmptyRange) {
  http::problems found;
  const auto range = time_range_of(bounds("2026-11-01T00:00:00"s, "2026-11-01T00:00:00"s), found);
  EXPECT_TRUE(found.empty());
  EXPECT_EQ(range.from, range.to);
}

TEST(TimeFilters, RefusesAToBeforeTheFrom) {
  http::problems found;
  time_range_of(bounds("2026-11-02T00:00:00"s, "2026-11-01T23:59:59"s), found);
  ASSERT_EQ(found.size(), 1u);
  const auto p = json::parse(http::render_problems(found))["detail"][0];
  EXPECT_EQ(p["type"], "value_error");
  EXPECT_EQ(p["loc"], json::array({"query", "to"}));
  EXPECT_EQ(p["input"], "2026-11-01T23:59:59");
  EXPECT_NE(p["msg"].get<std::string>().find("2026-11-02T00:00:00"), std::string::npos);
}

}  // namespace
}  // namespace zomato::schemas
