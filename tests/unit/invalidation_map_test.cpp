#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "cache/invalidation_map.hpp"
#include "cache/namespaces.hpp"

namespace zomato::cache {
namespace {

using services::change;

std::set<std::string> names_of(const std::vector<cache_namespace>& list) {
  std::set<std::string> names;
  for (auto ns : list) names.insert(std::string(name_of(ns)));
  return names;
}

::testing::AssertionResult includes(change what, const std::set<std::string>& required) {
  const auto got = names_of(namespaces_changed_by(what));
  std::string missing;
  for (const auto& name : required) {
    if (!got.count(name)) missing += " " + name;
  }
  if (missing.empty()) return ::testing::AssertionSuccess();
  std::string all;
  for (const auto& name : got) all += " " + name;
  return ::testing::AssertionFailure() << "missing:" << missing << " (got:" << all << ")";
}

const std::set<std::string> every_namespace{"restaurants", "menu-items", "restaurant-menus", "search",  "analytics",
                                            "customers",   "orders",     "reviews",          "realtime"};

TEST(invalidation_map, restaurant_created_reaches_lists_searches_and_analytics) {
  // The new restaurant shows in /restaurants/, /restaurants/active, /restaurants/search and
  // the popular-cuisines figures.
  EXPECT_TRUE(includes(change::restaurant_created, {"restaurants", "search", "analytics"}));
}

TEST(invalidation_map, restaurant_updated_reaches_everything_that_nests_a_restaurant) {
  // with-menu (restaurant-menus), with-restaurant (menu-items), order details (orders).
  EXPECT_TRUE(includes(change::restaurant_updated,
                       {"restaurants", "search", "restaurant-menus", "menu-items", "orders", "analytics"}));
}

TEST(invalidation_map, restaurant_deleted_reaches_its_menu_orders_and_reviews) {
  EXPECT_TRUE(includes(change::restaurant_deleted,
                       {"restaurants", "search", "restaurant-menus", "menu-items", "orders", "reviews", "analytics"}));
}

TEST(invalidation_map, menu_item_writes_reach_menus_searches_analytics_and_order_details) {
  for (auto what : {change::menu_item_created, change::menu_item_updated, change::menu_item_deleted}) {
    EXPECT_TRUE(includes(what, {"menu-items", "restaurant-menus", "search", "analytics", "orders"}))
        << static_cast<int>(what);
  }
}

TEST(invalidation_map, customer_created_reaches_customer_lists_and_analytics) {
  EXPECT_TRUE(includes(change::customer_created, {"customers", "analytics"}));
}

TEST(invalidation_map, customer_updated_reaches_order_details_and_review_lists) {
  // Order details nest the customer; review lists nest the reviewer.
  EXPECT_TRUE(includes(change::customer_updated, {"customers", "orders", "reviews"}));
}

TEST(invalidation_map, customer_deleted_reaches_orders_reviews_and_the_ratings_they_made) {
  // Deleting a customer deletes their reviews, so the ratings of restaurants change wherever
  // a restaurant shows.
  EXPECT_TRUE(includes(change::customer_deleted, {"customers", "orders", "reviews", "analytics", "restaurants",
                                                  "search", "menu-items", "restaurant-menus"}));
}

TEST(invalidation_map, order_placed_reaches_orders_and_analytics) {
  EXPECT_TRUE(includes(change::order_placed, {"orders", "analytics"}));
}

TEST(invalidation_map, order_status_changed_reaches_orders_and_analytics) {
  EXPECT_TRUE(includes(change::order_status_changed, {"orders", "analytics"}));
}

TEST(invalidation_map, review_added_reaches_the_rating_wherever_it_shows) {
  EXPECT_TRUE(includes(change::review_added,
                       {"restaurants", "search", "restaurant-menus", "menu-items", "orders", "reviews", "analytics"}));
}

TEST(invalidation_map, catalog_replaced_reaches_every_namespace) {
  EXPECT_EQ(names_of(namespaces_changed_by(change::catalog_replaced)), every_namespace);
}

TEST(invalidation_map, every_change_names_only_known_namespaces_without_repeats) {
  for (auto what : services::all_changes) {
    const auto list = namespaces_changed_by(what);
    EXPECT_FALSE(list.empty()) << static_cast<int>(what);
    EXPECT_EQ(names_of(list).size(), list.size()) << "repeated namespace for change " << static_cast<int>(what);
    for (auto ns : list) EXPECT_TRUE(every_namespace.count(std::string(name_of(ns))));
  }
}

TEST(cache_namespaces, names_round_trip) {
  EXPECT_EQ(all_namespaces.size(), every_namespace.size());
  std::set<std::string> seen;
  for (auto ns : all_namespaces) {
    const auto name = std::string(name_of(ns));
    seen.insert(name);
    const auto back = namespace_named(name);
    ASSERT_TRUE(back.has_value()) << name;
    EXPECT_EQ(*back, ns);
  }
  EXPECT_EQ(seen, every_namespace);
}

TEST(cache_namespaces, unknown_names_are_refused) {
  for (const char* name : {"foo", "", "expired", "Restaurants", "menu_items", "restaurant"}) {
    EXPECT_FALSE(namespace_named(name).has_value()) << name;
  }
}

TEST(cache_namespaces, staging_ttls_follow_the_readme_table) {
  EXPECT_EQ(ttl_of(cache_namespace::restaurants, ttl_profile::staging).count(), 600);
  EXPECT_EQ(ttl_of(cache_namespace::menu_items, ttl_profile::staging).count(), 480);
  EXPECT_EQ(ttl_of(cache_namespace::restaurant_menus, ttl_profile::staging).count(), 900);
  EXPECT_EQ(ttl_of(cache_namespace::search, ttl_profile::staging).count(), 300);
  EXPECT_EQ(ttl_of(cache_namespace::analytics, ttl_profile::staging).count(), 1200);
  for (auto ns : all_namespaces) {
    for (auto profile : {ttl_profile::development, ttl_profile::staging, ttl_profile::production}) {
      EXPECT_GT(ttl_of(ns, profile).count(), 0);
    }
  }
}

// The namespaces where each write drops only its entities' scopes and the unscoped entries.
std::set<std::string> confined_of(change what) {
  std::set<std::string> names;
  for (auto ns : namespaces_changed_by(what)) {
    if (confined_to_touched(what, ns)) names.insert(std::string(name_of(ns)));
  }
  return names;
}

TEST(invalidation_map, order_writes_are_confined_to_the_entities_they_touched) {
  EXPECT_EQ(confined_of(change::order_placed), names_of(namespaces_changed_by(change::order_placed)));
  EXPECT_EQ(confined_of(change::order_status_changed), names_of(namespaces_changed_by(change::order_status_changed)));
}

TEST(invalidation_map, other_writes_are_confined_only_where_the_read_of_one_entity_is_scoped_to_it) {
  using names = std::set<std::string>;
  EXPECT_EQ(confined_of(change::restaurant_created), names{"restaurants"});
  EXPECT_EQ(confined_of(change::restaurant_updated), (names{"restaurants", "menu-items"}));
  // A review moves the restaurant's rating, shown in every order detail of that restaurant.
  EXPECT_EQ(confined_of(change::review_added), (names{"restaurants", "menu-items"}));
  EXPECT_EQ(confined_of(change::menu_item_created), names{"menu-items"});
  EXPECT_EQ(confined_of(change::menu_item_updated), names{"menu-items"});
  EXPECT_EQ(confined_of(change::customer_created), names{"customers"});
  EXPECT_EQ(confined_of(change::customer_updated), names{"customers"});
  // The ratings of what the customer reviewed move; no menu item row changes.
  EXPECT_EQ(confined_of(change::customer_deleted), names{"menu-items"});
  for (auto what : {change::restaurant_deleted, change::menu_item_deleted, change::catalog_replaced}) {
    EXPECT_TRUE(confined_of(what).empty()) << rule_name_of(what);
  }
}

TEST(invalidation_map, writes_keep_the_single_entity_they_changed_warm) {
  const services::touched ids{.restaurant = 3, .customer = 5, .order = 7, .menu_item = 11};
  using paths = std::vector<std::string>;
  EXPECT_EQ(written_through(change::restaurant_updated, ids), paths{"/restaurants/3"});
  EXPECT_EQ(written_through(change::review_added, ids), paths{"/restaurants/3"}) << "the rating it moved";
  EXPECT_EQ(written_through(change::menu_item_updated, ids), paths{"/menu-items/11"});
  EXPECT_EQ(written_through(change::customer_updated, ids), paths{"/customers/5"});
  EXPECT_EQ(written_through(change::order_status_changed, ids), paths{"/orders/7"});
}

TEST(invalidation_map, creations_deletions_and_bulk_writes_keep_nothing_warm) {
  const services::touched ids{.restaurant = 3, .customer = 5, .order = 7, .menu_item = 11};
  for (auto what :
       {change::restaurant_created, change::restaurant_deleted, change::menu_item_created, change::menu_item_deleted,
        change::customer_created, change::customer_deleted, change::order_placed, change::catalog_replaced}) {
    EXPECT_TRUE(written_through(what, ids).empty()) << rule_name_of(what);
  }
}

TEST(invalidation_map, a_write_that_names_no_entity_keeps_nothing_warm) {
  for (auto what : services::all_changes) EXPECT_TRUE(written_through(what, {}).empty()) << rule_name_of(what);
}

}  // namespace
}  // namespace zomato::cache
