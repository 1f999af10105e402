#include <gtest/gtest.h>

#include <string>

#include "cache/response_cache.hpp"
#include "cache/route_rules.hpp"
#include "http/router.hpp"

namespace zomato::cache {
namespace {

using services::change;

// Each produce() answers a new body, so a HIT shows as the body of an earlier call.
struct counting_route {
  http::route route;
  int produced = 0;

  counting_route(std::string pattern, cache_namespace ns, std::string_view scope) {
    route.pattern = std::move(pattern);
    route.cache = cached_in(ns, 0, scope_kind_of_param(scope).value_or(scope_kind::unscoped));
  }
};

std::string status_of(const http::response& res) {
  for (const auto& [name, value] : res.headers) {
    if (name == "x-cache-status") return value;
  }
  return "";
}

class scoped_cache : public ::testing::Test {
 protected:
  std::string get(counting_route& target, const std::string& param, std::int64_t id) {
    http::params values;
    if (!param.empty()) values.set(param, id);
    const std::string path = target.route.pattern + "/" + std::to_string(id);
    http::request req;
    req.path = path;
    const auto res = cache_.serve(req, target.route, values, [&] {
      return http::response{200, "{\"call\":" + std::to_string(++target.produced) + "}"};
    });
    return status_of(res);
  }

