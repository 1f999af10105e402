#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>

#include "cache/namespaces.hpp"

namespace zomato::cache {

/// What a cached response is about: everything (lists, totals) or one entity.
enum class scope_kind { unscoped, restaurant, customer, order, menu_item };

/// "restaurant_id" -> restaurant, "customer_id" -> customer, "order_id" -> order,
/// "menu_item_id" -> menu_item.
std::optional<scope_kind> scope_kind_of_param(std::string_view name);

/// The path parameter that names a scope's entity ("restaurant_id", ...); "" for unscoped.
std::string_view param_of(scope_kind kind);

/// Generations of the scopes inside namespaces, in a fixed table of slots: the unscoped
/// entries of each namespace have a slot of their own, a scope maps to one of the others by
/// hash, and moving a slot on makes every entry keyed with its old generation unreachable.
/// Scopes sharing a slot only cost each other extra misses, never a stale hit; with a million
/// slots, thousands of orders a second move any one slot about once a minute. Lock-free and
/// of constant size (4 MB), whatever the number of entities.
class scope_generations {
 public:
  static constexpr std::size_t slot_count = std::size_t{1} << 20;

  scope_generations();

  static std::size_t slot_of(cache_namespace ns, scope_kind kind, std::int64_t id);
  std::uint32_t current(std::size_t slot) const { return slots_[slot].load(std::memory_order_acquire); }
  void advance(std::size_t slot) { slots_[slot].fetch_add(1, std::memory_order_acq_rel); }
  /// Raises the slot to `value` unless it is there or just past it (counting in wrapping 32-bit
  /// arithmetic, as Redis does).
  void raise(std::size_t slot, std::uint32_t value);
  /// Every slot takes its word in `words` (big-endian 32-bit, slot after slot; slots past the
  /// end take 0).
  void replace(std::string_view words);

 private:
  std::unique_ptr<std::atomic<std::uint32_t>[]> slots_;
};

}  // namespace zomato::cache
