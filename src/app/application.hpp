#pragma once

#include <functional>
#include <memory>
#include <optional>

#include "app/config.hpp"
#include "cache/redis_pipeline.hpp"
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
  /// Answers a request that may write without waiting for its group's COMMIT: `acknowledge`
  /// follows once its writes are durable (false: they were lost), possibly on another thread.
  http::response handle_write(const http::request& req, std::function<void(bool)> acknowledge) const;
  /// Whether the request reaches a cached route and may read the cache (with Redis alone,
  /// its answer waits on Redis); `no-store` requests never read it.
  bool reads_remote_cache(const http::request& req) const;
  /// With Redis alone: looks a cached read up in Redis on the loop, through its pipeline.
  /// False when the request is not such a read; otherwise `done` follows on the loop with
  /// the stored answer, or nullopt when Redis had none (or could not be asked).
  bool answer_from_remote(const http::request& req, cache::redis_pipeline& pipeline,
                          std::function<void(std::optional<http::response>)> done) const;
  /// A pipeline to the configured Redis for one event loop.
  std::unique_ptr<cache::redis_pipeline> pipeline_on(boost::asio::io_context& loop) const;

 private:
  struct parts;
  std::unique_ptr<parts> parts_;
};

/// Builds the application and serves it until SIGINT/SIGTERM. Returns the exit code.
int serve(const config& settings);

}  // namespace zomato::app
