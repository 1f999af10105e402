#pragma once

#include <chrono>
#include <cstdint>
#include <string>

#include "cache/entry.hpp"
#include "cache/redis_backend.hpp"

namespace zomato::testing {

/// Settings for a test's own redis-server: short timeouts and pauses, so failures show fast.
inline cache::redis_settings redis_settings_for(std::uint16_t port, int database = 0) {
  cache::redis_settings s;
  s.host = "127.0.0.1";
  s.port = port;
  s.database = database;
  s.timeout = std::chrono::milliseconds(200);
  s.retry_after = std::chrono::milliseconds(300);
  return s;
}

/// A stored response with this body.
inline cache::entry sample_entry(const std::string& body, std::string target = "/restaurants/?skip=0") {
  return cache::entry{body, cache::etag_of(body), std::move(target)};
}

}  // namespace zomato::testing
