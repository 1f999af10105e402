#include "cache/generations.hpp"

namespace zomato::cache {

key_generations generations::of_entry(cache_namespace ns, std::optional<scope_kind> kind, std::int64_t id) const {
  const auto slot = kind && id > 0 ? scope_generations::slot_of(ns, *kind, id)
                                   : scope_generations::slot_of(ns, scope_kind::unscoped, 0);
  return {of_namespace(ns), slot, scopes_.current(slot)};
}

bool generations::still_current(cache_namespace ns, const key_generations& seen) const {
  return of_namespace(ns) == seen.of_namespace && scopes_.current(seen.scope_slot) == seen.of_scope;
}

void generations::advance_scopes(cache_namespace ns, const services::touched& ids) {
  scopes_.advance(scope_generations::slot_of(ns, scope_kind::unscoped, 0));
  if (ids.restaurant > 0) scopes_.advance(scope_generations::slot_of(ns, scope_kind::restaurant, ids.restaurant));
  if (ids.customer > 0) scopes_.advance(scope_generations::slot_of(ns, scope_kind::customer, ids.customer));
  if (ids.order > 0) scopes_.advance(scope_generations::slot_of(ns, scope_kind::order, ids.order));
  if (ids.menu_item > 0) scopes_.advance(scope_generations::slot_of(ns, scope_kind::menu_item, ids.menu_item));
}

}  // namespace zomato::cache
