#include <gtest/gtest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "schemas/body_rules.hpp"
#include "schemas/catalog_schemas.hpp"
#include "schemas/customer_schemas.hpp"
#include "schemas/order_schemas.hpp"
#include "schemas/review_schemas.hpp"

namespace zomato::schemas {
namespace {

using nlohmann::json;

json order_with_lines(std::size_t lines, std::int64_t quantity = 1) {
  json body{{"restaurant_id", 1}, {"delivery_address", "12 Long Street, City"}, {"order_items", json::array()}};
  for (std::size_t i = 0; i < lines; ++i) body["order_items"].push_back({{"menu_item_id", 1}, {"quantity", quantity}});
  return body;
}

json restaurant_with(const std::string& field, const std::string& value) {
  json body{
      {"name", "Long Table"}, {"cuisine_type", "Thai"}, {"address", "1 Main Street"}, {"phone_number", "+15550000000"}};
  body[field] = value;
  return body;
}

// The problems a parser reported, as rendered.
json detail_of(const http::problems& found) { return json::parse(http::render_problems(found))["detail"]; }

TEST(BodyRules, TakeAnOrderOfAsManyLinesAsTheLimit) {
  http::problems found;
  const auto order = parse_order(order_with_lines(100).dump(), found);
  EXPECT_TRUE(found.empty()) << detail_of(found).dump();
  EXPECT_EQ(order.items.size(), 100u);
}

TEST(BodyRules, RefuseAnOrderOfMoreLinesThanTheLimit) {
  http::problems found;
  (void)parse_order(order_with_lines(101).dump(), found);
  const auto detail = detail_of(found);
  ASSERT_EQ(detail.size(), 1u) << detail.dump();
  EXPECT_EQ(detail[0]["type"], "too_long");
  EXPECT_EQ(detail[0]["loc"], json({"body", "order_items"}));
  EXPECT_EQ(detail[0]["msg"], "List should have at most 100 items after validation, not 101");
}

TEST(BodyRules, FollowTheConfiguredNumberOfLines) {
  const body_rules rules{body_limits{.max_order_lines = 2}};
  http::problems found;
  (void)parse_order(order_with_lines(2).dump(), found, rules);
  EXPECT_TRUE(found.empty());
  (void)parse_order(order_with_lines(3).dump(), found, rules);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(detail_of(found)[0]["ctx"]["max_length"], 2);
}

TEST(BodyRules, RefuseAQuantityPastOneThousand) {
  http::problems found;
  (void)parse_order(order_with_lines(1, 1000).dump(), found);
  EXPECT_TRUE(found.empty());
  (void)parse_order(order_with_lines(1, 1001).dump(), found);
  const auto detail = detail_of(found);
  ASSERT_EQ(detail.size(), 1u) << detail.dump();
  EXPECT_EQ(detail[0]["type"], "less_than_equal");
  EXPECT_EQ(detail[0]["loc"], json({"body", "order_items", 0, "quantity"}));
}

TEST(BodyRules, CapAPriceAtOneHundredThousand) {
  http::problems found;
  const auto top = parse_new<domain::menu_item>(R"({"name":"Banquet","price":100000,"category":"Feast"})", found);
  EXPECT_TRUE(found.empty()) << detail_of(found).dump();
  EXPECT_EQ(top.price, 10'000'000);
  (void)parse_new<domain::menu_item>(R"({"name":"Banquet","price":99999999.99,"category":"Feast"})", found);
  const auto detail = detail_of(found);
  ASSERT_EQ(detail.size(), 1u) << detail.dump();
  EXPECT_EQ(detail[0]["type"], "less_than_equal");
  EXPECT_EQ(detail[0]["loc"], json({"body", "price"}));
  EXPECT_EQ(detail[0]["msg"], "Input should be less than or equal to 100000.0");
}

TEST(BodyRules, CapFreeTextAtTheConfiguredLength) {
  const body_rules rules{body_limits{.max_text_length = 200}};
  for (const char* field : {"description", "address"}) {
    http::problems found;
    (void)parse_new<domain::restaurant>(restaurant_with(field, std::string(200, 'x')).dump(), found, rules);
    EXPECT_TRUE(found.empty()) << field;
    (void)parse_new<domain::restaurant>(restaurant_with(field, std::string(201, 'x')).dump(), found, rules);
    const auto detail = detail_of(found);
    ASSERT_EQ(detail.size(), 1u) << field << detail.dump();
    EXPECT_EQ(detail[0]["type"], "string_too_long");
    EXPECT_EQ(detail[0]["loc"], json({"body", field}));
  }
}

TEST(BodyRules, CapEveryUnboundedTextByDefault) {
  const std::string long_text(1001, 'x');
  http::problems found;
  (void)parse_new<domain::restaurant>(restaurant_with("description", long_text).dump(), found);
  (void)parse_new<domain::menu_item>(
      json{{"name", "Soup"}, {"price", 5}, {"category", "Soups"}, {"description", long_text}}.dump(), found);
  (void)parse_new<domain::customer>(
      json{{"name", "Ann"}, {"email", "ann@example.com"}, {"phone_number", "+15550000000"}, {"address", long_text}}
          .dump(),
      found);
  auto order = order_with_lines(1);
  order["delivery_address"] = long_text;
  (void)parse_order(order.dump(), found);
  const auto detail = detail_of(found);
  ASSERT_EQ(detail.size(), 4u) << detail.dump();
  for (const auto& problem : detail) EXPECT_EQ(problem["msg"], "String should have at most 1000 characters");
}

}  // namespace
}  // namespace zomato::schemas
