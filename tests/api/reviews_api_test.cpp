// Reviews: the rules for reviewing an order, validation order, the restaurant rating,
// review lists, and the restaurant / customer order analytics.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/order_fixtures.hpp"

namespace zomato::testing {
namespace {

using namespace order_fixtures;

std::int64_t id_of(const json& object) { return object.at("id").get<std::int64_t>(); }

std::string review_target(std::int64_t order_id, std::int64_t customer_id) {
  return "/reviews/orders/" + str(order_id) + "/review?customer_id=" + str(customer_id);
}

class ReviewsApi : public server_suite<ReviewsApi> {
 protected:
  void SetUp() override {
    server_suite<ReviewsApi>::SetUp();
    restaurant_id_ = id_of(create_restaurant(api()));
    item_id_ = id_of(create_item(api(), restaurant_id_, 12.5));
  }
  /// A new customer's order at the fixture restaurant, driven to the status.
  std::pair<std::int64_t, std::int64_t> order_in(const std::string& status) {
    const auto customer_id = id_of(create_customer(api()));
    const auto order_id = id_of(place_order(api(), customer_id, restaurant_id_, {{item_id_, 1}}));
    drive_to(api(), order_id, status);
    return {customer_id, order_id};
  }
  double restaurant_rating() { return get_json(api(), "/restaurants/" + str(restaurant_id_))["rating"].get<double>(); }

