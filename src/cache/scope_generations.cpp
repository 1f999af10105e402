#include "cache/scope_generations.hpp"

namespace zomato::cache {

std::optional<scope_kind> scope_kind_of_param(std::string_view name) {
  for (const auto kind : {scope_kind::restaurant, scope_kind::customer, scope_kind::order, scope_kind::menu_item}) {
    if (name == param_of(kind)) return kind;
  }
  return std::nullopt;
}

std::string_view param_of(scope_kind kind) {
  switch (kind) {
    case scope_kind::restaurant: return "restaurant_id";
    case scope_kind::customer: return "customer_id";
    case scope_kind::order: return "order_id";
    case scope_kind::menu_item: return "menu_item_id";
    case scope_kind::unscoped: break;
  }
  return {};
}

scope_generations::scope_generations() : slots_(new std::atomic<std::uint32_t>[slot_count]()) {}

void scope_generations::raise(std::size_t slot, std::uint32_t value) {
  auto& current = slots_[slot];
  auto seen = current.load(std::memory_order_acquire);
  while (static_cast<std::int32_t>(value - seen) > 0 && !current.compare_exchange_weak(seen, value)) {
  }
}

void scope_generations::replace(std::string_view words) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(words.data());
  for (std::size_t slot = 0; slot < slot_count; ++slot) {
    std::uint32_t value = 0;
    if ((slot + 1) * 4 <= words.size()) {
      const auto* word = bytes + slot * 4;
      value = std::uint32_t{word[0]} << 24 | std::uint32_t{word[1]} << 16 | std::uint32_t{word[2]} << 8 | word[3];
    }
    slots_[slot].store(value, std::memory_order_release);
  }
}

std::size_t scope_generations::slot_of(cache_namespace ns, scope_kind kind, std::int64_t id) {
  if (kind == scope_kind::unscoped) return static_cast<std::size_t>(ns);
  const auto group = static_cast<std::uint64_t>(ns) * 8 + static_cast<std::uint64_t>(kind);
  auto mixed = static_cast<std::uint64_t>(id) * 0x9E3779B97F4A7C15u + group * 0xC2B2AE3D27D4EB4Fu;
  mixed ^= mixed >> 31;
  mixed *= 0xBF58476D1CE4E5B9u;
  mixed ^= mixed >> 29;
  return namespace_count + static_cast<std::size_t>(mixed % (slot_count - namespace_count));
}

}  // namespace zomato::cache
