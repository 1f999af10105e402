#include "services/menu_service.hpp"

#include "domain/clock.hpp"

namespace zomato::services {
namespace {

const char* const item_missing = "Menu item not found";

}  // namespace

domain::result<domain::menu_item> menu_service::add(write_context& writes, domain::id_t restaurant_id,
                                                    domain::menu_item draft) {
  auto tx = db_.write();
  if (!tx->restaurants().find(restaurant_id)) return domain::not_found("Restaurant not found");
  draft.restaurant_id = restaurant_id;
  draft.created_at = draft.updated_at = domain::now_timestamp();
  tx->menu_items().insert(draft);
  writes.commit(*tx, change::menu_item_created);
  return draft;
}

domain::result<domain::menu_item> menu_service::get(domain::id_t id) {
  auto found = db_.read()->menu_items().find(id);
  if (!found) return domain::not_found(item_missing);
  return std::move(*found);
}

domain::result<menu_item_with_restaurant> menu_service::with_restaurant(domain::id_t id) {
  auto tx = db_.read();
  auto item = tx->menu_items().find(id);
  if (!item) return domain::not_found(item_missing);
  auto owner = tx->restaurants().find(item->restaurant_id);
  if (!owner) return domain::not_found(item_missing);
  return menu_item_with_restaurant{std::move(*item), std::move(*owner)};
}

store::page_of<domain::menu_item> menu_service::search(const store::menu_item_query& query, store::page window) {
  return db_.read()->menu_items().list(query, window);
}

domain::result<store::page_of<domain::menu_item>> menu_service::dietary(std::string_view type, store::page window) {
  store::menu_item_query query;
  if (type == "vegetarian") {
    query.vegetarian = true;
  } else if (type == "vegan") {
    query.vegan = true;
  } else if (type == "gluten-free") {
    query.gluten_free = true;
  } else {
    return domain::rule_violation("Invalid dietary type");
  }
  return search(query, window);
}

domain::result<domain::menu_item> menu_service::update(write_context& writes, domain::id_t id,
                                                       const domain::menu_item_patch& patch) {
  auto tx = db_.write();
  auto found = tx->menu_items().find(id);
  if (!found || !writes.caller().speaks_for_restaurant(found->restaurant_id)) return domain::not_found(item_missing);
  patch.apply_to(*found);
  found->updated_at = domain::now_timestamp();
  tx->menu_items().update(*found);
  writes.commit(*tx, change::menu_item_updated, {.menu_item = id});
  return std::move(*found);
}

domain::result<domain::done> menu_service::remove(write_context& writes, domain::id_t id) {
  auto tx = db_.write();
  const auto found = tx->menu_items().find(id);
  if (!found || !writes.caller().speaks_for_restaurant(found->restaurant_id)) return domain::not_found(item_missing);
  if (tx->menu_items().is_ordered(id)) {
    return domain::conflict("Menu item has orders; mark it unavailable instead");
  }
  tx->menu_items().remove(id);
  writes.commit(*tx, change::menu_item_deleted);
  return domain::done{};
}

}  // namespace zomato::services
