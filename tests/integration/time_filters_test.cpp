// Order and review lists filtered by time, on a real database: rows exactly at `from` are in,
// rows exactly at `to` are out, the filters combine with the status and the window, and (on
// SQLite) the owner's index serves the range and the order.

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "services/customer_service.hpp"
#include "services/restaurant_service.hpp"
#include "store/list_queries.hpp"
#include "store/sqlite/connection.hpp"
#include "support/factories.hpp"
#include "support/open_store.hpp"
#include "support/temp_database.hpp"

namespace zomato::store {
namespace {

using domain::order_status;

const std::string day_start = "2026-11-01T00:00:00";
const std::string day_end = "2026-11-02T00:00:00";

class TimeFilters : public ::testing::Test {
 protected:
  testing::temp_database file;
  std::unique_ptr<database> opened = testing::open_store(file);
  database& db = *opened;
  services::write_context writes;
  domain::id_t restaurant_id = 0;
  domain::id_t customer_id = 0;

  // One order of the customer at the restaurant per placed time, with the given statuses.
  struct placed {
    std::string at;
    order_status status = order_status::placed;
  };

  void SetUp() override {
    services::restaurant_service restaurants{db};
    services::customer_service customers{db};
    restaurant_id = restaurants.create(writes, testing::restaurant_named("Range Kitchen")).value().id;
    domain::customer c;
    c.name = "Ann Example";
    c.email = "ann@example.com";
    c.phone_number = "+15550001111";
    c.address = "1 Long Street, City";
    customer_id = customers.create(writes, c).value().id;
  }

  // Stores the orders (and a review of each, written at the same time) and returns their ids.
  std::vector<domain::id_t> store_orders(const std::vector<placed>& orders) {
    std::vector<domain::id_t> ids;
    auto tx = db.write();
    for (const auto& p : orders) {
      domain::order o;
      o.customer_id = customer_id;
      o.restaurant_id = restaurant_id;
      o.status = p.status;
      o.total = 1000;
      o.delivery_address = "1 Long Street, City";
      o.order_date = p.at;
      std::vector<domain::order_item> no_lines;
      tx->orders().insert(o, no_lines);
      domain::review r{0, customer_id, restaurant_id, o.id, 4, "Fine", p.at};
      tx->reviews().insert(r);
      ids.push_back(o.id);
    }
    tx->commit();
    return ids;
  }

  std::vector<domain::id_t> customer_orders(const order_filter& filter, page window = {}, std::int64_t* total = {}) {
    auto tx = db.read();
    return ids_of(tx->orders().of_customer(customer_id, filter, window), total);
  }

  std::vector<domain::id_t> restaurant_orders(const order_filter& filter, page window = {}) {
    auto tx = db.read();
    return ids_of(tx->orders().of_restaurant(restaurant_id, filter, window), nullptr);
  }

  std::vector<domain::id_t> restaurant_reviews(const domain::time_range& written) {
    auto tx = db.read();
    std::vector<domain::id_t> orders;
    for (const auto& r : tx->reviews().of_restaurant(restaurant_id, written, {}).items) orders.push_back(r.order_id);
    return orders;
  }

  std::vector<domain::id_t> customer_reviews(const domain::time_range& written) {
    auto tx = db.read();
    std::vector<domain::id_t> orders;
    for (const auto& r : tx->reviews().of_customer(customer_id, written, {}).items) orders.push_back(r.order_id);
    return orders;
  }

  // The detail column of EXPLAIN QUERY PLAN for the statement, one line per step.
  std::string plan_of(const std::string& sql) {
    sqlite::connection raw(file.path());
    auto rows = raw.use("EXPLAIN QUERY PLAN " + sql);
    std::string plan;
    while (rows.next()) plan += rows.text(3) + "\n";
    return plan;
  }

