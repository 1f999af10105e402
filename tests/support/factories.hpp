#pragma once

#include <string>

#include "domain/entities.hpp"

namespace zomato::testing {

/// A valid restaurant draft with the given name.
inline domain::restaurant restaurant_named(std::string name, std::string cuisine = "Italian") {
  domain::restaurant r;
  r.name = std::move(name);
  r.cuisine_type = std::move(cuisine);
  r.address = "123 Main St, Downtown";
  r.phone_number = "+1-555-0123";
  return r;
}

/// A valid menu item draft.
inline domain::menu_item menu_item_named(std::string name, domain::cents price, std::string category = "Main Course") {
  domain::menu_item m;
  m.name = std::move(name);
  m.price = price;
  m.category = std::move(category);
  return m;
}

}  // namespace zomato::testing
