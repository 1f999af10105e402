// Order and review lists filtered by time over HTTP: `from` and `to` as dates or timestamps,
// their 422s, their combination with status and paging, and their cache entries (a key per
// range, dropped by a write inside it).

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

#include "domain/clock.hpp"
#include "support/order_fixtures.hpp"

namespace zomato::testing {
namespace {

using namespace order_fixtures;

std::int64_t id_of(const json& object) { return object.at("id").get<std::int64_t>(); }

bool contains_id(const json& items, std::int64_t id) {
  const auto ids = ids_of(items);
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

// The stored timestamp one second later.
std::string second_after(const std::string& timestamp) {
  return domain::format_timestamp(*domain::time_point_of(timestamp) + std::chrono::seconds(1));
}

class TimeFiltersApi : public server_suite<TimeFiltersApi> {
 protected:
  void SetUp() override {
    server_suite<TimeFiltersApi>::SetUp();
    restaurant_id_ = id_of(create_restaurant(api()));
    item_id_ = id_of(create_item(api(), restaurant_id_, 10));
    customer_id_ = id_of(create_customer(api()));
  }

  json place() { return place_order(api(), customer_id_, restaurant_id_, {{item_id_, 1}}); }

  // The three order lists of the fixture's customer and restaurant, with the query appended.
  std::vector<std::string> order_lists(const std::string& query) const {
    return {"/customers/" + str(customer_id_) + "/orders?" + query,
            "/orders/customers/" + str(customer_id_) + "/orders?" + query,
            "/orders/restaurants/" + str(restaurant_id_) + "/orders?" + query};
  }

  // The two review lists of the fixture's customer and restaurant, with the query appended.
  std::vector<std::string> review_lists(const std::string& query) const {
    return {"/reviews/restaurants/" + str(restaurant_id_) + "/reviews?" + query,
            "/reviews/customers/" + str(customer_id_) + "/reviews?" + query};
  }

  json review_of_new_delivered_order() {
    const auto order_id = id_of(place());
    drive_to(api(), order_id, "delivered");
    const auto reply = api().post("/reviews/orders/" + str(order_id) + "/review?customer_id=" + str(customer_id_),
                                  json{{"rating", 5}, {"comment", "Quick and hot"}});
    return expect_created(reply, "POST review");
  }

  std::int64_t restaurant_id_ = 0;
  std::int64_t item_id_ = 0;
  std::int64_t customer_id_ = 0;
};

TEST_F(TimeFiltersApi, OrderListsKeepFromAndDropTo) {
  const auto order = place();
  const auto at = order["order_date"].get<std::string>();
  const auto day = at.substr(0, 10);
  for (const auto& list : order_lists("from=" + at + "&to=" + second_after(at))) {
    const auto page = get_json(api(), list);
    EXPECT_TRUE(contains_id(page["orders"], id_of(order))) << list;
  }
  for (const auto& list : order_lists("to=" + at)) {
    EXPECT_FALSE(contains_id(get_json(api(), list)["orders"], id_of(order))) << list;
  }
  for (const auto& list : order_lists("from=" + day)) {
    EXPECT_TRUE(contains_id(get_json(api(), list)["orders"], id_of(order))) << list;
  }
  for (const auto& list : order_lists("to=" + day)) {
    EXPECT_FALSE(contains_id(get_json(api(), list)["orders"], id_of(order))) << list;
  }
  for (const auto& list : order_lists("from=2000-01-01&to=2000-01-02")) {
    const auto page = get_json(api(), list);
    EXPECT_EQ(page["orders"], json::array()) << list;
    EXPECT_EQ(page["total"], 0) << list;
  }
}

TEST_F(TimeFiltersApi, EqualBoundsGiveAnEmptyList) {
  const auto at = place()["order_date"].get<std::string>();
  for (const auto& list : order_lists("from=" + at + "&to=" + at)) {
    const auto page = get_json(api(), list);
    EXPECT_EQ(page["orders"], json::array()) << list;
    EXPECT_EQ(page["total"], 0) << list;
  }
}

TEST_F(TimeFiltersApi, AcceptsTheContractsTimestampForms) {
  const auto order = place();
  const auto at = order["order_date"].get<std::string>();
  const auto later = second_after(at);
  for (const auto& range : {"from=" + at + "Z&to=" + later + "Z", "from=" + at + "%2B00:00&to=" + later,
                            "from=" + at.substr(0, 10) + "+" + at.substr(11) + "&to=" + later + ".999"}) {
    for (const auto& list : order_lists(range)) {
      EXPECT_TRUE(contains_id(get_json(api(), list)["orders"], id_of(order))) << list;
    }
  }
}

TEST_F(TimeFiltersApi, CombineWithStatusAndPaging) {
  const auto first = place();
  const auto second = place();
  const auto third = place();
  ASSERT_EQ(set_status(api(), id_of(second), "cancelled").status, 200);
  const auto range =
      "from=" + first["order_date"].get<std::string>() + "&to=" + second_after(third["order_date"].get<std::string>());
  for (const auto& list : order_lists(range + "&status=cancelled")) {
    const auto page = get_json(api(), list);
    EXPECT_EQ(ids_of(page["orders"]), std::vector<std::int64_t>{id_of(second)}) << list;
    EXPECT_EQ(page["total"], 1) << list;
  }
  for (const auto& list : order_lists(range + "&skip=1&limit=1")) {
    const auto page = get_json(api(), list);
    EXPECT_EQ(page["total"], 3) << list;
    EXPECT_EQ(page["skip"], 1) << list;
    EXPECT_EQ(page["limit"], 1) << list;
    ASSERT_EQ(page["orders"].size(), 1u) << list;
    EXPECT_TRUE(newest_first(get_json(api(), list + "&skip=0&limit=3")["orders"], "order_date")) << list;
  }
}

TEST_F(TimeFiltersApi, RefusesBadBoundsWith422) {
  std::vector<std::string> lists = order_lists("");
  for (const auto& list : review_lists("")) lists.push_back(list);
  for (const auto& list : lists) {
    EXPECT_TRUE(has_problem(api().get(list + "from=yesterday"), json{"query", "from"}, "datetime_from_date_parsing"))
        << list;
    EXPECT_TRUE(has_problem(api().get(list + "to=2026-02-30"), json{"query", "to"}, "datetime_from_date_parsing"))
        << list;
    // An unescaped '+' in a query is a space, which no timestamp has.
    EXPECT_TRUE(has_problem(api().get(list + "to=2026-11-01T10:00:00+00:00"), json{"query", "to"})) << list;
    EXPECT_TRUE(
        has_problem(api().get(list + "from=2026-11-02&to=2026-11-01T23:59:59"), json{"query", "to"}, "value_error"))
        << list;
    const auto both = api().get(list + "from=x&to=y");
    EXPECT_TRUE(has_problem(both, json{"query", "from"})) << list;
    EXPECT_TRUE(has_problem(both, json{"query", "to"})) << list;
  }
}

TEST_F(TimeFiltersApi, ReviewListsFilterOnWhenTheReviewWasWritten) {
  const auto review = review_of_new_delivered_order();
  const auto at = review["created_at"].get<std::string>();
  for (const auto& list : review_lists("from=" + at + "&to=" + second_after(at))) {
    const auto page = get_json(api(), list);
    EXPECT_TRUE(contains_id(page["reviews"], id_of(review))) << list;
  }
  for (const auto& list : review_lists("to=" + at)) {
    EXPECT_FALSE(contains_id(get_json(api(), list)["reviews"], id_of(review))) << list;
  }
  for (const auto& list : review_lists("from=" + at + "&to=" + at)) {
    EXPECT_EQ(get_json(api(), list)["total"], 0) << list;
  }
}

TEST_F(TimeFiltersApi, EachRangeHasItsOwnCacheEntry) {
  place();
  const auto list = order_lists("from=2020-01-01&to=2100-01-01")[0];
  const auto first = api().get(list);
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_EQ(first.header("x-cache-status"), "MISS");
  const auto second = api().get(list);
  EXPECT_EQ(second.header("x-cache-status"), "HIT");
  EXPECT_EQ(second.body, first.body);
  // The same range spelled otherwise is the same key; another range is not.
  EXPECT_EQ(api().get(order_lists("to=2100-01-01T00:00:00Z&from=2020-01-01T00:00")[0]).header("x-cache-status"), "HIT");
  const auto other = api().get(order_lists("from=2000-01-01&to=2100-01-01")[0]);
  EXPECT_EQ(other.header("x-cache-status"), "MISS");
  EXPECT_EQ(other.body, first.body);
  const auto empty = api().get(order_lists("from=2000-01-01&to=2000-01-02")[0]);
  EXPECT_EQ(empty.header("x-cache-status"), "MISS");
  EXPECT_EQ(empty.json()["total"], 0);
}

TEST_F(TimeFiltersApi, AnOrderPlacedInsideACachedRangeShowsOnTheNextRead) {
  place();
  for (const auto& list : order_lists("from=2020-01-01&to=2100-01-01")) {
    const auto before = api().get(list);
    ASSERT_EQ(before.status, 200) << before.body;
    ASSERT_EQ(api().get(list).header("x-cache-status"), "HIT") << list;
  }
  const auto added = place();
  for (const auto& list : order_lists("from=2020-01-01&to=2100-01-01")) {
    const auto after = api().get(list);
    EXPECT_EQ(after.header("x-cache-status"), "MISS") << list;
    EXPECT_TRUE(contains_id(after.json()["orders"], id_of(added))) << list;
    EXPECT_EQ(after.json()["total"], 2) << list;
  }
}

TEST_F(TimeFiltersApi, AReviewWrittenInsideACachedRangeShowsOnTheNextRead) {
  review_of_new_delivered_order();
  for (const auto& list : review_lists("from=2020-01-01")) {
    ASSERT_EQ(api().get(list).status, 200) << list;
    ASSERT_EQ(api().get(list).header("x-cache-status"), "HIT") << list;
  }
  const auto added = review_of_new_delivered_order();
  for (const auto& list : review_lists("from=2020-01-01")) {
    const auto after = api().get(list);
    EXPECT_EQ(after.header("x-cache-status"), "MISS") << list;
    EXPECT_TRUE(contains_id(after.json()["reviews"], id_of(added))) << list;
    EXPECT_EQ(after.json()["total"], 2) << list;
  }
}

TEST_F(TimeFiltersApi, TheOpenapiDocumentDeclaresTheBounds) {
  const auto paths = get_json(api(), "/openapi.json")["paths"];
  for (const char* path : {"/customers/{customer_id}/orders", "/orders/customers/{customer_id}/orders",
                           "/orders/restaurants/{restaurant_id}/orders", "/reviews/restaurants/{restaurant_id}/reviews",
                           "/reviews/customers/{customer_id}/reviews"}) {
    std::vector<std::string> names;
    for (const auto& p : paths[path]["get"]["parameters"]) names.push_back(p["name"].get<std::string>());
    EXPECT_NE(std::find(names.begin(), names.end(), "from"), names.end()) << path;
    EXPECT_NE(std::find(names.begin(), names.end(), "to"), names.end()) << path;
  }
}

}  // namespace
}  // namespace zomato::testing
