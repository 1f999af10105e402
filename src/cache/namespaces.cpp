#include "cache/namespaces.hpp"

namespace zomato::cache {

std::string_view name_of(cache_namespace ns) {
  switch (ns) {
    case cache_namespace::restaurants: return "restaurants";
    case cache_namespace::menu_items: return "menu-items";
    case cache_namespace::restaurant_menus: return "restaurant-menus";
    case cache_namespace::search: return "search";
    case cache_namespace::analytics: return "analytics";
    case cache_namespace::customers: return "customers";
    case cache_namespace::orders: return "orders";
    case cache_namespace::reviews: return "reviews";
    case cache_namespace::realtime: return "realtime";
  }
  return "restaurants";
}

std::optional<cache_namespace> namespace_named(std::string_view name) {
  for (auto ns : all_namespaces) {
    if (name_of(ns) == name) return ns;
  }
  return std::nullopt;
}

std::chrono::seconds ttl_of(cache_namespace ns, ttl_profile profile) {
  struct row {
    int development, staging, production;
  };
  static constexpr std::array<row, namespace_count> table{{
      {300, 600, 2400},    // restaurants
      {240, 480, 1800},    // menu-items
      {300, 900, 3600},    // restaurant-menus
      {60, 300, 300},      // search
      {300, 1200, 14400},  // analytics
      {300, 900, 1800},    // customers
      {60, 180, 180},      // orders
      {120, 600, 1800},    // reviews
      {30, 30, 30},        // realtime (routes state their own 30-120 s)
  }};
  const auto& entry = table[static_cast<std::size_t>(ns)];
  switch (profile) {
    case ttl_profile::development: return std::chrono::seconds(entry.development);
    case ttl_profile::staging: return std::chrono::seconds(entry.staging);
    case ttl_profile::production: return std::chrono::seconds(entry.production);
  }
  return std::chrono::seconds(entry.development);
}

}  // namespace zomato::cache
