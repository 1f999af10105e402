#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "schemas/catalog_schemas.hpp"

namespace zomato::schemas {
namespace {

using nlohmann::json;

std::set<std::string> keys_of(const json& object) {
  std::set<std::string> keys;
  for (const auto& [key, value] : object.items()) keys.insert(key);
  return keys;
}

std::set<std::string> keys_of(const shape& object) {
  std::set<std::string> keys;
  for (const auto& key : object.fields) keys.insert(key.name);
  return keys;
}

const std::set<std::string> restaurant_keys{"id",           "name",         "description", "cuisine_type",
                                            "address",      "phone_number", "rating",      "is_active",
                                            "opening_time", "closing_time", "created_at",  "updated_at"};
const std::set<std::string> menu_item_keys{
    "id",       "restaurant_id",  "name",         "description",      "price",      "category",  "is_vegetarian",
    "is_vegan", "is_gluten_free", "is_available", "preparation_time", "created_at", "updated_at"};

domain::restaurant stored_restaurant() {
  domain::restaurant r;
  r.id = 4;
  r.name = "Spice \"Garden\"";
  r.description = std::nullopt;
  r.cuisine_type = "South Indian";
  r.address = "12 Curry Lane";
  r.phone_number = "+1-555-0123";
  r.rating = 4.5;
  r.is_active = true;
  r.opening_time = "10:00:00";
  r.closing_time = std::nullopt;
  r.created_at = "2026-11-25T17:11:53";
  r.updated_at = "2026-11-25T17:11:54";
  return r;
}

domain::menu_item stored_item(std::int64_t id, domain::cents price) {
  domain::menu_item m;
  m.id = id;
  m.restaurant_id = 4;
  m.name = "Masala Dosa";
  m.description = "Crisp";
  m.price = price;
  m.category = "Main Course";
  m.is_vegetarian = true;
  m.is_vegan = false;
  m.is_gluten_free = true;
  m.is_available = true;
  m.preparation_time = std::nullopt;
  m.created_at = "2026-11-25T17:11:53";
  m.updated_at = "2026-11-25T17:11:53";
  return m;
}

TEST(ParseRestaurant, ReadsAValidBodyWithDefaults) {
  http::problems found;
  const auto r = parse_new<domain::restaurant>(
      R"({"name":"  Spice Garden ","cuisine_type":"south indian","address":"12 Curry Lane","phone_number":"+1-555-0123"})",
      found);
  EXPECT_TRUE(found.empty()) << http::render_problems(found);
  EXPECT_EQ(r.name, "Spice Garden");
  EXPECT_EQ(r.cuisine_type, "South Indian");
  EXPECT_EQ(r.address, "12 Curry Lane");
  EXPECT_EQ(r.phone_number, "+1-555-0123");
  EXPECT_EQ(r.rating, 0.0);
  EXPECT_TRUE(r.is_active);
  EXPECT_EQ(r.description, std::nullopt);
  EXPECT_EQ(r.opening_time, std::nullopt);
  EXPECT_EQ(r.closing_time, std::nullopt);
}

TEST(ParseRestaurant, ReadsEveryField) {
  http::problems found;
  const auto r =
      parse_new<domain::restaurant>(R"({"name":"Thai Orchid","description":"Family run","cuisine_type":"THAI",
      "address":"1 Long Street","phone_number":"(555) 123-4567","rating":4,"is_active":false,
      "opening_time":"09:30","closing_time":"22:00:00"})",
                                    found);
  EXPECT_TRUE(found.empty()) << http::render_problems(found);
  EXPECT_EQ(r.description, "Family run");
  EXPECT_EQ(r.cuisine_type, "Thai");
  EXPECT_EQ(r.phone_number, "(555) 123-4567");
  EXPECT_EQ(r.rating, 4.0);
  EXPECT_FALSE(r.is_active);
  EXPECT_EQ(r.opening_time, "09:30:00");
  EXPECT_EQ(r.closing_time, "22:00:00");
}

TEST(ParseRestaurant, ReportsTheContractRules) {
  http::problems found;
  (void)parse_new<domain::restaurant>(R"({"name":"ab","cuisine_type":" ","address":"1234","phone_number":"555-0123",
      "rating":5.5,"opening_time":"25:00"})",
                                      found);
  const auto detail = json::parse(http::render_problems(found))["detail"];
  std::vector<std::pair<json, std::string>> got;
  for (const auto& p : detail) got.emplace_back(p["loc"], p["type"]);
  const std::vector<std::pair<json, std::string>> expected{{json::array({"body", "name"}), "string_too_short"},
                                                           {json::array({"body", "cuisine_type"}), "string_too_short"},
                                                           {json::array({"body", "address"}), "string_too_short"},
                                                           {json::array({"body", "phone_number"}), "value_error"},
                                                           {json::array({"body", "rating"}), "less_than_equal"},
                                                           {json::array({"body", "opening_time"}), "time_parsing"}};
  EXPECT_EQ(got, expected) << detail.dump();
}

