#pragma once

#include <optional>
#include <string>

#include "domain/entities.hpp"
#include "store/pages.hpp"

namespace zomato::store {

struct menu_item_query {
  std::optional<std::string> category;
  std::optional<bool> vegetarian;
  std::optional<bool> vegan;
  std::optional<bool> gluten_free;
  std::optional<bool> available;
};

/// Menu items, newest first. Errors of the database itself are thrown.
class menu_item_repository {
 public:
  virtual ~menu_item_repository() = default;
  virtual std::optional<domain::menu_item> find(domain::id_t id) = 0;
  virtual page_of<domain::menu_item> list(const menu_item_query& query, page window) = 0;
  virtual page_of<domain::menu_item> of_restaurant(domain::id_t restaurant_id, page window) = 0;
  /// Every item of a restaurant, for nested representations.
  virtual std::vector<domain::menu_item> all_of_restaurant(domain::id_t restaurant_id) = 0;
  virtual void insert(domain::menu_item& item) = 0;
  virtual void update(const domain::menu_item& item) = 0;
  virtual bool remove(domain::id_t id) = 0;
  /// True when some order line refers to the item.
  virtual bool is_ordered(domain::id_t id) = 0;
};

}  // namespace zomato::store
