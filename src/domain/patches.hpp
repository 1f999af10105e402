#pragma once

#include <optional>
#include <string>

#include "domain/entities.hpp"

namespace zomato::domain {

/// A field a partial update may carry: absent means "leave as it is".
template <class T>
using change = std::optional<T>;

struct restaurant_patch {
  change<std::string> name;
  change<std::optional<std::string>> description;
  change<std::string> cuisine_type;
  change<std::string> address;
  change<std::string> phone_number;
  change<double> rating;
  change<bool> is_active;
  change<std::optional<std::string>> opening_time;
  change<std::optional<std::string>> closing_time;
};

struct menu_item_patch {
  change<std::string> name;
  change<std::optional<std::string>> description;
  change<cents> price;
  change<std::string> category;
  change<bool> is_vegetarian;
  change<bool> is_vegan;
  change<bool> is_gluten_free;
  change<bool> is_available;
  change<std::optional<std::int64_t>> preparation_time;
};

struct customer_patch {
  change<std::string> name;
  change<std::string> email;
  change<std::string> phone_number;
  change<std::string> address;
  change<bool> is_active;
};

/// Copies every present field of the patch onto the entity.
void apply(restaurant& target, const restaurant_patch& patch);
void apply(menu_item& target, const menu_item_patch& patch);
void apply(customer& target, const customer_patch& patch);

}  // namespace zomato::domain
