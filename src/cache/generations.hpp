#pragma once

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "cache/namespaces.hpp"
#include "cache/scope_generations.hpp"
#include "services/changes.hpp"

namespace zomato::cache {

/// The generations an entry's key was made with: its namespace's, its scope's slot and that
/// slot's generation, and the node's view of the fleet.
struct key_generations {
  std::uint64_t of_namespace = 0;
  std::size_t scope_slot = 0;
  std::uint64_t of_scope = 0;
  std::uint64_t of_view = 0;
};

/// The generations one write moves on: whole namespaces, and scope slots.
struct generation_moves {
  std::vector<cache_namespace> namespaces;
  std::vector<std::size_t> scope_slots;
  bool empty() const { return namespaces.empty() && scope_slots.empty(); }
};

/// The generation of every namespace and of every scope inside them. Keys carry the
/// generations they were made with, so moving one on drops every entry keyed with the old one
/// in O(1). In a fleet the values are Redis's, raised here as the node hears of them; the view
/// moves on whenever the node may have missed some (every entry computed before is then
/// refused), and the epoch names the generation of everything Redis holds. Lock-free.
class generations {
 public:
  /// The current generations of an entry of `ns` about the entity `id` of `kind` (an id of 0
  /// or less, or no kind: the namespace's unscoped entries).
  key_generations of_entry(cache_namespace ns, std::optional<scope_kind> kind, std::int64_t id) const;
  /// Whether no generation of `seen` has moved on since it was read.
  bool still_current(cache_namespace ns, const key_generations& seen) const;
  /// The namespace's current generation.
  std::uint64_t of_namespace(cache_namespace ns) const { return namespaces_[index_of(ns)].load(); }
  /// The current generation of a scope slot (scope_generations::slot_of).
  std::uint32_t of_scope(std::size_t slot) const { return scopes_.current(slot); }
  /// The generation of everything kept in Redis.
  std::uint64_t epoch() const { return epoch_.load(); }

  /// Drops every entry of the namespace.
  void advance(cache_namespace ns) { ++namespaces_[index_of(ns)]; }
  /// Moves on everything `moves` names, here only.
  void advance(const generation_moves& moves);
  /// The namespaces and scope slots a write of `ids` moves in `ns`: its unscoped entries and
  /// those scoped to an entity `ids` names.
  static void add_scopes(generation_moves& moves, cache_namespace ns, const services::touched& ids);

  /// Raises a namespace's generation to `value` unless it is there already.
  void raise_namespace(cache_namespace ns, std::uint64_t value);
  /// Raises a scope slot's generation to `value` unless it is there already (or just past it).
  void raise_scope(std::size_t slot, std::uint32_t value) { scopes_.raise(slot, value); }
  /// Raises the epoch to `value`; true when it moved (the view then moves on too).
  bool raise_epoch(std::uint64_t value);
  /// Takes the fleet's generations as they are: `of_namespaces` by namespace, the scope slots'
  /// as Redis keeps them (big-endian 32-bit words, missing ones 0), and the epoch; the view
  /// moves on.
  void replace(const std::array<std::uint64_t, namespace_count>& of_namespaces, std::string_view scope_words,
               std::uint64_t epoch);
  /// Refuses every entry computed before now (the node may have missed a change).
  void move_view() { ++view_; }

 private:
  static std::size_t index_of(cache_namespace ns) { return static_cast<std::size_t>(ns); }

  std::array<std::atomic<std::uint64_t>, namespace_count> namespaces_{};
  scope_generations scopes_;
  std::atomic<std::uint64_t> epoch_{0};
  std::atomic<std::uint64_t> view_{0};
};

}  // namespace zomato::cache
