#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "cache/namespaces.hpp"
#include "services/changes.hpp"

namespace zomato::cache {

/// The one place that says which cached responses a write can change: every namespace
/// holding a response that shows, nests or aggregates what the write touched.
std::vector<cache_namespace> namespaces_changed_by(services::change what);

/// The single-entity reads the write keeps warm (write-through), as request paths: the
/// restaurant it updated or whose rating a review moved, the menu item or customer it updated,
/// the order whose status it moved. Once the write is durable and its namespaces have moved on,
/// and before it is acknowledged, each is computed again from the committed rows and stored, so
/// the next read of it is a hit; every other entry of those namespaces (lists, aggregates,
/// nested views) stays dropped. Empty for the other writes.
std::vector<std::string> written_through(services::change what, const services::touched& ids);

/// Whether, in the namespace `ns` (one of namespaces_changed_by(what)), the write only changes
/// the entries scoped to the entities it touched and the unscoped ones (lists, totals), so
/// that only their scopes move on. An order's placement or status leaves every other
/// restaurant's and customer's views as they were; the read of one restaurant, menu item or
/// customer is scoped to it, so a write that changes no such row but those of the entities it
/// names (a creation, an update, a review's rating) leaves the reads of the others. Anywhere
/// else the write changes the whole namespace.
bool confined_to_touched(services::change what, cache_namespace ns);

/// How GET /cache/info names a kind of write: "restaurant_update", "order_placement", ...
std::string_view rule_name_of(services::change what);

}  // namespace zomato::cache
