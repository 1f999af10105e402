#include <gtest/gtest.h>

#include <string>

#include "services/customer_service.hpp"
#include "services/restaurant_service.hpp"
#include "store/sqlite/bulk_loader.hpp"
#include "store/sqlite/connection.hpp"
#include "store/sqlite/database.hpp"
#include "support/temp_database.hpp"

namespace zomato::services {
namespace {

// Two restaurants and two customers share 2,000 orders, so deleting either one removes about
// a thousand orders with their lines, status history, reviews and notifications: its write's
// savepoint journal holds a few MB of page images, more than SQLite keeps in memory before it
// spills the journal to a temporary file (the smallest data that failed before the fix).
class CascadeDelete : public ::testing::Test {
 protected:
  void SetUp() override {
    { store::sqlite::database migrated(file.path()); }
    store::seed_plan plan;
    plan.restaurants = 2;
    plan.menu_items_per_restaurant = 3;
    plan.customers = 2;
    plan.orders = 2000;
    store::sqlite::bulk_loader(file.path()).load(plan);
  }

  std::int64_t count(const std::string& sql) {
    store::sqlite::connection raw(file.path());
    auto row = raw.use(sql);
    row.next();
    return row.integer(0);
  }

  testing::temp_database file;
};

TEST_F(CascadeDelete, DeletingARestaurantWithAThousandOrdersRemovesThemAll) {
  const auto orders = count("SELECT COUNT(*) FROM orders WHERE restaurant_id = 1");
  ASSERT_GT(orders, 800);
  store::sqlite::database db(file.path());
  restaurant_service restaurants(db);
  write_context writes;
  ASSERT_TRUE(restaurants.remove(writes, 1).ok());
  EXPECT_EQ(count("SELECT COUNT(*) FROM orders WHERE restaurant_id = 1"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM order_items WHERE order_id NOT IN (SELECT id FROM orders)"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM reviews WHERE restaurant_id = 1"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM orders"), 2000 - orders);
}

TEST_F(CascadeDelete, DeletingACustomerWithAThousandOrdersRemovesThemAll) {
  const auto orders = count("SELECT COUNT(*) FROM orders WHERE customer_id = 1");
  ASSERT_GT(orders, 800);
  store::sqlite::database db(file.path());
  customer_service customers(db);
  write_context writes;
  ASSERT_TRUE(customers.remove(writes, 1).ok());
  EXPECT_EQ(count("SELECT COUNT(*) FROM orders WHERE customer_id = 1"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM order_status_history WHERE order_id NOT IN (SELECT id FROM orders)"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM notifications WHERE customer_id = 1"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM orders"), 2000 - orders);
}

// Later writes on the same writer go on normally after a large cascade.
TEST_F(CascadeDelete, TheWriterGoesOnAfterALargeCascade) {
  store::sqlite::database db(file.path());
  restaurant_service restaurants(db);
  write_context writes;
  customer_service customers(db);
  ASSERT_TRUE(restaurants.remove(writes, 1).ok());
  ASSERT_TRUE(customers.remove(writes, 2).ok());
  ASSERT_TRUE(restaurants.remove(writes, 2).ok());
  EXPECT_EQ(count("SELECT COUNT(*) FROM orders"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM restaurants"), 0);
}

}  // namespace
}  // namespace zomato::services
