#include "cache/invalidation_map.hpp"

namespace zomato::cache {

std::vector<cache_namespace> namespaces_changed_by(services::change what) {
  using ns = cache_namespace;
  using services::change;
  switch (what) {
    // A restaurant shows in its own reads, lists, searches, menus (with-menu), menu items
    // (with-restaurant), order details, analytics and real-time views.
    case change::restaurant_created: return {ns::restaurants, ns::search, ns::analytics};
    case change::restaurant_updated:
      return {ns::restaurants, ns::search,    ns::restaurant_menus, ns::menu_items,
              ns::orders,      ns::analytics, ns::realtime};
    // Deleting one cascades to its menu, orders and reviews.
    case change::restaurant_deleted:
      return {ns::restaurants, ns::search,  ns::restaurant_menus, ns::menu_items,
              ns::orders,      ns::reviews, ns::analytics,        ns::realtime};
    // Menu Update Hierarchy: the item, restaurant menus, searches, category and dietary
    // filters, analytics, and order details that nest the item.
    case change::menu_item_created:
    case change::menu_item_updated:
    case change::menu_item_deleted:
      return {ns::menu_items, ns::restaurant_menus, ns::search, ns::analytics, ns::orders, ns::realtime};
    case change::customer_created: return {ns::customers, ns::analytics};
    // Customers are nested in order details and review lists.
    case change::customer_updated: return {ns::customers, ns::orders, ns::reviews, ns::analytics, ns::realtime};
    // Their orders and reviews go, and the ratings of what they reviewed change.
    case change::customer_deleted:
      return {ns::customers, ns::orders,     ns::reviews,          ns::analytics, ns::restaurants,
              ns::search,    ns::menu_items, ns::restaurant_menus, ns::realtime};
    // Order Placement Cascade and Status Update: order reads and lists, analytics, live views.
    case change::order_placed:
    case change::order_status_changed: return {ns::orders, ns::analytics, ns::realtime};
    // Review Addition Impact: review lists, the restaurant's rating wherever it shows, analytics.
    case change::review_added:
      return {ns::reviews,    ns::restaurants, ns::search,    ns::restaurant_menus,
              ns::menu_items, ns::orders,      ns::analytics, ns::realtime};
    case change::catalog_replaced: return {all_namespaces.begin(), all_namespaces.end()};
  }
  return {all_namespaces.begin(), all_namespaces.end()};
}

std::vector<std::string> written_through(services::change what, const services::touched& ids) {
  using services::change;
  const auto entry = [](std::string_view collection, std::int64_t id) {
    return id > 0 ? std::vector<std::string>{std::string(collection) + std::to_string(id)} : std::vector<std::string>{};
  };
  switch (what) {
    case change::restaurant_updated:
    case change::review_added: return entry("/restaurants/", ids.restaurant);
    case change::menu_item_updated: return entry("/menu-items/", ids.menu_item);
    case change::customer_updated: return entry("/customers/", ids.customer);
    case change::order_status_changed: return entry("/orders/", ids.order);
    // A new entity had no entry to lose; a deleted one has none to keep; bulk writes name none.
    case change::restaurant_created:
    case change::restaurant_deleted:
    case change::menu_item_created:
    case change::menu_item_deleted:
    case change::customer_created:
    case change::customer_deleted:
    case change::order_placed:
    case change::catalog_replaced: break;
  }
  return {};
}

bool confined_to_touched(services::change what, cache_namespace ns) {
  using services::change;
  switch (ns) {
    // The read of one restaurant, menu item or customer is scoped to it and shows its own row
    // alone; the entries that nest other rows (with-restaurant) are unscoped. So a write that
    // changes such rows only for entities it names, or none, leaves the other entities' reads.
    case cache_namespace::restaurants:
      return what == change::restaurant_created || what == change::restaurant_updated || what == change::review_added;
    case cache_namespace::menu_items:
      return what == change::menu_item_created || what == change::menu_item_updated ||
             what == change::restaurant_updated || what == change::review_added || what == change::customer_deleted;
    case cache_namespace::customers: return what == change::customer_created || what == change::customer_updated;
    case cache_namespace::restaurant_menus:
    case cache_namespace::search:
    case cache_namespace::analytics:
    case cache_namespace::orders:
    case cache_namespace::reviews:
    case cache_namespace::realtime: break;
  }
  // An order's placement or status leaves the views of every other restaurant, customer and
  // order as they were.
  return what == change::order_placed || what == change::order_status_changed;
}

std::string_view rule_name_of(services::change what) {
  using services::change;
  switch (what) {
    case change::restaurant_created: return "restaurant_creation";
    case change::restaurant_updated: return "restaurant_update";
    case change::restaurant_deleted: return "restaurant_deletion";
    case change::menu_item_created: return "menu_item_creation";
    case change::menu_item_updated: return "menu_item_update";
    case change::menu_item_deleted: return "menu_item_deletion";
    case change::customer_created: return "customer_creation";
    case change::customer_updated: return "customer_update";
    case change::customer_deleted: return "customer_deletion";
    case change::order_placed: return "order_placement";
    case change::order_status_changed: return "order_status_update";
    case change::review_added: return "review_addition";
    case change::catalog_replaced: return "catalog_replacement";
  }
  return "write";
}

}  // namespace zomato::cache
