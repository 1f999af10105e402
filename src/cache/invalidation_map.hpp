#pragma once

#include <array>
#include <string_view>
#include <vector>

#include "cache/namespaces.hpp"
#include "services/changes.hpp"

namespace zomato::cache {

/// The one place that says which cached responses a write can change: every namespace
/// holding a response that shows, nests or aggregates what the write touched.
std::vector<cache_namespace> namespaces_changed_by(services::change what);

/// Whether, in those namespaces, the write only changes the entries scoped to the
/// restaurant, customer or order it touched, and the unscoped ones (lists, totals). An
/// order's placement or status leaves every other restaurant's and customer's views as they
/// were; any other write changes whole namespaces.
bool confined_to_touched(services::change what);

/// Every kind of write, in the enum's order.
inline constexpr std::array<services::change, 11> all_changes{
    services::change::restaurant_created, services::change::restaurant_updated, services::change::restaurant_deleted,
    services::change::menu_changed,       services::change::customer_created,   services::change::customer_updated,
    services::change::customer_deleted,   services::change::order_placed,       services::change::order_status_changed,
    services::change::review_added,       services::change::catalog_replaced};
static_assert(static_cast<std::size_t>(all_changes.back()) + 1 == all_changes.size(),
              "all_changes ends with the enum's last value");

/// How GET /cache/info names a kind of write: "restaurant_update", "order_placement", ...
std::string_view rule_name_of(services::change what);

}  // namespace zomato::cache
