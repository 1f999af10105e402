#pragma once

#include <string>

#include "cache/namespaces.hpp"
#include "http/router.hpp"

namespace zomato::cache {

/// The cache rule of a GET route kept in `ns`: with `ttl_seconds` when not 0 instead of the
/// namespace's TTL, and with `scope` naming the parameter of the one entity it is about.
inline http::cache_rule cached_in(cache_namespace ns, int ttl_seconds = 0, std::string scope = {}) {
  return {std::string(name_of(ns)), ttl_seconds, std::move(scope)};
}

}  // namespace zomato::cache
