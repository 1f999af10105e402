#include "domain/patches.hpp"

namespace zomato::domain {
namespace {

template <class T>
void take(T& target, const patched<T>& value) {
  if (value) target = *value;
}

}  // namespace

void apply(restaurant& target, const restaurant_patch& patch) {
  take(target.name, patch.name);
  take(target.description, patch.description);
  take(target.cuisine_type, patch.cuisine_type);
  take(target.address, patch.address);
  take(target.phone_number, patch.phone_number);
  take(target.rating, patch.rating);
  take(target.is_active, patch.is_active);
  take(target.opening_time, patch.opening_time);
  take(target.closing_time, patch.closing_time);
}

void apply(menu_item& target, const menu_item_patch& patch) {
  take(target.name, patch.name);
  take(target.description, patch.description);
  take(target.price, patch.price);
  take(target.category, patch.category);
  take(target.is_vegetarian, patch.is_vegetarian);
  take(target.is_vegan, patch.is_vegan);
  take(target.is_gluten_free, patch.is_gluten_free);
  take(target.is_available, patch.is_available);
  take(target.preparation_time, patch.preparation_time);
}

void apply(customer& target, const customer_patch& patch) {
  take(target.name, patch.name);
  take(target.email, patch.email);
  take(target.phone_number, patch.phone_number);
  take(target.address, patch.address);
  take(target.is_active, patch.is_active);
}

}  // namespace zomato::domain
