#pragma once

#include <array>
#include <chrono>
#include <optional>
#include <string_view>

namespace zomato::cache {

/// The groups cached responses belong to; each can be cleared and measured on its own.
enum class cache_namespace {
  restaurants,
  menu_items,
  restaurant_menus,
  search,
  analytics,
  customers,
  orders,
  reviews,
  realtime,
};

/// How long entries live under each TTL profile, in seconds.
struct ttl_seconds {
  int development, staging, production;
};

/// How long after its TTL an entry may still be served, in seconds (RFC 5861): at once while
/// one refresh runs (`while_revalidate`), or when computing it again fails (`if_error`). Only
/// namespaces whose freshness is a TTL have them: what a write invalidated is never served, its
/// key being gone with its generation.
struct stale_seconds {
  int while_revalidate, if_error;
};

/// One namespace's policy: its name (in keys, stats and /cache/* routes), its TTLs and how long
/// its entries may be served stale.
struct namespace_policy {
  cache_namespace ns;
  std::string_view name;
  ttl_seconds ttl;
  stale_seconds stale;

  /// Whether its entries go stale by their TTL (clients may keep them that long), not only by
  /// an invalidation (clients must revalidate).
  constexpr bool ttl_driven() const { return stale.while_revalidate > 0 || stale.if_error > 0; }
};

/// Every namespace's policy, in the enum's order; the one place a namespace is described.
/// Development 1-5 minutes, staging the seed README's table (restaurants 600 s, menu-items
/// 480 s, restaurant-menus 900 s, search 300 s, analytics 1200 s), production 30 minutes to
/// hours; real-time routes state their own 30-120 s. Analytics and real-time views are
/// aggregates over time: they may be served stale for a while after their TTL.
inline constexpr std::array<namespace_policy, 9> namespace_policies{{
    {cache_namespace::restaurants, "restaurants", {300, 600, 2400}, {0, 0}},
    {cache_namespace::menu_items, "menu-items", {240, 480, 1800}, {0, 0}},
    {cache_namespace::restaurant_menus, "restaurant-menus", {300, 900, 3600}, {0, 0}},
    {cache_namespace::search, "search", {60, 300, 300}, {0, 0}},
    {cache_namespace::analytics, "analytics", {300, 1200, 14400}, {60, 600}},
    {cache_namespace::customers, "customers", {300, 900, 1800}, {0, 0}},
    {cache_namespace::orders, "orders", {60, 180, 180}, {0, 0}},
    {cache_namespace::reviews, "reviews", {120, 600, 1800}, {0, 0}},
    {cache_namespace::realtime, "realtime", {30, 30, 30}, {10, 60}},
}};

inline constexpr std::size_t namespace_count = namespace_policies.size();

/// Whether namespace_policies[i] is the policy of the i-th namespace, for every i.
constexpr bool policies_in_enum_order() {
  for (std::size_t i = 0; i < namespace_count; ++i) {
    if (static_cast<std::size_t>(namespace_policies[i].ns) != i) return false;
  }
  return true;
}
static_assert(policies_in_enum_order(), "namespace_policies lists the namespaces in the enum's order");

/// The namespaces, in the order of their policies.
constexpr std::array<cache_namespace, namespace_count> namespaces_of_policies() {
  std::array<cache_namespace, namespace_count> all{};
  for (std::size_t i = 0; i < namespace_count; ++i) all[i] = namespace_policies[i].ns;
  return all;
}
inline constexpr std::array<cache_namespace, namespace_count> all_namespaces = namespaces_of_policies();

/// The policy of a namespace.
constexpr const namespace_policy& policy_of(cache_namespace ns) {
  return namespace_policies[static_cast<std::size_t>(ns)];
}

/// "restaurants", "menu-items", "restaurant-menus", ...
std::string_view name_of(cache_namespace ns);
std::optional<cache_namespace> namespace_named(std::string_view name);

enum class ttl_profile { development, staging, production };

/// How long a namespace's entries live under a profile (its policy's TTLs).
std::chrono::seconds ttl_of(cache_namespace ns, ttl_profile profile);

}  // namespace zomato::cache
