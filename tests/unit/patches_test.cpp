#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "domain/patches.hpp"

namespace zomato::domain {
namespace {

restaurant sample_restaurant() {
  restaurant r;
  r.id = 7;
  r.name = "Spice Garden";
  r.description = "Family kitchen";
  r.cuisine_type = "Indian";
  r.address = "12 Curry Lane";
  r.phone_number = "+1-555-0123";
  r.rating = 4.2;
  r.is_active = true;
  r.opening_time = "10:00:00";
  r.closing_time = "22:00:00";
  r.created_at = "2024-01-01T00:00:00";
  r.updated_at = "2024-01-02T00:00:00";
  return r;
}

menu_item sample_item() {
  menu_item m;
  m.id = 3;
  m.restaurant_id = 7;
  m.name = "Paneer Tikka";
  m.description = "Grilled cottage cheese";
  m.price = 1299;
  m.category = "Starter";
  m.is_vegetarian = true;
  m.is_vegan = false;
  m.is_gluten_free = true;
  m.is_available = true;
  m.preparation_time = 15;
  m.created_at = "2024-01-01T00:00:00";
  m.updated_at = "2024-01-02T00:00:00";
  return m;
}

void expect_same(const restaurant& a, const restaurant& b) {
  EXPECT_EQ(a.id, b.id);
  EXPECT_EQ(a.name, b.name);
  EXPECT_EQ(a.description, b.description);
  EXPECT_EQ(a.cuisine_type, b.cuisine_type);
  EXPECT_EQ(a.address, b.address);
  EXPECT_EQ(a.phone_number, b.phone_number);
  EXPECT_EQ(a.rating, b.rating);
  EXPECT_EQ(a.is_active, b.is_active);
  EXPECT_EQ(a.opening_time, b.opening_time);
  EXPECT_EQ(a.closing_time, b.closing_time);
  EXPECT_EQ(a.created_at, b.created_at);
  EXPECT_EQ(a.updated_at, b.updated_at);
}

void expect_same(const menu_item& a, const menu_item& b) {
  EXPECT_EQ(a.id, b.id);
  EXPECT_EQ(a.restaurant_id, b.restaurant_id);
  EXPECT_EQ(a.name, b.name);
  EXPECT_EQ(a.description, b.description);
  EXPECT_EQ(a.price, b.price);
  EXPECT_EQ(a.category, b.category);
  EXPECT_EQ(a.is_vegetarian, b.is_vegetarian);
  EXPECT_EQ(a.is_vegan, b.is_vegan);
  EXPECT_EQ(a.is_gluten_free, b.is_gluten_free);
  EXPECT_EQ(a.is_available, b.is_available);
  EXPECT_EQ(a.preparation_time, b.preparation_time);
  EXPECT_EQ(a.created_at, b.created_at);
  EXPECT_EQ(a.updated_at, b.updated_at);
}

TEST(ApplyRestaurantPatch, EmptyPatchChangesNothing) {
  auto target = sample_restaurant();
  restaurant_patch{}.apply_to(target);
  expect_same(target, sample_restaurant());
}

TEST(ApplyRestaurantPatch, ChangesOnlyPresentFields) {
  auto target = sample_restaurant();
  restaurant_patch patch;
  patch.set(&restaurant::name, "Spice Palace");
  patch.set(&restaurant::rating, 4.8);
  patch.set(&restaurant::is_active, false);
  patch.apply_to(target);

  auto expected = sample_restaurant();
  expected.name = "Spice Palace";
  expected.rating = 4.8;
  expected.is_active = false;
  expect_same(target, expected);
}

TEST(ApplyRestaurantPatch, SetsNullableFieldsToNull) {
  auto target = sample_restaurant();
  restaurant_patch patch;
  patch.set(&restaurant::description, std::optional<std::string>{});
  patch.set(&restaurant::opening_time, std::optional<std::string>{});
  patch.apply_to(target);
  EXPECT_FALSE(target.description.has_value());
  EXPECT_FALSE(target.opening_time.has_value());
  EXPECT_EQ(target.closing_time, "22:00:00");
}

TEST(ApplyRestaurantPatch, SetsNullableFieldsToValues) {
  auto target = sample_restaurant();
  target.description.reset();
  restaurant_patch patch;
  patch.set(&restaurant::description, std::optional<std::string>{"Now with a terrace"});
  patch.set(&restaurant::closing_time, std::optional<std::string>{"23:30:00"});
  patch.apply_to(target);
  EXPECT_EQ(target.description, "Now with a terrace");
  EXPECT_EQ(target.closing_time, "23:30:00");
}

TEST(ApplyRestaurantPatch, CopiesEveryField) {
  auto target = sample_restaurant();
  restaurant_patch patch;
  patch.set(&restaurant::name, "N");
  patch.set(&restaurant::description, std::optional<std::string>{"D"});
  patch.set(&restaurant::cuisine_type, "C");
  patch.set(&restaurant::address, "A");
  patch.set(&restaurant::phone_number, "P");
  patch.set(&restaurant::rating, 1.5);
  patch.set(&restaurant::is_active, false);
  patch.set(&restaurant::opening_time, std::optional<std::string>{"01:00:00"});
  patch.set(&restaurant::closing_time, std::optional<std::string>{"02:00:00"});
  patch.apply_to(target);
  EXPECT_EQ(target.name, "N");
  EXPECT_EQ(target.description, "D");
  EXPECT_EQ(target.cuisine_type, "C");
  EXPECT_EQ(target.address, "A");
  EXPECT_EQ(target.phone_number, "P");
  EXPECT_EQ(target.rating, 1.5);
  EXPECT_FALSE(target.is_active);
  EXPECT_EQ(target.opening_time, "01:00:00");
  EXPECT_EQ(target.closing_time, "02:00:00");
  // The patch never touches identity or timestamps.
  EXPECT_EQ(target.id, 7);
  EXPECT_EQ(target.created_at, "2024-01-01T00:00:00");
  EXPECT_EQ(target.updated_at, "2024-01-02T00:00:00");
}

TEST(ApplyMenuItemPatch, EmptyPatchChangesNothing) {
  auto target = sample_item();
  menu_item_patch{}.apply_to(target);
  expect_same(target, sample_item());
}

TEST(ApplyMenuItemPatch, ChangesOnlyPresentFields) {
  auto target = sample_item();
  menu_item_patch patch;
  patch.set(&menu_item::price, 1499);
  patch.set(&menu_item::is_available, false);
  patch.apply_to(target);

  auto expected = sample_item();
  expected.price = 1499;
  expected.is_available = false;
  expect_same(target, expected);
}

TEST(ApplyMenuItemPatch, SetsNullableFieldsToNull) {
  auto target = sample_item();
  menu_item_patch patch;
  patch.set(&menu_item::description, std::optional<std::string>{});
  patch.set(&menu_item::preparation_time, std::optional<std::int64_t>{});
  patch.apply_to(target);
  EXPECT_FALSE(target.description.has_value());
  EXPECT_FALSE(target.preparation_time.has_value());
  EXPECT_EQ(target.name, "Paneer Tikka");
}

TEST(ApplyMenuItemPatch, CopiesEveryField) {
  auto target = sample_item();
  menu_item_patch patch;
  patch.set(&menu_item::name, "Dal");
  patch.set(&menu_item::description, std::optional<std::string>{"Lentils"});
  patch.set(&menu_item::price, 500);
  patch.set(&menu_item::category, "Main");
  patch.set(&menu_item::is_vegetarian, false);
  patch.set(&menu_item::is_vegan, true);
  patch.set(&menu_item::is_gluten_free, false);
  patch.set(&menu_item::is_available, false);
  patch.set(&menu_item::preparation_time, std::optional<std::int64_t>{40});
  patch.apply_to(target);
  EXPECT_EQ(target.name, "Dal");
  EXPECT_EQ(target.description, "Lentils");
  EXPECT_EQ(target.price, 500);
  EXPECT_EQ(target.category, "Main");
  EXPECT_FALSE(target.is_vegetarian);
  EXPECT_TRUE(target.is_vegan);
  EXPECT_FALSE(target.is_gluten_free);
  EXPECT_FALSE(target.is_available);
  EXPECT_EQ(target.preparation_time, 40);
  EXPECT_EQ(target.id, 3);
  EXPECT_EQ(target.restaurant_id, 7);
}

}  // namespace
}  // namespace zomato::domain