TEST(ParseRestaurant, RequiresNameCuisineAddressAndPhone) {
  http::problems found;
  (void)parse_new<domain::restaurant>("{}", found);
  std::set<std::string> missing;
  for (const auto& p : found) {
    EXPECT_EQ(p.type, "missing");
    missing.insert(std::get<std::string>(p.loc.at(1)));
  }
  EXPECT_EQ(missing, (std::set<std::string>{"name", "cuisine_type", "address", "phone_number"}));
}

TEST(ParseRestaurant, NameLengthIsThreeToOneHundred) {
  const auto body = [](const std::string& name) {
    return json{{"name", name}, {"cuisine_type", "x"}, {"address", "12345"}, {"phone_number", "12345678"}}.dump();
  };
  http::problems found;
  (void)parse_new<domain::restaurant>(body("abc"), found);
  (void)parse_new<domain::restaurant>(body(std::string(100, 'n')), found);
  EXPECT_TRUE(found.empty()) << http::render_problems(found);
  (void)parse_new<domain::restaurant>(body(std::string(101, 'n')), found);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].type, "string_too_long");
}

TEST(ParseRestaurantPatch, SetsOnlySentFields) {
  http::problems found;
  const auto p = parse_patch<domain::restaurant>(R"({"rating":4.5})", found);
  EXPECT_TRUE(found.empty());
  EXPECT_EQ(p.get(&domain::restaurant::rating), 4.5);
  EXPECT_FALSE(p.get(&domain::restaurant::name));
  EXPECT_FALSE(p.get(&domain::restaurant::description));
  EXPECT_FALSE(p.get(&domain::restaurant::cuisine_type));
  EXPECT_FALSE(p.get(&domain::restaurant::address));
  EXPECT_FALSE(p.get(&domain::restaurant::phone_number));
  EXPECT_FALSE(p.get(&domain::restaurant::is_active));
  EXPECT_FALSE(p.get(&domain::restaurant::opening_time));
  EXPECT_FALSE(p.get(&domain::restaurant::closing_time));
}

TEST(ParseRestaurantPatch, NullClearsNullableFields) {
  http::problems found;
  const auto p =
      parse_patch<domain::restaurant>(R"({"description":null,"opening_time":null,"cuisine_type":"  tex-mex "})", found);
  EXPECT_TRUE(found.empty()) << http::render_problems(found);
  ASSERT_TRUE(p.get(&domain::restaurant::description).has_value());
  EXPECT_FALSE(p.get(&domain::restaurant::description)->has_value());
  ASSERT_TRUE(p.get(&domain::restaurant::opening_time).has_value());
  EXPECT_FALSE(p.get(&domain::restaurant::opening_time)->has_value());
  EXPECT_FALSE(p.get(&domain::restaurant::closing_time).has_value());
  EXPECT_EQ(p.get(&domain::restaurant::cuisine_type), "Tex-Mex");
}

TEST(ParseRestaurantPatch, ValidatesSentFields) {
  http::problems found;
  const auto p = parse_patch<domain::restaurant>(R"({"name":"ab","is_active":false})", found);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].type, "string_too_short");
  EXPECT_FALSE(p.get(&domain::restaurant::name));
  EXPECT_EQ(p.get(&domain::restaurant::is_active), false);
}

TEST(ParseRestaurantPatch, EmptyObjectChangesNothing) {
  http::problems found;
  const auto p = parse_patch<domain::restaurant>("{}", found);
  EXPECT_TRUE(found.empty());
  EXPECT_FALSE(p.get(&domain::restaurant::name) || p.get(&domain::restaurant::description) ||
               p.get(&domain::restaurant::cuisine_type) || p.get(&domain::restaurant::address) ||
               p.get(&domain::restaurant::phone_number) || p.get(&domain::restaurant::rating) ||
               p.get(&domain::restaurant::is_active) || p.get(&domain::restaurant::opening_time) ||
               p.get(&domain::restaurant::closing_time));
}

