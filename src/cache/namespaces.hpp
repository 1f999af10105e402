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

inline constexpr std::size_t namespace_count = 9;

inline constexpr std::array<cache_namespace, namespace_count> all_namespaces{
    cache_namespace::restaurants, cache_namespace::menu_items, cache_namespace::restaurant_menus,
    cache_namespace::search,      cache_namespace::analytics,  cache_namespace::customers,
    cache_namespace::orders,      cache_namespace::reviews,    cache_namespace::realtime};

/// "restaurants", "menu-items", "restaurant-menus", ...
std::string_view name_of(cache_namespace ns);
std::optional<cache_namespace> namespace_named(std::string_view name);

enum class ttl_profile { development, staging, production };

/// How long a namespace's entries live under a profile: development 1-5 minutes,
/// staging the seed README's table (restaurants 600 s, menu-items 480 s, restaurant-menus
/// 900 s, search 300 s, analytics 1200 s), production 30 minutes to hours.
std::chrono::seconds ttl_of(cache_namespace ns, ttl_profile profile);

}  // namespace zomato::cache
