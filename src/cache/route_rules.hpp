#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <string>

#include "cache/namespaces.hpp"
#include "cache/scope_generations.hpp"
#include "http/router.hpp"

namespace zomato::cache {

static_assert(namespace_count <= std::numeric_limits<std::uint8_t>::max(),
              "a route's rule numbers its namespace in a byte");

/// The cache rule of a GET route kept in `ns`: with `ttl_seconds` when not 0 instead of the
/// namespace's TTL, and, for a response about one entity, its `scope` (the route's path then
/// names the entity by the scope's parameter, which the router checks).
inline http::cache_rule cached_in(cache_namespace ns, int ttl_seconds = 0, scope_kind scope = scope_kind::unscoped) {
  return {static_cast<std::uint8_t>(ns), ttl_seconds, std::string(param_of(scope))};
}

/// The namespace a route's rule keeps it in; nullopt when the route is not cached or its rule
/// numbers no namespace (a rule not made by cached_in).
inline std::optional<cache_namespace> namespace_of_rule(const http::cache_rule& rule) {
  if (!rule.ns || *rule.ns >= namespace_count) return std::nullopt;
  return static_cast<cache_namespace>(*rule.ns);
}

}  // namespace zomato::cache
