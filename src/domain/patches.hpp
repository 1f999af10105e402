#pragma once

#include <optional>
#include <string>

#include "domain/entities.hpp"

namespace zomato::domain {

/// A field a partial update may carry: absent means "leave as it is".
template <class T>
using patched = std::optional<T>;

struct restaurant_patch {
  patched<std::string> name;
  patched<std::optional<std::string>> description;
  patched<std::string> cuisine_type;
  patched<std::string> address;
  patched<std::string> phone_number;
  patched<double> rating;
  patched<bool> is_active;
  patched<std::optional<std::string>> opening_time;
  patched<std::optional<std::string>> closing_time;
};

struct menu_item_patch {
  patched<std::string> name;
  patched<std::optional<std::string>> description;
  patched<cents> price;
  patched<std::string> category;
  patched<bool> is_vegetarian;
  patched<bool> is_vegan;
  patched<bool> is_gluten_free;
  patched<bool> is_available;
  patched<std::optional<std::int64_t>> preparation_time;
};

struct customer_patch {
  patched<std::string> name;
  patched<std::string> email;
  patched<std::string> phone_number;
  patched<std::string> address;
  patched<bool> is_active;
};

/// Copies every present field of the patch onto the entity.
void apply(restaurant& target, const restaurant_patch& patch);
void apply(menu_item& target, const menu_item_patch& patch);
void apply(customer& target, const customer_patch& patch);

}  // namespace zomato::domain
