#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include "app/application.hpp"
#include "app/config.hpp"
#include "limits/rate_limiter.hpp"
#include "net/server.hpp"

namespace boost::asio {
class thread_pool;
}

namespace zomato::cache {
struct read_plan;
}

namespace zomato::app {

/// The read pool and the write threads, as they are now and what they refused so far.
struct lane_figures {
  unsigned read_threads = 0;
  /// Slow reads that may wait for a read thread (READ_QUEUE).
  std::size_t read_queue_limit = 0;
  /// Slow reads running or waiting now.
  std::size_t reads_taken = 0;
  /// Slow reads refused for lack of room: answered 503 or by a stale entry, or a stale entry's
  /// refresh not run.
  std::uint64_t reads_refused = 0;
  unsigned write_threads = 0;
  /// The requests the rate limits refused.
  limits::limit_figures limits;
};

/// Where each request runs, so that no event loop waits: writes on the write threads, answered
/// once what they wrote is durable (503 with Retry-After when their group's COMMIT failed);
/// reads of quick routes on their loop (with SQLite; with PostgreSQL on the read pool); reads of slow routes, and cache
/// misses of routes that Redis may hold (asked through the loop's own Redis pipeline), on the read pool. The read pool
/// takes at most its threads plus READ_QUEUE reads at once; past that a read is answered 503 with Retry-After (or by a
/// stale entry within its stale-if-error window). One read per missing key computes it; the others wait for its answer
/// without holding a thread.
///
/// With rate limits (RATE_LIMIT_WRITES, RATE_LIMIT_READS), a write that reaches a route and a
/// read that the cache does not answer (in memory or in Redis) first take a token from their
/// principal's bucket, before anything of them runs; past it they are answered 429 with
/// Retry-After. A hit costs nothing. With Redis the buckets are the fleet's, asked through the
/// loop's pipeline without waiting on it; when Redis fails or is late, this process's own.
class request_lanes final : public net::application {
 public:
  request_lanes(app::application& app, const config& settings);
  ~request_lanes() override;

  std::optional<http::response> answer(const http::request& req, net::loop_ref loop, net::later& deferred) override;
  /// The application's CORS headers (application::decorate). Never fails.
  void decorate(const http::request& req, http::response& answer) const override { app_.decorate(req, answer); }
  /// Waits for the work of the read and write pools to end (it may still read a request's
  /// buffers), then closes the loops' Redis pipelines; called once the server's loops have
  /// stopped and before the server (which owns those buffers and the io_contexts the pipelines'
  /// sockets and timers belong to) is destroyed.
  void finish();
  /// The lanes' figures now. Safe from any thread.
  lane_figures figures() const;

 private:
  struct pending_read;

  /// Routes the request, naming its route on `deferred` for the server's request counters.
  http::resolution route(const http::request& req, net::later& deferred) const;
  /// Answers a write that routes nowhere at once; runs the others on the write threads.
  std::optional<http::response> write(const http::request& req, net::loop_ref loop, net::later& deferred);
  std::optional<http::response> read(const http::request& req, net::loop_ref loop, net::later& deferred);
  /// Computes a read that the cache could not answer, or waits for the computation in progress,
  /// once its bucket allows it.
  void compute(const std::shared_ptr<pending_read>& pending);
  /// compute() once the read's bucket gave it a token.
  void compute_allowed(const std::shared_ptr<pending_read>& pending);
  /// Runs `go` once the bucket of `kind` of the request's principal (http::principal_of) gave it
  /// a token (at once when the kind is not limited or the buckets are this process's), or
  /// answers `done` with 429.
  template <class Go>
  void when_allowed(limits::bucket_kind kind, const http::request& req, const domain::principal& caller,
                    net::loop_ref loop, Go&& go, const net::reply& done);
  /// The loop's Redis pipeline, made on its first use. Call on that loop.
  cache::redis_pipeline& pipeline_of(net::loop_ref loop);
  /// Computes again, off the loop, an entry that was served stale.
  void refresh(const http::request& req, const http::route& target, http::params values,
               const std::shared_ptr<cache::read_plan>& plan);
  /// Runs slow work on the read pool; false when it has no room.
  bool run_slow(std::function<void()> work);
  /// Whether a read of this route runs on its loop: a local route's, and a quick route's on a
  /// database that answers without the network (SQLite); on PostgreSQL quick reads go to the
  /// read pool.
  bool on_loop(const http::route& target) const {
    return target.work == http::work_kind::local || (quick_on_loop_ && target.work == http::work_kind::quick);
  }
  /// The route's answer; a throw is a logged 500.
  http::response run_route(const http::request& req, const http::route& target, const http::params& values) const;

  app::application& app_;
  std::unique_ptr<boost::asio::thread_pool> writers_;
  std::unique_ptr<boost::asio::thread_pool> readers_;
  unsigned read_threads_;
  unsigned write_threads_;
  std::size_t read_capacity_;
  std::atomic<std::size_t> reads_taken_{0};
  std::atomic<std::uint64_t> reads_refused_{0};
  limits::rate_limiter limiter_;
  /// Whether the buckets are shared through Redis.
  bool shared_limits_;
  bool quick_on_loop_;
  /// One per loop, made by the loop on its first use of Redis and used by it alone.
  std::vector<std::unique_ptr<cache::redis_pipeline>> pipelines_;
};

}  // namespace zomato::app