  std::int64_t restaurant_id_ = 0;
  std::int64_t item_id_ = 0;
};

TEST_F(ReviewsApi, DeliveredOrderCanBeReviewedByItsCustomer) {
  const auto [customer_id, order_id] = order_in("delivered");
  const auto reply =
      api().post(review_target(order_id, customer_id), json{{"rating", 5}, {"comment", "Excellent pizza!"}});
  ASSERT_EQ(reply.status, 201) << reply.body;
  const auto review = reply.json();
  EXPECT_TRUE(has_shape(review, review_keys()));
  EXPECT_EQ(review["rating"], 5);
  EXPECT_EQ(review["comment"], "Excellent pizza!");
  EXPECT_EQ(review["customer_id"], customer_id);
  EXPECT_EQ(review["order_id"], order_id);
  EXPECT_EQ(review["restaurant_id"], restaurant_id_);
  EXPECT_TRUE(is_timestamp(review["created_at"]));

  const auto [other_customer, other_order] = order_in("delivered");
  const auto bare = api().post(review_target(other_order, other_customer), json{{"rating", 3}});
  ASSERT_EQ(bare.status, 201) << bare.body;
  EXPECT_TRUE(bare.json()["comment"].is_null());
  EXPECT_NE(bare.json()["id"], review["id"]);
}

TEST_F(ReviewsApi, OnlyDeliveredOrdersCanBeReviewed) {
  for (const std::string status : {"placed", "confirmed", "preparing", "out_for_delivery", "cancelled"}) {
    const auto [customer_id, order_id] = order_in(status);
    EXPECT_TRUE(is_detail(api().post(review_target(order_id, customer_id), json{{"rating", 5}, {"comment", "Great"}}),
                          400, "Can only review delivered orders"))
        << status;
  }
  EXPECT_EQ(total_of(api(), "/reviews/restaurants/" + str(restaurant_id_) + "/reviews"), 0);
  EXPECT_EQ(restaurant_rating(), 0.0);
}

TEST_F(ReviewsApi, OnlyTheOrdersCustomerCanReviewIt) {
  const auto [customer_id, order_id] = order_in("delivered");
  const auto stranger = id_of(create_customer(api()));
  EXPECT_TRUE(is_detail(api().post(review_target(order_id, stranger), json{{"rating", 5}}), 400,
                        "Customer can only review their own orders"));
  EXPECT_EQ(total_of(api(), "/reviews/customers/" + str(stranger) + "/reviews"), 0);
  EXPECT_EQ(api().post(review_target(order_id, customer_id), json{{"rating", 4}}).status, 201);
}

TEST_F(ReviewsApi, AnOrderIsReviewedOnce) {
  const auto [customer_id, order_id] = order_in("delivered");
  ASSERT_EQ(api().post(review_target(order_id, customer_id), json{{"rating", 5}}).status, 201);
  EXPECT_TRUE(is_detail(api().post(review_target(order_id, customer_id), json{{"rating", 4}}), 400,
                        "Order has already been reviewed"));
  EXPECT_TRUE(is_detail(api().post(review_target(order_id, customer_id), json{{"rating", 5}}), 400,
                        "Order has already been reviewed"));
  EXPECT_EQ(total_of(api(), "/reviews/customers/" + str(customer_id) + "/reviews"), 1);
  EXPECT_EQ(restaurant_rating(), 5.0);
}

TEST_F(ReviewsApi, BodyValidationComesBeforeTheRules) {
  const auto [customer_id, order_id] = order_in("placed");
  const auto target = review_target(order_id, customer_id);
  EXPECT_TRUE(has_problem(api().post(target, json{{"rating", 0}}), json{"body", "rating"}));
  EXPECT_TRUE(has_problem(api().post(target, json{{"rating", 6}}), json{"body", "rating"}));
  EXPECT_TRUE(has_problem(api().post(target, json{{"rating", -1}}), json{"body", "rating"}));
  EXPECT_TRUE(has_problem(api().post(target, json{{"rating", "five"}}), json{"body", "rating"}));
  EXPECT_TRUE(has_problem(api().post(target, json{{"comment", "no rating"}}), json{"body", "rating"}, "missing"));
  EXPECT_TRUE(has_problem(api().post(target, json{{"rating", 5}, {"comment", std::string(1001, 'c')}}),
                          json{"body", "comment"}, "string_too_long"));
  EXPECT_TRUE(has_problem(api().post(review_target(999999, customer_id), json{{"rating", 6}}), json{"body", "rating"}));
  EXPECT_EQ(api().post_text(target, "{\"rating\": ").status, 422);
}

TEST_F(ReviewsApi, RatingAndCommentBoundariesAreAccepted) {
  const auto [first_customer, first_order] = order_in("delivered");
  const auto longest =
      api().post(review_target(first_order, first_customer), json{{"rating", 1}, {"comment", std::string(1000, 'c')}});
  ASSERT_EQ(longest.status, 201) << longest.body;
  EXPECT_EQ(longest.json()["comment"].get<std::string>().size(), 1000u);
  const auto [second_customer, second_order] = order_in("delivered");
  EXPECT_EQ(api().post(review_target(second_order, second_customer), json{{"rating", 5}}).status, 201);
  EXPECT_EQ(restaurant_rating(), 3.0);
}

TEST_F(ReviewsApi, CustomerIdQueryParameterIsRequired) {
  const auto [customer_id, order_id] = order_in("delivered");
  const auto missing = api().post("/reviews/orders/" + str(order_id) + "/review", json{{"rating", 5}});
  EXPECT_TRUE(has_problem(missing, json{"query", "customer_id"}, "missing"));
  EXPECT_TRUE(
      has_problem(api().post("/reviews/orders/" + str(order_id) + "/review?customer_id=abc", json{{"rating", 5}}),
                  json{"query", "customer_id"}));
  EXPECT_EQ(total_of(api(), "/reviews/customers/" + str(customer_id) + "/reviews"), 0);
}

TEST_F(ReviewsApi, UnknownOrderIsNotFound) {
  const auto customer_id = id_of(create_customer(api()));
  EXPECT_TRUE(is_detail(api().post(review_target(999999, customer_id), json{{"rating", 5}}), 404, "Order not found"));
  EXPECT_TRUE(is_detail(api().get("/reviews/restaurants/999999/reviews"), 404, "Restaurant not found"));
  EXPECT_TRUE(is_detail(api().get("/reviews/customers/999999/reviews"), 404, "Customer not found"));
  EXPECT_TRUE(is_detail(api().get("/reviews/restaurants/999999/analytics"), 404, "Restaurant not found"));
}

TEST_F(ReviewsApi, RestaurantRatingIsTheMeanRoundedToOneDecimal) {
  const auto other_restaurant = id_of(create_restaurant(api()));
  const double other_rating_before = get_json(api(), "/restaurants/" + str(other_restaurant))["rating"].get<double>();

  const auto [c1, o1] = order_in("delivered");
  ASSERT_EQ(api().post(review_target(o1, c1), json{{"rating", 5}}).status, 201);
  EXPECT_DOUBLE_EQ(restaurant_rating(), 5.0);
  const auto [c2, o2] = order_in("delivered");
  ASSERT_EQ(api().post(review_target(o2, c2), json{{"rating", 4}}).status, 201);
  EXPECT_DOUBLE_EQ(restaurant_rating(), 4.5);
  const auto [c3, o3] = order_in("delivered");
  ASSERT_EQ(api().post(review_target(o3, c3), json{{"rating", 4}}).status, 201);
  EXPECT_DOUBLE_EQ(restaurant_rating(), 4.3);
  const auto [c4, o4] = order_in("delivered");
  ASSERT_EQ(api().post(review_target(o4, c4), json{{"rating", 1}}).status, 201);
  EXPECT_DOUBLE_EQ(restaurant_rating(), 3.5);  // 14 / 4

  const auto restaurant = get_json(api(), "/restaurants/" + str(restaurant_id_));
  EXPECT_TRUE(restaurant["rating"].is_number());
  EXPECT_DOUBLE_EQ(get_json(api(), "/restaurants/" + str(restaurant_id_) + "/with-menu")["rating"].get<double>(), 3.5);
  EXPECT_DOUBLE_EQ(get_json(api(), "/restaurants/" + str(other_restaurant))["rating"].get<double>(),
                   other_rating_before);

  const auto analytics = get_json(api(), "/reviews/restaurants/" + str(restaurant_id_) + "/analytics");
  EXPECT_EQ(analytics["total_reviews"], 4);
  EXPECT_DOUBLE_EQ(analytics["average_rating"].get<double>(), 3.5);
}

TEST_F(ReviewsApi, DeletingACustomerRemovesTheirReviewsAndOrdersAndRecomputesTheRating) {
  const auto [c1, o1] = order_in("delivered");
  const auto [c2, o2] = order_in("delivered");
  const auto [c3, o3] = order_in("delivered");
  ASSERT_EQ(api().post(review_target(o1, c1), json{{"rating", 5}}).status, 201);
  ASSERT_EQ(api().post(review_target(o2, c2), json{{"rating", 4}}).status, 201);
  ASSERT_EQ(api().post(review_target(o3, c3), json{{"rating", 4}}).status, 201);
  const auto extra_order = id_of(place_order(api(), c1, restaurant_id_, {{item_id_, 3}}));
  ASSERT_DOUBLE_EQ(restaurant_rating(), 4.3);
  ASSERT_EQ(get_json(api(), "/reviews/restaurants/" + str(restaurant_id_) + "/analytics")["total_orders"], 4);

  ASSERT_EQ(api().del("/customers/" + str(c1)).status, 204);
  EXPECT_DOUBLE_EQ(restaurant_rating(), 4.0);
  EXPECT_TRUE(is_detail(api().get("/orders/" + str(o1)), 404, "Order not found"));
  EXPECT_TRUE(is_detail(api().get("/orders/" + str(extra_order)), 404, "Order not found"));
  EXPECT_EQ(api().get("/orders/" + str(o2)).status, 200);
  const auto reviews = get_json(api(), "/reviews/restaurants/" + str(restaurant_id_) + "/reviews");
  EXPECT_EQ(reviews["total"], 2);
  for (const auto& review : reviews["reviews"]) EXPECT_NE(review["customer_id"], c1);
  const auto analytics = get_json(api(), "/reviews/restaurants/" + str(restaurant_id_) + "/analytics");
  EXPECT_EQ(analytics["total_orders"], 2);
  EXPECT_EQ(analytics["total_reviews"], 2);
  EXPECT_EQ(analytics["total_revenue"], "25.00");
  EXPECT_DOUBLE_EQ(analytics["average_rating"].get<double>(), 4.0);
  EXPECT_TRUE(is_detail(api().get("/reviews/customers/" + str(c1) + "/reviews"), 404, "Customer not found"));

  ASSERT_EQ(api().del("/customers/" + str(c2)).status, 204);
  EXPECT_DOUBLE_EQ(restaurant_rating(), 4.0);
}

TEST_F(ReviewsApi, ReviewListsIncludeTheCustomer) {
  const auto [c1, o1] = order_in("delivered");
  const auto [c2, o2] = order_in("delivered");
  ASSERT_EQ(api().post(review_target(o1, c1), json{{"rating", 5}, {"comment", "first"}}).status, 201);
  ASSERT_EQ(api().post(review_target(o2, c2), json{{"rating", 2}, {"comment", "second"}}).status, 201);
  const auto second_order_of_c1 = id_of(place_order(api(), c1, restaurant_id_, {{item_id_, 1}}));
  drive_to(api(), second_order_of_c1, "delivered");
  ASSERT_EQ(api().post(review_target(second_order_of_c1, c1), json{{"rating", 4}}).status, 201);

  const auto by_restaurant = get_json(api(), "/reviews/restaurants/" + str(restaurant_id_) + "/reviews");
  EXPECT_EQ(by_restaurant["total"], 3);
  EXPECT_EQ(by_restaurant["skip"], 0);
  EXPECT_EQ(by_restaurant["limit"], 100);
  ASSERT_EQ(by_restaurant["reviews"].size(), 3u);
  EXPECT_TRUE(newest_first(by_restaurant["reviews"], "created_at"));
  for (const auto& review : by_restaurant["reviews"]) {
    EXPECT_TRUE(has_shape(review, review_keys()));
    EXPECT_TRUE(has_shape(review["customer"], customer_keys()));
    EXPECT_EQ(review["customer"]["id"], review["customer_id"]);
    EXPECT_EQ(review["customer"], get_json(api(), "/customers/" + str(review["customer_id"].get<std::int64_t>())));
    EXPECT_EQ(review["restaurant_id"], restaurant_id_);
  }

  const auto by_customer = get_json(api(), "/reviews/customers/" + str(c1) + "/reviews");
  EXPECT_EQ(by_customer["total"], 2);
  ASSERT_EQ(by_customer["reviews"].size(), 2u);
  for (const auto& review : by_customer["reviews"]) {
    EXPECT_EQ(review["customer_id"], c1);
    EXPECT_EQ(review["customer"]["id"], c1);
    EXPECT_TRUE(has_shape(review["customer"], customer_keys()));
  }

  const auto page = get_json(api(), "/reviews/restaurants/" + str(restaurant_id_) + "/reviews?skip=1&limit=1");
  EXPECT_EQ(page["total"], 3);
  EXPECT_EQ(page["skip"], 1);
  EXPECT_EQ(page["limit"], 1);
  ASSERT_EQ(page["reviews"].size(), 1u);
  EXPECT_EQ(page["reviews"][0], by_restaurant["reviews"][1]);
  EXPECT_TRUE(has_problem(api().get("/reviews/restaurants/" + str(restaurant_id_) + "/reviews?limit=0"),
                          json{"query", "limit"}));

  const auto nobody = id_of(create_customer(api()));
  const auto empty = get_json(api(), "/reviews/customers/" + str(nobody) + "/reviews");
  EXPECT_EQ(empty["total"], 0);
  EXPECT_TRUE(empty["reviews"].is_array());
  EXPECT_TRUE(empty["reviews"].empty());
}

class ReviewsAnalytics : public server_suite<ReviewsAnalytics> {};

TEST_F(ReviewsAnalytics, RestaurantAnalyticsCountsRevenueWithoutCancelledOrders) {
  const auto restaurant_id = id_of(create_restaurant(api()));
  const auto pizza = create_item(api(), restaurant_id, 12.99);
  const auto salad = create_item(api(), restaurant_id, 8.99);
  const auto cheap = create_item(api(), restaurant_id, 3.456);
  const auto customer_id = id_of(create_customer(api()));

  const auto delivered = id_of(place_order(api(), customer_id, restaurant_id, {{id_of(pizza), 2}, {id_of(salad), 1}}));
  drive_to(api(), delivered, "delivered");
  ASSERT_EQ(api().post(review_target(delivered, customer_id), json{{"rating", 5}}).status, 201);
  place_order(api(), customer_id, restaurant_id, {{id_of(cheap), 5}});                                // 17.30 placed
  const auto cancelled = id_of(place_order(api(), customer_id, restaurant_id, {{id_of(salad), 1}}));  // 8.99
  drive_to(api(), cancelled, "cancelled");
  const auto confirmed = id_of(place_order(api(), customer_id, restaurant_id, {{id_of(pizza), 1}, {id_of(cheap), 1}}));
  drive_to(api(), confirmed, "confirmed");  // 16.45

  const auto reply = api().get("/reviews/restaurants/" + str(restaurant_id) + "/analytics");
  ASSERT_EQ(reply.status, 200) << reply.body;
  const auto analytics = reply.json();
  EXPECT_TRUE(has_shape(analytics, {{"restaurant_id", "integer"},
                                    {"total_orders", "integer"},
                                    {"total_revenue", "string"},
                                    {"average_rating", "number"},
                                    {"total_reviews", "integer"},
                                    {"popular_items", "array"},
                                    {"order_status_breakdown", "object"}}));
  EXPECT_EQ(analytics["restaurant_id"], restaurant_id);
  EXPECT_EQ(analytics["total_orders"], 4);
  EXPECT_EQ(analytics["total_revenue"], "68.72");  // 34.97 + 17.30 + 16.45, the cancelled 8.99 excluded
  EXPECT_EQ(analytics["total_reviews"], 1);
  EXPECT_DOUBLE_EQ(analytics["average_rating"].get<double>(), 5.0);
  EXPECT_EQ(analytics["order_status_breakdown"],
            json({{"delivered", 1}, {"placed", 1}, {"cancelled", 1}, {"confirmed", 1}}));

  const auto& popular = analytics["popular_items"];
  ASSERT_EQ(popular.size(), 3u) << popular.dump();
  EXPECT_EQ(popular[0]["menu_item_id"], id_of(cheap));
  EXPECT_EQ(popular[0]["name"], cheap["name"]);
  EXPECT_EQ(popular[0]["order_count"], 6);
  EXPECT_EQ(popular[1]["menu_item_id"], id_of(pizza));
  EXPECT_EQ(popular[1]["order_count"], 3);
  EXPECT_EQ(popular[2]["menu_item_id"], id_of(salad));
  for (const auto& entry : popular) {
    EXPECT_TRUE(has_shape(entry, {{"menu_item_id", "integer"}, {"name", "string"}, {"order_count", "integer"}}));
  }

  const auto fresh = id_of(create_restaurant(api()));
  const auto empty = get_json(api(), "/reviews/restaurants/" + str(fresh) + "/analytics");
  EXPECT_EQ(empty["total_orders"], 0);
  EXPECT_EQ(empty["total_revenue"], "0.00");
  EXPECT_EQ(empty["total_reviews"], 0);
  EXPECT_DOUBLE_EQ(empty["average_rating"].get<double>(), 0.0);
  EXPECT_TRUE(empty["popular_items"].empty());
}

TEST_F(ReviewsAnalytics, AverageRatingHasTwoDecimals) {
  const auto restaurant_id = id_of(create_restaurant(api()));
  const auto item = id_of(create_item(api(), restaurant_id, 10.0));
  for (const int rating : {5, 4, 4}) {
    const auto customer_id = id_of(create_customer(api()));
    const auto order_id = id_of(place_order(api(), customer_id, restaurant_id, {{item, 1}}));
    drive_to(api(), order_id, "delivered");
    ASSERT_EQ(api().post(review_target(order_id, customer_id), json{{"rating", rating}}).status, 201);
  }
  const auto analytics = get_json(api(), "/reviews/restaurants/" + str(restaurant_id) + "/analytics");
  EXPECT_DOUBLE_EQ(analytics["average_rating"].get<double>(), 4.33);
  EXPECT_EQ(analytics["total_revenue"], "30.00");
  EXPECT_DOUBLE_EQ(get_json(api(), "/restaurants/" + str(restaurant_id))["rating"].get<double>(), 4.3);
}

TEST_F(ReviewsAnalytics, CustomerAnalyticsSpendsWithoutCancelledOrders) {
  const auto first = create_restaurant(api());
  const auto pizza = id_of(create_item(api(), id_of(first), 12.99));
  const auto salad = id_of(create_item(api(), id_of(first), 8.99));
  const auto second = create_restaurant(api());
  const auto plain = id_of(create_item(api(), id_of(second), 10));
  const auto cheap = id_of(create_item(api(), id_of(second), 3.456));
  const auto customer_id = id_of(create_customer(api()));

  const auto delivered = id_of(place_order(api(), customer_id, id_of(first), {{pizza, 2}, {salad, 1}}));  // 34.97
  drive_to(api(), delivered, "delivered");
  place_order(api(), customer_id, id_of(second), {{plain, 2}, {cheap, 3}});                    // 30.38
  place_order(api(), customer_id, id_of(second), {{cheap, 1}});                                // 3.46
  const auto cancelled = id_of(place_order(api(), customer_id, id_of(second), {{plain, 4}}));  // 40.00
  drive_to(api(), cancelled, "cancelled");

  const auto reply = api().get("/customers/" + str(customer_id) + "/analytics");
  ASSERT_EQ(reply.status, 200) << reply.body;
  const auto analytics = reply.json();
  EXPECT_TRUE(has_shape(analytics, {{"customer_id", "integer"},
                                    {"total_orders", "integer"},
                                    {"total_spent", "string"},
                                    {"average_order_value", "string"},
                                    {"favorite_restaurants", "array"},
                                    {"order_status_breakdown", "object"}}));
  EXPECT_EQ(analytics["customer_id"], customer_id);
  EXPECT_EQ(analytics["total_orders"], 4);
  EXPECT_EQ(analytics["total_spent"], "68.81");
  EXPECT_EQ(analytics["average_order_value"], "22.94");  // 68.81 / 3 non-cancelled orders
  EXPECT_EQ(analytics["order_status_breakdown"], json({{"delivered", 1}, {"placed", 2}, {"cancelled", 1}}));

  const auto& favorites = analytics["favorite_restaurants"];
  ASSERT_EQ(favorites.size(), 2u) << favorites.dump();
  EXPECT_EQ(favorites[0]["restaurant_id"], id_of(second));
  EXPECT_EQ(favorites[0]["name"], second["name"]);
  EXPECT_EQ(favorites[1]["restaurant_id"], id_of(first));
  EXPECT_EQ(favorites[1]["name"], first["name"]);
  EXPECT_EQ(favorites[1]["order_count"], 1);
  for (const auto& entry : favorites) {
    EXPECT_TRUE(has_shape(entry, {{"restaurant_id", "integer"}, {"name", "string"}, {"order_count", "integer"}}));
  }
}

TEST_F(ReviewsAnalytics, AverageOrderValueRoundsToCents) {
  const auto restaurant_id = id_of(create_restaurant(api()));
  const auto a = id_of(create_item(api(), restaurant_id, 0.01));
  const auto b = id_of(create_item(api(), restaurant_id, 0.02));
  const auto customer_id = id_of(create_customer(api()));
  // 0.01 + 0.02 + 0.02 = 0.05 over 3 orders = 0.01666.. -> "0.02"
  place_order(api(), customer_id, restaurant_id, {{a, 1}});
  place_order(api(), customer_id, restaurant_id, {{b, 1}});
  place_order(api(), customer_id, restaurant_id, {{b, 1}});
  const auto analytics = get_json(api(), "/customers/" + str(customer_id) + "/analytics");
  EXPECT_EQ(analytics["total_spent"], "0.05");
  EXPECT_EQ(analytics["average_order_value"], "0.02");
  EXPECT_TRUE(is_amount(analytics["average_order_value"]));
}

}  // namespace
}  // namespace zomato::testing
