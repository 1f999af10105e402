#include "services/restaurant_service.hpp"

#include "domain/clock.hpp"

namespace zomato::services {
namespace {

const char* const restaurant_missing = "Restaurant not found";
const char* const name_taken = "Restaurant with this name already exists";

}  // namespace

domain::result<domain::restaurant> restaurant_service::create(write_context& writes, domain::restaurant draft) {
  auto tx = db_.write();
  if (tx->restaurants().id_named(draft.name)) return domain::rule_violation(name_taken);
  draft.created_at = draft.updated_at = domain::now_timestamp();
  tx->restaurants().insert(draft);
  writes.commit(*tx, change::restaurant_created);
  return draft;
}

domain::result<domain::restaurant> restaurant_service::get(domain::id_t id) {
  auto found = db_.read()->restaurants().find(id);
  if (!found) return domain::not_found(restaurant_missing);
  return std::move(*found);
}

store::page_of<domain::restaurant> restaurant_service::list(const store::restaurant_query& query, store::page window) {
  return db_.read()->restaurants().list(query, window);
}

domain::result<domain::restaurant> restaurant_service::update(write_context& writes, domain::id_t id,
                                                              const domain::restaurant_patch& patch) {
  auto tx = db_.write();
  auto found = tx->restaurants().find(id);
  if (!found) return domain::not_found(restaurant_missing);
  if (const auto name = patch.get(&domain::restaurant::name)) {
    const auto holder = tx->restaurants().id_named(*name);
    if (holder && *holder != id) return domain::rule_violation(name_taken);
  }
  patch.apply_to(*found);
  found->updated_at = domain::now_timestamp();
  tx->restaurants().update(*found);
  writes.commit(*tx, change::restaurant_updated, {.restaurant = id});
  return std::move(*found);
}

domain::result<domain::done> restaurant_service::remove(write_context& writes, domain::id_t id) {
  auto tx = db_.write();
  if (!tx->restaurants().remove(id)) return domain::not_found(restaurant_missing);
  writes.commit(*tx, change::restaurant_deleted);
  return domain::done{};
}

domain::result<restaurant_with_menu> restaurant_service::with_menu(domain::id_t id) {
  auto tx = db_.read();
  auto found = tx->restaurants().find(id);
  if (!found) return domain::not_found(restaurant_missing);
  return restaurant_with_menu{std::move(*found), tx->menu_items().all_of_restaurant(id)};
}

domain::result<store::page_of<domain::menu_item>> restaurant_service::menu(domain::id_t id, store::page window) {
  auto tx = db_.read();
  if (!tx->restaurants().find(id)) return domain::not_found(restaurant_missing);
  return tx->menu_items().of_restaurant(id, window);
}

}  // namespace zomato::services
