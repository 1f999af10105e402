#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "cache/namespaces.hpp"
#include "http/message.hpp"
#include "http/router.hpp"
#include "services/cache_report.hpp"
#include "services/write_context.hpp"

namespace zomato::api {

/// Sends a GET through the router (and so through the cache) inside the process.
/// Arguments: path, query, Cache-Control.
using internal_get = std::function<http::response(std::string_view, std::string_view, std::string_view)>;

using services::warm_step;

/// What warming one namespace fetches, read from the route table: its cached GET routes that
/// need no query parameter, as they are when they have no path parameter, for each known value
/// of a text path parameter, and for each id a list returns of an `{id}` parameter (the list
/// of `restaurant_id` is "/restaurants/", the list beside "/restaurants/{restaurant_id}").
struct warm_plan {
  /// Targets fetched as they are.
  std::vector<std::string> targets;
  /// Patterns filled in with each id a list returns.
  struct by_ids {
    std::string list;
    std::string param;
    std::vector<std::string> patterns;
  };
  std::vector<by_ids> per_list;
};
/// The plan of a namespace; routes whose path parameters have no known values are left out.
warm_plan warm_plan_of(const std::vector<http::route>& routes, cache::cache_namespace ns);

/// Write-through: computes again, from the committed rows, the entries that the durable writes
/// of `changes` keep warm (cache::written_through), each by a GET with no-cache, which stores it
/// under the generations their invalidation made. A read that fails is logged on stderr and the
/// others go on (its entry stays invalidated); never throws.
void write_through(const internal_get& get, const services::write_context::told& changes);

/// Fills the cache by asking the API itself for what clients ask most.
class cache_warmer {
 public:
  explicit cache_warmer(internal_get get) : get_(std::move(get)) {}

  /// The request targets of a plan, with the first `limit` ids of each list.
  std::vector<std::string> targets_of(const warm_plan& plan, std::size_t limit);
  /// Fetches each target, refreshing its cache entry; returns how many answered 200.
  warm_step warm(const std::string& type, const std::vector<std::string>& targets);
  /// The ids in the rows of a collection route's answer ("/restaurants/", 50); none when it
  /// does not answer 200 with an object holding an array of rows.
  std::vector<std::int64_t> ids_from(std::string_view path, std::size_t limit);

 private:
  internal_get get_;
};

/// What clients read of each restaurant: itself, with its menu, and its menu.
std::vector<std::string> restaurant_views(const std::vector<std::int64_t>& ids);

/// Milliseconds elapsed since `started`, to the microsecond.
double elapsed_ms(std::chrono::steady_clock::time_point started);

}  // namespace zomato::api