TEST(ParseMenuItem, ReadsAValidBodyWithDefaults) {
  http::problems found;
  const auto m =
      parse_new<domain::menu_item>(R"({"name":" Masala Dosa ","price":3.456,"category":"main course"})", found);
  EXPECT_TRUE(found.empty()) << http::render_problems(found);
  EXPECT_EQ(m.name, "Masala Dosa");
  EXPECT_EQ(m.price, 346);
  EXPECT_EQ(m.category, "Main Course");
  EXPECT_EQ(m.description, std::nullopt);
  EXPECT_FALSE(m.is_vegetarian);
  EXPECT_FALSE(m.is_vegan);
  EXPECT_FALSE(m.is_gluten_free);
  EXPECT_TRUE(m.is_available);
  EXPECT_EQ(m.preparation_time, std::nullopt);
}

TEST(ParseMenuItem, ReadsEveryField) {
  http::problems found;
  const auto m =
      parse_new<domain::menu_item>(R"({"name":"Vegan Bowl","description":"Greens","price":12,"category":"SALAD",
      "is_vegetarian":true,"is_vegan":1,"is_gluten_free":true,"is_available":false,"preparation_time":15.0})",
                                   found);
  EXPECT_TRUE(found.empty()) << http::render_problems(found);
  EXPECT_EQ(m.description, "Greens");
  EXPECT_EQ(m.price, 1200);
  EXPECT_EQ(m.category, "Salad");
  EXPECT_TRUE(m.is_vegetarian);
  EXPECT_TRUE(m.is_vegan);
  EXPECT_TRUE(m.is_gluten_free);
  EXPECT_FALSE(m.is_available);
  EXPECT_EQ(m.preparation_time, 15);
}

TEST(ParseMenuItem, ReportsTheContractRules) {
  http::problems found;
  (void)parse_new<domain::menu_item>(R"({"name":"ab","price":0,"category":"","preparation_time":0})", found);
  std::vector<std::string> fields;
  for (const auto& p : found) fields.push_back(std::get<std::string>(p.loc.at(1)));
  EXPECT_EQ(fields, (std::vector<std::string>{"name", "price", "category", "preparation_time"}));
}

TEST(ParseMenuItem, RequiresNamePriceAndCategory) {
  http::problems found;
  (void)parse_new<domain::menu_item>(R"({"description":"x"})", found);
  std::set<std::string> missing;
  for (const auto& p : found) missing.insert(std::get<std::string>(p.loc.at(1)));
  EXPECT_EQ(missing, (std::set<std::string>{"name", "price", "category"}));
}

TEST(ParseMenuItemPatch, SetsOnlySentFields) {
  http::problems found;
  const auto p = parse_patch<domain::menu_item>(R"({"price":9.999,"preparation_time":null,"is_vegan":false})", found);
  EXPECT_TRUE(found.empty()) << http::render_problems(found);
  EXPECT_EQ(p.get(&domain::menu_item::price), 1000);
  ASSERT_TRUE(p.get(&domain::menu_item::preparation_time).has_value());
  EXPECT_FALSE(p.get(&domain::menu_item::preparation_time)->has_value());
  EXPECT_EQ(p.get(&domain::menu_item::is_vegan), false);
  EXPECT_FALSE(p.get(&domain::menu_item::name) || p.get(&domain::menu_item::description) ||
               p.get(&domain::menu_item::category) || p.get(&domain::menu_item::is_vegetarian) ||
               p.get(&domain::menu_item::is_gluten_free) || p.get(&domain::menu_item::is_available));
}

TEST(RenderRestaurant, WritesTheContractKeys) {
  const auto text = render(stored_restaurant());
  const auto r = json::parse(text);
  EXPECT_EQ(keys_of(r), restaurant_keys);
  EXPECT_EQ(r["id"], 4);
  EXPECT_EQ(r["name"], "Spice \"Garden\"");
  EXPECT_TRUE(r["description"].is_null());
  EXPECT_EQ(r["cuisine_type"], "South Indian");
  EXPECT_TRUE(r["rating"].is_number_float());
  EXPECT_EQ(r["rating"], 4.5);
  EXPECT_EQ(r["is_active"], true);
  EXPECT_EQ(r["opening_time"], "10:00:00");
  EXPECT_TRUE(r["closing_time"].is_null());
  EXPECT_EQ(r["created_at"], "2026-11-25T17:11:53");
  EXPECT_EQ(r["updated_at"], "2026-11-25T17:11:54");
}

TEST(RenderRestaurant, WritesAZeroRatingAsAFloat) {
  auto r = stored_restaurant();
  r.rating = 0.0;
  const auto text = render(r);
  EXPECT_NE(text.find(R"("rating":0.0)"), std::string::npos) << text;
}

