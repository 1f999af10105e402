#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>

#include "app/config.hpp"
#include "cache/redis_pipeline.hpp"
#include "http/message.hpp"
#include "http/router.hpp"

namespace zomato::cache {
class response_cache;
}

namespace zomato::net {
class server;
}

namespace zomato::app {

class request_lanes;

/// The composition root: the store, the services and every route, wired once.
class application {
 public:
  /// Opens and migrates the database; throws if it cannot.
  explicit application(const config& settings);
  ~application();

  /// Answers one request through the router (reads made inside the server use the cache on
  /// this thread).
  http::response handle(const http::request& req) const;
  /// The route a request reaches and its parameters, or the 404/405/422 answer.
  http::resolution resolve(const http::request& req) const;
  /// Runs the route's handler: its answer, or 503 with Retry-After when the database cannot
  /// serve for now. Other failures are thrown.
  http::response run(const http::request& req, const http::route& target, const http::params& values) const;
  /// Adds what every answer carries besides its own headers (with CORS_ORIGINS: Vary and the
  /// allowed origin), outside the route cache. Never fails.
  void decorate(const http::request& req, http::response& answer) const;
  /// The route cache, whose steps the caller runs where they belong.
  cache::response_cache& cache() const;
  /// Whether the database answers a read by primary key without the network
  /// (store::database::answers_in_process).
  bool database_in_process() const;
  /// Runs a request that may write (routed to `target` with its parameters) without waiting
  /// for its group's COMMIT: `acknowledge` follows once its writes are durable (false: they were
  /// lost), possibly on another thread. A request the database aborted over a conflict before
  /// any of its commits is run again, at most 3 times in all, then answered 503.
  http::response handle_write(const http::request& req, const http::route& target, const http::params& values,
                              std::function<void(bool)> acknowledge) const;
  /// A pipeline to the configured Redis for one event loop.
  std::unique_ptr<cache::redis_pipeline> pipeline_on(boost::asio::io_context& loop) const;
  /// How many routes the router holds (route indexes are below it).
  std::size_t route_count() const;
  /// Adds what the lanes and the server count to GET /metrics; call before the server runs
  /// (both must outlive the serving).
  void serving(const request_lanes& lanes, const net::server& server);

 private:
  struct parts;
  std::unique_ptr<parts> parts_;
};

/// Builds the application and serves it until SIGINT/SIGTERM. Returns the exit code.
int serve(const config& settings);

}  // namespace zomato::app
