#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "cache/namespaces.hpp"
#include "http/message.hpp"

namespace zomato::api {

/// Sends a GET through the router (and so through the cache) inside the process.
/// Arguments: path, query, Cache-Control.
using internal_get = std::function<http::response(std::string_view, std::string_view, std::string_view)>;

struct warm_step {
  std::string type;
  std::int64_t count = 0;
  double time_ms = 0.0;
};

/// Fills the cache by asking the API itself for what clients ask most.
class cache_warmer {
 public:
  explicit cache_warmer(internal_get get) : get_(std::move(get)) {}

  /// The request targets that, fetched, fill one namespace (the first `limit` ids of each kind).
  std::vector<std::string> targets_of(cache::cache_namespace ns, std::size_t limit);
  /// Fetches each target, refreshing its cache entry; returns how many answered 200.
  warm_step warm(const std::string& type, const std::vector<std::string>& targets);
  /// The ids listed by a collection route ("/restaurants/", "restaurants", 50).
  std::vector<std::int64_t> ids_from(std::string_view path, std::string_view plural, std::size_t limit);

 private:
  internal_get get_;
};

/// Milliseconds elapsed since `started`, to the microsecond.
double elapsed_ms(std::chrono::steady_clock::time_point started);

}  // namespace zomato::api