TEST(RenderMenuItem, WritesTheContractKeysAndPriceAsANumber) {
  const auto text = render(stored_item(8, 1000));
  const auto m = json::parse(text);
  EXPECT_EQ(keys_of(m), menu_item_keys);
  EXPECT_NE(text.find(R"("price":10.0)"), std::string::npos) << text;
  EXPECT_TRUE(m["price"].is_number_float());
  EXPECT_EQ(m["price"], 10.0);
  EXPECT_EQ(m["id"], 8);
  EXPECT_EQ(m["restaurant_id"], 4);
  EXPECT_EQ(m["category"], "Main Course");
  EXPECT_EQ(m["is_gluten_free"], true);
  EXPECT_TRUE(m["preparation_time"].is_null());
}

TEST(RenderMenuItem, WritesPricesWithAtMostTwoDecimals) {
  EXPECT_NE(render(stored_item(1, 1299)).find(R"("price":12.99,)"), std::string::npos);
  EXPECT_NE(render(stored_item(1, 1250)).find(R"("price":12.5,)"), std::string::npos);
  EXPECT_NE(render(stored_item(1, 5)).find(R"("price":0.05,)"), std::string::npos);
  auto m = stored_item(1, 999);
  m.preparation_time = 20;
  const auto parsed = json::parse(render(m));
  EXPECT_EQ(parsed["price"], 9.99);
  EXPECT_EQ(parsed["preparation_time"], 20);
}

TEST(RenderWithMenu, NestsTheMenuItems) {
  const auto r = json::parse(render_with_menu(stored_restaurant(), {stored_item(1, 1000), stored_item(2, 1299)}));
  auto expected_keys = restaurant_keys;
  expected_keys.insert("menu_items");
  EXPECT_EQ(keys_of(r), expected_keys);
  ASSERT_TRUE(r["menu_items"].is_array());
  ASSERT_EQ(r["menu_items"].size(), 2u);
  EXPECT_EQ(keys_of(r["menu_items"][0]), menu_item_keys);
  EXPECT_EQ(r["menu_items"][0]["id"], 1);
  EXPECT_EQ(r["menu_items"][1]["id"], 2);
  EXPECT_EQ(r["menu_items"][1]["price"], 12.99);
  EXPECT_EQ(r["id"], 4);
}

TEST(RenderWithMenu, WritesAnEmptyMenu) {
  const auto r = json::parse(render_with_menu(stored_restaurant(), {}));
  EXPECT_EQ(r["menu_items"], json::array());
}

TEST(RenderWithRestaurant, NestsTheRestaurant) {
  const auto m = json::parse(render_with_restaurant(stored_item(8, 1000), stored_restaurant()));
  auto expected_keys = menu_item_keys;
  expected_keys.insert("restaurant");
  EXPECT_EQ(keys_of(m), expected_keys);
  EXPECT_EQ(keys_of(m["restaurant"]), restaurant_keys);
  EXPECT_EQ(m["id"], 8);
  EXPECT_EQ(m["restaurant"]["id"], 4);
  EXPECT_EQ(m["restaurant"]["name"], "Spice \"Garden\"");
  EXPECT_EQ(m["price"], 10.0);
}

TEST(ResponseShapes, ListTheRenderedKeys) {
  EXPECT_EQ(keys_of(shape_of<domain::restaurant>()), restaurant_keys);
  EXPECT_EQ(keys_of(shape_of<domain::menu_item>()), menu_item_keys);
  for (const auto& key : shape_of<domain::menu_item>().fields) {
    if (key.name == "price") {
      EXPECT_EQ(key.value.type, shape::kind::number);
    }
    if (key.name == "preparation_time") {
      EXPECT_TRUE(key.value.nullable);
    }
  }
}

TEST(Rules, DescribeTheContract) {
  const auto find = [](const std::vector<field_rule>& rules, const std::string& name) -> const field_rule& {
    for (const auto& rule : rules) {
      if (rule.name == name) return rule;
    }
    throw std::out_of_range(name);
  };
  EXPECT_EQ(find(body_rules::defaults().restaurant(), "name").min_length, 3u);
  EXPECT_EQ(find(body_rules::defaults().restaurant(), "name").max_length, 100u);
  EXPECT_EQ(find(body_rules::defaults().restaurant(), "cuisine_type").style, text_style::title);
  EXPECT_EQ(find(body_rules::defaults().restaurant(), "address").min_length, 5u);
  EXPECT_EQ(find(body_rules::defaults().restaurant(), "rating").maximum, 5.0);
  EXPECT_EQ(find(body_rules::defaults().menu_item(), "category").max_length, 50u);
  EXPECT_EQ(find(body_rules::defaults().menu_item(), "price").kind, field_kind::money);
  EXPECT_EQ(find(body_rules::defaults().menu_item(), "preparation_time").minimum, 1.0);
}

}  // namespace
}  // namespace zomato::schemas
