#pragma once

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

/// How GET /cache/info names a kind of write: "restaurant_update", "order_placement", ...
std::string_view rule_name_of(services::change what);

}  // namespace zomato::cache
