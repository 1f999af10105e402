#pragma once

#include <memory>
#include <optional>
#include <vector>

#include "app/application.hpp"
#include "app/config.hpp"
#include "net/server.hpp"

namespace boost::asio {
class thread_pool;
}

namespace zomato::app {

/// Where each request runs, so that no event loop waits: writes on the write threads,
/// answered once what they wrote is durable (503 with Retry-After when their group's COMMIT
/// failed); with Redis alone, cached reads looked up through the loop's own Redis pipeline
/// and a miss computed on a read thread; every other read on its loop.
class request_lanes final : public net::application {
 public:
  request_lanes(app::application& app, const config& settings);
  ~request_lanes() override;

  std::optional<http::response> answer(const http::request& req, net::loop_ref loop, net::later& deferred) override;
  /// Closes the loops' Redis pipelines; called once the server's loops have stopped and before
  /// the server (which owns the io_contexts their sockets and timers belong to) is destroyed.
  void close_pipelines();

 private:
  void write(const http::request& req, net::reply done);
  void remote_read(const http::request& req, net::loop_ref loop, net::reply done);
  void read_on_thread(http::request req, net::reply done);

  app::application& app_;
  std::unique_ptr<boost::asio::thread_pool> writers_;
  std::unique_ptr<boost::asio::thread_pool> readers_;  // only with Redis alone
  /// One per loop, made by the loop on its first cached read and used by it alone.
  std::vector<std::unique_ptr<cache::redis_pipeline>> pipelines_;
};

}  // namespace zomato::app
