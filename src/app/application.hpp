#pragma once

#include <memory>

#include "app/config.hpp"
#include "http/message.hpp"

namespace zomato::app {

/// The composition root: the store, the services and every route, wired once.
class application {
 public:
  /// Opens and migrates the database; throws if it cannot.
  explicit application(const config& settings);
  ~application();

  /// Answers one request through the router.
  http::response handle(const http::request& req) const;
  /// Whether the request reaches a cached route and may read the cache (with Redis alone,
  /// its answer waits on Redis); `no-store` requests never read it.
  bool reads_remote_cache(const http::request& req) const;

 private:
  struct parts;
  std::unique_ptr<parts> parts_;
};

/// Builds the application and serves it until SIGINT/SIGTERM. Returns the exit code.
int serve(const config& settings);

}  // namespace zomato::app
