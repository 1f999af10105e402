#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "http/message.hpp"
#include "http/params.hpp"
#include "http/response_cache.hpp"

namespace zomato::http {

using handler = std::function<response(const request&, const params&)>;

/// What the API documentation says of a route besides its parameters.
struct route_doc {
  std::string tag;
  std::string summary;
  std::string request_schema;   // component name of the JSON body, empty if none
  std::string response_schema;  // component name of the success body
  int success_status = 200;
};

/// How a GET route is cached: its namespace (none = not cached) as the cache layer numbers
/// it (cache::cached_in sets it, cache::namespace_of_rule reads it back), when not 0 its own
/// TTL, and when not empty the parameter ("restaurant_id", "customer_id" or "order_id") naming
/// the one entity the response is about, so writes about other entities leave the entry alone.
struct cache_rule {
  std::optional<std::uint8_t> ns;
  int ttl_seconds = 0;
  std::string scope;

  bool cached() const { return ns.has_value(); }
};

/// How long a route's work may take. Quick work (no aggregate, no list: at most a read by
/// primary key, or none) runs on the event loop that received the request; slow work runs on
/// the read pool, so that no loop waits behind it.
enum class work_kind { slow, quick };

struct route {
  verb method = verb::get;
  std::string pattern;  // "/restaurants/{restaurant_id}/menu"
  std::vector<param_spec> params;
  handler run;
  route_doc doc;
  cache_rule cache;
  work_kind work = work_kind::slow;
  /// Its place among the router's routes, set by router::add (cache keys name a route by it).
  std::size_t index = 0;
};

/// Where a request goes: its route and parsed parameters, or (no route) the 404, 405 or 422
/// answer in `failure`.
struct resolution {
  const route* target = nullptr;
  params values;
  response failure;
};

/// Finds the route for a method and path, parses its declared parameters and calls it.
/// Literal segments win over parameters; a trailing slash is ignored; HEAD is served by the
/// GET route (the server leaves the body out).
class router {
 public:
  /// Adds a route; throws std::logic_error when a {name} in the pattern has no path spec.
  void add(route entry);

  /// The handler's response, or 404/405/422 in FastAPI's shapes.
  response dispatch(const request& req) const;
  /// The route a request reaches and its parameters, without running it.
  resolution resolve(const request& req) const;

  const std::vector<route>& routes() const { return routes_; }

  /// Lets the cache serve every route that declares a cache rule.
  void attach_cache(response_cache& cache) { cache_ = &cache; }

 private:
  struct compiled {
    std::vector<std::string> segments;  // "{name}" marks a parameter
    std::size_t index;
  };
  /// Whether a candidate with as many segments as `parts` takes them.
  static bool matches(const compiled& candidate, const std::vector<std::string_view>& parts);
  /// A GET route also answers HEAD.
  const compiled* match(const std::vector<std::string_view>& parts, verb method, bool& path_known) const;
  /// 405 with Allow naming the methods the path takes.
  response not_allowed(const std::vector<std::string_view>& parts) const;

  /// The candidates with `count` segments, most specific first.
  const std::vector<compiled>& with_segments(std::size_t count) const;

  std::vector<route> routes_;
  /// Per number of path segments, its routes' shapes, literal segments before parameters.
  std::vector<std::vector<compiled>> by_length_;
  response_cache* cache_ = nullptr;
};

/// Splits "/a/b/" into {"a","b"}.
std::vector<std::string_view> split_path(std::string_view path);

}  // namespace zomato::http
