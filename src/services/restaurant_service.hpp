#pragma once

#include <vector>

#include "domain/entities.hpp"
#include "domain/patches.hpp"
#include "domain/result.hpp"
#include "services/write_context.hpp"
#include "store/database.hpp"

namespace zomato::services {

struct restaurant_with_menu {
  domain::restaurant restaurant;
  std::vector<domain::menu_item> menu_items;
};

/// Restaurants: unique names, partial updates, cascading removal, their menus.
class restaurant_service {
 public:
  explicit restaurant_service(store::database& db) : db_(db) {}

  /// Stores a validated restaurant; rule_violation if the name is taken.
  domain::result<domain::restaurant> create(write_context& writes, domain::restaurant draft);
  domain::result<domain::restaurant> get(domain::id_t id);
  store::page_of<domain::restaurant> list(const store::restaurant_query& query, store::page window);
  /// Applies the present fields; not_found, or rule_violation if the new name is taken.
  domain::result<domain::restaurant> update(write_context& writes, domain::id_t id,
                                            const domain::restaurant_patch& patch);
  /// Removes the restaurant with its menu, orders and reviews; not_found if absent.
  domain::result<domain::done> remove(write_context& writes, domain::id_t id);
  domain::result<restaurant_with_menu> with_menu(domain::id_t id);
  domain::result<store::page_of<domain::menu_item>> menu(domain::id_t id, store::page window);

 private:
  store::database& db_;
};

}  // namespace zomato::services