  response_cache cache_{cache_settings{}};
  counting_route restaurant_analytics_{"/reviews/restaurants/{restaurant_id}/analytics", cache_namespace::analytics,
                                       "restaurant_id"};
  counting_route customer_analytics_{"/customers/{customer_id}/analytics", cache_namespace::analytics, "customer_id"};
  counting_route daily_revenue_{"/analytics/revenue/daily", cache_namespace::analytics, ""};
  counting_route order_tracking_{"/realtime/order-tracking/{order_id}", cache_namespace::realtime, "order_id"};
  counting_route restaurant_{"/restaurants/{restaurant_id}", cache_namespace::restaurants, "restaurant_id"};
};

TEST_F(scoped_cache, an_order_drops_its_restaurant_customer_and_order_entries_and_keeps_the_others) {
  for (std::int64_t id : {1, 2}) {
    EXPECT_EQ(get(restaurant_analytics_, "restaurant_id", id), "MISS");
    EXPECT_EQ(get(customer_analytics_, "customer_id", id), "MISS");
    EXPECT_EQ(get(order_tracking_, "order_id", id), "MISS");
  }
  EXPECT_EQ(get(daily_revenue_, "", 0), "MISS");
  EXPECT_EQ(get(restaurant_, "restaurant_id", 1), "MISS");

  cache_.changed(change::order_status_changed, {1, 1, 1});

  EXPECT_EQ(get(restaurant_analytics_, "restaurant_id", 1), "MISS");
  EXPECT_EQ(get(customer_analytics_, "customer_id", 1), "MISS");
  EXPECT_EQ(get(order_tracking_, "order_id", 1), "MISS");
  EXPECT_EQ(get(daily_revenue_, "", 0), "MISS") << "unscoped entries aggregate every order";
  EXPECT_EQ(get(restaurant_analytics_, "restaurant_id", 2), "HIT");
  EXPECT_EQ(get(customer_analytics_, "customer_id", 2), "HIT");
  EXPECT_EQ(get(order_tracking_, "order_id", 2), "HIT");
  EXPECT_EQ(get(restaurant_, "restaurant_id", 1), "HIT") << "orders do not change the restaurants namespace";
}

TEST_F(scoped_cache, a_write_that_is_not_confined_drops_whole_namespaces) {
  EXPECT_EQ(get(restaurant_analytics_, "restaurant_id", 2), "MISS");
  EXPECT_EQ(get(restaurant_, "restaurant_id", 2), "MISS");
  cache_.changed(change::restaurant_deleted, {.restaurant = 1});
  EXPECT_EQ(get(restaurant_analytics_, "restaurant_id", 2), "MISS");
  EXPECT_EQ(get(restaurant_, "restaurant_id", 2), "MISS");
}

TEST_F(scoped_cache, a_review_drops_its_restaurants_read_and_keeps_the_other_restaurants) {
  for (std::int64_t id : {1, 2}) EXPECT_EQ(get(restaurant_, "restaurant_id", id), "MISS");
  EXPECT_EQ(get(restaurant_analytics_, "restaurant_id", 2), "MISS");
  cache_.changed(change::review_added, {1, 1, 1});
  EXPECT_EQ(get(restaurant_, "restaurant_id", 1), "MISS");
  EXPECT_EQ(get(restaurant_, "restaurant_id", 2), "HIT");
  EXPECT_EQ(get(restaurant_analytics_, "restaurant_id", 2), "MISS") << "the analytics namespace goes whole";
}

TEST_F(scoped_cache, entries_of_a_moved_scope_are_stale_and_swept) {
  EXPECT_EQ(get(restaurant_analytics_, "restaurant_id", 1), "MISS");
  EXPECT_EQ(get(restaurant_analytics_, "restaurant_id", 2), "MISS");
  EXPECT_EQ(cache_.remove_stale(), 0);
  cache_.changed(change::order_placed, {1, 7, 70});
  EXPECT_EQ(cache_.remove_stale(), 1);
  EXPECT_EQ(get(restaurant_analytics_, "restaurant_id", 2), "HIT");
}

TEST_F(scoped_cache, many_orders_leave_namespaces_they_do_not_change_alone) {
  counting_route list{"/restaurants/", cache_namespace::restaurants, ""};
  EXPECT_EQ(get(list, "", 0), "MISS");
  EXPECT_EQ(get(restaurant_, "restaurant_id", 5), "MISS");
  for (std::int64_t order = 1; order <= 50000; ++order) {
    cache_.changed(change::order_placed, {order % 1000 + 1, order % 10000 + 1, order});
  }
  EXPECT_EQ(get(list, "", 0), "HIT");
  EXPECT_EQ(get(restaurant_, "restaurant_id", 5), "HIT");
}

TEST(scope_generations, unscoped_entries_never_share_a_slot_with_a_scope) {
  for (auto ns : all_namespaces) {
    const auto own = scope_generations::slot_of(ns, scope_kind::unscoped, 0);
    EXPECT_LT(own, namespace_count);
    for (std::int64_t id = 1; id <= 20000; ++id) {
      for (auto kind : {scope_kind::restaurant, scope_kind::customer, scope_kind::order, scope_kind::menu_item}) {
        ASSERT_GE(scope_generations::slot_of(ns, kind, id), namespace_count);
      }
    }
  }
}

TEST(scope_generations, kinds_and_namespaces_of_one_id_use_different_slots) {
  const auto slot = scope_generations::slot_of(cache_namespace::analytics, scope_kind::restaurant, 1);
  EXPECT_NE(slot, scope_generations::slot_of(cache_namespace::analytics, scope_kind::customer, 1));
  EXPECT_NE(slot, scope_generations::slot_of(cache_namespace::orders, scope_kind::restaurant, 1));
  EXPECT_NE(slot, scope_generations::slot_of(cache_namespace::analytics, scope_kind::restaurant, 2));
  EXPECT_LT(slot, scope_generations::slot_count);
}

TEST(scope_generations, route_parameters_name_their_kind) {
  EXPECT_EQ(scope_kind_of_param("restaurant_id"), scope_kind::restaurant);
  EXPECT_EQ(scope_kind_of_param("customer_id"), scope_kind::customer);
  EXPECT_EQ(scope_kind_of_param("order_id"), scope_kind::order);
  EXPECT_EQ(scope_kind_of_param("menu_item_id"), scope_kind::menu_item);
  EXPECT_EQ(scope_kind_of_param("review_id"), std::nullopt);
}

}  // namespace
}  // namespace zomato::cache
