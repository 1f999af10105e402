#include "cache/generations.hpp"

namespace zomato::cache {

key_generations generations::of_entry(cache_namespace ns, std::optional<scope_kind> kind, std::int64_t id) const {
  const auto slot = kind && id > 0 ? scope_generations::slot_of(ns, *kind, id)
                                   : scope_generations::slot_of(ns, scope_kind::unscoped, 0);
  return {of_namespace(ns), slot, scopes_.current(slot), view_.load()};
}

bool generations::still_current(cache_namespace ns, const key_generations& seen) const {
  return view_.load() == seen.of_view && of_namespace(ns) == seen.of_namespace &&
         scopes_.current(seen.scope_slot) == seen.of_scope;
}

void generations::advance(const generation_moves& moves) {
  for (const auto ns : moves.namespaces) advance(ns);
  for (const auto slot : moves.scope_slots) scopes_.advance(slot);
}

void generations::add_scopes(generation_moves& moves, cache_namespace ns, const services::touched& ids) {
  auto& slots = moves.scope_slots;
  slots.push_back(scope_generations::slot_of(ns, scope_kind::unscoped, 0));
  if (ids.restaurant > 0) slots.push_back(scope_generations::slot_of(ns, scope_kind::restaurant, ids.restaurant));
  if (ids.customer > 0) slots.push_back(scope_generations::slot_of(ns, scope_kind::customer, ids.customer));
  if (ids.order > 0) slots.push_back(scope_generations::slot_of(ns, scope_kind::order, ids.order));
  if (ids.menu_item > 0) slots.push_back(scope_generations::slot_of(ns, scope_kind::menu_item, ids.menu_item));
}

void generations::raise_namespace(cache_namespace ns, std::uint64_t value) {
  auto& current = namespaces_[index_of(ns)];
  auto seen = current.load();
  while (seen < value && !current.compare_exchange_weak(seen, value)) {
  }
}

bool generations::raise_epoch(std::uint64_t value) {
  auto seen = epoch_.load();
  while (seen < value) {
    if (epoch_.compare_exchange_weak(seen, value)) {
      move_view();
      return true;
    }
  }
  return false;
}

void generations::replace(const std::array<std::uint64_t, namespace_count>& of_namespaces, std::string_view scope_words,
                          std::uint64_t epoch) {
  for (std::size_t i = 0; i < namespace_count; ++i) namespaces_[i].store(of_namespaces[i]);
  scopes_.replace(scope_words);
  epoch_.store(epoch);
  move_view();
}

}  // namespace zomato::cache
