#pragma once

#include <chrono>
#include <thread>

#include "cache/response_cache.hpp"

namespace zomato::testing {

/// Waits (at most 10 s) until the cache's link to the fleet is synced; false if it never is.
inline bool fleet_synced(const cache::response_cache& cache) {
  for (int waited = 0; waited < 1000; ++waited) {
    if (cache.fleet_figures().state == "synced") return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return false;
}

}  // namespace zomato::testing
