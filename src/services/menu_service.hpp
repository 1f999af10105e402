#pragma once

#include <string_view>

#include "domain/entities.hpp"
#include "domain/patches.hpp"
#include "domain/result.hpp"
#include "services/write_context.hpp"
#include "store/database.hpp"

namespace zomato::services {

struct menu_item_with_restaurant {
  domain::menu_item item;
  domain::restaurant restaurant;
};

/// Menu items: belong to one restaurant, searchable by category and dietary flags.
class menu_service {
 public:
  explicit menu_service(store::database& db) : db_(db) {}

  /// Adds a validated item to a restaurant; not_found if the restaurant is absent.
  domain::result<domain::menu_item> add(write_context& writes, domain::id_t restaurant_id, domain::menu_item draft);
  domain::result<domain::menu_item> get(domain::id_t id);
  domain::result<menu_item_with_restaurant> with_restaurant(domain::id_t id);
  store::page_of<domain::menu_item> search(const store::menu_item_query& query, store::page window);
  /// Items fit for "vegetarian", "vegan" or "gluten-free"; rule_violation for another type.
  domain::result<store::page_of<domain::menu_item>> dietary(std::string_view type, store::page window);
  /// Changes the fields the patch holds; not_found for a missing item or one of another restaurant
  /// than the writer's (when it is a restricted caller).
  domain::result<domain::menu_item> update(write_context& writes, domain::id_t id,
                                           const domain::menu_item_patch& patch);
  /// Removes an item no order refers to; not_found (as update), or conflict if it was ordered.
  domain::result<domain::done> remove(write_context& writes, domain::id_t id);

 private:
  store::database& db_;
};

}  // namespace zomato::services
