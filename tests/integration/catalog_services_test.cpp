#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>

#include "services/menu_service.hpp"
#include "services/restaurant_service.hpp"
#include "support/database_sql.hpp"
#include "support/factories.hpp"
#include "support/open_store.hpp"
#include "support/temp_database.hpp"

namespace zomato::services {
namespace {

using testing::menu_item_named;
using testing::restaurant_named;

class CatalogServices : public ::testing::Test {
 protected:
  testing::temp_database file;
  std::unique_ptr<store::database> opened = testing::open_store(file);
  store::database& db = *opened;
  restaurant_service restaurants{db};
  menu_service menu{db};
  write_context writes;

  domain::restaurant add_restaurant(const std::string& name, const std::string& cuisine = "Italian") {
    auto created = restaurants.create(writes, restaurant_named(name, cuisine));
    EXPECT_TRUE(created.ok());
    return created.value();
  }

  domain::menu_item add_item(domain::id_t restaurant_id, const std::string& name, domain::cents price,
                             const std::string& category = "Main Course") {
    auto created = menu.add(writes, restaurant_id, menu_item_named(name, price, category));
    EXPECT_TRUE(created.ok());
    return created.value();
  }

  // Inserts a customer and an order holding the item, as the order workflow will.
  void order_item(domain::id_t restaurant_id, domain::id_t item_id) {
    const auto customer = testing::integer_of(
        file,
        "INSERT INTO customers (name, email, phone_number, address, created_at, updated_at) "
        "VALUES ('Ann', 'ann@example.com', '+15550000000', '1 Long Street, City', 'x', 'x') RETURNING id");
    const auto order = testing::integer_of(
        file, "INSERT INTO orders (customer_id, restaurant_id, total_cents, delivery_address, order_date) VALUES (" +
                  std::to_string(customer) + ", " + std::to_string(restaurant_id) +
                  ", 100, '1 Long Street, City', '2026-01-01T00:00:00') RETURNING id");
    testing::execute_sql(file, "INSERT INTO order_items (order_id, menu_item_id, quantity, item_price_cents) VALUES (" +
                                   std::to_string(order) + ", " + std::to_string(item_id) + ", 1, 100)");
  }
};

TEST_F(CatalogServices, CreatesAndReadsBackARestaurant) {
  const auto created = add_restaurant("Pizza Palace");
  EXPECT_GT(created.id, 0);
  EXPECT_EQ(created.created_at.size(), 19u);
  const auto found = restaurants.get(created.id);
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(found->name, "Pizza Palace");
  EXPECT_EQ(found->rating, 0.0);
  EXPECT_TRUE(found->is_active);
}

TEST_F(CatalogServices, RefusesADuplicateNameOnCreateAndUpdate) {
  add_restaurant("Pizza Palace");
  const auto other = add_restaurant("Burger Barn");
  const auto duplicate = restaurants.create(writes, restaurant_named("Pizza Palace"));
  ASSERT_FALSE(duplicate.ok());
  EXPECT_EQ(duplicate.error().kind, domain::failure_kind::rule_violation);
  EXPECT_EQ(duplicate.error().detail, "Restaurant with this name already exists");

  domain::restaurant_patch rename;
  rename.set(&domain::restaurant::name, "Pizza Palace");
  EXPECT_FALSE(restaurants.update(writes, other.id, rename).ok());
  rename.set(&domain::restaurant::name, "Burger Barn");
  EXPECT_TRUE(restaurants.update(writes, other.id, rename).ok());
}

TEST_F(CatalogServices, UpdatesOnlyTheFieldsSent) {
  const auto created = add_restaurant("Pizza Palace");
  domain::restaurant_patch patch;
  patch.set(&domain::restaurant::rating, 3.3);
  patch.set(&domain::restaurant::description, std::optional<std::string>("Wood-fired"));
  const auto updated = restaurants.update(writes, created.id, patch);
  ASSERT_TRUE(updated.ok());
  EXPECT_EQ(updated->rating, 3.3);
  EXPECT_EQ(updated->description, "Wood-fired");
  EXPECT_EQ(updated->name, "Pizza Palace");
  EXPECT_EQ(updated->cuisine_type, "Italian");
  EXPECT_EQ(restaurants.get(created.id)->description, "Wood-fired");
}

TEST_F(CatalogServices, ReportsMissingRestaurants) {
  EXPECT_EQ(restaurants.get(404).error().kind, domain::failure_kind::not_found);
  EXPECT_EQ(restaurants.update(writes, 404, {}).error().detail, "Restaurant not found");
  EXPECT_EQ(restaurants.remove(writes, 404).error().kind, domain::failure_kind::not_found);
  EXPECT_EQ(restaurants.menu(404, {}).error().kind, domain::failure_kind::not_found);
  EXPECT_EQ(menu.add(writes, 404, menu_item_named("Soup", 500)).error().detail, "Restaurant not found");
}

TEST_F(CatalogServices, ListsNewestFirstWithTiesByIdAndCountsAll) {
  for (int i = 0; i < 5; ++i) add_restaurant("Place " + std::to_string(i));
  const auto page = restaurants.list({}, {1, 2});
  EXPECT_EQ(page.total, 5);
  ASSERT_EQ(page.items.size(), 2u);
  EXPECT_LT(page.items[0].id, page.items[1].id);  // same second: id ascending
}

TEST_F(CatalogServices, SearchesCuisineCaseInsensitivelyAndLiterally) {
  add_restaurant("Pizza Palace", "Italian");
  add_restaurant("Curry House", "South Indian");
  add_restaurant("Odd One", "100%_Fusion");
  store::restaurant_query query;
  query.cuisine_contains = "ITAL";
  EXPECT_EQ(restaurants.list(query, {}).total, 1);
  query.cuisine_contains = "ian";
  EXPECT_EQ(restaurants.list(query, {}).total, 2);
  query.cuisine_contains = "%";
  EXPECT_EQ(restaurants.list(query, {}).total, 1);
  query.cuisine_contains = "0_F";
  EXPECT_EQ(restaurants.list(query, {}).total, 0);
}

TEST_F(CatalogServices, ActiveListLeavesOutInactiveRestaurants) {
  const auto closed = add_restaurant("Closed Place");
  add_restaurant("Open Place");
  domain::restaurant_patch close;
  close.set(&domain::restaurant::is_active, false);
  ASSERT_TRUE(restaurants.update(writes, closed.id, close).ok());
  store::restaurant_query active;
  active.active_only = true;
  const auto page = restaurants.list(active, {});
  ASSERT_EQ(page.total, 1);
  EXPECT_EQ(page.items[0].name, "Open Place");
}

TEST_F(CatalogServices, DeletingARestaurantRemovesItsMenu) {
  const auto r = add_restaurant("Pizza Palace");
  const auto item = add_item(r.id, "Margherita", 1299);
  ASSERT_TRUE(restaurants.remove(writes, r.id).ok());
  EXPECT_EQ(menu.get(item.id).error().kind, domain::failure_kind::not_found);
  EXPECT_EQ(restaurants.get(r.id).error().kind, domain::failure_kind::not_found);
}

TEST_F(CatalogServices, DeletingARestaurantWithOrdersRemovesThemToo) {
  const auto r = add_restaurant("Pizza Palace");
  const auto item = add_item(r.id, "Margherita", 1299);
  order_item(r.id, item.id);
  ASSERT_TRUE(restaurants.remove(writes, r.id).ok());
  EXPECT_EQ(testing::integer_of(file, "SELECT (SELECT COUNT(*) FROM orders) + (SELECT COUNT(*) FROM order_items)"), 0);
}

TEST_F(CatalogServices, IdsAreNeverReused) {
  const auto first = add_restaurant("First Place");
  ASSERT_TRUE(restaurants.remove(writes, first.id).ok());
  const auto second = add_restaurant("Second Place");
  EXPECT_GT(second.id, first.id);
}

TEST_F(CatalogServices, MenuItemsKeepTheirPriceAndBelongToTheirRestaurant) {
  const auto r = add_restaurant("Pizza Palace");
  const auto item = add_item(r.id, "Margherita", 1299);
  EXPECT_EQ(item.restaurant_id, r.id);
  const auto both = menu.with_restaurant(item.id);
  ASSERT_TRUE(both.ok());
  EXPECT_EQ(both->item.price, 1299);
  EXPECT_EQ(both->restaurant.name, "Pizza Palace");
  const auto with_menu = restaurants.with_menu(r.id);
  ASSERT_TRUE(with_menu.ok());
  ASSERT_EQ(with_menu->menu_items.size(), 1u);
}

TEST_F(CatalogServices, EveryCombinationOfSearchFiltersFindsWhatItNames) {
  const auto r = add_restaurant("Filter House");
  std::vector<domain::menu_item> all;
  for (int shape = 0; shape < 32; ++shape) {
    auto item = menu_item_named("Dish " + std::to_string(shape), 500, shape & 16 ? "Dessert" : "Appetizer");
    item.is_vegetarian = shape & 1;
    item.is_vegan = shape & 2;
    item.is_gluten_free = shape & 4;
    item.is_available = shape & 8;
    auto added = menu.add(writes, r.id, item);
    ASSERT_TRUE(added.ok());
    all.push_back(*added);
  }
  const std::optional<bool> choices[] = {std::nullopt, true, false};
  for (const auto& category : {std::optional<std::string>{}, std::optional<std::string>{"dessert"}}) {
    for (const auto& vegetarian : choices) {
      for (const auto& vegan : choices) {
        for (const auto& gluten_free : choices) {
          for (const auto& available : choices) {
            store::menu_item_query query{category, vegetarian, vegan, gluten_free, available};
            const auto matches = [&](const domain::menu_item& m) {
              return (!category || m.category == "Dessert") && (!vegetarian || m.is_vegetarian == *vegetarian) &&
                     (!vegan || m.is_vegan == *vegan) && (!gluten_free || m.is_gluten_free == *gluten_free) &&
                     (!available || m.is_available == *available);
            };
            const auto expected = std::count_if(all.begin(), all.end(), matches);
            const auto found = menu.search(query, {1, 3});
            EXPECT_EQ(found.total, expected);
            EXPECT_EQ(static_cast<std::int64_t>(found.items.size()), std::clamp<std::int64_t>(expected - 1, 0, 3));
            for (const auto& item : found.items) EXPECT_TRUE(matches(item)) << item.name;
          }
        }
      }
    }
  }
}

TEST_F(CatalogServices, SearchesMenuItemsByCategoryAndFlags) {
  const auto r = add_restaurant("Pizza Palace");
  auto salad = menu_item_named("Salad", 899, "Appetizer");
  salad.is_vegetarian = salad.is_vegan = salad.is_gluten_free = true;
  ASSERT_TRUE(menu.add(writes, r.id, salad).ok());
  auto soup = menu_item_named("Soup", 599, "Appetizer");
  soup.is_vegetarian = true;
  soup.is_available = false;
  ASSERT_TRUE(menu.add(writes, r.id, soup).ok());
  add_item(r.id, "Steak", 2599);

  store::menu_item_query query;
  query.category = "appetizer";
  EXPECT_EQ(menu.search(query, {}).total, 2);
  query.available = true;
  EXPECT_EQ(menu.search(query, {}).total, 1);
  EXPECT_EQ(menu.dietary("vegetarian", {})->total, 2);
  EXPECT_EQ(menu.dietary("vegan", {})->total, 1);
  EXPECT_EQ(menu.dietary("gluten-free", {})->total, 1);
  const auto keto = menu.dietary("keto", {});
  ASSERT_FALSE(keto.ok());
  EXPECT_EQ(keto.error().detail, "Invalid dietary type");
}

TEST_F(CatalogServices, AnOrderedMenuItemCannotBeDeleted) {
  const auto r = add_restaurant("Pizza Palace");
  const auto ordered = add_item(r.id, "Margherita", 1299);
  const auto spare = add_item(r.id, "Calzone", 1399);
  order_item(r.id, ordered.id);
  const auto refused = menu.remove(writes, ordered.id);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().kind, domain::failure_kind::conflict);
  EXPECT_EQ(refused.error().detail, "Menu item has orders; mark it unavailable instead");
  EXPECT_TRUE(menu.get(ordered.id).ok());
  EXPECT_TRUE(menu.remove(writes, spare.id).ok());
  EXPECT_FALSE(menu.get(spare.id).ok());
}

TEST_F(CatalogServices, AFailedWriteLeavesNothingBehind) {
  const auto r = add_restaurant("Pizza Palace");
  {
    auto tx = db.write();
    auto draft = restaurant_named("Half Written");
    draft.created_at = draft.updated_at = "2026-01-01T00:00:00";
    tx->restaurants().insert(draft);
    // No commit: the lease rolls back.
  }
  EXPECT_EQ(restaurants.list({}, {}).total, 1);
  EXPECT_TRUE(restaurants.get(r.id).ok());
}

}  // namespace
}  // namespace zomato::services
