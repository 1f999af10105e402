#pragma once

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <optional>

#include "cache/namespaces.hpp"
#include "cache/scope_generations.hpp"
#include "services/changes.hpp"

namespace zomato::cache {

/// The generations an entry's key was made with: its namespace's, and its scope's slot and
/// that slot's generation.
struct key_generations {
  std::uint64_t of_namespace = 0;
  std::size_t scope_slot = 0;
  std::uint64_t of_scope = 0;
};

/// The generation of every namespace and of every scope inside them. Keys carry the
/// generations they were made with, so moving one on drops every entry keyed with the old one
/// in O(1). Lock-free.
class generations {
 public:
  /// The current generations of an entry of `ns` about the entity `id` of `kind` (an id of 0
  /// or less, or no kind: the namespace's unscoped entries).
  key_generations of_entry(cache_namespace ns, std::optional<scope_kind> kind, std::int64_t id) const;
  /// Whether neither generation of `seen` has moved on since it was read.
  bool still_current(cache_namespace ns, const key_generations& seen) const;
  /// The namespace's current generation.
  std::uint64_t of_namespace(cache_namespace ns) const { return namespaces_[index_of(ns)].load(); }
  /// The current generation of a scope slot (scope_generations::slot_of).
  std::uint32_t of_scope(std::size_t slot) const { return scopes_.current(slot); }

  /// Drops every entry of the namespace.
  void advance(cache_namespace ns) { ++namespaces_[index_of(ns)]; }
  /// Drops the namespace's unscoped entries and those scoped to an entity `ids` names.
  void advance_scopes(cache_namespace ns, const services::touched& ids);

 private:
  static std::size_t index_of(cache_namespace ns) { return static_cast<std::size_t>(ns); }

  std::array<std::atomic<std::uint64_t>, namespace_count> namespaces_{};
  scope_generations scopes_;
};

}  // namespace zomato::cache
