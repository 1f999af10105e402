#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

struct redisContext;

namespace zomato::cache {

struct redis_settings {
  std::string host = "127.0.0.1";
  std::uint16_t port = 6379;
  int database = 0;
  std::string password;
  std::chrono::milliseconds timeout{50};
  std::chrono::milliseconds retry_after{1000};
};

struct redis_context_deleter {
  void operator()(redisContext* context) const;
};
/// A blocking hiredis connection that frees itself.
using redis_context = std::unique_ptr<redisContext, redis_context_deleter>;

/// Connects within the settings' timeout, which then bounds every read and write on the
/// connection, authenticates and selects the database; null with `error` set when a step fails.
redis_context connect_redis(const redis_settings& settings, std::string& error);

}  // namespace zomato::cache
