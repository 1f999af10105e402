// Catalog analytics: a restaurant's menu figures, popular cuisines and price bands.
// The global figures are checked on servers of their own so that the counts are exact.

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "support/order_fixtures.hpp"

namespace zomato::testing {
namespace {

using namespace order_fixtures;

std::int64_t id_of(const json& object) { return object.at("id").get<std::int64_t>(); }

class CatalogAnalyticsMenu : public server_suite<CatalogAnalyticsMenu> {};

TEST_F(CatalogAnalyticsMenu, RestaurantMenuFigures) {
  const auto restaurant = create_restaurant(api());
  const auto restaurant_id = id_of(restaurant);
  create_item(api(), restaurant_id, 12.99, json{{"category", "main course"}, {"is_vegetarian", true}});
  create_item(api(), restaurant_id, 14.99, json{{"category", "Main Course"}});
  create_item(api(), restaurant_id, 8.99,
              json{{"category", "appetizer"}, {"is_vegetarian", true}, {"is_vegan", true}, {"is_gluten_free", true}});
  create_item(api(), restaurant_id, 3.456,
              json{{"category", "Dessert"}, {"is_gluten_free", true}, {"is_available", false}});
  // Another restaurant's items do not count.
  create_item(api(), id_of(create_restaurant(api())), 99.0, json{{"category", "Other"}, {"is_vegan", true}});

  const auto reply = api().get("/restaurants/" + str(restaurant_id) + "/analytics");
  ASSERT_EQ(reply.status, 200) << reply.body;
  const auto analytics = reply.json();
  EXPECT_TRUE(has_shape(analytics, {{"restaurant_id", "integer"},
                                    {"restaurant_name", "string"},
                                    {"total_menu_items", "integer"},
                                    {"average_price", "string"},
                                    {"price_range", "object"},
                                    {"categories", "array"},
                                    {"dietary_options", "object"}}));
  EXPECT_EQ(analytics["restaurant_id"], restaurant_id);
  EXPECT_EQ(analytics["restaurant_name"], restaurant["name"]);
  EXPECT_EQ(analytics["total_menu_items"], 4);
  EXPECT_EQ(analytics["average_price"], "10.11");  // (12.99 + 14.99 + 8.99 + 3.46) / 4 = 10.1075
  EXPECT_EQ(analytics["price_range"], json({{"min", "3.46"}, {"max", "14.99"}}));
  std::vector<std::string> categories = analytics["categories"].get<std::vector<std::string>>();
  std::sort(categories.begin(), categories.end());
  EXPECT_EQ(categories, (std::vector<std::string>{"Appetizer", "Dessert", "Main Course"}));
  EXPECT_EQ(analytics["dietary_options"],
            json({{"vegetarian_items", 2}, {"vegan_items", 1}, {"gluten_free_items", 2}}));

  // A change to the menu shows at once.
  create_item(api(), restaurant_id, 1.0, json{{"is_vegan", true}});
  const auto after = get_json(api(), "/restaurants/" + str(restaurant_id) + "/analytics");
  EXPECT_EQ(after["total_menu_items"], 5);
  EXPECT_EQ(after["price_range"]["min"], "1.00");
  EXPECT_EQ(after["dietary_options"]["vegan_items"], 2);
}

TEST_F(CatalogAnalyticsMenu, EmptyMenuAndUnknownRestaurant) {
  const auto restaurant_id = id_of(create_restaurant(api()));
  const auto analytics = get_json(api(), "/restaurants/" + str(restaurant_id) + "/analytics");
  EXPECT_EQ(analytics["total_menu_items"], 0);
  EXPECT_EQ(analytics["average_price"], "0.00");
  EXPECT_TRUE(analytics["categories"].is_array());
  EXPECT_TRUE(analytics["categories"].empty());
  EXPECT_EQ(analytics["dietary_options"],
            json({{"vegetarian_items", 0}, {"vegan_items", 0}, {"gluten_free_items", 0}}));

  EXPECT_TRUE(is_detail(api().get("/restaurants/999999/analytics"), 404, "Restaurant not found"));
  EXPECT_TRUE(has_problem(api().get("/restaurants/abc/analytics"), json{"path", "restaurant_id"}));
}

class CatalogAnalyticsCuisines : public server_suite<CatalogAnalyticsCuisines> {};

TEST_F(CatalogAnalyticsCuisines, CountsRestaurantsPerCuisine) {
  const auto empty = get_json(api(), "/restaurants/analytics/popular-cuisines");
  EXPECT_TRUE(empty["popular_cuisines"].is_array());
  EXPECT_TRUE(empty["popular_cuisines"].empty());
  EXPECT_EQ(empty["total_cuisines"], 0);

  for (const std::string cuisine : {"Italian", "italian", "ITALIAN", "thai", "Thai", "Mexican", "south indian"}) {
    create_restaurant(api(), cuisine);
  }
  const auto reply = api().get("/restaurants/analytics/popular-cuisines");
  ASSERT_EQ(reply.status, 200) << reply.body;
  const auto ranking = reply.json();
  EXPECT_EQ(ranking["total_cuisines"], 4);
  const auto& list = ranking["popular_cuisines"];
  ASSERT_EQ(list.size(), 4u) << list.dump();
  EXPECT_EQ(list[0], json({{"cuisine", "Italian"}, {"restaurant_count", 3}}));
  EXPECT_EQ(list[1], json({{"cuisine", "Thai"}, {"restaurant_count", 2}}));
  std::set<std::string> singles;
  for (std::size_t i = 2; i < list.size(); ++i) {
    EXPECT_EQ(list[i]["restaurant_count"], 1);
    singles.insert(list[i]["cuisine"].get<std::string>());
  }
  EXPECT_EQ(singles, (std::set<std::string>{"Mexican", "South Indian"}));

  const auto limited = get_json(api(), "/restaurants/analytics/popular-cuisines?limit=2");
  ASSERT_EQ(limited["popular_cuisines"].size(), 2u);
  EXPECT_EQ(limited["popular_cuisines"][0]["cuisine"], "Italian");
  EXPECT_EQ(limited["popular_cuisines"][1]["cuisine"], "Thai");
  EXPECT_EQ(limited["total_cuisines"], 4);
  EXPECT_EQ(get_json(api(), "/restaurants/analytics/popular-cuisines?limit=1")["popular_cuisines"].size(), 1u);

  EXPECT_TRUE(has_problem(api().get("/restaurants/analytics/popular-cuisines?limit=0"), json{"query", "limit"}));
  EXPECT_TRUE(has_problem(api().get("/restaurants/analytics/popular-cuisines?limit=x"), json{"query", "limit"}));

  // A new restaurant moves Thai up to a tie; a cuisine change moves a count.
  const auto thai = create_restaurant(api(), "Thai");
  EXPECT_EQ(get_json(api(), "/restaurants/analytics/popular-cuisines")["popular_cuisines"][1],
            json({{"cuisine", "Thai"}, {"restaurant_count", 3}}));
  ASSERT_EQ(api().put("/restaurants/" + str(id_of(thai)), json{{"cuisine_type", "mexican"}}).status, 200);
  const auto moved = get_json(api(), "/restaurants/analytics/popular-cuisines");
  for (const auto& entry : moved["popular_cuisines"]) {
    if (entry["cuisine"] == "Mexican") {
      EXPECT_EQ(entry["restaurant_count"], 2);
    }
    if (entry["cuisine"] == "Thai") {
      EXPECT_EQ(entry["restaurant_count"], 2);
    }
  }
}

class CatalogAnalyticsPriceRanges : public server_suite<CatalogAnalyticsPriceRanges> {};

TEST_F(CatalogAnalyticsPriceRanges, BandsCountItemsWithExactPercentages) {
  const auto empty = get_json(api(), "/restaurants/analytics/price-ranges");
  EXPECT_EQ(empty["total_items"], 0);
  ASSERT_EQ(empty["price_ranges"].size(), 4u);
  for (const auto& band : empty["price_ranges"]) {
    EXPECT_EQ(band["item_count"], 0);
    EXPECT_DOUBLE_EQ(band["percentage"].get<double>(), 0.0);
  }

  const auto first = id_of(create_restaurant(api()));
  const auto second = id_of(create_restaurant(api()));
  // Budget: 5.00, 9.99; Moderate: 10.00, 24.99; Premium: 25.00, 49.99; Luxury: 50.00.
  for (const double price : {5.0, 9.99, 10.0}) create_item(api(), first, price);
  for (const double price : {24.99, 25.0, 49.99, 50.0}) create_item(api(), second, price);

  const auto reply = api().get("/restaurants/analytics/price-ranges");
  ASSERT_EQ(reply.status, 200) << reply.body;
  const auto ranges = reply.json();
  EXPECT_TRUE(has_shape(ranges, {{"price_ranges", "array"}, {"total_items", "integer"}, {"average_price", "string"}}));
  EXPECT_EQ(ranges["total_items"], 7);
  EXPECT_EQ(ranges["average_price"], "25.00");  // 174.97 / 7 = 24.9957
  const auto& bands = ranges["price_ranges"];
  ASSERT_EQ(bands.size(), 4u) << bands.dump();

  struct band_expectation {
    std::string range;
    std::string min_price;
    json max_price;
    int count;
    double percentage;
  };
  const std::vector<band_expectation> expected{
      {"Budget", "0.00", "10.00", 2, 28.57},
      {"Moderate", "10.00", "25.00", 2, 28.57},
      {"Premium", "25.00", "50.00", 2, 28.57},
      {"Luxury", "50.00", nullptr, 1, 14.29},
  };
  for (std::size_t i = 0; i < expected.size(); ++i) {
    SCOPED_TRACE(expected[i].range);
    EXPECT_TRUE(has_shape(bands[i], {{"range", "string"},
                                     {"min_price", "string"},
                                     {"max_price", "string?"},
                                     {"item_count", "integer"},
                                     {"percentage", "number"}}));
    EXPECT_EQ(bands[i]["range"], expected[i].range);
    EXPECT_EQ(bands[i]["min_price"], expected[i].min_price);
    EXPECT_EQ(bands[i]["max_price"], expected[i].max_price);
    EXPECT_EQ(bands[i]["item_count"], expected[i].count);
    EXPECT_DOUBLE_EQ(bands[i]["percentage"].get<double>(), expected[i].percentage);
  }

  // Repricing moves an item between bands; removing one changes the totals.
  const auto menu = get_json(api(), "/restaurants/" + str(second) + "/menu");
  std::int64_t luxury_id = 0;
  for (const auto& item : menu["menu_items"]) {
    if (item["price"] == 50.0) luxury_id = id_of(item);
  }
  ASSERT_NE(luxury_id, 0);
  ASSERT_EQ(api().put("/menu-items/" + str(luxury_id), json{{"price", 3.0}}).status, 200);
  const auto repriced = get_json(api(), "/restaurants/analytics/price-ranges");
  EXPECT_EQ(repriced["price_ranges"][0]["item_count"], 3);
  EXPECT_DOUBLE_EQ(repriced["price_ranges"][0]["percentage"].get<double>(), 42.86);
  EXPECT_EQ(repriced["price_ranges"][3]["item_count"], 0);
  EXPECT_DOUBLE_EQ(repriced["price_ranges"][3]["percentage"].get<double>(), 0.0);
  EXPECT_EQ(repriced["average_price"], "18.28");  // 127.97 / 7 = 18.2814

  ASSERT_EQ(api().del("/menu-items/" + str(luxury_id)).status, 204);
  const auto removed = get_json(api(), "/restaurants/analytics/price-ranges");
  EXPECT_EQ(removed["total_items"], 6);
  EXPECT_EQ(removed["price_ranges"][0]["item_count"], 2);
  EXPECT_DOUBLE_EQ(removed["price_ranges"][0]["percentage"].get<double>(), 33.33);
  EXPECT_EQ(removed["average_price"], "20.83");  // 124.97 / 6 = 20.8283
}

}  // namespace
}  // namespace zomato::testing
