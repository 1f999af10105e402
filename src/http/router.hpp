#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "http/access.hpp"
#include "http/cors.hpp"
#include "http/message.hpp"
#include "http/params.hpp"
#include "http/response_cache.hpp"

namespace zomato::http {

using handler = std::function<response(const request&, const params&)>;

/// A failure a route can answer besides those the documentation derives for every route of its
/// kind (404 for a path id, 413 for a body, 422 for parameters or a body, 503 always), and the
/// component its body has.
struct failure_doc {
  int status = 400;
  std::string schema = "HTTPError";
};

/// What the API documentation says of a route besides its parameters.
struct route_doc {
  std::string tag;
  std::string operation_id;  // stable camelCase name, unique: client generators name methods by it
  std::string summary;
  std::string request_schema;   // component name of the JSON body, empty if none
  std::string response_schema;  // component name of the success body
  int success_status = 200;
  std::vector<failure_doc> failures;
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

/// How long a route's work may take. Local work (no database at all) runs on the event loop
/// that received the request; quick work (at most a read by primary key) too while the database
/// answers without the network (SQLite), else on the read pool; slow work (aggregates, lists)
/// runs on the read pool, so that no loop waits behind it.
enum class work_kind { slow, quick, local };

struct route {
  verb method = verb::get;
  std::string pattern;  // "/restaurants/{restaurant_id}/menu"
  std::vector<param_spec> params;
  handler run;
  route_doc doc;
  cache_rule cache;
  work_kind work = work_kind::slow;
  /// Who may call it; a route that declares nothing is for admins (with AUTH_MODE=jwt).
  access who = access::admin;
  /// Its place among the router's routes, set by router::add (cache keys name a route by it).
  std::size_t index = 0;
};

/// The route, declared callable only with the admin token when the server has one, and only by
/// an admin with AUTH_MODE=jwt (access::operational). Never fails.
route admin_only(route entry);
/// The route, declared callable by `who` (see access). Never fails.
route callable_by(access who, route entry);

/// Whether the answer of a route depends on who asks beyond what the router settles: a route that
/// needs a token and that restricted callers may reach without naming their own id in a parameter
/// (owner_param), so that a service decides what is theirs (GET /orders/{order_id}). The cache
/// keys such a route's answers by their restricted caller. Never fails.
bool answer_depends_on_caller(const route& target);

/// Where a request goes: its route and parsed parameters with the caller (params::caller()), or
/// (no route) the answer in `failure`: 404, 405, 422, 401 (a guarded route without a valid
/// token), 403 (a caller of another role), 404 (a restricted caller naming another's id), 415 (a
/// body that is not JSON) or a CORS preflight's 204.
struct resolution {
  const route* target = nullptr;
  params values;
  response failure;
  /// The route whose method and path the request matched, also when its parameters did not
  /// (422); null for 404 and 405.
  const route* matched = nullptr;
};

/// The segments of a path ("/a/b/" gives "a" and "b"), without allocating: up to the most a
/// route may have. A longer path keeps its first `capacity` and says it is too_long().
class path_segments {
 public:
  static constexpr std::size_t capacity = 12;

  explicit path_segments(std::string_view path);

  std::size_t size() const { return count_; }
  bool empty() const { return count_ == 0; }
  bool too_long() const { return too_long_; }
  std::string_view operator[](std::size_t i) const { return items_[i]; }
  const std::string_view* begin() const { return items_.data(); }
  const std::string_view* end() const { return items_.data() + count_; }

 private:
  std::array<std::string_view, capacity> items_{};
  std::size_t count_ = 0;
  bool too_long_ = false;
};

/// Finds the route for a method and path, parses its declared parameters and calls it.
/// Literal segments win over parameters; a trailing slash is ignored; HEAD is served by the
/// GET route (the server leaves the body out).
class router {
 public:
  /// Adds a route; throws std::logic_error when a {name} in the pattern has no path spec.
  void add(route entry);

  /// From now on requests are let through by the policy's rules (see access): a guarded route
  /// answers 401 (`WWW-Authenticate: Bearer`) to a request without a valid token, 403 to a caller
  /// of a role it does not admit, and the 404 of a missing owner to a restricted caller whose id
  /// is not the route's owner parameter. The default policy guards nothing.
  void control_access(access_policy policy) { policy_ = std::move(policy); }
  /// Answers CORS preflights of known paths and lets decorate() add CORS headers for the policy's origins.
  void allow_origins(cors_policy policy) { cors_ = std::move(policy); }
  /// Adds to any answer what every answer carries besides its own headers: with CORS on,
  /// `Vary: Origin` and the allowed origin. Never fails.
  void decorate(const request& req, response& answer) const;

  /// The handler's response, or the resolution's failure (404/405/422 in FastAPI's shapes, 401, 415, a preflight).
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
  struct text_hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
  };
  /// The shapes of one number of segments, each list most specific first (literal segments
  /// before parameters): those whose first segment is a literal by that literal, the others
  /// (first segment a parameter, or no segment) after them.
  struct shapes {
    std::unordered_map<std::string, std::vector<compiled>, text_hash, std::equal_to<>> by_first;
    std::vector<compiled> others;
  };
  /// Whether a candidate with as many segments as `parts` takes them.
  static bool matches(const compiled& candidate, const path_segments& parts);
  /// A GET route also answers HEAD.
  const compiled* match(const path_segments& parts, verb method, bool& path_known) const;
  /// The methods the path takes, as Allow lists them ("GET, HEAD, PUT").
  std::string methods_of(const path_segments& parts) const;
  /// 401, 403 or 415 when the request may not reach the route, before anything of it runs;
  /// otherwise its caller is set in `caller`.
  std::optional<response> refusal(const request& req, const route& target, domain::principal& caller) const;
  /// Whether the route guards itself from a request without a valid token.
  bool guards(const route& target) const;

  /// The shapes that may take `parts`, in the order they are tried.
  std::array<std::span<const compiled>, 2> candidates(const path_segments& parts) const;

  std::vector<route> routes_;
  /// Per number of path segments, its routes' shapes.
  std::vector<shapes> by_length_;
  response_cache* cache_ = nullptr;
  access_policy policy_;
  std::optional<cors_policy> cors_;
};

}  // namespace zomato::http