  template <class Page>
  static std::vector<domain::id_t> ids_of(const Page& rows, std::int64_t* total) {
    if (total) *total = rows.total;
    std::vector<domain::id_t> ids;
    for (const auto& row : rows.items) ids.push_back(row.id);
    return ids;
  }
};

TEST_F(TimeFilters, FromIsInclusiveAndToExclusive) {
  const auto ids = store_orders({{"2026-10-31T23:59:59"}, {day_start}, {"2026-11-01T12:00:00"}, {day_end}});
  const domain::time_range day{day_start, day_end};
  std::int64_t total = 0;
  EXPECT_EQ(customer_orders({{}, day}, {}, &total), (std::vector{ids[2], ids[1]}));
  EXPECT_EQ(total, 2);
  EXPECT_EQ(restaurant_orders({{}, day}), (std::vector{ids[2], ids[1]}));
  EXPECT_EQ(restaurant_reviews(day), (std::vector{ids[2], ids[1]}));
  EXPECT_EQ(customer_reviews(day), (std::vector{ids[2], ids[1]}));
}

TEST_F(TimeFilters, AnAbsentBoundLeavesItsSideOpen) {
  const auto ids = store_orders({{"2026-10-31T23:59:59"}, {day_start}, {day_end}});
  EXPECT_EQ(customer_orders({{}, {day_start, {}}}), (std::vector{ids[2], ids[1]}));
  EXPECT_EQ(customer_orders({{}, {{}, day_start}}), (std::vector{ids[0]}));
  EXPECT_EQ(customer_orders({}), (std::vector{ids[2], ids[1], ids[0]}));
  EXPECT_EQ(restaurant_reviews({day_start, {}}), (std::vector{ids[2], ids[1]}));
  EXPECT_EQ(customer_reviews({{}, day_start}), (std::vector{ids[0]}));
}

TEST_F(TimeFilters, AnEmptyRangeKeepsNothing) {
  store_orders({{day_start}, {day_end}});
  std::int64_t total = -1;
  EXPECT_TRUE(customer_orders({{}, {day_start, day_start}}, {}, &total).empty());
  EXPECT_EQ(total, 0);
  EXPECT_TRUE(restaurant_reviews({day_end, day_end}).empty());
}

TEST_F(TimeFilters, CombinesWithTheStatus) {
  const auto ids = store_orders({{day_start, order_status::delivered},
                                 {"2026-11-01T08:00:00", order_status::cancelled},
                                 {"2026-11-01T09:00:00", order_status::delivered},
                                 {day_end, order_status::delivered}});
  const domain::time_range day{day_start, day_end};
  std::int64_t total = 0;
  EXPECT_EQ(customer_orders({order_status::delivered, day}, {}, &total), (std::vector{ids[2], ids[0]}));
  EXPECT_EQ(total, 2);
  EXPECT_EQ(restaurant_orders({order_status::cancelled, day}), (std::vector{ids[1]}));
  EXPECT_TRUE(restaurant_orders({order_status::placed, day}).empty());
}

TEST_F(TimeFilters, PagesThroughTheRangeNewestFirstWithTiesById) {
  const auto ids = store_orders({{"2026-10-31T10:00:00"},
                                 {day_start},
                                 {"2026-11-01T10:00:00"},
                                 {"2026-11-01T10:00:00"},
                                 {"2026-11-01T20:00:00"},
                                 {day_end}});
  const order_filter day{{}, {day_start, day_end}};
  std::int64_t total = 0;
  EXPECT_EQ(customer_orders(day, {0, 2}, &total), (std::vector{ids[4], ids[2]}));
  EXPECT_EQ(total, 4);
  EXPECT_EQ(customer_orders(day, {2, 2}, &total), (std::vector{ids[3], ids[1]}));
  EXPECT_EQ(total, 4);
  EXPECT_TRUE(customer_orders(day, {4, 2}, &total).empty());
  EXPECT_EQ(total, 4);
  EXPECT_EQ(restaurant_orders(day, {1, 2}), (std::vector{ids[2], ids[3]}));
}

TEST_F(TimeFilters, TheOwnersIndexServesTheRangeAndTheOrder) {
  if (testing::on_postgres()) GTEST_SKIP() << "SQLite's EXPLAIN QUERY PLAN";
  store_orders({{day_start}, {day_end}});
  const domain::time_range day{day_start, day_end};
  struct expectation {
    list_sql sql;
    std::string search;
  };
  const std::vector<expectation> lists{
      {order_list_sql("customer_id", {{}, day}),
       "INDEX orders_by_customer (customer_id=? AND order_date>? AND order_date<?)"},
      {order_list_sql("restaurant_id", {order_status::delivered, day}),
       "INDEX orders_by_restaurant (restaurant_id=? AND order_date>? AND order_date<?)"},
      {order_list_sql("customer_id", {{}, {day_start, {}}}),
       "INDEX orders_by_customer (customer_id=? AND order_date>?)"},
      {order_list_sql("restaurant_id", {{}, {{}, day_end}}),
       "INDEX orders_by_restaurant (restaurant_id=? AND order_date<?)"},
      {review_list_sql("restaurant_id", day),
       "INDEX reviews_by_restaurant (restaurant_id=? AND created_at>? AND created_at<?)"},
      {review_list_sql("customer_id", day),
       "INDEX reviews_by_customer (customer_id=? AND created_at>? AND created_at<?)"},
  };
  for (const auto& list : lists) {
    for (const auto& sql : {list.sql.count, list.sql.rows}) {
      const auto plan = plan_of(sql);
      EXPECT_NE(plan.find("SEARCH"), std::string::npos) << sql << "\n" << plan;
      EXPECT_NE(plan.find(list.search), std::string::npos) << sql << "\n" << plan;
      EXPECT_EQ(plan.find("TEMP B-TREE"), std::string::npos) << sql << "\n" << plan;
    }
  }
}

}  // namespace
}  // namespace zomato::store
